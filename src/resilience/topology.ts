import { RegionIndex } from '../model/region-index.js';
import { answerTtl, DnsResolver, type DnsBranch, type ResolvedLoadBalancer } from '../model/dns-resolver.js';
import { recordId, routingPolicy, type RoutingPolicy } from '../model/dns.js';
import type {
  AccountInventory,
  AutoScalingGroup,
  DnsRecord,
  Gap,
  HostedZone,
  Inventory,
  ListenerAction,
  LoadBalancer,
  Route53HealthCheck,
  TargetGroup,
} from '../model/inventory.js';
import type { EntryPoint, OutsideKind, Path, PathAutoScalingGroup, PathHop, PathTargets, RecordHop, TargetGroupHop } from '../model/resilience.js';
import { isServingTarget } from '../model/targets.js';
import { loadBalancerAttachments } from '../model/autoscaling.js';
import { MODEL_DNS_OPERATIONS, MODEL_PATH_OPERATIONS } from '../model/operations.js';
import { healthCheckDetectionSeconds, targetGroupDetectionSeconds } from './recovery.js';
import type { ZoneIndex } from './zones.js';

/** A serving target, once per target group: `<target group ARN>|<id>|<port>`; its zone key, or null when unknown. */
export interface ServingTarget {
  key: string;
  zone: string | null;
  /** A Lambda function: lost only with its region. */
  regional: boolean;
}

/** One way through a load balancer: a listener's default action or rule, to one target group (and through an ALB target, to the ALB's). */
export interface Leaf {
  hops: PathHop[];
  /** The target group whose targets serve (the ALB's, behind an NLB's `alb` group). */
  targetGroup: TargetGroup;
  serving: ServingTarget[];
  zones: Map<string, { zoneName: string; zoneId?: string; serving: number; registered: number }>;
  unplaced: number;
  regional: boolean;
  /** Whether the entry load balancer sends this traffic across zones. */
  crossZone: boolean;
  /** `target_group_health.dns_failover.minimum_healthy_targets.count`: a number, `off`, or null when not collected. */
  dnsFailover: number | 'off' | null;
  /** Seconds until the target group stops using a dead target; null with health checks off. */
  detection: number | null;
  autoScalingGroups: AutoScalingGroup[];
  missing: string[];
}

/** A load balancer with every way through it, built once and shared by every entry point that reaches it. */
export interface LoadBalancerView {
  accountId: string;
  region: string;
  loadBalancer: LoadBalancer;
  hop: PathHop & { kind: 'load-balancer' };
  /** Zone keys of its nodes. */
  nodeZones: string[];
  leaves: Leaf[];
  missing: string[];
}

/** A record of an entry point's resolution tree: it leads to other records, a load balancer, or out of the scan. */
export interface RecordNode {
  accountId: string;
  zone: HostedZone;
  record: DnsRecord;
  hop: RecordHop;
  policy: RoutingPolicy;
  /** Route 53's health check of the record, when it has one (undefined if it was deleted). */
  healthCheck?: Route53HealthCheck;
  /** The next records (one record group), in the order Route 53 lists them. */
  children: RecordNode[];
  loadBalancer?: LoadBalancerView;
  outside?: { kind: OutsideKind; destination: string };
  /** The TTL of this record's answer (alias: what it aliases). */
  answerTtl: number | undefined;
}

/** Regions of the active paths; zones (`<region>/<key>`) of their nodes and targets; regions holding targets of unknown zone (any zone there may hold them). */
export interface Footprint {
  regions: Set<string>;
  zones: Set<string>;
  anyZoneOf: Set<string>;
}

/** An entry point as the model evaluates it: the report's entry point, and its resolution tree or its load balancer. */
export interface EntryModel {
  entryPoint: EntryPoint;
  /** Record groups: the records of the group. */
  records: RecordNode[];
  /** Load balancers users reach directly. */
  loadBalancer?: LoadBalancerView;
  /** Serving targets of the active paths (distinct). */
  servingBefore: ServingTarget[];
  /** Where the active paths have a node or a serving target: a scenario elsewhere leaves it unaffected. */
  footprint: Footprint;
  /** Active paths lead only outside the scan. */
  onlyOutside: boolean;
  /** ARNs of the first load balancer of each active path: what serves it when a scenario leaves it unaffected. */
  activeLoadBalancers: string[];
  missing: string[];
}

/** The operations whose gaps leave a path, or an account's record groups, unknown: one list, in the model layer. */
const PATH_OPERATIONS: readonly string[] = MODEL_PATH_OPERATIONS;
const DNS_OPERATIONS: readonly string[] = MODEL_DNS_OPERATIONS;

const CROSS_ZONE = 'load_balancing.cross_zone.enabled';
const DNS_FAILOVER_COUNT = 'target_group_health.dns_failover.minimum_healthy_targets.count';

/**
 * Entry points and their paths (RESILIENCE.md): every record group that resolves to a load
 * balancer of the scan, in any account, and every ALB or NLB with a listener that no record
 * resolves to and that no NLB reaches through an `alb` target group.
 */
export class Topology {
  readonly entries: EntryModel[] = [];
  private readonly views = new Map<string, LoadBalancerView>();
  private readonly scopes = new Map<string, RegionIndex>();
  private readonly feeders = new Map<string, AutoScalingGroup[]>();
  private readonly missingByRegion = new Map<string, string[]>();

  constructor(
    private readonly inventory: Inventory,
    private readonly zones: ZoneIndex,
    private readonly dns: DnsResolver = DnsResolver.of(inventory),
  ) {
    for (const account of inventory.accounts) {
      for (const region of account.regions) {
        const scope = new RegionIndex(account.accountId, region);
        this.scopes.set(regionKey(account.accountId, region.region), scope);
        for (const group of region.autoscaling.groups) {
          for (const zone of group.availabilityZones) zones.use(account.accountId, region.region, zone);
          for (const arn of loadBalancerAttachments(group)) {
            const list = this.feeders.get(arn);
            if (list) list.push(group);
            else this.feeders.set(arn, [group]);
          }
        }
      }
    }
    const gapsByScope = groupGaps(inventory.gaps);
    for (const [key, gaps] of gapsByScope) this.missingByRegion.set(key, gaps);
    const reached = new Set<string>();
    for (const account of inventory.accounts) this.addRecordGroups(account, reached);
    this.addLoadBalancers(reached);
  }

  private addRecordGroups(account: AccountInventory, reached: Set<string>): void {
    const healthChecks = new Map(account.route53.healthChecks.map((hc) => [hc.id, hc]));
    const dnsMissing = (this.missingByRegion.get(regionKey(account.accountId, 'global')) ?? []).filter((op) => DNS_OPERATIONS.includes(op));
    for (const zone of account.route53.hostedZones) {
      const groups = new Map<string, DnsRecord[]>();
      for (const record of zone.records) {
        const key = `${record.name}|${record.type}`;
        const list = groups.get(key);
        if (list) list.push(record);
        else groups.set(key, [record]);
      }
      for (const records of groups.values()) {
        const branches = records.map((record) => ({ record, branches: this.dns.resolve(zone, record).branches }));
        if (!branches.some((b) => b.branches.some((branch) => branch.end.kind === 'load-balancer'))) continue;
        const roots = branches.map(({ record, branches }) => this.node({ accountId: account.accountId, zone, record }, branches, 0, healthChecks));
                const first = records[0]!;
        const id = recordId(zone.id, { name: first.name, type: first.type });
        const views = roots.flatMap((root) => collectViews(root));
        for (const view of views) reached.add(view.loadBalancer.arn);
        const internal = zone.privateZone || (views.length > 0 && views.every((v) => v.loadBalancer.scheme === 'internal'));
        this.entries.push(
          this.entry(
            {
              id,
              kind: 'record-group',
              name: first.name,
              accountId: account.accountId,
              region: 'global',
              internal,
              hostedZone: { id: zone.id, name: zone.name, privateZone: zone.privateZone },
              routingPolicy: routingPolicy(first),
              capacity: 0,
              paths: [],
            },
            roots,
            undefined,
            dnsMissing,
          ),
        );
      }
    }
  }

  /** ALBs and NLBs with a listener that nothing above reaches: users reach them directly. */
  private addLoadBalancers(reached: Set<string>): void {
    const behindNlb = new Set<string>();
    for (const view of this.allViews()) {
      if (view.loadBalancer.type !== 'network') continue;
      for (const leaf of view.leaves) for (const hop of leaf.hops) if (hop.kind === 'load-balancer' && hop.arn !== view.loadBalancer.arn) behindNlb.add(hop.arn);
    }
    for (const account of this.inventory.accounts) {
      for (const region of account.regions) {
        for (const lb of region.elbv2.loadBalancers) {
          if (lb.type === 'gateway' || lb.listeners.length === 0 || reached.has(lb.arn) || behindNlb.has(lb.arn)) continue;
          const view = this.view(account.accountId, region.region, lb);
          this.entries.push(
            this.entry(
              { id: lb.arn, kind: 'load-balancer', name: lb.name, accountId: account.accountId, region: region.region, internal: lb.scheme === 'internal', capacity: 0, paths: [] },
              [],
              view,
              [],
            ),
          );
        }
      }
    }
  }

  /** Every load balancer's view, built on first use (an ALB behind an NLB is found through the NLB's). */
  private *allViews(): Generator<LoadBalancerView> {
    for (const account of this.inventory.accounts) {
      for (const region of account.regions) for (const lb of region.elbv2.loadBalancers) yield this.view(account.accountId, region.region, lb);
    }
  }

  private entry(entryPoint: EntryPoint, records: RecordNode[], loadBalancer: LoadBalancerView | undefined, dnsMissing: string[]): EntryModel {
    const paths: Path[] = [];
    const servingBefore = new Map<string, ServingTarget>();
    const footprint: Footprint = { regions: new Set(), zones: new Set(), anyZoneOf: new Set() };
    let activeInScan = 0;
    const missing = new Set(dnsMissing);
    const addLeafPaths = (prefix: RecordHop[], view: LoadBalancerView, active: boolean, standby?: Path['standby']) => {
      view.missing.forEach((m) => missing.add(m));
      if (active) {
        activeInScan++;
        footprint.regions.add(view.region);
        for (const zone of view.nodeZones) footprint.zones.add(`${view.region}/${zone}`);
      }
      if (view.leaves.length === 0) {
        paths.push(pathOf(`${entryPoint.id}#${paths.length}`, active, standby, [...prefix, view.hop], undefined, view.missing));
        return;
      }
      for (const leaf of view.leaves) {
        if (active) {
          for (const target of leaf.serving) {
            servingBefore.set(target.key, target);
            if (target.zone !== null) footprint.zones.add(`${view.region}/${target.zone}`);
            else if (!target.regional) footprint.anyZoneOf.add(view.region);
          }
        }
        paths.push(pathOf(`${entryPoint.id}#${paths.length}`, active, standby, [...prefix, ...leaf.hops], leaf, leaf.missing));
      }
    };
    if (loadBalancer) addLeafPaths([], loadBalancer, true);
    const walk = (node: RecordNode, siblings: RecordNode[], prefix: RecordHop[], active: boolean, standby: Path['standby']) => {
      const state = activity(node, siblings);
      const nowActive = active && state === 'active';
      const why = standby ?? (state === 'active' ? undefined : state);
      const hops = [...prefix, node.hop];
      if (node.loadBalancer) addLeafPaths(hops, node.loadBalancer, nowActive, nowActive ? undefined : why);
      else if (node.outside) {
        const path = pathOf(`${entryPoint.id}#${paths.length}`, nowActive, nowActive ? undefined : why, hops, undefined, []);
        path.outside = { ...node.outside };
        paths.push(path);
      } else for (const child of node.children) walk(child, node.children, hops, nowActive, why);
    };
    for (const root of records) walk(root, records, [], true, undefined);
    entryPoint.capacity = servingBefore.size;
    entryPoint.paths = [...paths.filter((p) => p.active), ...paths.filter((p) => !p.active)];
    return {
      entryPoint,
      records,
      ...(loadBalancer ? { loadBalancer } : {}),
      servingBefore: [...servingBefore.values()],
      footprint,
      onlyOutside: activeInScan === 0,
      activeLoadBalancers: [...new Set(paths.filter((p) => p.active).flatMap((p) => p.hops.filter((h) => h.kind === 'load-balancer').slice(0, 1).map((h) => h.arn)))],
      missing: [...missing],
    };
  }

  /** The tree of a record's resolution: branches that share their first `depth + 1` records share a node. */
  private node(link: { accountId: string; zone: HostedZone; record: DnsRecord }, branches: DnsBranch[], depth: number, healthChecks: Map<string, Route53HealthCheck>): RecordNode {
    const { record } = link;
    const healthCheck = record.healthCheckId === undefined ? undefined : healthChecks.get(record.healthCheckId);
    // Built field by field, not spread: V8 makes spread objects slowly, and there is one per record of the scan.
    const node: RecordNode = {
      accountId: link.accountId,
      zone: link.zone,
      record,
      hop: recordHop(link.accountId, link.zone, record, healthCheck, healthChecks),
      policy: routingPolicy(record),
      children: [],
      answerTtl: undefined,
    };
    if (healthCheck) node.healthCheck = healthCheck;
    const ended = branches.find((b) => b.chain.length === depth + 1);
    if (ended) {
      node.answerTtl = answerTtl(ended, depth);
      if (ended.end.kind === 'load-balancer') node.loadBalancer = this.viewOf(ended.end.target);
      else node.outside = { kind: ended.end.outside, destination: ended.end.destination };
      return node;
    }
    const next = new Map<string, DnsBranch[]>();
    for (const branch of branches) {
      const link = branch.chain[depth + 1]!;
      const key = recordId(link.zone.id, link.record);
      const list = next.get(key);
      if (list) list.push(branch);
      else next.set(key, [branch]);
    }
    // The next records belong to another account's zone when the chain crosses accounts: their health checks are there.
    for (const group of next.values()) {
      const child = group[0]!.chain[depth + 1]!;
      const checks = child.accountId === link.accountId ? healthChecks : this.healthChecksOf(child.accountId);
      node.children.push(this.node(child, group, depth + 1, checks));
    }
    node.answerTtl = answerTtl(branches[0]!, depth);
    return node;
  }

  private healthChecksOf(accountId: string): Map<string, Route53HealthCheck> {
    const account = this.inventory.accounts.find((a) => a.accountId === accountId);
    return new Map((account?.route53.healthChecks ?? []).map((hc) => [hc.id, hc]));
  }

  private viewOf(target: ResolvedLoadBalancer): LoadBalancerView {
    return this.view(target.accountId, target.region, target.loadBalancer);
  }

  /** The load balancer's listeners, rules and target groups down to their serving targets, built once. */
  view(accountId: string, region: string, lb: LoadBalancer, depth = 0): LoadBalancerView {
    const found = this.views.get(lb.arn);
    if (found) return found;
    const scope = this.scopes.get(regionKey(accountId, region))!;
    const missing = (this.missingByRegion.get(regionKey(accountId, region)) ?? []).filter((op) => PATH_OPERATIONS.includes(op));
    const nodeZones = lb.availabilityZones.map((z) => this.zones.use(accountId, region, z.zoneName));
    const hop: LoadBalancerView['hop'] = {
      kind: 'load-balancer',
      arn: lb.arn,
      name: lb.name,
      accountId,
      region,
      type: lb.type,
      scheme: lb.scheme,
      zones: lb.availabilityZones.map((z) => this.zones.ref(accountId, region, z.zoneName)),
    };
    const view: LoadBalancerView = { accountId, region, loadBalancer: lb, hop, nodeZones, leaves: [], missing };
    this.views.set(lb.arn, view);
    for (const listener of lb.listeners) {
      const ways: { action: ListenerAction; rulePriority?: string }[] = [
        ...listener.defaultActions.map((action) => ({ action })),
        ...listener.rules.flatMap((rule) => rule.actions.map((action) => ({ action, rulePriority: rule.priority }))),
      ];
      for (const { action, rulePriority } of ways) {
        const listenerHop: PathHop = { kind: 'listener', arn: listener.arn, ...(listener.port !== undefined ? { port: listener.port } : {}), ...(listener.protocol ? { protocol: listener.protocol } : {}), ...(rulePriority !== undefined ? { rulePriority } : {}) };
        for (const arn of action.targetGroupArns) {
          const tg = scope.targetGroup(arn);
          if (!tg) continue;
          const weight = action.forwardWeights?.find((w) => w.targetGroupArn === arn)?.weight;
          const tgHop = this.targetGroupHop(lb, tg, missing, weight);
          view.leaves.push(...this.leaves(scope, lb, tg, [hop, listenerHop, tgHop], tgHop, missing, depth));
        }
      }
    }
    return view;
  }

  private targetGroupHop(lb: LoadBalancer, tg: TargetGroup, missing: string[], forwardWeight: number | undefined): TargetGroupHop {
    const attributesMissing = missing.includes('elbv2:DescribeTargetGroupAttributes');
    const own = tg.attributes[CROSS_ZONE];
    // The target group decides when it says true or false; otherwise the load balancer (ALB nodes always cross zones).
    const crossZone = own === 'true' ? true : own === 'false' ? false : lb.type === 'application' || lb.attributes[CROSS_ZONE] === 'true';
    // Default 1: a zone whose node has fewer healthy targets is taken out of the load balancer's DNS name.
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health.html
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health.html
    const count = tg.attributes[DNS_FAILOVER_COUNT];
    const dnsFailover: number | 'off' | null = attributesMissing ? null : count === 'off' ? 'off' : count !== undefined && /^\d+$/.test(count) ? Number(count) : 1;
    return {
      kind: 'target-group',
      arn: tg.arn,
      name: tg.name,
      targetType: tg.targetType,
      ...(forwardWeight !== undefined ? { forwardWeight } : {}),
      crossZone,
      dnsFailoverMinimumHealthyTargets: dnsFailover,
      detectionSeconds: targetGroupDetectionSeconds(tg.healthCheck),
    };
  }

  private leaves(scope: RegionIndex, lb: LoadBalancer, tg: TargetGroup, hops: PathHop[], entryHop: TargetGroupHop, missing: string[], depth: number): Leaf[] {
    if (tg.targetType === 'alb' && depth === 0) {
      // An ALB registered in an NLB's `alb` group: the request goes on through that ALB, if it is healthy there.
      const inner = tg.targets.filter(isServingTarget).flatMap((target) => {
        const alb = scope.loadBalancer(target.id);
        if (!alb) return [];
        const view = this.view(scope.accountId, scope.region, alb, depth + 1);
        return view.leaves.map((leaf): Leaf => ({ ...leaf, hops: [...hops, ...leaf.hops], crossZone: entryHop.crossZone, dnsFailover: entryHop.dnsFailoverMinimumHealthyTargets }));
      });
      if (inner.length > 0) return inner;
    }
    const zones = new Map<string, { zoneName: string; zoneId?: string; serving: number; registered: number }>();
    const serving: ServingTarget[] = [];
    let unplaced = 0;
    let regional = false;
    for (const target of tg.targets) {
      const placement = scope.targetPlacement(tg, target);
      const isServing = isServingTarget(target);
      if (placement.kind === 'regional') {
        regional = true;
        continue;
      }
      if (placement.kind === 'unknown' || placement.zones.length !== 1) {
        if (isServing) {
          unplaced++;
          serving.push({ key: `${tg.arn}|${target.id}|${target.port ?? ''}`, zone: null, regional: false });
        }
        continue;
      }
      const zoneName = placement.zones[0]!;
      const key = this.zones.use(scope.accountId, scope.region, zoneName);
      let entry = zones.get(key);
      if (!entry) {
        const ref = this.zones.ref(scope.accountId, scope.region, zoneName);
        entry = ref.zoneId === undefined ? { zoneName, serving: 0, registered: 0 } : { zoneName, zoneId: ref.zoneId, serving: 0, registered: 0 };
        zones.set(key, entry);
      }
      entry.registered++;
      if (isServing) {
        entry.serving++;
        serving.push({ key: `${tg.arn}|${target.id}|${target.port ?? ''}`, zone: key, regional: false });
      }
    }
    // A Lambda target group counts as capacity 1, lost only with its region.
    if (regional && tg.targets.some(isServingTarget)) serving.push({ key: `${tg.arn}|lambda`, zone: null, regional: true });
    return [
      {
        hops,
        targetGroup: tg,
        serving,
        zones,
        unplaced,
        regional,
        crossZone: entryHop.crossZone,
        dnsFailover: entryHop.dnsFailoverMinimumHealthyTargets,
        detection: targetGroupDetectionSeconds(tg.healthCheck),
        autoScalingGroups: this.feeders.get(tg.arn) ?? [],
        missing,
      },
    ];
  }
}

/** Whether a record receives traffic now among the records of its group, or why not. */
export function activity(node: RecordNode, group: readonly RecordNode[]): 'active' | 'secondary' | 'weight-zero' {
  const { record } = node;
  if (record.failover === 'SECONDARY') return group.some((n) => n.record.failover === 'PRIMARY') ? 'secondary' : 'active';
  if (record.weight === 0 && group.some((n) => (n.record.weight ?? 0) > 0)) return 'weight-zero';
  return 'active';
}

function recordHop(accountId: string, zone: HostedZone, record: DnsRecord, healthCheck: Route53HealthCheck | undefined, checks: Map<string, Route53HealthCheck>): RecordHop {
  const hop: RecordHop = {
    kind: 'record',
    id: recordId(zone.id, record),
    accountId,
    name: record.name,
    type: record.type,
    routingPolicy: routingPolicy(record),
    via: record.aliasTarget ? 'alias' : 'cname',
  };
  if (record.setIdentifier !== undefined) hop.setIdentifier = record.setIdentifier;
  if (record.weight !== undefined) hop.weight = record.weight;
  if (record.region !== undefined) hop.region = record.region;
  if (record.failover !== undefined) hop.failover = record.failover;
  if (record.ttl !== undefined) hop.ttl = record.ttl;
  if (record.aliasTarget) hop.evaluateTargetHealth = record.aliasTarget.evaluateTargetHealth;
  if (record.healthCheckId !== undefined) {
    hop.healthCheck = healthCheck
      ? { id: healthCheck.id, type: healthCheck.type, detectionSeconds: healthCheckDetectionSeconds(healthCheck, (id) => checks.get(id)), disabled: healthCheck.disabled, inverted: healthCheck.inverted }
      : { id: record.healthCheckId, detectionSeconds: null };
  }
  return hop;
}

function pathOf(id: string, active: boolean, standby: Path['standby'], hops: PathHop[], leaf: Leaf | undefined, missing: string[]): Path {
  const shown = leaf ? leafShown(leaf) : undefined;
  // One literal (properties added later would each path give a separate property store) and an
  // exact copy of the hops (an array built by spreading two keeps room to grow): the report
  // keeps every path of every entry point.
  return {
    id,
    active,
    hops: hops.slice(),
    autoScalingGroups: shown?.autoScalingGroups ?? [],
    capacity: leaf?.serving.length ?? 0,
    ...(!active && standby ? { standby } : {}),
    ...(shown ? { targets: shown.targets } : {}),
    ...(missing.length > 0 ? { missing: [...missing] } : {}),
  };
}

/** A leaf's targets and Auto Scaling groups as paths show them, built once per leaf: every entry point that reaches it shares them (read-only). */
const shownLeaves = new WeakMap<Leaf, { targets: PathTargets; autoScalingGroups: PathAutoScalingGroup[] }>();

function leafShown(leaf: Leaf): { targets: PathTargets; autoScalingGroups: PathAutoScalingGroup[] } {
  let shown = shownLeaves.get(leaf);
  if (!shown) {
    shown = {
      targets: { regional: leaf.regional, zones: [...leaf.zones.values()].sort((a, b) => a.zoneName.localeCompare(b.zoneName)), unplaced: leaf.unplaced },
      autoScalingGroups: leaf.autoScalingGroups.map(autoScalingGroupOf),
    };
    shownLeaves.set(leaf, shown);
  }
  return shown;
}

/** An Auto Scaling group as paths show it, built once: the paths of every entry point it serves share it (read-only). */
const shownGroups = new WeakMap<AutoScalingGroup, PathAutoScalingGroup>();

function autoScalingGroupOf(group: AutoScalingGroup): PathAutoScalingGroup {
  let shown = shownGroups.get(group);
  if (!shown) {
    shown = {
      arn: group.arn,
      name: group.name,
      zones: group.availabilityZones.map((zoneName) => ({ zoneName })),
      minSize: group.minSize,
      maxSize: group.maxSize,
      desiredCapacity: group.desiredCapacity,
    };
    shownGroups.set(group, shown);
  }
  return shown;
}

function collectViews(node: RecordNode): LoadBalancerView[] {
  const views: LoadBalancerView[] = [];
  const visit = (n: RecordNode) => {
    if (n.loadBalancer) views.push(n.loadBalancer);
    n.children.forEach(visit);
  };
  visit(node);
  return views;
}

function regionKey(accountId: string, region: string): string {
  return `${accountId}|${region}`;
}

/** Gaps as `service:Operation` per account and region. */
function groupGaps(gaps: readonly Gap[]): Map<string, string[]> {
  const byScope = new Map<string, string[]>();
  for (const gap of gaps) {
    const key = regionKey(gap.accountId, gap.region);
    const list = byScope.get(key) ?? [];
    const op = `${gap.service}:${gap.operation}`;
    if (!list.includes(op)) list.push(op);
    byScope.set(key, list);
  }
  return byScope;
}
