import { loadBalancerAttachments } from '../../src/model/autoscaling.js';
import type { AutoScalingGroup, ScalingPolicy } from '../../src/model/inventory.js';

export { loadBalancerAttachments };

export function isAttachedToLoadBalancer(group: AutoScalingGroup): boolean {
  return loadBalancerAttachments(group).length > 0;
}

/** `asg-min-capacity`'s default: the smallest MinSize of a group serving a load balancer. */
export const DEFAULT_MIN_INSTANCES = 2;

/**
 * The MinSize every capacity fix gives a group (`asg-min-capacity`, `elb-targets-multi-az`, and
 * through `maxSizeWithRoom` `asg-scaling-policy`): at least `minInstances`, one instance per zone
 * where it runs fewer than its zones, never lower than it is. One value, so that no fix undoes another.
 */
export function capacityFloor(group: AutoScalingGroup, minInstances: number = DEFAULT_MIN_INSTANCES): number {
  const zones = new Set(group.availabilityZones).size;
  return Math.max(group.minSize, minInstances, group.desiredCapacity < zones ? zones : 0);
}

/**
 * The MaxSize both capacity fixes (`asg-min-capacity`, `asg-scaling-policy`) give a group whose
 * MinSize becomes `minSize`: its own when it leaves room to scale out, else twice the minimum
 * (at least two more). Computed in one place, so that the two fixes never undo each other.
 */
export function maxSizeWithRoom(group: AutoScalingGroup, minSize: number): number {
  return group.maxSize > minSize ? group.maxSize : Math.max(minSize * 2, minSize + 2);
}

/** A policy that changes capacity on load, or why it does not; `undefined` when the inventory does not say. */
export function scalesOnLoad(policy: ScalingPolicy): { scales: boolean; why: string } | undefined {
  if (!policy.enabled) return { scales: false, why: 'disabled' };
  switch (policy.type) {
    case 'TargetTrackingScaling':
      return { scales: true, why: 'target tracking' };
    case 'PredictiveScaling':
      if (policy.predictiveMode === undefined) return undefined;
      return policy.predictiveMode === 'ForecastAndScale' ? { scales: true, why: 'forecasts and scales' } : { scales: false, why: `${policy.predictiveMode}: forecasts, never scales` };
    default:
      // Step and simple policies run only when a CloudWatch alarm invokes them.
      if (policy.alarms === undefined) return undefined;
      return policy.alarms.length > 0 ? { scales: true, why: `alarms ${policy.alarms.join(', ')}` } : { scales: false, why: 'no alarm invokes it' };
  }
}
