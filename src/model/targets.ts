import type { Target } from './inventory.js';

/**
 * A target the load balancer sends traffic to: healthy, or any registered one when health checks
 * are off. `elb-targets-multi-az` and the resilience model count serving targets the same way.
 */
export function isServingTarget(target: Target): boolean {
  return target.state === 'healthy' || (target.state === 'unavailable' && target.reason === 'Target.HealthCheckDisabled');
}
