import type { AutoScalingGroup } from '../model/inventory.js';
import type { Refill, ScenarioOutcome } from '../model/resilience.js';
import { LOAD_BALANCER_DNS_TTL_SECONDS } from './recovery.js';
import { activity, type EntryModel, type Leaf, type LoadBalancerView, type RecordNode, type ServingTarget } from './topology.js';
import type { ZoneIndex } from './zones.js';

/** What fails: a region, or one zone of it (by zone key). `label` names it in sentences. */
export interface Loss {
  id: string;
  region: string;
  zone?: string;
  label: string;
}

/** Why requests keep failing while the entry point is still served. */
interface ShareFailure {
  reasonId: 'targetGroupEmptied' | 'nodeWithoutTargets' | 'memberWithoutHealthCheck' | 'healthChecksOff';
  subject: string;
  /** The record ids or ARNs of what causes it. */
  ids: string[];
}

/** Why nothing is served. */
interface DownCause {
  reasonId: 'noTargetLeft' | 'regionLost' | 'noFailover' | 'healthCheckDisabled' | 'healthCheckInverted' | 'healthCheckMissing' | 'routingControl' | 'standbyDown';
  subject: string;
  /** The record ids or ARNs of what causes it. */
  ids: string[];
}

/** What a load balancer, a record or a record group still serves after the loss. */
interface Served {
  affected: boolean;
  unknown: string[];
  /** Serving targets left, each once (shared with the parts it came from: never changed in place). */
  after: readonly ServingTarget[];
  /** ARNs of the load balancers serving afterwards, each once (shared: never changed in place). */
  servedBy: readonly string[];
  /** Nothing served (something was before). */
  dead: boolean;
  /** Served only outside the scan: never judged dead. */
  outside: boolean;
  share?: ShareFailure;
  down?: DownCause;
  /** Seconds until each affected part serves again. */
  windows: number[];
  /** Why a window cannot be computed (a CloudWatch-alarm health check). */
  windowUnknown?: string;
  /** As Route 53 judges it when a parent alias evaluates target health. */
  healthy: boolean;
  /** Seconds until Route 53 would see it unhealthy through `EvaluateTargetHealth`. */
  ethDetection: number | null;
  /** Targets lost, with the target group that lost them: for the refill. */
  lost: { leaf: Leaf; view: LoadBalancerView }[];
  /** Load balancers taken over by a failover: the reason names them. */
  failedOverTo?: string[];
}

/** The outcome of every entry point in one scenario; load balancers are evaluated once per scenario and shared. */
export class EntryEvaluator {
  private readonly loadBalancers = new Map<string, Served>();

  constructor(
    private readonly loss: Loss,
    private readonly minCapacityShare: number,
    private readonly zones: ZoneIndex,
  ) {}

  /**
   * Thousands of outcomes repeat the same sentence and capacity: they share one string (flat) and
   * one object, read-only like every list an outcome holds. Fewer objects that live to the end of
   * the model keep the garbage collector's copying down on a large scan.
   */
  private readonly texts = new Map<string, string>();
  private readonly capacities = new Map<string, { before: number; after: number | null }>();

  private result(base: { id: string; scenarioId: string }, o: Parameters<typeof entryOutcome>[1]): ScenarioOutcome {
    // `o` is the caller's own literal: its fields are swapped for the shared ones.
    if (o.capacity) {
      const key = `${o.capacity.before}/${o.capacity.after}`;
      const capacity = this.capacities.get(key);
      if (capacity) o.capacity = capacity;
      else this.capacities.set(key, o.capacity);
    }
    o.reason = this.text(o.reason);
    if (o.fix !== undefined) o.fix = this.text(o.fix);
    return entryOutcome(base, o);
  }

  private text(value: string): string {
    const known = this.texts.get(value);
    if (known !== undefined) return known;
    this.texts.set(value, value);
    return value;
  }

  outcome(entry: EntryModel): ScenarioOutcome {
    const { entryPoint } = entry;
    const before = entry.servingBefore.length;
    const base = { id: entryPoint.id, scenarioId: this.loss.id };
    const activeLoadBalancers = entry.activeLoadBalancers;
    if (entry.onlyOutside) {
      const destinations = entryPoint.paths.filter((p) => p.active && p.outside).map((p) => p.outside!.destination);
      return this.result(base, {outcome: 'unknown', capacity: { before, after: null }, recoverySeconds: null, servedBy: [], refill: 'unknown', reasonId: 'outsideScan', reason: `It is served outside the scan now (${destinations.join(', ')}): not judged.`})
    }
    if (!this.touches(entry)) {
      return this.result(base, {outcome: 'unaffected', capacity: { before, after: before }, recoverySeconds: null, servedBy: activeLoadBalancers, refill: 'not-needed', reasonId: 'notInScenario', reason: `Nothing it uses now is in ${this.loss.label}.`})
    }
    if (before === 0) {
      return this.result(base, {outcome: 'down', capacity: { before: 0, after: 0 }, recoverySeconds: null, servedBy: [], refill: 'not-needed', reasonId: 'noServingTarget', reason: `${entryPoint.name} has no serving target now, whatever fails.`, fix: 'Register healthy targets in the target groups its listeners forward to.'})
    }
    const served = entry.loadBalancer ? this.loadBalancer(entry.loadBalancer) : this.group(entry.records);
    const unknown = served.unknown.length === 0 && (!served.affected || entry.missing.length === 0) ? [] : [...new Set([...served.unknown, ...(served.affected ? entry.missing : [])])];
    const after = served.after.length;
    const capacity = { before, after };
    const servedBy = served.servedBy as string[];
    const refill = this.refill(served);
    if (!served.affected && unknown.length === 0) {
      return this.result(base, {outcome: 'unaffected', capacity: { before, after: before }, recoverySeconds: null, servedBy: activeLoadBalancers, refill: 'not-needed', reasonId: 'notInScenario', reason: `Nothing it uses now is in ${this.loss.label}.`})
    }
    if (unknown.length > 0) {
      return this.result(base, {outcome: 'unknown', capacity: { before, after: null }, recoverySeconds: null, servedBy, refill, reasonId: 'dataMissing', reason: `Not judged: data it needs was not collected (${unknown.join(', ')}).`})
    }
    if (after === 0 && served.outside) {
      return this.result(base, {outcome: 'unknown', capacity: { before, after: null }, recoverySeconds: null, servedBy: [], refill, reasonId: 'servedOutside', reason: `Nothing of the scan serves it after losing ${this.loss.label}; its paths outside the scan still receive traffic: not judged.`})
    }
    if (served.dead || after === 0) {
      const down = served.down ?? { reasonId: this.loss.zone ? 'noTargetLeft' : 'regionLost', subject: entryPoint.name, ids: lostTargetGroups(served) };
      return this.result(base, {outcome: 'down', capacity: { before, after: 0 }, recoverySeconds: null, servedBy: [], refill, reasonId: down.reasonId, reason: downReason(down, this.loss), fix: downFix(down, this.loss), causedBy: down.ids})
    }
    const recoverySeconds = served.windowUnknown ? null : Math.max(0, ...served.windows);
    const when = recoverySeconds === null ? ` (recovery time unknown: ${served.windowUnknown})` : recoverySeconds > 0 ? ` after about ${recoverySeconds} s` : '';
    if (served.share) {
      return this.result(base, {outcome: 'degraded', capacity, recoverySeconds, servedBy, refill, reasonId: served.share.reasonId, reason: shareReason(served.share), fix: shareFix(served.share), causedBy: served.share.ids})
    }
    const left = `${after} of ${before} serving targets (${percent(after, before)})`;
    if (after < this.minCapacityShare * before) {
      return this.result(base, {
        outcome: 'degraded',
        capacity,
        recoverySeconds,
        servedBy,
        refill,
        reasonId: 'capacityBelowShare',
        reason: `${capitalize(left)} are left, below the ${percent(this.minCapacityShare, 1)} required${when}.`,
        fix: 'Run serving targets evenly across more zones, or more of them, so that losing one zone leaves enough.',
        // A zone: the target groups that lost targets there. A region: those left to serve, too small.
        causedBy: this.loss.zone ? lostTargetGroups(served) : [...new Set(served.after.map((t) => t.key.split('|')[0]!))],
      });
    }
    if (served.failedOverTo) {
      return this.result(base, {outcome: 'survives', capacity, recoverySeconds, servedBy, refill, reasonId: 'failoverToSecondary', reason: `Route 53 fails over to ${served.failedOverTo.join(', ')}${when}, with ${left}.`})
    }
    const reasonId = before === after ? 'nodeOnly' : 'capacityLeft';
    const reason = before === after ? `A load-balancer node leaves DNS; every serving target is elsewhere${when}.` : `${capitalize(left)} are left${when}.`;
    return this.result(base, {outcome: 'survives', capacity, recoverySeconds, servedBy, refill, reasonId, reason})
  }

  /** Whether the scenario holds anything of the entry point's active paths (its footprint). */
  private touches(entry: EntryModel): boolean {
    const { regions, zones, anyZoneOf } = entry.footprint;
    if (!this.loss.zone) return regions.has(this.loss.region);
    return zones.has(`${this.loss.region}/${this.loss.zone}`) || anyZoneOf.has(this.loss.region) || (entry.missing.length > 0 && regions.has(this.loss.region));
  }

  private lost(region: string, zone: string | null, regional: boolean): boolean {
    if (region !== this.loss.region) return false;
    if (!this.loss.zone) return true;
    return !regional && zone === this.loss.zone;
  }

  /** A load balancer after the loss: its serving targets left, what keeps failing, and how long until it serves again. */
  private loadBalancer(view: LoadBalancerView): Served {
    const known = this.loadBalancers.get(view.loadBalancer.arn);
    if (known) return known;
    const served: Served = { affected: false, unknown: [], after: [], servedBy: [], dead: false, outside: false, windows: [], healthy: true, ethDetection: null, lost: [] };
    this.loadBalancers.set(view.loadBalancer.arn, served);
    const inRegion = view.region === this.loss.region;
    const hadServing = view.leaves.some((leaf) => leaf.serving.length > 0);
    if (inRegion && view.missing.length > 0) served.unknown.push(...view.missing);
    if (inRegion && !this.loss.zone) {
      served.affected = true;
      served.dead = hadServing;
      served.healthy = false;
      served.ethDetection = Math.max(0, ...view.leaves.map((l) => l.detection ?? 0));
      served.down = { reasonId: 'regionLost', subject: view.loadBalancer.name, ids: [view.loadBalancer.arn] };
      served.lost = view.leaves.filter((l) => l.serving.length > 0).map((leaf) => ({ leaf, view }));
      return served;
    }
    for (const zone of view.nodeZones) {
      if (!this.lost(view.region, zone, false)) continue;
      served.affected = true;
      // A node with too few targets of its own, without cross-zone, was already out of DNS when DNS failover is on.
      // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health.html
      const alreadyOut = view.leaves.length > 0 && view.leaves.every((l) => !l.crossZone && typeof l.dnsFailover === 'number' && servingIn(l, zone) < l.dnsFailover);
      if (!alreadyOut) served.windows.push(LOAD_BALANCER_DNS_TTL_SECONDS);
    }
    let deadLeaves = 0;
    let liveLeaves = 0;
    const after: ServingTarget[][] = [];
    for (const leaf of view.leaves) {
      if (leaf.serving.length === 0) continue;
      const left = leaf.serving.filter((t) => {
        if (t.zone === null && !t.regional && inRegion) served.unknown.push(`zone of target ${t.key.split('|')[1]}`);
        return !this.lost(view.region, t.zone, t.regional);
      });
      if (left.length < leaf.serving.length) {
        served.affected = true;
        served.lost.push({ leaf, view });
        if (left.length > 0) {
          if (leaf.detection === null) served.share ??= { reasonId: 'healthChecksOff', subject: leaf.targetGroup.name, ids: [leaf.targetGroup.arn] };
          else served.windows.push(leaf.detection);
        }
      }
      if (left.length === 0) {
        deadLeaves++;
        served.ethDetection = Math.max(served.ethDetection ?? 0, leaf.detection ?? 0);
        continue;
      }
      liveLeaves++;
      after.push(left);
      if (!leaf.crossZone) {
        for (const [i, zone] of view.nodeZones.entries()) {
          if (this.lost(view.region, zone, false) || left.some((t) => t.zone === zone)) continue;
          if (leaf.dnsFailover === 'off') served.share ??= { reasonId: 'nodeWithoutTargets', subject: `${view.loadBalancer.name} in ${view.hop.zones[i]?.zoneName ?? zone}`, ids: [leaf.targetGroup.arn] };
          else if (leaf.dnsFailover === null) served.unknown.push('elbv2:DescribeTargetGroupAttributes');
        }
      }
    }
    if (deadLeaves > 0 && liveLeaves > 0) {
      const emptied = view.leaves.find((l) => l.serving.length > 0 && l.serving.every((t) => this.lost(view.region, t.zone, t.regional)));
      served.share = { reasonId: 'targetGroupEmptied', subject: `${emptied?.targetGroup.name ?? ''} of ${view.loadBalancer.name}`, ids: emptied ? [emptied.targetGroup.arn] : [] };
    }
    // Several ways (listeners, rules) may lead to one target group: its targets count once.
    served.after = after.length === 1 ? after[0]! : distinctTargets(after);
    served.dead = hadServing && served.after.length === 0;
    served.healthy = !served.dead && deadLeaves === 0;
    if (served.after.length > 0) served.servedBy = [view.loadBalancer.arn];
    if (served.dead) served.down = { reasonId: 'noTargetLeft', subject: view.loadBalancer.name, ids: lostTargetGroups(served) };
    return served;
  }

  private node(node: RecordNode): Served {
    if (node.loadBalancer) return this.loadBalancer(node.loadBalancer);
    if (node.outside) return { affected: false, unknown: [], after: [], servedBy: [], dead: false, outside: true, windows: [], healthy: true, ethDetection: null, lost: [] };
    return this.group(node.children);
  }

  /**
   * A record group after the loss, as Route 53 answers for it: members it can see unhealthy (a
   * health check, or an alias evaluating target health) are left out after detection plus the
   * TTL of their answer; members it cannot see keep their share of users.
   */
  private group(members: readonly RecordNode[]): Served {
    const results = members.map((member) => ({ member, served: this.node(member), state: activity(member, members) }));
    const active = results.filter((r) => r.state === 'active');
    const standby = results.filter((r) => r.state !== 'active');
    const failoverWindows: number[] = [];
    let windowUnknown: string | undefined;
    let cause: DownCause | undefined;
    const kept: typeof results = [];
    for (const result of active) {
      const seen = detection(result.member, result.served);
      if (seen.kind === 'healthy') kept.push(result);
      else if (seen.kind === 'removed') {
        if (seen.seconds === null) windowUnknown ??= seen.why;
        // Route 53's detection, then the TTL of the answer that changes (resolvers keep the old one that long).
        else failoverWindows.push(seen.seconds + (result.member.answerTtl ?? LOAD_BALANCER_DNS_TTL_SECONDS));
      } else {
        kept.push(result);
        // Only where Route 53 had something else to answer with does its blindness cause the loss.
        if (members.length > 1) cause ??= seen.cause;
      }
    }
    let serving = kept;
    let failedOverTo: string[] | undefined;
    if (kept.length === 0 && active.length > 0) {
      // Every active member is out: failover secondaries, or weight-0 records, take the traffic; if none is healthy, Route 53 answers with all of them.
      // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-complex-configs.html
      const healthyStandby = standby.filter((r) => detection(r.member, r.served).kind === 'healthy');
      serving = healthyStandby.length > 0 ? healthyStandby : results;
      if (healthyStandby.length > 0) failedOverTo = [...new Set(healthyStandby.flatMap((r) => r.served.servedBy))].map(nameOfArn);
      // A standby that serves nothing either is the cause; with no standby at all, what emptied the members is.
      else if (standby.length > 0) cause ??= { reasonId: 'standbyDown', subject: standby.map((r) => recordName(r.member)).join(', '), ids: standby.map((r) => r.member.hop.id) };
    }
    const combined: Served = { affected: active.some((r) => r.served.affected), unknown: [], after: [], servedBy: [], dead: false, outside: false, windows: [...failoverWindows], healthy: false, ethDetection: null, lost: [] };
    for (const { served } of results) if (served.affected) combined.lost.push(...served.lost);
    const after = serving.filter((r) => r.served.after.length > 0).map((r) => r.served);
    // One member serving (the common case): its lists as they are; several: each target and load balancer once.
    combined.after = after.length === 1 ? after[0]!.after : distinctTargets(after.map((s) => s.after));
    combined.servedBy = after.length === 1 ? after[0]!.servedBy : [...new Set(after.flatMap((s) => s.servedBy))];
    for (const { member, served } of serving) {
      combined.unknown.push(...served.unknown);
      combined.windows.push(...served.windows);
      if (served.windowUnknown) windowUnknown ??= served.windowUnknown;
      if (served.outside) combined.outside = true;
      if (served.healthy && !served.dead) combined.healthy = true;
      if (served.failedOverTo) failedOverTo = [...(failedOverTo ?? []), ...served.failedOverTo];
      if (served.dead && !served.outside && serving.length > 1) combined.share ??= { reasonId: 'memberWithoutHealthCheck', subject: recordName(member), ids: [member.hop.id] };
      else if (served.share) combined.share ??= served.share;
      if (served.down) cause ??= served.down;
    }
    for (const { served } of active) combined.ethDetection = Math.max(combined.ethDetection ?? 0, ...served.windows, served.ethDetection ?? 0);
    combined.dead = combined.after.length === 0 && !combined.outside;
    if (combined.dead) combined.down = cause ?? { reasonId: this.loss.zone ? 'noTargetLeft' : 'regionLost', subject: members[0]!.record.name, ids: lostTargetGroups(combined) };
    if (windowUnknown) combined.windowUnknown = windowUnknown;
    if (failedOverTo && !combined.dead) combined.failedOverTo = [...new Set(failedOverTo)];
    return combined;
  }

  /** Whether Auto Scaling restores the lost targets in the surviving zones. */
  private refill(served: Served): Refill {
    if (served.lost.length === 0) return 'not-needed';
    const groups = new Map<string, { group: AutoScalingGroup; view: LoadBalancerView }>();
    let unfed = false;
    for (const { leaf, view } of served.lost) {
      if (leaf.autoScalingGroups.length === 0) unfed = true;
      for (const group of leaf.autoScalingGroups) groups.set(group.arn, { group, view });
    }
    if (groups.size === 0) return 'no-group';
    const verdicts = [...groups.values()].map(({ group, view }) => canRefill(group, view, this.loss, this.zones));
    if (verdicts.includes('unknown')) return 'unknown';
    const restoring = verdicts.filter((v) => v === 'restores').length;
    if (restoring === verdicts.length && !unfed) return 'restores';
    return restoring === 0 ? 'cannot' : 'partly';
  }
}

/**
 * An entry point's outcome as one object literal in the report's key order: spreading a base
 * object into each of the outcomes was the model's hottest line (V8 builds spread objects slowly).
 */
function entryOutcome(
  base: { id: string; scenarioId: string },
  o: Pick<ScenarioOutcome, 'outcome' | 'capacity' | 'recoverySeconds' | 'servedBy' | 'refill' | 'reasonId' | 'reason' | 'fix' | 'causedBy'>,
): ScenarioOutcome {
  const outcome: ScenarioOutcome = {
    subject: 'entry-point',
    id: base.id,
    scenarioId: base.scenarioId,
    outcome: o.outcome,
    capacity: o.capacity!,
    recoverySeconds: o.recoverySeconds,
    servedBy: o.servedBy!,
    refill: o.refill!,
    reasonId: o.reasonId,
    reason: o.reason,
  };
  if (o.fix !== undefined) outcome.fix = o.fix;
  if (o.causedBy !== undefined) outcome.causedBy = o.causedBy;
  return outcome;
}

/**
 * Processes whose suspension stops a group from replacing lost instances (`Launch` starts none,
 * `HealthCheck` marks none unhealthy, `ReplaceUnhealthy` terminates and replaces none).
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-suspend-resume-processes.html
 */
const REFILL_PROCESSES = ['Launch', 'HealthCheck', 'ReplaceUnhealthy'];

/**
 * Whether a group can relaunch in the surviving zones: subnets there, `Launch`, `HealthCheck` and
 * `ReplaceUnhealthy` not suspended, capacity distribution not `balanced-only` (which keeps
 * launching into the impaired zone), and room under `MaxSize` for replacements while the lost
 * instances are still counted. No time is given: AWS documents none for a replacement.
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html
 */
export function canRefill(group: AutoScalingGroup, view: Pick<LoadBalancerView, 'accountId' | 'region'>, loss: Loss, zones: ZoneIndex): 'restores' | 'cannot' | 'unknown' {
  if (view.region === loss.region && !loss.zone) return 'cannot';
  if (group.suspendedProcesses === undefined) return 'unknown';
  if (group.suspendedProcesses.some((p) => REFILL_PROCESSES.includes(p))) return 'cannot';
  if (group.capacityDistributionStrategy === 'balanced-only') return 'cannot';
  const surviving = group.availabilityZones.filter((z) => view.region !== loss.region || zones.key(view.accountId, view.region, z) !== loss.zone);
  if (surviving.length === 0) return 'cannot';
  if (group.desiredCapacity >= group.maxSize) return 'cannot';
  return 'restores';
}

/** How Route 53 sees a member after the loss: healthy (still answered), removed after some seconds, or kept although failing. */
function detection(node: RecordNode, served: Served): { kind: 'healthy' } | { kind: 'removed'; seconds: number | null; why?: string } | { kind: 'kept'; cause: DownCause } {
  const { record } = node;
  const kept = (reasonId: DownCause['reasonId']) => ({ kind: 'kept' as const, cause: { reasonId, subject: recordName(node), ids: [node.hop.id] } });
  if (record.healthCheckId !== undefined) {
    const check = node.healthCheck;
    if (!served.dead) return { kind: 'healthy' };
    if (!check) return kept('healthCheckMissing');
    if (check.disabled) return kept('healthCheckDisabled');
    if (check.inverted) return kept('healthCheckInverted');
    if (check.type === 'RECOVERY_CONTROL') return kept('routingControl');
    const seconds = node.hop.healthCheck?.detectionSeconds ?? null;
    return seconds === null ? { kind: 'removed', seconds: null, why: `health check ${check.id} is ${check.type === 'CLOUDWATCH_METRIC' ? 'a CloudWatch alarm' : 'calculated from checks whose times are unknown'}` } : { kind: 'removed', seconds };
  }
  if (record.aliasTarget?.evaluateTargetHealth) {
    if (served.healthy || served.outside) return { kind: 'healthy' };
    return { kind: 'removed', seconds: served.ethDetection ?? 0 };
  }
  if (!served.dead) return { kind: 'healthy' };
  return kept('noFailover');
}

/** The targets of several lists, each once (a target group reached two ways, a load balancer in two records of a set). */
function distinctTargets(lists: readonly (readonly ServingTarget[])[]): ServingTarget[] {
  const seen = new Map<string, ServingTarget>();
  for (const list of lists) for (const target of list) if (!seen.has(target.key)) seen.set(target.key, target);
  return [...seen.values()];
}

/** The target groups that lost serving targets: what a capacity fix addresses. */
function lostTargetGroups(served: Served): string[] {
  return [...new Set(served.lost.map(({ leaf }) => leaf.targetGroup.arn))];
}

function servingIn(leaf: Leaf, zone: string): number {
  return leaf.serving.filter((t) => t.zone === zone).length;
}

function recordName(node: RecordNode): string {
  const { record } = node;
  return record.setIdentifier === undefined ? `${record.name} ${record.type}` : `${record.name} ${record.type} (set ${record.setIdentifier})`;
}

/** `app/web/123...` → `web`: load balancer names in sentences. */
function nameOfArn(arn: string): string {
  const parts = arn.split('/');
  return parts.length >= 3 ? parts[parts.length - 2]! : arn;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

function shareReason(share: ShareFailure): string {
  switch (share.reasonId) {
    case 'targetGroupEmptied':
      return `Target group ${share.subject} loses every serving target: the requests it receives fail until the failure ends.`;
    case 'nodeWithoutTargets':
      return `The node of ${share.subject} has no target left in its zone, and neither cross-zone load balancing nor DNS failover takes it out of DNS: its clients get errors.`;
    case 'memberWithoutHealthCheck':
      return `Record ${share.subject} keeps its share of users on an endpoint that serves nothing: it has no health check or target-health evaluation.`;
    case 'healthChecksOff':
      return `Target group ${share.subject} has health checks off: the load balancer keeps sending requests to the lost targets.`;
  }
}

function shareFix(share: ShareFailure): string {
  switch (share.reasonId) {
    case 'targetGroupEmptied':
      return `Run the targets of ${share.subject} in more than one zone.`;
    case 'nodeWithoutTargets':
      return 'Turn cross-zone load balancing on, or keep the target group attribute target_group_health.dns_failover.minimum_healthy_targets.count at 1 or more.';
    case 'memberWithoutHealthCheck':
      return `Give ${share.subject} a health check, or make it an alias that evaluates target health.`;
    case 'healthChecksOff':
      return `Turn health checks on for target group ${share.subject}.`;
  }
}

function downReason(down: DownCause, loss: Loss): string {
  switch (down.reasonId) {
    case 'noTargetLeft':
      return `${down.subject} has no serving target outside ${loss.label}.`;
    case 'regionLost':
      return `Everything that serves it is in ${loss.label}, and no health-checked DNS failover leads elsewhere.`;
    case 'noFailover':
      return `${down.subject} has no health check or target-health evaluation: Route 53 keeps answering with it.`;
    case 'healthCheckDisabled':
      return `The health check of ${down.subject} is disabled: Route 53 takes it as healthy and never fails over.`;
    case 'healthCheckInverted':
      return `The health check of ${down.subject} is inverted: Route 53 takes the dead endpoint as healthy.`;
    case 'healthCheckMissing':
      return `The health check of ${down.subject} no longer exists: Route 53 cannot fail over.`;
    case 'routingControl':
      return `${down.subject} fails over through an ARC routing control: a person must flip it.`;
    case 'standbyDown':
      return `Route 53 fails over to ${down.subject}, which serves nothing either.`;
  }
}

function downFix(down: DownCause, loss: Loss): string {
  switch (down.reasonId) {
    case 'noTargetLeft':
      return loss.zone ? `Run serving targets of ${down.subject} in more than one zone.` : 'Add a failover record with a health check to a load balancer in another region.';
    case 'regionLost':
      return 'Add a failover record with a health check to a load balancer in another region.';
    case 'noFailover':
    case 'healthCheckMissing':
    case 'healthCheckDisabled':
    case 'healthCheckInverted':
      return `Give ${down.subject} a working health check, or make it an alias that evaluates target health.`;
    case 'routingControl':
      return 'Automate the failover with a Route 53 health check if it must happen without a person.';
    case 'standbyDown':
      return 'Put the failover secondary in another zone or region than the primary, with serving targets.';
  }
}
