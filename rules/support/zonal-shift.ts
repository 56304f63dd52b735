import type { RegionScope } from '../../src/engine/region-scope.js';
import type { LoadBalancer, TargetGroup } from '../../src/model/inventory.js';

/** The load-balancer attribute that registers it with ARC zonal shift. */
export const ZONAL_SHIFT = 'zonal_shift.config.enabled';
export const CROSS_ZONE = 'load_balancing.cross_zone.enabled';
export const CONNECTION_TERMINATION = 'target_health_state.unhealthy.connection_termination.enabled';

/**
 * Whether zonal shift is on for an ALB or NLB: undefined when the inventory has its attributes but
 * not this one (saved before ha-audit read it, or an endpoint that does not know it).
 */
export function zonalShiftEnabled(lb: LoadBalancer): boolean | undefined {
  const value = lb.attributes[ZONAL_SHIFT];
  return value === undefined ? undefined : value === 'true';
}

/** An ALB that an NLB forwards to (an `alb` target group): AWS says to shift the NLB, not it. */
export function isBehindNetworkLoadBalancer(scope: RegionScope, alb: LoadBalancer): boolean {
  return scope.targetGroups.some((tg) => tg.targetType === 'alb' && tg.loadBalancerArns.length > 0 && tg.targets.some((t) => t.id === alb.arn));
}

/** A target-group prerequisite of zonal shift for an NLB with cross-zone on: met, fixable by an attribute, or impossible. */
export interface ZonalShiftPrerequisite {
  targetGroup: TargetGroup;
  /** What is wrong, in a few words. */
  problem: string;
  /** The attribute that fixes it; none when only a new target group would (protocol, `alb` type). */
  attribute?: { key: string; value: string };
}

/**
 * What keeps an NLB with cross-zone load balancing on from zonal shift: each attached target
 * group must be TCP or TLS, not of type `alb`, with connection termination for unhealthy targets
 * off and its own cross-zone setting `true` or `use_load_balancer_configuration`.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/enable-zonal-shift.html
 */
export function zonalShiftPrerequisites(scope: RegionScope, nlb: LoadBalancer): ZonalShiftPrerequisite[] {
  if (nlb.type !== 'network' || nlb.attributes[CROSS_ZONE] !== 'true') return [];
  return scope.targetGroupsOf(nlb.arn).flatMap((targetGroup): ZonalShiftPrerequisite[] => {
    if (targetGroup.targetType === 'alb') return [{ targetGroup, problem: 'its targets are Application Load Balancers' }];
    if (targetGroup.protocol !== 'TCP' && targetGroup.protocol !== 'TLS') return [{ targetGroup, problem: `its protocol is ${targetGroup.protocol ?? 'unknown'}, not TCP or TLS` }];
    const unmet: ZonalShiftPrerequisite[] = [];
    if (targetGroup.attributes[CONNECTION_TERMINATION] !== 'false') {
      unmet.push({ targetGroup, problem: 'it terminates connections to unhealthy targets', attribute: { key: CONNECTION_TERMINATION, value: 'false' } });
    }
    if (targetGroup.attributes[CROSS_ZONE] === 'false') {
      unmet.push({ targetGroup, problem: 'it turns cross-zone load balancing off', attribute: { key: CROSS_ZONE, value: 'use_load_balancer_configuration' } });
    }
    return unmet;
  });
}
