import { describe, expect, it } from 'vitest';
import type { Resilience, ScenarioOutcome } from '../../src/model/resilience.js';
import { buildResilience } from '../../src/resilience/model.js';
import { ACCOUNT, InventoryBuilder } from '../support/inventory-builder.js';

const A = 'zone:us-east-1/use1-az1';
const B = 'zone:us-east-1/use1-az2';
const C = 'zone:us-east-1/use1-az3';
const EAST = 'region:us-east-1';
const WEST = 'region:eu-west-1';

function outcome(resilience: Resilience, id: string, scenarioId: string): ScenarioOutcome {
  const found = resilience.outcomes.find((o) => o.id === id && o.scenarioId === scenarioId);
  expect(found, `outcome of ${id} in ${scenarioId}`).toBeDefined();
  return found!;
}

/** The fields a test compares: outcome, capacity, recovery, refill, reason id. */
function summary(o: ScenarioOutcome) {
  return { outcome: o.outcome, capacity: o.capacity, recoverySeconds: o.recoverySeconds, refill: o.refill, reasonId: o.reasonId };
}

describe('entry points', () => {
  it('a record group that resolves to a load balancer is one; its load balancer is not one of its own; a GWLB and an ALB behind an NLB never are', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web');
    b.targetGroup(web, 'web', { a: 1, b: 1 });
    const zone = b.hostedZone('example.com');
    b.alias(zone, 'www.example.com', web);
    const direct = b.loadBalancer('us-east-1', 'direct', { scheme: 'internal' });
    b.targetGroup(direct, 'direct', { a: 1 });
    const gateway = b.loadBalancer('us-east-1', 'inspect', { type: 'gateway' });
    b.targetGroup(gateway, 'appliances', { a: 1 });
    const nlb = b.loadBalancer('us-east-1', 'front', { type: 'network' });
    const inner = b.loadBalancer('us-east-1', 'inner');
    b.targetGroup(inner, 'inner', { a: 1, b: 1 });
    const albGroup = b.targetGroup(nlb, 'to-alb', {}, { type: 'alb' });
    albGroup.targets.push({ id: inner.arn, port: 80, state: 'healthy' });
    const r = buildResilience(b.inventory);
    expect(r.entryPoints.map((e) => [e.kind, e.name, e.internal])).toEqual([
      ['record-group', 'www.example.com', false],
      ['load-balancer', 'direct', true],
      ['load-balancer', 'front', false],
    ]);
    const front = r.entryPoints.find((e) => e.name === 'front')!;
    expect(front.paths[0]!.hops.map((h) => (h.kind === 'load-balancer' || h.kind === 'target-group' ? `${h.kind}:${h.name}` : h.kind))).toEqual([
      'load-balancer:front',
      'listener',
      'target-group:to-alb',
      'load-balancer:inner',
      'listener',
      'target-group:inner',
    ]);
    expect(front.capacity).toBe(2);
  });

  it('a path records every hop and the targets by zone with zone ids, so that it can be drawn from the report alone', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web');
    const tg = b.targetGroup(web, 'web', { a: 2, b: { healthy: 1, unhealthy: 1 } });
    b.autoScalingGroup(tg, 'web-asg');
    const zone = b.hostedZone('example.com');
    b.alias(zone, 'www.example.com', web, { evaluateTargetHealth: true });
    const [entry] = buildResilience(b.inventory).entryPoints;
    const [path] = entry!.paths;
    expect(path!.active).toBe(true);
    expect(path!.hops[0]).toMatchObject({ kind: 'record', name: 'www.example.com', routingPolicy: 'simple', via: 'alias', evaluateTargetHealth: true });
    expect(path!.hops[1]).toMatchObject({ kind: 'load-balancer', name: 'web', zones: [{ zoneName: 'us-east-1a', zoneId: 'use1-az1' }, { zoneName: 'us-east-1b', zoneId: 'use1-az2' }] });
    expect(path!.hops[3]).toMatchObject({ kind: 'target-group', name: 'web', crossZone: true, dnsFailoverMinimumHealthyTargets: 1, detectionSeconds: 30 });
    expect(path!.targets).toEqual({
      regional: false,
      zones: [
        { zoneName: 'us-east-1a', zoneId: 'use1-az1', serving: 2, registered: 2 },
        { zoneName: 'us-east-1b', zoneId: 'use1-az2', serving: 1, registered: 2 },
      ],
      unplaced: 0,
    });
    expect(path!.autoScalingGroups.map((g) => g.name)).toEqual(['web-asg']);
    expect(entry!.capacity).toBe(3);
  });
});

describe('zone losses', () => {
  it('an ALB in two zones with targets in one: losing that zone is down, losing the other only takes a node out of DNS', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    b.targetGroup(web, 'web', { a: 2 });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, web.arn, A))).toEqual({ outcome: 'down', capacity: { before: 2, after: 0 }, recoverySeconds: null, refill: 'no-group', reasonId: 'noTargetLeft' });
    expect(outcome(r, web.arn, A).fix).toBeTruthy();
    expect(summary(outcome(r, web.arn, B))).toEqual({ outcome: 'survives', capacity: { before: 2, after: 2 }, recoverySeconds: 60, refill: 'not-needed', reasonId: 'nodeOnly' });
  });

  it('a lost zone that holds nothing of the entry point leaves it unaffected', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    b.targetGroup(web, 'web', { a: 1, b: 1 });
    const other = b.loadBalancer('us-east-1', 'other', { zones: ['c'] });
    b.targetGroup(other, 'other', { c: 1 });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, web.arn, C))).toEqual({ outcome: 'unaffected', capacity: { before: 2, after: 2 }, recoverySeconds: null, refill: 'not-needed', reasonId: 'notInScenario' });
    expect(outcome(r, web.arn, C).servedBy).toEqual([web.arn]);
  });

  it('losing a zone with targets and a node: the longer of target detection and the DNS TTL; below minCapacityShare it is degraded', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    b.targetGroup(web, 'web', { a: 2, b: 1 }, { healthCheck: { intervalSeconds: 30, unhealthyThreshold: 3 } });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, web.arn, B))).toEqual({ outcome: 'survives', capacity: { before: 3, after: 2 }, recoverySeconds: 90, refill: 'no-group', reasonId: 'capacityLeft' });
    expect(summary(outcome(r, web.arn, A))).toMatchObject({ outcome: 'degraded', capacity: { before: 3, after: 1 }, recoverySeconds: 90, reasonId: 'capacityBelowShare' });
    const lenient = buildResilience(b.inventory, { minCapacityShare: 0.3 });
    expect(outcome(lenient, web.arn, A).outcome).toBe('survives');
    expect(lenient.minCapacityShare).toBe(0.3);
  });

  it('cross-zone off, a surviving node with no target of its own: out of DNS by the target group DNS failover (default), degraded when it is off', () => {
    const b = new InventoryBuilder();
    const nlb = b.loadBalancer('us-east-1', 'tcp', { type: 'network', zones: ['a', 'b', 'c'], attributes: { 'load_balancing.cross_zone.enabled': 'false' } });
    b.targetGroup(nlb, 'tcp', { a: 2, b: 2 });
    const off = b.loadBalancer('us-east-1', 'tcp-off', { type: 'network', zones: ['a', 'b', 'c'], attributes: { 'load_balancing.cross_zone.enabled': 'false' } });
    b.targetGroup(off, 'tcp-off', { a: 2, b: 2 }, { attributes: { 'target_group_health.dns_failover.minimum_healthy_targets.count': 'off' } });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, nlb.arn, A))).toMatchObject({ outcome: 'survives', capacity: { before: 4, after: 2 }, reasonId: 'capacityLeft' });
    // Its node in c never had a target: already out of DNS, so losing c costs nothing.
    expect(summary(outcome(r, nlb.arn, C))).toMatchObject({ outcome: 'survives', recoverySeconds: 0, reasonId: 'nodeOnly' });
    expect(summary(outcome(r, off.arn, A))).toMatchObject({ outcome: 'degraded', capacity: { before: 4, after: 2 }, reasonId: 'nodeWithoutTargets' });
    expect(r.entryPoints.find((e) => e.id === off.arn)!.paths[0]!.hops[2]).toMatchObject({ crossZone: false, dnsFailoverMinimumHealthyTargets: 'off' });
  });

  it('a target group that loses every target while the load balancer still serves others: its requests fail (degraded)', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    b.targetGroup(web, 'site', { a: 2, b: 2 });
    b.targetGroup(web, 'api', { a: 2 }, { listener: 0, rulePriority: '10' });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, web.arn, A))).toMatchObject({ outcome: 'degraded', capacity: { before: 6, after: 2 }, reasonId: 'targetGroupEmptied' });
    expect(r.entryPoints[0]!.paths.map((p) => p.hops.find((h) => h.kind === 'listener'))).toEqual([
      expect.not.objectContaining({ rulePriority: expect.anything() }),
      expect.objectContaining({ rulePriority: '10' }),
    ]);
  });

  it('a Lambda target group is regional: capacity 1, kept in a zone loss, lost with its region', () => {
    const b = new InventoryBuilder();
    const fn = b.loadBalancer('us-east-1', 'fn', { zones: ['a', 'b'] });
    b.targetGroup(fn, 'fn', {}, { type: 'lambda', healthCheck: { enabled: false } });
    const r = buildResilience(b.inventory);
    expect(r.entryPoints[0]!.paths[0]!.targets).toEqual({ regional: true, zones: [], unplaced: 0 });
    expect(summary(outcome(r, fn.arn, A))).toMatchObject({ outcome: 'survives', capacity: { before: 1, after: 1 }, reasonId: 'nodeOnly' });
    expect(summary(outcome(r, fn.arn, EAST))).toMatchObject({ outcome: 'down', capacity: { before: 1, after: 0 }, reasonId: 'regionLost' });
  });

  it('health checks off: the load balancer keeps sending to the lost targets (degraded)', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    const tg = b.targetGroup(web, 'web', { a: 2, b: 2 }, { healthCheck: { enabled: false } });
    for (const t of tg.targets) Object.assign(t, { state: 'unavailable', reason: 'Target.HealthCheckDisabled' });
    expect(summary(outcome(buildResilience(b.inventory), web.arn, A))).toMatchObject({ outcome: 'degraded', capacity: { before: 4, after: 2 }, reasonId: 'healthChecksOff' });
  });

  it('an entry point with no serving target is down in every scenario, with that reason', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    b.targetGroup(web, 'web', { a: { healthy: 0, unhealthy: 2 } });
    const r = buildResilience(b.inventory);
    for (const scenario of [A, B, EAST]) expect(summary(outcome(r, web.arn, scenario))).toMatchObject({ outcome: 'down', capacity: { before: 0, after: 0 }, reasonId: 'noServingTarget' });
  });
});

describe('Auto Scaling refill (reported, never changing the outcome)', () => {
  function withGroup(fields: Parameters<InventoryBuilder['autoScalingGroup']>[2]) {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    const tg = b.targetGroup(web, 'web', { a: 2, b: 2 });
    b.autoScalingGroup(tg, 'web-asg', fields);
    return outcome(buildResilience(b.inventory), web.arn, A);
  }

  it('restores in the surviving zones', () => expect(withGroup({}).refill).toBe('restores'));
  it('cannot with subnets in the lost zone only', () => expect(withGroup({ zones: ['a'] }).refill).toBe('cannot'));
  it('cannot at MaxSize', () => expect(withGroup({ desiredCapacity: 4, maxSize: 4 }).refill).toBe('cannot'));
  it('cannot with Launch suspended', () => expect(withGroup({ suspendedProcesses: ['Launch'] }).refill).toBe('cannot'));
  it('cannot with ReplaceUnhealthy suspended', () => expect(withGroup({ suspendedProcesses: ['ReplaceUnhealthy'] }).refill).toBe('cannot'));
  it('cannot with capacity distribution balanced-only', () => expect(withGroup({ capacityDistributionStrategy: 'balanced-only' }).refill).toBe('cannot'));
  it('unknown on an inventory saved before suspended processes were collected', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    const tg = b.targetGroup(web, 'web', { a: 2, b: 2 });
    delete b.autoScalingGroup(tg, 'web-asg').suspendedProcesses;
    const o = outcome(buildResilience(b.inventory), web.arn, A);
    expect([o.outcome, o.refill]).toEqual(['survives', 'unknown']);
  });
  it('the outcome stays down though Auto Scaling would relaunch elsewhere', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web', { zones: ['a', 'b'] });
    const tg = b.targetGroup(web, 'web', { a: 2 });
    b.autoScalingGroup(tg, 'web-asg');
    expect(summary(outcome(buildResilience(b.inventory), web.arn, A))).toMatchObject({ outcome: 'down', refill: 'restores' });
  });
});

describe('DNS routing', () => {
  /** An ALB in us-east-1 (a, b) and one in eu-west-1, each with 2 targets per zone. */
  function twoRegions() {
    const b = new InventoryBuilder();
    const east = b.loadBalancer('us-east-1', 'east');
    b.targetGroup(east, 'east', { a: 2, b: 2 });
    const west = b.loadBalancer('eu-west-1', 'west');
    b.targetGroup(west, 'west', { a: 2, b: 1 });
    const zone = b.hostedZone('example.com');
    return { b, east, west, zone };
  }

  it('a health-checked failover pair moves to the surviving secondary after detection plus the TTL (60 s for an alias)', () => {
    const { b, east, west, zone } = twoRegions();
    const check = b.healthCheck({ requestInterval: 10, failureThreshold: 3 });
    b.alias(zone, 'www.example.com', east, { setIdentifier: 'east', failover: 'PRIMARY', healthCheckId: check.id });
    b.alias(zone, 'www.example.com', west, { setIdentifier: 'west', failover: 'SECONDARY' });
    const r = buildResilience(b.inventory);
    const id = `${zone.id}/www.example.com/A`;
    const entry = r.entryPoints.find((e) => e.id === id)!;
    expect(entry.paths.map((p) => [p.active, p.standby])).toEqual([[true, undefined], [false, 'secondary']]);
    expect(entry.capacity).toBe(4);
    expect(summary(outcome(r, id, EAST))).toEqual({ outcome: 'survives', capacity: { before: 4, after: 3 }, recoverySeconds: 90, refill: 'no-group', reasonId: 'failoverToSecondary' });
    expect(outcome(r, id, EAST).servedBy).toEqual([west.arn]);
    expect(outcome(r, id, WEST).outcome).toBe('unaffected');
  });

  it('a failover pair of CNAMEs: detection plus the TTL of the CNAME whose answer changes', () => {
    const { b, east, west, zone } = twoRegions();
    const check = b.healthCheck({ requestInterval: 30, failureThreshold: 2 });
    b.cname(zone, 'www.example.com', east.dnsName, { setIdentifier: 'east', failover: 'PRIMARY', healthCheckId: check.id, ttl: 20 });
    b.cname(zone, 'www.example.com', west.dnsName, { setIdentifier: 'west', failover: 'SECONDARY', ttl: 20 });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, `${zone.id}/www.example.com/CNAME`, EAST))).toMatchObject({ outcome: 'survives', recoverySeconds: 80, reasonId: 'failoverToSecondary' });
  });

  it('a failover primary that evaluates target health moves when its target group empties, with the target group detection', () => {
    const { b, east, west, zone } = twoRegions();
    b.alias(zone, 'www.example.com', east, { setIdentifier: 'east', failover: 'PRIMARY', evaluateTargetHealth: true });
    b.alias(zone, 'www.example.com', west, { setIdentifier: 'west', failover: 'SECONDARY', evaluateTargetHealth: true });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, `${zone.id}/www.example.com/A`, EAST))).toMatchObject({ outcome: 'survives', recoverySeconds: 90, reasonId: 'failoverToSecondary' });
  });

  it('a failover primary without health check or target-health evaluation never fails over: down', () => {
    const { b, east, west, zone } = twoRegions();
    b.alias(zone, 'www.example.com', east, { setIdentifier: 'east', failover: 'PRIMARY' });
    b.alias(zone, 'www.example.com', west, { setIdentifier: 'west', failover: 'SECONDARY' });
    const o = outcome(buildResilience(b.inventory), `${zone.id}/www.example.com/A`, EAST);
    expect(summary(o)).toMatchObject({ outcome: 'down', capacity: { before: 4, after: 0 }, recoverySeconds: null, reasonId: 'noFailover' });
    expect(o.fix).toBeTruthy();
  });

  it('a health-checked failover primary without a secondary: nothing to fail over to, down for what emptied it (not a standby that serves nothing)', () => {
    const { b, east, zone } = twoRegions();
    b.alias(zone, 'www.example.com', east, { setIdentifier: 'east', failover: 'PRIMARY', healthCheckId: b.healthCheck().id });
    const o = outcome(buildResilience(b.inventory), `${zone.id}/www.example.com/A`, EAST);
    expect(summary(o)).toMatchObject({ outcome: 'down', capacity: { before: 4, after: 0 }, reasonId: 'regionLost' });
    expect(o.causedBy).toEqual([east.arn]);
  });

  it('a failover secondary in the same region as its primary: down with the region, the standby named as the cause', () => {
    const { b, east, zone } = twoRegions();
    const twin = b.loadBalancer('us-east-1', 'twin');
    b.targetGroup(twin, 'twin', { a: 1, b: 1 });
    b.alias(zone, 'www.example.com', east, { setIdentifier: 'east', failover: 'PRIMARY', healthCheckId: b.healthCheck().id });
    const secondary = b.alias(zone, 'www.example.com', twin, { setIdentifier: 'twin', failover: 'SECONDARY', evaluateTargetHealth: true });
    const o = outcome(buildResilience(b.inventory), `${zone.id}/www.example.com/A`, EAST);
    expect(summary(o)).toMatchObject({ outcome: 'down', capacity: { before: 4, after: 0 }, reasonId: 'standbyDown' });
    expect(o.causedBy).toEqual([`${zone.id}/www.example.com/A/${secondary.setIdentifier}`]);
  });

  it('a disabled health check, an ARC routing control (a person flips it), a CloudWatch alarm (no computable window)', () => {
    const { b, east, west, zone } = twoRegions();
    const disabled = b.healthCheck({ disabled: true });
    const control = b.healthCheck({ type: 'RECOVERY_CONTROL' });
    const alarm = b.healthCheck({ type: 'CLOUDWATCH_METRIC' });
    for (const [name, check] of [['disabled', disabled], ['control', control], ['alarm', alarm]] as const) {
      b.alias(zone, `${name}.example.com`, east, { setIdentifier: 'east', failover: 'PRIMARY', healthCheckId: check.id });
      b.alias(zone, `${name}.example.com`, west, { setIdentifier: 'west', failover: 'SECONDARY' });
    }
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, `${zone.id}/disabled.example.com/A`, EAST))).toMatchObject({ outcome: 'down', reasonId: 'healthCheckDisabled' });
    expect(summary(outcome(r, `${zone.id}/control.example.com/A`, EAST))).toMatchObject({ outcome: 'down', reasonId: 'routingControl' });
    const viaAlarm = outcome(r, `${zone.id}/alarm.example.com/A`, EAST);
    expect(summary(viaAlarm)).toMatchObject({ outcome: 'survives', recoverySeconds: null, reasonId: 'failoverToSecondary' });
    expect(viaAlarm.reason).toContain('CloudWatch alarm');
  });

  it('latency records: with health checks a lost region moves its users to the other; without, its share keeps failing', () => {
    const { b, east, west, zone } = twoRegions();
    b.alias(zone, 'checked.example.com', east, { setIdentifier: 'east', region: 'us-east-1', evaluateTargetHealth: true });
    b.alias(zone, 'checked.example.com', west, { setIdentifier: 'west', region: 'eu-west-1', evaluateTargetHealth: true });
    b.alias(zone, 'blind.example.com', east, { setIdentifier: 'east', region: 'us-east-1' });
    b.alias(zone, 'blind.example.com', west, { setIdentifier: 'west', region: 'eu-west-1' });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, `${zone.id}/checked.example.com/A`, WEST))).toMatchObject({ outcome: 'survives', capacity: { before: 7, after: 4 }, reasonId: 'capacityLeft' });
    expect(summary(outcome(r, `${zone.id}/checked.example.com/A`, EAST))).toMatchObject({ outcome: 'degraded', capacity: { before: 7, after: 3 }, reasonId: 'capacityBelowShare' });
    expect(summary(outcome(r, `${zone.id}/blind.example.com/A`, WEST))).toMatchObject({ outcome: 'degraded', capacity: { before: 7, after: 4 }, reasonId: 'memberWithoutHealthCheck' });
  });

  it('latency records with Route 53 health checks: the lost region leaves the set after detection plus the TTL; the other region keeps serving', () => {
    const { b, east, west, zone } = twoRegions();
    b.alias(zone, 'hc.example.com', east, { setIdentifier: 'east', region: 'us-east-1', healthCheckId: b.healthCheck({ requestInterval: 30, failureThreshold: 3 }).id });
    b.alias(zone, 'hc.example.com', west, { setIdentifier: 'west', region: 'eu-west-1', healthCheckId: b.healthCheck({ requestInterval: 10, failureThreshold: 2 }).id });
    const r = buildResilience(b.inventory);
    const id = `${zone.id}/hc.example.com/A`;
    expect(summary(outcome(r, id, EAST))).toMatchObject({ outcome: 'degraded', capacity: { before: 7, after: 3 }, recoverySeconds: 150, reasonId: 'capacityBelowShare' });
    expect(outcome(r, id, EAST).servedBy).toEqual([west.arn]);
    expect(summary(outcome(r, id, WEST))).toMatchObject({ outcome: 'survives', capacity: { before: 7, after: 4 }, recoverySeconds: 80, reasonId: 'capacityLeft' });
  });

  it('weighted records: weight 0 is a standby used only when every weighted one is out; without health checks a dead one keeps its share', () => {
    const { b, east, west, zone } = twoRegions();
    const check = b.healthCheck();
    b.alias(zone, 'w.example.com', east, { setIdentifier: 'east', weight: 100, healthCheckId: check.id });
    b.alias(zone, 'w.example.com', west, { setIdentifier: 'west', weight: 0 });
    b.alias(zone, 'blind.example.com', east, { setIdentifier: 'east', weight: 50 });
    b.alias(zone, 'blind.example.com', west, { setIdentifier: 'west', weight: 50 });
    const r = buildResilience(b.inventory);
    const weighted = r.entryPoints.find((e) => e.name === 'w.example.com')!;
    expect(weighted.paths.map((p) => [p.active, p.standby])).toEqual([[true, undefined], [false, 'weight-zero']]);
    expect(summary(outcome(r, weighted.id, EAST))).toMatchObject({ outcome: 'survives', capacity: { before: 4, after: 3 }, recoverySeconds: 90, reasonId: 'failoverToSecondary' });
    expect(summary(outcome(r, `${zone.id}/blind.example.com/A`, EAST))).toMatchObject({ outcome: 'degraded', reasonId: 'memberWithoutHealthCheck' });
  });

  it('a CNAME chain to a failover pair: the recovery counts the TTL of the record whose answer changes, not the sum', () => {
    const { b, east, west, zone } = twoRegions();
    const check = b.healthCheck({ requestInterval: 10, failureThreshold: 2 });
    b.cname(zone, 'www.example.com', 'app.example.com', { ttl: 300 });
    b.alias(zone, 'app.example.com', east, { setIdentifier: 'east', failover: 'PRIMARY', healthCheckId: check.id });
    b.alias(zone, 'app.example.com', west, { setIdentifier: 'west', failover: 'SECONDARY' });
    const r = buildResilience(b.inventory);
    const www = r.entryPoints.find((e) => e.id === `${zone.id}/www.example.com/CNAME`)!;
    expect(www.paths[0]!.hops.slice(0, 2).map((h) => h.kind === 'record' && h.name)).toEqual(['www.example.com', 'app.example.com']);
    expect(summary(outcome(r, www.id, EAST))).toMatchObject({ outcome: 'survives', recoverySeconds: 80, reasonId: 'failoverToSecondary' });
  });

  it('a path that leaves the scan is listed, not guessed about: served only outside it is unknown; otherwise judged on its other paths', () => {
    const { b, east, zone } = twoRegions();
    const cloudFront = { hostedZoneId: 'Z2FDTNDATAQYW2', dnsName: 'd111111abcdef8.cloudfront.net.', evaluateTargetHealth: false };
    zone.records.push({ name: 'cdn.example.com', type: 'A', setIdentifier: 'cdn', failover: 'PRIMARY', healthCheckId: b.healthCheck().id, values: [], aliasTarget: cloudFront });
    b.alias(zone, 'cdn.example.com', east, { setIdentifier: 'origin', failover: 'SECONDARY' });
    zone.records.push({ name: 'mixed.example.com', type: 'A', setIdentifier: 'cdn', region: 'eu-west-1', values: [], aliasTarget: cloudFront });
    b.alias(zone, 'mixed.example.com', east, { setIdentifier: 'east', region: 'us-east-1', evaluateTargetHealth: true });
    const r = buildResilience(b.inventory);
    const cdn = r.entryPoints.find((e) => e.name === 'cdn.example.com')!;
    expect(cdn.paths.map((p) => [p.active, p.outside?.kind])).toEqual([[true, 'cloudfront'], [false, undefined]]);
    expect(summary(outcome(r, cdn.id, A))).toMatchObject({ outcome: 'unknown', reasonId: 'outsideScan' });
    const mixed = r.entryPoints.find((e) => e.name === 'mixed.example.com')!;
    expect(mixed.paths.map((p) => [p.active, p.outside?.destination])).toEqual([[true, 'd111111abcdef8.cloudfront.net'], [true, undefined]]);
    expect(summary(outcome(r, mixed.id, A))).toMatchObject({ outcome: 'survives', capacity: { before: 4, after: 2 } });
    expect(summary(outcome(r, mixed.id, EAST))).toMatchObject({ outcome: 'unknown', reasonId: 'servedOutside' });
  });
});

describe('missing data', () => {
  it('a gap in the data a path needs makes the outcome unknown where the scenario touches it', () => {
    const b = new InventoryBuilder();
    const web = b.loadBalancer('us-east-1', 'web');
    b.targetGroup(web, 'web', { a: 1, b: 1 });
    b.inventory.gaps.push({ accountId: ACCOUNT, region: 'us-east-1', service: 'elbv2', operation: 'DescribeTargetHealth', code: 'AccessDenied', message: 'denied' });
    const r = buildResilience(b.inventory);
    expect(summary(outcome(r, web.arn, A))).toMatchObject({ outcome: 'unknown', reasonId: 'dataMissing' });
    expect(r.entryPoints[0]!.paths[0]!.missing).toEqual(['elbv2:DescribeTargetHealth']);
  });
});

describe('scenarios', () => {
  it('are physical zones across accounts: the same zone id under different names is one scenario, listing each account\'s name', () => {
    const b = new InventoryBuilder();
    const one = b.loadBalancer('us-east-1', 'one', { zones: ['a', 'b'] });
    b.targetGroup(one, 'one', { a: 1, b: 1 });
    const two = b.loadBalancer('us-east-1', 'two', { zones: ['a', 'b'], accountId: '444455556666' });
    b.targetGroup(two, 'two', { a: 1, b: 1 });
    const r = buildResilience(b.inventory);
    // The second account's us-east-1a is use1-az2.
    expect(r.scenarios.find((s) => s.id === B)).toEqual({
      id: B,
      kind: 'zone',
      region: 'us-east-1',
      zoneId: 'use1-az2',
      zoneNames: [
        { accountId: ACCOUNT, zoneName: 'us-east-1b' },
        { accountId: '444455556666', zoneName: 'us-east-1a' },
      ],
    });
    expect(r.scenarios.map((s) => s.id)).toEqual([A, B, C, EAST]);
  });

  it('a zone whose id was not collected is its own scenario per account', () => {
    const b = new InventoryBuilder();
    const one = b.loadBalancer('us-east-1', 'one', { zones: ['a'] });
    b.targetGroup(one, 'one', { a: 1 });
    delete b.region('us-east-1').ec2.availabilityZones;
    expect(buildResilience(b.inventory).scenarios.map((s) => s.id)).toEqual([`zone:us-east-1/${ACCOUNT}:us-east-1a`, EAST]);
  });
});
