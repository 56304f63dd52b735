import { loadBalancerAttachments } from '../../src/model/autoscaling.js';
import type { AutoScalingGroup } from '../../src/model/inventory.js';

export { loadBalancerAttachments };

export function isAttachedToLoadBalancer(group: AutoScalingGroup): boolean {
  return loadBalancerAttachments(group).length > 0;
}
