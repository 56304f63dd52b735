import { aws, joined, placeholder, type PlaceholderWord } from '../../src/engine/command.js';
import { countOf } from '../../src/engine/plural.js';
import { commandLine } from '../../src/engine/shell.js';
import type { RegionScope } from '../../src/engine/region-scope.js';
import type { AutoScalingGroup, Target, TargetGroup, TargetType } from '../../src/model/inventory.js';
import type { RemediationStep } from '../../src/model/result.js';
import { isServingTarget } from '../../src/model/targets.js';
import { capacityFloor, loadBalancerAttachments, maxSizeWithRoom } from './autoscaling.js';
import { subnetsInNewZones } from './zones.js';

/** Processes whose suspension keeps a group from putting instances in a zone. */
const PLACING_PROCESSES = ['Launch', 'AZRebalance'];

/** What to register, by target type: a Lambda or ALB target group takes a single function or load balancer. */
const REGISTER_PLACEHOLDER: Record<TargetType, PlaceholderWord> = {
  instance: placeholder('instance-id', 'instance-id-in-the-zone'),
  ip: placeholder('ip-address', 'ip-address-in-the-zone'),
  lambda: placeholder('lambda-function-arn'),
  alb: placeholder('load-balancer-arn', 'application-load-balancer-arn'),
};

/** Why a zone of the load balancer has no serving target of one target group. */
export type ZoneCause =
  | { zone: string; targetGroup: string; cause: 'groupNotInZone'; group: string }
  | { zone: string; targetGroup: string; cause: 'processesSuspended'; group: string; processes: string[] }
  | { zone: string; targetGroup: string; cause: 'capacityBelowZones'; group: string; desiredCapacity: number; zones: number }
  | { zone: string; targetGroup: string; cause: 'instancesStopped'; instances: string[] }
  | { zone: string; targetGroup: string; cause: 'targetsNotServing'; targets: string[] }
  | { zone: string; targetGroup: string; cause: 'noTarget'; group?: string };

/** The fix of the causes: steps, with what they cost, and hints where no command can fix it. */
export interface ZoneFix {
  causes: ZoneCause[];
  steps: RemediationStep[];
  warning?: string;
  hints: string[];
}

/**
 * Why the zones of the load balancer that lack a serving target lack one, target group by target
 * group, and what fixes that: the Auto Scaling group feeding the target group does not launch
 * there (a subnet of that zone, known where the VPC has one), has Launch or AZRebalance suspended,
 * runs fewer instances than it has zones; the targets there are stopped or failing their health
 * check; or nothing was ever registered there. Only zones the load balancer uses are offered.
 */
export function missingZoneFix(scope: RegionScope, targetGroups: TargetGroup[], missingZones: string[]): ZoneFix {
  const causes: ZoneCause[] = [];
  for (const tg of targetGroups) {
    // A Lambda function or an ALB is not in one zone: what fails is the target itself.
    if (tg.targetType === 'lambda' || tg.targetType === 'alb') {
      if (tg.targets.some(isServingTarget)) continue;
      const zone = tg.targetType === 'lambda' ? 'regional' : 'its zones';
      causes.push(tg.targets.length > 0 ? { zone, targetGroup: tg.name, cause: 'targetsNotServing', targets: tg.targets.map(describeTarget) } : { zone, targetGroup: tg.name, cause: 'noTarget' });
      continue;
    }
    const group = scope.autoScalingGroups.find((g) => loadBalancerAttachments(g).includes(tg.arn));
    for (const zone of missingZones) causes.push(causeIn(scope, tg, zone, group));
  }
  const steps: RemediationStep[] = [];
  const hints: string[] = [];
  const warnings: string[] = [];
  const byGroup = (cause: ZoneCause['cause']) => new Map(causes.filter((c) => c.cause === cause && 'group' in c && c.group).map((c) => [(c as { group: string }).group, c]));

  for (const [name, cause] of byGroup('processesSuspended')) {
    const processes = (cause as Extract<ZoneCause, { cause: 'processesSuspended' }>).processes;
    steps.push(aws('autoscaling', 'resume-processes', '--auto-scaling-group-name', name, '--scaling-processes', ...processes));
    if (processes.includes('AZRebalance')) warnings.push('Resuming AZRebalance may terminate instances in crowded zones to rebalance: their connections are cut.');
  }
  for (const name of byGroup('groupNotInZone').keys()) {
    const group = scope.autoScalingGroups.find((g) => g.name === name)!;
    const zones = [...new Set(causes.filter((c) => c.cause === 'groupNotInZone' && c.group === name).map((c) => c.zone))].sort();
    steps.push(addZones(scope, group, zones));
  }
  for (const [name, cause] of byGroup('capacityBelowZones')) {
    const group = scope.autoScalingGroups.find((g) => g.name === name)!;
    // One per zone at least, and the MinSize the other capacity fixes give it (capacityFloor).
    const size = Math.max((cause as Extract<ZoneCause, { cause: 'capacityBelowZones' }>).zones, capacityFloor(group));
    const maxSize = maxSizeWithRoom(group, size);
    steps.push(
      aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', name, '--min-size', size, '--desired-capacity', size, ...(maxSize === group.maxSize ? [] : ['--max-size', maxSize])),
    );
    warnings.push(`Launches ${countOf(size - group.desiredCapacity, 'more instance')} in ${name}, billed from then on.`);
  }
  const stopped = [...new Set(causes.flatMap((c) => (c.cause === 'instancesStopped' ? c.instances : [])))];
  if (stopped.length > 0) steps.push(aws('ec2', 'start-instances', '--instance-ids', ...stopped));
  for (const cause of causes) {
    if (cause.cause === 'targetsNotServing') {
      const tg = targetGroups.find((t) => t.name === cause.targetGroup)!;
      hints.push(`Why targets of ${tg.name} are not healthy: ${commandLine(aws('elbv2', 'describe-target-health', '--target-group-arn', tg.arn, '--region', scope.region))}`);
    } else if (cause.cause === 'noTarget' && cause.group) {
      const activities = aws('autoscaling', 'describe-scaling-activities', '--auto-scaling-group-name', cause.group, '--region', scope.region);
      hints.push(`Why ${cause.group} has no instance in ${cause.zone}: ${commandLine(activities)}`);
    } else if (cause.cause === 'noTarget') {
      const tg = targetGroups.find((t) => t.name === cause.targetGroup)!;
      const target = REGISTER_PLACEHOLDER[tg.targetType];
      steps.push(aws('elbv2', 'register-targets', '--target-group-arn', tg.arn, '--targets', joined('', ['Id=', target])));
    }
  }
  const fix: ZoneFix = { causes, steps: dedupe(steps), hints: [...new Set(hints)] };
  if (warnings.length > 0) fix.warning = [...new Set(warnings)].join(' ');
  return fix;
}

/** `us-east-1b: Auto Scaling group web-asg does not launch there`: the cause, for the message. */
export function describeCause(cause: ZoneCause): string {
  switch (cause.cause) {
    case 'groupNotInZone':
      return `${cause.zone}: Auto Scaling group ${cause.group} does not launch there`;
    case 'processesSuspended':
      return `${cause.zone}: Auto Scaling group ${cause.group} has ${cause.processes.join(' and ')} suspended`;
    case 'capacityBelowZones':
      return `${cause.zone}: Auto Scaling group ${cause.group} runs ${countOf(cause.desiredCapacity, 'instance')} for ${cause.zones} zones`;
    case 'instancesStopped':
      return `${cause.zone}: ${cause.instances.join(', ')} stopped`;
    case 'targetsNotServing':
      return `${cause.zone}: ${cause.targets.join(', ')}`;
    case 'noTarget':
      return cause.group ? `${cause.zone}: no instance of ${cause.group} runs there` : `${cause.zone}: nothing of ${cause.targetGroup} is registered there`;
  }
}

function causeIn(scope: RegionScope, tg: TargetGroup, zone: string, group: AutoScalingGroup | undefined): ZoneCause {
  const base = { zone, targetGroup: tg.name };
  const there = tg.targets.filter((t) => !isServingTarget(t) && placementZones(scope, tg, t).includes(zone));
  if (there.length > 0) {
    const stopped = there.filter((t) => tg.targetType === 'instance' && scope.instance(t.id)?.state === 'stopped').map((t) => t.id);
    if (stopped.length > 0) return { ...base, cause: 'instancesStopped', instances: stopped };
    return { ...base, cause: 'targetsNotServing', targets: there.map(describeTarget) };
  }
  if (!group) return { ...base, cause: 'noTarget' };
  if (!group.availabilityZones.includes(zone)) return { ...base, cause: 'groupNotInZone', group: group.name };
  const suspended = PLACING_PROCESSES.filter((p) => group.suspendedProcesses?.includes(p));
  if (suspended.length > 0) return { ...base, cause: 'processesSuspended', group: group.name, processes: suspended };
  const zones = new Set(group.availabilityZones).size;
  if (group.desiredCapacity < zones) return { ...base, cause: 'capacityBelowZones', group: group.name, desiredCapacity: group.desiredCapacity, zones };
  return { ...base, cause: 'noTarget', group: group.name };
}

/** `i-0abc unhealthy (Target.FailedHealthChecks)`. */
function describeTarget(target: Target): string {
  return `${target.id} ${target.state}${target.reason ? ` (${target.reason})` : ''}`;
}

function placementZones(scope: RegionScope, tg: TargetGroup, target: Target): string[] {
  const placement = scope.targetPlacement(tg, target);
  return placement.kind === 'zones' ? placement.zones : [];
}

/** The group's subnets plus one in each zone: a known subnet of its VPC there, else a placeholder. */
function addZones(scope: RegionScope, group: AutoScalingGroup, zones: string[]): RemediationStep {
  const vpcId = group.subnetIds.map((id) => scope.subnet(id)?.vpcId).find((id) => id !== undefined);
  const added = zones.map((zone, i) => subnetsInNewZones(scope, vpcId, group.availabilityZones, 1, [zone])[0]?.id ?? placeholder('subnet-id', i === 0 ? 'subnet-id-in-the-zone' : `subnet-id-in-the-zone-${i + 1}`));
  if (group.subnetIds.length === 0) {
    return aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--availability-zones', ...group.availabilityZones, ...zones);
  }
  return aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--vpc-zone-identifier', joined(',', [...group.subnetIds, ...added]));
}

function dedupe(steps: RemediationStep[]): RemediationStep[] {
  const seen = new Set<string>();
  return steps.filter((step) => {
    const key = JSON.stringify(step);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
