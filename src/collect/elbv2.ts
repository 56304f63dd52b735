import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type Action,
  type ElasticLoadBalancingV2Client,
  type Listener as SdkListener,
  type LoadBalancer as SdkLoadBalancer,
  type LoadBalancerAddress as SdkLoadBalancerAddress,
  type TargetGroup as SdkTargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type {
  Elbv2Inventory,
  Listener,
  ListenerAction,
  LoadBalancer,
  LoadBalancerType,
  LoadBalancerZone,
  Target,
  TargetGroup,
  TargetType,
} from '../model/inventory.js';
import { chunk, collectPages } from './paginate.js';
import { CallFailed, type RegionCalls } from './region-calls.js';

/** The API's maximum page size for `DescribeLoadBalancers`, `DescribeListeners`, `DescribeTargetGroups`, `DescribeRules`. */
const PAGE_SIZE = 400;
/** `DescribeTags` takes at most 20 resource ARNs per call. */
const TAGS_BATCH = 20;

/**
 * Load balancers with their attributes, listeners and rules; target groups with their
 * attributes and target health; tags of both. Per-resource calls run concurrently, bounded by
 * `RegionCalls`. A failed step leaves its part empty and a gap behind.
 */
export async function collectElbv2(client: ElasticLoadBalancingV2Client, calls: RegionCalls): Promise<Elbv2Inventory> {
  const [sdkLoadBalancers, sdkTargetGroups] = await Promise.all([
    calls.wants('elbv2:DescribeLoadBalancers')
      ? calls.guard(() =>
          collectPages(
            (Marker) => calls.call('elbv2:DescribeLoadBalancers', () => client.send(new DescribeLoadBalancersCommand({ Marker, PageSize: PAGE_SIZE }))),
            (page) => ({ items: page.LoadBalancers, next: page.NextMarker }),
          ),
        )
      : undefined,
    calls.wants('elbv2:DescribeTargetGroups')
      ? calls.guard(() =>
          collectPages(
            (Marker) => calls.call('elbv2:DescribeTargetGroups', () => client.send(new DescribeTargetGroupsCommand({ Marker, PageSize: PAGE_SIZE }))),
            (page) => ({ items: page.TargetGroups, next: page.NextMarker }),
          ),
        )
      : undefined,
  ]);

  const loadBalancers = (sdkLoadBalancers ?? []).map(toLoadBalancer);
  const targetGroups = (sdkTargetGroups ?? []).map(toTargetGroup);
  // Resources deleted between the listing and their own calls (blue/green, preview stacks).
  const gone = new Set<string>();
  const unlessGone = <T>(arn: string, call: Promise<T>) => ifStillThere(call, () => gone.add(arn));

  await Promise.all([
    ...loadBalancers.map(async (lb) => {
      const [attributes, listeners] = await Promise.all([
        calls.wants('elbv2:DescribeLoadBalancerAttributes')
          ? calls.guard(() => unlessGone(lb.arn, calls.call('elbv2:DescribeLoadBalancerAttributes', () => client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.arn })))))
          : undefined,
        calls.wants('elbv2:DescribeListeners') ? calls.guard(() => unlessGone(lb.arn, collectListeners(client, calls, lb))) : undefined,
      ]);
      lb.attributes = toAttributes(attributes?.Attributes);
      lb.listeners = listeners ?? [];
    }),
    // A group no load balancer forwards to serves no one: no rule judges it, so no call is spent
    // on it (ELB's rate is what bounds the scan of a large account).
    ...targetGroups.filter((tg) => tg.loadBalancerArns.length > 0).map(async (tg) => {
      const [attributes, health] = await Promise.all([
        calls.wants('elbv2:DescribeTargetGroupAttributes')
          ? calls.guard(() => unlessGone(tg.arn, calls.call('elbv2:DescribeTargetGroupAttributes', () => client.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg.arn })))))
          : undefined,
        calls.wants('elbv2:DescribeTargetHealth')
          ? calls.guard(() => unlessGone(tg.arn, calls.call('elbv2:DescribeTargetHealth', () => client.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn })))))
          : undefined,
      ]);
      tg.attributes = toAttributes(attributes?.Attributes);
      tg.targets = (health?.TargetHealthDescriptions ?? []).flatMap((d): Target[] => {
        if (!d.Target?.Id) return [];
        const target: Target = { id: d.Target.Id, state: d.TargetHealth?.State ?? 'unknown' };
        if (d.Target.Port !== undefined) target.port = d.Target.Port;
        if (d.TargetHealth?.Reason) target.reason = d.TargetHealth.Reason;
        if (d.Target.AvailabilityZone) target.availabilityZone = d.Target.AvailabilityZone;
        return [target];
      });
    }),
    calls.wants('elbv2:DescribeTags') ? collectTags(client, calls, [...loadBalancers, ...targetGroups]) : undefined,
  ]);

  return { loadBalancers: loadBalancers.filter((lb) => !gone.has(lb.arn)), targetGroups: targetGroups.filter((tg) => !gone.has(tg.arn)) };
}

/** What ELB answers for a resource deleted since it was listed. */
const GONE_CODES = new Set(['LoadBalancerNotFound', 'TargetGroupNotFound', 'ListenerNotFound']);

/** The call's result, or `undefined` (and `onGone()`) when the resource no longer exists: gone, not a blind spot. */
function ifStillThere<T>(call: Promise<T>, onGone: () => void): Promise<T | undefined> {
  return call.catch((error: unknown) => {
    if (!(error instanceof CallFailed) || !GONE_CODES.has(error.code)) throw error;
    onGone();
    return undefined;
  });
}

async function collectListeners(client: ElasticLoadBalancingV2Client, calls: RegionCalls, lb: LoadBalancer): Promise<Listener[]> {
  const sdkListeners = await collectPages(
    (Marker) =>
      calls.call('elbv2:DescribeListeners', () => client.send(new DescribeListenersCommand({ LoadBalancerArn: lb.arn, Marker, PageSize: PAGE_SIZE }))),
    (page) => ({ items: page.Listeners, next: page.NextMarker }),
  );
  const listeners = await Promise.all(
    sdkListeners.map(async (sdkListener: SdkListener): Promise<Listener | undefined> => {
      let listenerGone = false;
      const listener: Listener = { arn: sdkListener.ListenerArn ?? '', defaultActions: toActions(sdkListener.DefaultActions), rules: [] };
      if (sdkListener.Port !== undefined) listener.port = sdkListener.Port;
      if (sdkListener.Protocol) listener.protocol = sdkListener.Protocol;
      // Only Application Load Balancers have rules besides the default one. A failure here is a
      // gap of its own: the listener and its default actions are kept.
      if (lb.type === 'application' && calls.wants('elbv2:DescribeRules')) {
        const rules = await calls.guard(() =>
          ifStillThere(
            collectPages(
              (Marker) =>
                calls.call('elbv2:DescribeRules', () => client.send(new DescribeRulesCommand({ ListenerArn: listener.arn, Marker, PageSize: PAGE_SIZE }))),
              (page) => ({ items: page.Rules, next: page.NextMarker }),
            ),
            () => (listenerGone = true),
          ),
        );
        listener.rules = (rules ?? [])
          .filter((rule) => !rule.IsDefault)
          .map((rule) => ({ arn: rule.RuleArn ?? '', priority: rule.Priority ?? '', actions: toActions(rule.Actions) }));
      }
      return listenerGone ? undefined : listener;
    }),
  );
  return listeners.filter((listener) => listener !== undefined);
}

/** Tags of load balancers and target groups, 20 ARNs per `DescribeTags` call. */
async function collectTags(client: ElasticLoadBalancingV2Client, calls: RegionCalls, resources: { arn: string; tags: Record<string, string> }[]): Promise<void> {
  const byArn = new Map(resources.map((r) => [r.arn, r]));
  const describe = async (ResourceArns: string[]) => {
    const page = await calls.call('elbv2:DescribeTags', () => client.send(new DescribeTagsCommand({ ResourceArns })));
    for (const description of page.TagDescriptions ?? []) {
      const resource = description.ResourceArn ? byArn.get(description.ResourceArn) : undefined;
      if (resource) resource.tags = toTags(description.Tags);
    }
  };
  await Promise.all(
    chunk([...byArn.keys()], TAGS_BATCH).map((batch) =>
      calls.guard(async () => {
        // One resource deleted since the listing fails its whole batch: ask for the others one by one.
        const whole = await ifStillThere(describe(batch).then(() => true), () => {});
        if (whole === undefined) await Promise.all(batch.map((arn) => ifStillThere(describe([arn]), () => {})));
      }),
    ),
  );
}

function toLoadBalancer(sdk: SdkLoadBalancer): LoadBalancer {
  const lb: LoadBalancer = {
    arn: sdk.LoadBalancerArn ?? '',
    name: sdk.LoadBalancerName ?? '',
    type: (sdk.Type ?? 'application') as LoadBalancerType,
    dnsName: sdk.DNSName ?? '',
    scheme: sdk.Scheme ?? '',
    availabilityZones: (sdk.AvailabilityZones ?? []).flatMap((z) => {
      if (!z.ZoneName) return [];
      const zone: LoadBalancer['availabilityZones'][number] = { zoneName: z.ZoneName, addresses: (z.LoadBalancerAddresses ?? []).map(toAddress) };
      if (z.SubnetId) zone.subnetId = z.SubnetId;
      return [zone];
    }),
    attributes: {},
    listeners: [],
    tags: {},
  };
  if (sdk.VpcId) lb.vpcId = sdk.VpcId;
  if (sdk.CanonicalHostedZoneId) lb.canonicalHostedZoneId = sdk.CanonicalHostedZoneId;
  if (sdk.State?.Code) lb.state = sdk.State.Code;
  return lb;
}

/** An address of a Network Load Balancer in one zone: its Elastic IP, or the private address it was given. */
function toAddress(sdk: SdkLoadBalancerAddress): NonNullable<LoadBalancerZone['addresses']>[number] {
  const address: NonNullable<LoadBalancerZone['addresses']>[number] = {};
  if (sdk.IpAddress) address.ipAddress = sdk.IpAddress;
  if (sdk.AllocationId) address.allocationId = sdk.AllocationId;
  if (sdk.PrivateIPv4Address) address.privateIPv4Address = sdk.PrivateIPv4Address;
  if (sdk.IPv6Address) address.ipv6Address = sdk.IPv6Address;
  return address;
}

function toTargetGroup(sdk: SdkTargetGroup): TargetGroup {
  const tg: TargetGroup = {
    arn: sdk.TargetGroupArn ?? '',
    name: sdk.TargetGroupName ?? '',
    targetType: (sdk.TargetType ?? 'instance') as TargetType,
    loadBalancerArns: sdk.LoadBalancerArns ?? [],
    // The API omits HealthCheckEnabled on old groups, whose health checks cannot be turned off.
    healthCheck: { enabled: sdk.HealthCheckEnabled ?? true },
    attributes: {},
    targets: [],
    tags: {},
  };
  if (sdk.Protocol) tg.protocol = sdk.Protocol;
  if (sdk.Port !== undefined) tg.port = sdk.Port;
  if (sdk.VpcId) tg.vpcId = sdk.VpcId;
  const hc = tg.healthCheck;
  if (sdk.HealthCheckProtocol) hc.protocol = sdk.HealthCheckProtocol;
  if (sdk.HealthCheckPort) hc.port = sdk.HealthCheckPort;
  if (sdk.HealthCheckPath) hc.path = sdk.HealthCheckPath;
  if (sdk.HealthCheckIntervalSeconds !== undefined) hc.intervalSeconds = sdk.HealthCheckIntervalSeconds;
  if (sdk.HealthCheckTimeoutSeconds !== undefined) hc.timeoutSeconds = sdk.HealthCheckTimeoutSeconds;
  if (sdk.HealthyThresholdCount !== undefined) hc.healthyThreshold = sdk.HealthyThresholdCount;
  if (sdk.UnhealthyThresholdCount !== undefined) hc.unhealthyThreshold = sdk.UnhealthyThresholdCount;
  return tg;
}

/**
 * The target groups an action sends traffic to: `TargetGroupArn` and the groups of a weighted
 * `ForwardConfig`, except those of weight 0, which receive nothing. A forward to several groups
 * keeps every group's weight (the resilience model: what share of requests each group gets).
 */
function toActions(actions: Action[] | undefined): ListenerAction[] {
  return (actions ?? []).map((action) => {
    const arns = new Set<string>();
    const weighted = action.ForwardConfig?.TargetGroups ?? [];
    for (const group of weighted) {
      if (group.TargetGroupArn && group.Weight !== 0) arns.add(group.TargetGroupArn);
    }
    if (action.TargetGroupArn && weighted.length === 0) arns.add(action.TargetGroupArn);
    const result: ListenerAction = { type: action.Type ?? 'unknown', targetGroupArns: [...arns] };
    // The API omits `Weight` for a group of weight 1 in some answers: 1 is its default.
    if (weighted.length > 1) result.forwardWeights = weighted.flatMap((g) => (g.TargetGroupArn ? [{ targetGroupArn: g.TargetGroupArn, weight: g.Weight ?? 1 }] : []));
    return result;
  });
}

function toAttributes(attributes: { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { Key, Value } of attributes ?? []) if (Key !== undefined) result[Key] = Value ?? '';
  return result;
}

export function toTags(tags: { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  return toAttributes(tags);
}
