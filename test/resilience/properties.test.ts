import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntryPoint, Path, Resilience, Scenario, ScenarioOutcome } from '../../src/model/resilience.js';
import { buildResilience } from '../../src/resilience/model.js';
import { InventoryBuilder } from '../support/inventory-builder.js';

/**
 * Properties of the model over generated inventories (issue 12): two regions of three zones,
 * ALBs and NLBs with one or two target groups (instances per zone, some unhealthy, Lambda,
 * health checks off, cross-zone and DNS-failover attributes), Auto Scaling groups, and record
 * groups of every routing policy (health-checked or not, evaluating target health or not, through
 * a CNAME or not). The expected values are computed from the report's paths, not the model's
 * internals.
 */

const REGIONS = ['us-east-1', 'eu-west-1'] as const;
const LETTERS = ['a', 'b', 'c'] as const;

const zonesArb = fc.subarray([...LETTERS], { minLength: 1 });
const targetsArb = fc.record({ a: fc.nat(2), b: fc.nat(2), c: fc.nat(2), unhealthy: fc.constantFrom(...LETTERS, null) });
const targetGroupArb = fc.record({
  lambda: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  targets: targetsArb,
  healthChecksOff: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  crossZone: fc.constantFrom('unset', 'true', 'false'),
  dnsFailover: fc.constantFrom('default', 'off', '2'),
  rule: fc.boolean(),
});
const loadBalancerArb = fc.record({
  region: fc.constantFrom(...REGIONS),
  type: fc.constantFrom('application', 'network'),
  zones: zonesArb,
  crossZone: fc.boolean(),
  targetGroups: fc.array(targetGroupArb, { minLength: 1, maxLength: 2 }),
  autoScaling: fc.option(fc.record({ zones: zonesArb, launchSuspended: fc.boolean(), atMax: fc.boolean() }), { nil: undefined }),
});
const memberArb = fc.record({
  lb: fc.nat(5),
  health: fc.constantFrom('none', 'check', 'evaluate', 'disabled'),
  weight: fc.constantFrom(0, 1, 10),
  viaCname: fc.boolean(),
});
const recordGroupArb = fc.record({
  policy: fc.constantFrom('simple', 'failover', 'weighted', 'latency'),
  members: fc.array(memberArb, { minLength: 1, maxLength: 3 }),
});
const specArb = fc.record({
  loadBalancers: fc.array(loadBalancerArb, { minLength: 1, maxLength: 4 }),
  recordGroups: fc.array(recordGroupArb, { maxLength: 4 }),
});

type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

function inventoryOf(spec: Spec) {
  const b = new InventoryBuilder();
  const lbs = spec.loadBalancers.map((s, i) => {
    const attributes: Record<string, string> = s.type === 'network' ? { 'load_balancing.cross_zone.enabled': String(s.crossZone) } : {};
    const lb = b.loadBalancer(s.region, `lb${i}`, { type: s.type, zones: s.zones, attributes });
    s.targetGroups.forEach((t, j) => {
      const tgAttributes: Record<string, string> = {};
      if (t.crossZone !== 'unset') tgAttributes['load_balancing.cross_zone.enabled'] = t.crossZone;
      if (t.dnsFailover !== 'default') tgAttributes['target_group_health.dns_failover.minimum_healthy_targets.count'] = t.dnsFailover;
      const lambda = t.lambda && s.type === 'application';
      const counts = Object.fromEntries(LETTERS.map((z) => [z, { healthy: t.targets[z], unhealthy: t.targets.unhealthy === z ? 1 : 0 }]));
      const tg = b.targetGroup(lb, `lb${i}-tg${j}`, lambda ? {} : counts, {
        ...(lambda ? { type: 'lambda' as const } : {}),
        attributes: tgAttributes,
        ...(t.healthChecksOff || lambda ? { healthCheck: { enabled: false } } : {}),
        ...(j > 0 && t.rule ? { listener: 0, rulePriority: String(10 + j) } : {}),
      });
      if (t.healthChecksOff && !lambda) for (const target of tg.targets) Object.assign(target, { state: 'unavailable', reason: 'Target.HealthCheckDisabled' });
      if (j === 0 && s.autoScaling && !lambda) {
        const a = s.autoScaling;
        b.autoScalingGroup(tg, `asg${i}`, { zones: a.zones, suspendedProcesses: a.launchSuspended ? ['Launch'] : [], ...(a.atMax ? { desiredCapacity: 6, maxSize: 6 } : {}) });
      }
    });
    return lb;
  });
  const zone = b.hostedZone('example.com');
  spec.recordGroups.forEach((group, g) => {
    const name = `r${g}.example.com`;
    const members = group.policy === 'simple' ? group.members.slice(0, 1) : group.policy === 'failover' ? group.members.slice(0, 2) : group.members;
    members.forEach((m, k) => {
      const lb = lbs[m.lb % lbs.length]!;
      const region = lb.arn.split(':')[3]!;
      const fields: Record<string, unknown> = {};
      if (group.policy !== 'simple') fields.setIdentifier = `s${k}`;
      if (group.policy === 'failover') fields.failover = k === 0 ? 'PRIMARY' : 'SECONDARY';
      if (group.policy === 'weighted') fields.weight = m.weight;
      // Latency records name their load balancer's region; two of a region in one set are not allowed.
      if (group.policy === 'latency') fields.region = `${region}`;
      if (m.health === 'check' || m.health === 'disabled') fields.healthCheckId = b.healthCheck({ disabled: m.health === 'disabled' }).id;
      if (m.viaCname && group.policy === 'simple') {
        b.alias(zone, `inner${g}.example.com`, lb, { evaluateTargetHealth: m.health === 'evaluate' });
        b.cname(zone, name, `inner${g}.example.com`, fields);
      } else {
        b.alias(zone, name, lb, { ...fields, evaluateTargetHealth: m.health === 'evaluate' });
      }
    });
    if (group.policy === 'latency') {
      // One latency record per region: keep the first of each.
      const seen = new Set<string>();
      zone.records = zone.records.filter((r) => r.name !== name || r.region === undefined || (!seen.has(r.region) && (seen.add(r.region), true)));
    }
  });
  return b.inventory;
}

/** Zone ids and regions each active path of an entry point has a node or a serving target in. */
function activeFootprint(entry: EntryPoint) {
  const zones = new Set<string>();
  const regions = new Set<string>();
  for (const path of entry.paths.filter((p) => p.active && !p.outside)) {
    for (const hop of path.hops) {
      if (hop.kind !== 'load-balancer') continue;
      regions.add(hop.region);
      for (const zone of hop.zones) zones.add(`${hop.region}/${zone.zoneId}`);
    }
    const region = regionOf(path);
    for (const zone of path.targets?.zones ?? []) if (zone.serving > 0) zones.add(`${region}/${zone.zoneId}`);
  }
  return { zones, regions };
}

function regionOf(path: Path): string {
  const hop = path.hops.find((h) => h.kind === 'load-balancer');
  return hop && hop.kind === 'load-balancer' ? hop.region : '';
}

/** Serving targets of one path outside the scenario's zone or region. */
function pathCapacityAfter(path: Path, scenario: Scenario): number {
  const region = regionOf(path);
  if (region === scenario.region && scenario.kind === 'region') return 0;
  if (!path.targets) return 0;
  if (path.targets.regional) return path.capacity;
  const lost = region === scenario.region ? path.targets.zones.filter((z) => z.zoneId === scenario.zoneId).reduce((n, z) => n + z.serving, 0) : 0;
  return path.capacity - lost;
}

function forEachOutcome(check: (r: Resilience, entry: EntryPoint, scenario: Scenario, outcome: ScenarioOutcome) => void) {
  fc.assert(
    fc.property(specArb, (spec) => {
      const r = buildResilience(inventoryOf(spec));
      const outcomes = new Map(r.outcomes.map((o) => [`${o.id}|${o.scenarioId}`, o]));
      for (const entry of r.entryPoints) {
        for (const scenario of r.scenarios) {
          const outcome = outcomes.get(`${entry.id}|${scenario.id}`);
          expect(outcome, `${entry.id} in ${scenario.id}`).toBeDefined();
          check(r, entry, scenario, outcome!);
        }
      }
    }),
    { numRuns: 150 },
  );
}

describe('resilience model properties (generated inventories)', () => {
  it('losing a zone never increases the capacity of any single path: what is left is at most what its paths keep outside that zone', () => {
    forEachOutcome((_r, entry, scenario, outcome) => {
      if (scenario.kind !== 'zone' || outcome.capacity?.after == null) return;
      const active = entry.paths.filter((p) => p.active);
      const standby = entry.paths.filter((p) => !p.active);
      const kept = (paths: Path[]) => paths.reduce((n, p) => n + pathCapacityAfter(p, scenario), 0);
      // Traffic moves to a standby path only by a failover (a load balancer of a standby path serves); otherwise what is left comes from the active paths alone.
      const activeBalancers = new Set(active.flatMap((p) => p.hops.filter((h) => h.kind === 'load-balancer').map((h) => h.arn)));
      const failedOver = (outcome.servedBy ?? []).some((arn) => !activeBalancers.has(arn));
      expect(outcome.capacity.after).toBeLessThanOrEqual(failedOver ? kept(active) + kept(standby) : kept(active));
      if (standby.length === 0) expect(outcome.capacity.after).toBeLessThanOrEqual(outcome.capacity.before);
      for (const path of entry.paths) expect(pathCapacityAfter(path, scenario)).toBeLessThanOrEqual(path.capacity);
    });
  });

  it('an entry point with no active path through the lost zone or region is unaffected', () => {
    forEachOutcome((_r, entry, scenario, outcome) => {
      if (entry.paths.some((p) => p.active && p.outside)) return; // served outside the scan: listed, never judged
      const { zones, regions } = activeFootprint(entry);
      const through = scenario.kind === 'region' ? regions.has(scenario.region) : zones.has(`${scenario.region}/${scenario.zoneId}`);
      if (!through) expect([outcome.outcome, outcome.reasonId]).toEqual(['unaffected', 'notInScenario']);
      else expect(outcome.outcome).not.toBe('unaffected');
    });
  });

  it('an entry point whose active paths all lie in one region is down when that region is lost, or served by a failover elsewhere', () => {
    forEachOutcome((r, entry, scenario, outcome) => {
      if (scenario.kind !== 'region') return;
      const { regions } = activeFootprint(entry);
      if (regions.size !== 1 || !regions.has(scenario.region) || entry.paths.some((p) => p.active && p.outside)) return;
      expect(outcome.outcome).not.toBe('unaffected');
      if (outcome.outcome === 'down') return;
      const lbRegions = new Map(r.entryPoints.flatMap((e) => e.paths.flatMap((p) => p.hops.flatMap((h) => (h.kind === 'load-balancer' ? [[h.arn, h.region] as const] : [])))));
      expect(outcome.servedBy!.length).toBeGreaterThan(0);
      for (const arn of outcome.servedBy!) expect(lbRegions.get(arn)).not.toBe(scenario.region);
      expect(outcome.reasonId === 'failoverToSecondary' || outcome.outcome === 'degraded' || outcome.outcome === 'survives').toBe(true);
    });
  });

  it('every outcome is consistent: down serves nothing, unaffected keeps everything, survives keeps the required share, windows only while serving', () => {
    forEachOutcome((r, _entry, _scenario, outcome) => {
      const { capacity, recoverySeconds } = outcome;
      expect(['unaffected', 'survives', 'degraded', 'down', 'unknown']).toContain(outcome.outcome);
      if (outcome.outcome === 'down') expect([capacity?.after, recoverySeconds, outcome.servedBy]).toEqual([0, null, []]);
      if (outcome.outcome === 'unaffected') expect([capacity?.after, recoverySeconds]).toEqual([capacity?.before, null]);
      if (outcome.outcome === 'survives') expect(capacity!.after!).toBeGreaterThanOrEqual(r.minCapacityShare * capacity!.before);
      if (outcome.outcome === 'down' || outcome.outcome === 'degraded') expect(outcome.fix).toBeTruthy();
      if (recoverySeconds !== null) expect(recoverySeconds).toBeGreaterThanOrEqual(0);
    });
  });
});
