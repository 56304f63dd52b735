import {
  DescribeAutoScalingGroupsCommand,
  DescribePoliciesCommand,
  type AutoScalingClient,
  type AutoScalingGroup as SdkAutoScalingGroup,
  type AvailabilityZoneImpairmentPolicy as SdkAvailabilityZoneImpairmentPolicy,
  type ScalingPolicy as SdkScalingPolicy,
} from '@aws-sdk/client-auto-scaling';
import type { AutoScalingGroup, AutoScalingInventory, ScalingPolicy } from '../model/inventory.js';
import { collectPages } from './paginate.js';
import type { RegionCalls } from './region-calls.js';

/** The API's maximum page size for `DescribeAutoScalingGroups` and `DescribePolicies`. */
const PAGE_SIZE = 100;

/** Auto Scaling groups and, from one region-wide listing, their scaling policies. */
export async function collectAutoScaling(client: AutoScalingClient, calls: RegionCalls): Promise<AutoScalingInventory> {
  const [sdkGroups, sdkPolicies] = await Promise.all([
    calls.wants('autoscaling:DescribeAutoScalingGroups')
      ? calls.guard(() =>
          collectPages(
            (NextToken) =>
              calls.call('autoscaling:DescribeAutoScalingGroups', () => client.send(new DescribeAutoScalingGroupsCommand({ NextToken, MaxRecords: PAGE_SIZE }))),
            (page) => ({ items: page.AutoScalingGroups, next: page.NextToken }),
          ),
        )
      : undefined,
    calls.wants('autoscaling:DescribePolicies')
      ? calls.guard(() =>
          collectPages(
            (NextToken) => calls.call('autoscaling:DescribePolicies', () => client.send(new DescribePoliciesCommand({ NextToken, MaxRecords: PAGE_SIZE }))),
            (page) => ({ items: page.ScalingPolicies, next: page.NextToken }),
          ),
        )
      : undefined,
  ]);
  const groups = (sdkGroups ?? []).map(toAutoScalingGroup);
  const byName = new Map(groups.map((g) => [g.name, g]));
  for (const policy of sdkPolicies ?? []) {
    const group = policy.AutoScalingGroupName ? byName.get(policy.AutoScalingGroupName) : undefined;
    group?.scalingPolicies.push(toScalingPolicy(policy));
  }
  return { groups };
}

function toScalingPolicy(sdk: SdkScalingPolicy): ScalingPolicy {
  const type = sdk.PolicyType ?? 'SimpleScaling';
  const policy: ScalingPolicy = {
    name: sdk.PolicyName ?? '',
    type,
    enabled: sdk.Enabled ?? true,
    alarms: (sdk.Alarms ?? []).flatMap((alarm) => (alarm.AlarmName ? [alarm.AlarmName] : [])),
  };
  // The API omits the mode of a predictive policy created without one: it then only forecasts.
  if (type === 'PredictiveScaling') policy.predictiveMode = sdk.PredictiveScalingConfiguration?.Mode ?? 'ForecastOnly';
  return policy;
}

function toAutoScalingGroup(sdk: SdkAutoScalingGroup): AutoScalingGroup {
  const group: AutoScalingGroup = {
    arn: sdk.AutoScalingGroupARN ?? '',
    name: sdk.AutoScalingGroupName ?? '',
    minSize: sdk.MinSize ?? 0,
    maxSize: sdk.MaxSize ?? 0,
    desiredCapacity: sdk.DesiredCapacity ?? 0,
    availabilityZones: sdk.AvailabilityZones ?? [],
    subnetIds: splitList(sdk.VPCZoneIdentifier),
    healthCheckTypes: splitList(sdk.HealthCheckType ?? 'EC2'),
    loadBalancerNames: sdk.LoadBalancerNames ?? [],
    targetGroupArns: sdk.TargetGroupARNs ?? [],
    trafficSources: (sdk.TrafficSources ?? []).flatMap((s) => (s.Identifier ? [s.Type ? { identifier: s.Identifier, type: s.Type } : { identifier: s.Identifier }] : [])),
    instances: (sdk.Instances ?? []).flatMap((i) => {
      if (!i.InstanceId) return [];
      const instance: AutoScalingGroup['instances'][number] = { id: i.InstanceId, availabilityZone: i.AvailabilityZone ?? '' };
      if (i.LifecycleState) instance.lifecycleState = i.LifecycleState;
      if (i.HealthStatus) instance.healthStatus = i.HealthStatus;
      return [instance];
    }),
    scalingPolicies: [],
    suspendedProcesses: (sdk.SuspendedProcesses ?? []).flatMap((p) => (p.ProcessName ? [p.ProcessName] : [])),
    // A group never given a policy has none in the answer: zonal shift is off.
    availabilityZoneImpairmentPolicy: toImpairmentPolicy(sdk.AvailabilityZoneImpairmentPolicy),
    tags: Object.fromEntries((sdk.Tags ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? '']] : []))),
  };
  if (sdk.HealthCheckGracePeriod !== undefined) group.healthCheckGracePeriod = sdk.HealthCheckGracePeriod;
  // Groups created before capacity distribution existed (2024) have the default strategy.
  group.capacityDistributionStrategy = sdk.AvailabilityZoneDistribution?.CapacityDistributionStrategy ?? 'balanced-best-effort';
  return group;
}

function toImpairmentPolicy(sdk: SdkAvailabilityZoneImpairmentPolicy | undefined): NonNullable<AutoScalingGroup['availabilityZoneImpairmentPolicy']> {
  const policy: NonNullable<AutoScalingGroup['availabilityZoneImpairmentPolicy']> = { zonalShiftEnabled: sdk?.ZonalShiftEnabled ?? false };
  if (sdk?.ImpairedZoneHealthCheckBehavior) policy.impairedZoneHealthCheckBehavior = sdk.ImpairedZoneHealthCheckBehavior;
  return policy;
}

/** `"subnet-a, subnet-b"` or `"ELB,EBS"` to a list, empty entries dropped. */
function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
