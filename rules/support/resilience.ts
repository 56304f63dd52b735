import { aws, joined, json, placeholder } from '../../src/engine/command.js';
import type { ResilienceScope } from '../../src/engine/resilience-scope.js';
import type { AutoScalingGroup, DnsRecord, LoadBalancer, TargetGroup } from '../../src/model/inventory.js';
import { NOT_JUDGED_REASONS, worstFirst, type EntryPoint, type Scenario, type ScenarioOutcome } from '../../src/model/resilience.js';
import type { RemediationStep } from '../../src/model/result.js';
import { groupOf, recordGroupFix } from './record-group-fix.js';
import { resourceRecordSet, type ResourceRecordSet } from './route53.js';


/**
 * A zone scenario's name, once per scenario: its `zoneNames` has an entry per account, and every
 * outcome of every entry point names its scenario (quadratic in the accounts without the memo).
 */
const zoneScenarioNames = new WeakMap<Scenario, string>();

/** `use1-az1 (us-east-1a)`, or the region name. */
export function scenarioName(scenario: Scenario | undefined, fallback: string): string {
  if (!scenario) return fallback;
  if (scenario.kind === 'region') return scenario.region;
  let name = zoneScenarioNames.get(scenario);
  if (name === undefined) {
    const names = [...new Set((scenario.zoneNames ?? []).map((z) => z.zoneName))];
    name = scenario.zoneId ? (names.length > 0 ? `${scenario.zoneId} (${names.join(', ')})` : scenario.zoneId) : names.join(', ');
    zoneScenarioNames.set(scenario, name);
  }
  return name || fallback;
}

/** An entry point's outcomes in the scenarios of one kind, judged: what fails, what is unknown, and whether it applies at all. */
export function judge(scope: ResilienceScope, entry: EntryPoint, kind: Scenario['kind']) {
  const outcomes = scope.outcomesOf(entry.id).filter((o) => o.subject === 'entry-point' && scope.scenario(o.scenarioId)?.kind === kind);
  // Served only outside the scan now, or in a scenario only outside: listed, never guessed about.
  const judged = outcomes.filter((o) => !NOT_JUDGED_REASONS.has(o.reasonId));
  return {
    outcomes: judged,
    failing: judged.filter((o) => o.outcome === 'down' || o.outcome === 'degraded').sort(worstFirst),
    unknown: judged.filter((o) => o.outcome === 'unknown'),
    applicable: !outcomes.some((o) => o.reasonId === 'outsideScan'),
  };
}

/** `33%` of the capacity left. */
export function capacityLeft(outcome: ScenarioOutcome): string {
  const capacity = outcome.capacity;
  if (!capacity || capacity.after === null || capacity.before === 0) return 'unknown';
  return `${Math.round((100 * capacity.after) / capacity.before)}%`;
}

/** ` after about 90 s`, or nothing when there is no window. */
export function recoveryText(outcome: ScenarioOutcome): string {
  return outcome.recoverySeconds ? ` after about ${outcome.recoverySeconds} s` : '';
}

/** Every scenario's outcome, for the evidence. */
export function outcomeEvidence(scope: ResilienceScope, outcomes: readonly ScenarioOutcome[]): Record<string, unknown> {
  return Object.fromEntries(
    outcomes.map((o) => [
      scenarioName(scope.scenario(o.scenarioId), o.scenarioId),
      { outcome: o.outcome, capacity: o.capacity, recoverySeconds: o.recoverySeconds, reasonId: o.reasonId, ...(o.refill ? { refill: o.refill } : {}) },
    ]),
  );
}

/**
 * The steps that would have prevented an outcome, built from what causes it (`causedBy`): more
 * zones or capacity for the target groups that lose their targets, health checks or target-health
 * evaluation for the records Route 53 cannot see fail, a standby in another region.
 */
export function fixSteps(scope: ResilienceScope, entry: EntryPoint, outcome: ScenarioOutcome): RemediationStep[] {
  const causes = outcome.causedBy ?? [];
  switch (outcome.reasonId) {
    case 'noTargetLeft':
    case 'capacityBelowShare':
    case 'targetGroupEmptied':
      return causes.flatMap((arn) => capacitySteps(scope, arn));
    case 'nodeWithoutTargets':
      return causes.flatMap((arn) => located(scope, arn, (tg, region) => [aws('elbv2', 'modify-target-group-attributes', '--target-group-arn', tg.arn, '--attributes', 'Key=target_group_health.dns_failover.minimum_healthy_targets.count,Value=1', '--region', region)]));
    case 'healthChecksOff':
      return causes.flatMap((arn) => located(scope, arn, (tg, region) => [aws('elbv2', 'modify-target-group', '--target-group-arn', tg.arn, '--health-check-enabled', '--region', region)]));
    case 'healthCheckDisabled':
    case 'healthCheckInverted':
      return causes.flatMap((id) => {
        const found = scope.record(id);
        const check = found?.record.healthCheckId;
        if (!check) return [];
        return [aws('route53', 'update-health-check', '--health-check-id', check, outcome.reasonId === 'healthCheckDisabled' ? '--no-disabled' : '--no-inverted')];
      });
    case 'noFailover':
    case 'memberWithoutHealthCheck':
    case 'healthCheckMissing':
    case 'routingControl':
      return causes.flatMap((id) => {
        // The fix the DNS rules give the record's group: a health check or target-health evaluation, never a second one.
        const found = scope.record(id);
        const account = found && scope.accountScope(found.accountId);
        return found && account ? recordGroupFix(account, groupOf(account, found.zone, found.record)).steps : [];
      });
    case 'standbyDown':
      return causes.flatMap((id) => {
        const found = scope.record(id);
        return found ? [upsertCommand(found.zone.id, withPlaceholders(resourceRecordSet(inAnotherRegion(found.record))) as ResourceRecordSet)] : [];
      });
    case 'regionLost':
      return standbyInAnotherRegion(scope, entry);
    default:
      return [];
  }
}

/** What serves the entry point from another region: a failover secondary (record groups), or a failover pair that names the load balancer. */
export function standbyInAnotherRegion(scope: ResilienceScope, entry: EntryPoint): RemediationStep[] {
  const secondary: DnsRecord = { name: entry.name, type: 'A', values: [], setIdentifier: 'secondary', failover: 'SECONDARY', aliasTarget: STANDBY_ALIAS };
  if (entry.kind === 'load-balancer') {
    const lb = scope.find<LoadBalancer>(entry.id)?.resource;
    const primary: DnsRecord = {
      name: '<dns-name>',
      type: 'A',
      values: [],
      setIdentifier: 'primary',
      failover: 'PRIMARY',
      aliasTarget: { hostedZoneId: '<load-balancer-canonical-hosted-zone-id>', dnsName: lb ? `dualstack.${lb.dnsName}` : entry.name, evaluateTargetHealth: true },
    };
    const changes = [primary, { ...secondary, name: '<dns-name>' }].map((r) => ({ Action: 'CREATE', ResourceRecordSet: withPlaceholders(resourceRecordSet(r)) }));
    return [aws('route53', 'change-resource-record-sets', '--hosted-zone-id', placeholder('hosted-zone-id'), '--change-batch', json({ Changes: changes }))];
  }
  const zone = scope.hostedZone(entry.accountId, entry.hostedZone?.id ?? '');
  if (!zone) return [];
  const records = zone.records.filter((r) => r.name === entry.name && `${zone.id}/${r.name}/${r.type}` === entry.id);
  const secondaries = records.filter((r) => r.failover === 'SECONDARY');
  // A failover pair: its secondary moves to another region. Any other policy: the group becomes a failover pair.
  if (secondaries.length > 0) return secondaries.map((record) => upsertCommand(zone.id, withPlaceholders(resourceRecordSet(inAnotherRegion(record))) as ResourceRecordSet));
  if (records.length !== 1 || records[0]!.setIdentifier !== undefined) {
    const first = records[0]!;
    const member: DnsRecord = { ...inAnotherRegion({ ...first, healthCheckId: undefined }), setIdentifier: '<set-identifier-in-another-region>', ...(first.region ? { region: '<region>' } : {}) };
    return [aws('route53', 'change-resource-record-sets', '--hosted-zone-id', zone.id, '--change-batch', json({ Changes: [{ Action: 'CREATE', ResourceRecordSet: withPlaceholders(resourceRecordSet(member)) }] }))];
  }
  const current = records[0]!;
  const primary: DnsRecord = { ...current, setIdentifier: 'primary', failover: 'PRIMARY', ...(current.aliasTarget ? { aliasTarget: { ...current.aliasTarget, evaluateTargetHealth: true } } : {}) };
  const changes = [
    { Action: 'DELETE', ResourceRecordSet: resourceRecordSet(current) },
    { Action: 'CREATE', ResourceRecordSet: resourceRecordSet(primary) },
    { Action: 'CREATE', ResourceRecordSet: withPlaceholders(resourceRecordSet({ ...secondary, type: current.type === 'AAAA' ? 'AAAA' : 'A' })) },
  ];
  return [aws('route53', 'change-resource-record-sets', '--hosted-zone-id', zone.id, '--change-batch', json({ Changes: changes }))];
}

const STANDBY_ALIAS = { hostedZoneId: '<load-balancer-canonical-hosted-zone-id>', dnsName: '<load-balancer-dns-name-in-another-region>', evaluateTargetHealth: true };

/** The record pointed to a load balancer the user picks in another region; a CNAME stays a CNAME. */
function inAnotherRegion(record: DnsRecord): DnsRecord {
  if (!record.aliasTarget) return { ...record, values: ['<load-balancer-dns-name-in-another-region>'] };
  return { ...record, aliasTarget: STANDBY_ALIAS };
}

/** The placeholders the change batch carries, typed, wherever they appear in the JSON. */
const PLACEHOLDERS: Record<string, ReturnType<typeof placeholder>> = {
  '<load-balancer-canonical-hosted-zone-id>': placeholder('hosted-zone-id', 'load-balancer-canonical-hosted-zone-id'),
  '<load-balancer-dns-name-in-another-region>': placeholder('dns-name', 'load-balancer-dns-name-in-another-region'),
  '<dns-name>': placeholder('dns-name'),
  '<set-identifier-in-another-region>': placeholder('route53-set-identifier', 'set-identifier-in-another-region'),
  '<region>': placeholder('region'),
};

function withPlaceholders(value: unknown): unknown {
  if (typeof value === 'string') return PLACEHOLDERS[value] ?? value;
  if (Array.isArray(value)) return value.map(withPlaceholders);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlaceholders(v)]));
  return value;
}

function located<T extends TargetGroup>(scope: ResilienceScope, arn: string, steps: (resource: T, region: string) => RemediationStep[]): RemediationStep[] {
  const found = scope.find<T>(arn);
  return found ? steps(found.resource, found.region) : [];
}

/**
 * More serving targets outside any one zone for a target group: the Auto Scaling groups that
 * feed it spread over the zones of its load balancers (subnets the VPC has there, a placeholder
 * where it has none), or, already spread, run at least two per zone; with no group, a target
 * registered in another zone.
 */
function capacitySteps(scope: ResilienceScope, arn: string): RemediationStep[] {
  const found = scope.find<TargetGroup>(arn);
  if (!found) return [];
  const { resource: tg, region, index } = found;
  // Indexed by the scope (a target group ARN names one account and region): scanning every group for each failing entry point is quadratic on a big account.
  const groups = scope.feeders(tg.arn);
  if (groups.length === 0) {
    if (tg.targetType !== 'instance' && tg.targetType !== 'ip') return [];
    const id = tg.targetType === 'instance' ? placeholder('instance-id', 'instance-id-in-another-zone') : placeholder('ip-address', 'ip-address-in-another-zone');
    return [aws('elbv2', 'register-targets', '--target-group-arn', tg.arn, '--targets', joined('', ['Id=', id]), '--region', region)];
  }
  const lbZones = [...new Set(tg.loadBalancerArns.flatMap((lbArn) => index.loadBalancer(lbArn)?.availabilityZones.map((z) => z.zoneName) ?? []))];
  return groups.map((group) => groupStep(group, lbZones, index.subnetsOfVpc(tg.vpcId ?? ''), region));
}

function groupStep(group: AutoScalingGroup, lbZones: string[], subnets: { id: string; availabilityZone: string }[], region: string): RemediationStep {
  const missing = lbZones.filter((zone) => !group.availabilityZones.includes(zone));
  if (missing.length > 0 || group.availabilityZones.length < 2) {
    const known = missing.map((zone) => subnets.find((s) => s.availabilityZone === zone)?.id);
    const added = known.every((id) => id !== undefined) && known.length > 0 ? (known as string[]) : [placeholder('subnet-id', 'subnet-id-in-another-zone')];
    return aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--vpc-zone-identifier', joined(',', [...group.subnetIds, ...added]), '--region', region);
  }
  // Already spread: at least two serving instances per zone, so that one zone's loss leaves most of the capacity.
  const zones = group.availabilityZones.length;
  let size = zones * Math.max(2, Math.ceil(group.desiredCapacity / zones));
  if (size <= group.desiredCapacity) size += zones;
  const words = ['--auto-scaling-group-name', group.name, '--min-size', String(size), '--desired-capacity', String(size)];
  if (size > group.maxSize) words.push('--max-size', String(size));
  return aws('autoscaling', 'update-auto-scaling-group', ...words, '--region', region);
}


function upsertCommand(hostedZoneId: string, set: ResourceRecordSet): RemediationStep {
  return aws('route53', 'change-resource-record-sets', '--hosted-zone-id', hostedZoneId, '--change-batch', json({ Changes: [{ Action: 'UPSERT', ResourceRecordSet: set }] }));
}
