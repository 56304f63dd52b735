import { aws, joined, json, placeholder } from '../../src/engine/command.js';
import type { ResilienceScope } from '../../src/engine/resilience-scope.js';
import type { AutoScalingGroup, LoadBalancer, TargetGroup } from '../../src/model/inventory.js';
import { NOT_JUDGED_REASONS, worstFirst, type EntryPoint, type Scenario, type ScenarioOutcome } from '../../src/model/resilience.js';
import type { RemediationStep } from '../../src/model/result.js';
import { groupOf, recordGroupFix, type RecordGroupFix } from './record-group-fix.js';
import { maxSizeWithRoom } from './autoscaling.js';
import { subnetsInNewZones } from './zones.js';
import { repairHealthCheckStep } from './route53-health-check.js';
import type { RegionIndex } from '../../src/model/region-index.js';
import { resourceRecordSet, type RecordDraft } from './route53.js';


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
        // The command r53-health-check-disabled gives: both flags put right when both are wrong.
        const found = scope.record(id);
        const checkId = found?.record.healthCheckId;
        const check = checkId === undefined ? undefined : scope.accountScope(found!.accountId)?.healthCheck(checkId);
        return check ? [repairHealthCheckStep(check)] : [];
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
      // The secondary pointed to a load balancer in another region, through the group's one fix.
      return causes.flatMap((id) => standbyFix(scope, id).steps);
    case 'regionLost':
      return standbyInAnotherRegion(scope, entry).steps;
    default:
      return [];
  }
}

/**
 * What serves the entry point from another region. A record group: the DNS rules' fix of the group
 * with a standby (`recordGroupFix`'s `standby`): a failover pair's missing half or its secondary
 * moved, a lone record made the primary of a pair, a member added in another region. A load
 * balancer users reach directly: a failover pair, in a zone the user picks, that names it.
 */
export function standbyInAnotherRegion(scope: ResilienceScope, entry: EntryPoint): { steps: RemediationStep[]; hints: string[] } {
  if (entry.kind !== 'load-balancer') {
    const zone = scope.hostedZone(entry.accountId, entry.hostedZone?.id ?? '');
    const record = zone?.records.find((r) => r.name === entry.name && `${zone.id}/${r.name}/${r.type}` === entry.id);
    const account = scope.accountScope(entry.accountId);
    return zone && record && account ? recordGroupFix(account, groupOf(account, zone, record), { standby: true }) : { steps: [], hints: [] };
  }
  const lb = scope.find<LoadBalancer>(entry.id)?.resource;
  if (!lb) return { steps: [], hints: [] };
  const name = placeholder('dns-name');
  const primary: RecordDraft = {
    name,
    type: 'A',
    values: [],
    setIdentifier: 'primary',
    failover: 'PRIMARY',
    aliasTarget: { hostedZoneId: lb.canonicalHostedZoneId ?? placeholder('hosted-zone-id', 'load-balancer-canonical-hosted-zone-id'), dnsName: `dualstack.${lb.dnsName}`, evaluateTargetHealth: true },
  };
  const secondary: RecordDraft = {
    name,
    type: 'A',
    values: [],
    setIdentifier: 'secondary',
    failover: 'SECONDARY',
    aliasTarget: { hostedZoneId: placeholder('hosted-zone-id', 'standby-load-balancer-canonical-hosted-zone-id'), dnsName: placeholder('dns-name', 'load-balancer-dns-name-in-another-region'), evaluateTargetHealth: true },
  };
  const changes = [primary, secondary].map((record) => ({ Action: 'CREATE', ResourceRecordSet: resourceRecordSet(record) }));
  return { steps: [aws('route53', 'change-resource-record-sets', '--hosted-zone-id', placeholder('hosted-zone-id'), '--change-batch', json({ Changes: changes }))], hints: [] };
}

/** The standby fix of the record group of a record (by its id): the one the DNS rules would give it, with a standby. */
function standbyFix(scope: ResilienceScope, recordId: string): RecordGroupFix {
  const found = scope.record(recordId);
  const account = found && scope.accountScope(found.accountId);
  return found && account ? recordGroupFix(account, groupOf(account, found.zone, found.record), { standby: true }) : { steps: [], hints: [] };
}

function located<T extends TargetGroup>(scope: ResilienceScope, arn: string, steps: (resource: T, region: string) => RemediationStep[]): RemediationStep[] {
  const found = scope.find<T>(arn);
  return found ? steps(found.resource, found.region) : [];
}

/**
 * More serving targets outside any one zone for a target group: the Auto Scaling groups that
 * feed it spread over the zones of its load balancers (the subnet of its VPC there that the other
 * rules' fixes name too, a placeholder where it has none), or, already spread, run at least two
 * per zone with room above to scale out; with no group, a target registered in another zone.
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
  const lbZones = [...new Set(tg.loadBalancerArns.flatMap((lbArn) => index.loadBalancer(lbArn)?.availabilityZones.map((z) => z.zoneName) ?? []))].sort();
  // A load balancer in one zone goes with it: more zones for the load balancer first (elb-multi-az).
  if (lbZones.length < 2) return [];
  return groups.map((group) => groupStep(index, group, lbZones, region));
}

function groupStep(index: RegionIndex, group: AutoScalingGroup, lbZones: string[], region: string): RemediationStep {
  const missing = lbZones.filter((zone) => !group.availabilityZones.includes(zone));
  if (missing.length > 0) {
    if (group.subnetIds.length === 0) {
      return aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--availability-zones', ...group.availabilityZones, ...missing, '--region', region);
    }
    const vpcId = group.subnetIds.map((id) => index.subnet(id)?.vpcId).find((id) => id !== undefined);
    const added = missing.map(
      (zone, i) => subnetsInNewZones(index, vpcId, group.availabilityZones, 1, [zone])[0]?.id ?? placeholder('subnet-id', i === 0 ? 'subnet-id-in-another-zone' : `subnet-id-in-another-zone-${i + 1}`),
    );
    return aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--vpc-zone-identifier', joined(',', [...group.subnetIds, ...added]), '--region', region);
  }
  // Already spread: at least two serving instances per zone, so that one zone's loss leaves most of the capacity.
  const zones = group.availabilityZones.length;
  let size = zones * Math.max(2, Math.ceil(group.desiredCapacity / zones));
  if (size <= group.desiredCapacity) size += zones;
  const maxSize = maxSizeWithRoom(group, size);
  const words = ['--auto-scaling-group-name', group.name, '--min-size', String(size), '--desired-capacity', String(size)];
  // Room above the new size, as the capacity rules' fixes leave: it can still scale out.
  if (maxSize !== group.maxSize) words.push('--max-size', String(maxSize));
  return aws('autoscaling', 'update-auto-scaling-group', ...words, '--region', region);
}
