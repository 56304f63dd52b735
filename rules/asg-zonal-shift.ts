import { defineRule } from '../src/engine/define-rule.js';
import { aws, joined } from '../src/engine/command.js';
import type { RegionScope } from '../src/engine/region-scope.js';
import type { LoadBalancer } from '../src/model/inventory.js';
import { loadBalancerAttachments } from './support/autoscaling.js';
import { ZONAL_SHIFT, zonalShiftEnabled } from './support/zonal-shift.js';

/** Instances in the shifted-away zone are left alone: the zone may recover, and new capacity goes to the others anyway. */
const DEFAULT_BEHAVIOR = 'IgnoreUnhealthy';

export default defineRule({
  id: 'asg-zonal-shift',
  title: 'Auto Scaling groups follow a zonal shift of their load balancer',
  service: 'autoscaling',
  severity: 'low',
  wellArchitected: ['REL11-BP02'],
  uses: ['autoscaling:DescribeAutoScalingGroups', 'elbv2:DescribeLoadBalancers', 'elbv2:DescribeLoadBalancerAttributes', 'elbv2:DescribeTargetGroups'],
  params: {},
  messages: {
    enabled: 'Auto Scaling group {{name}} follows a zonal shift ({{behavior}} in the impaired zone), as its load balancer {{loadBalancers}} does',
    disabled:
      'Auto Scaling group {{name}} does not follow a zonal shift, though its load balancer {{loadBalancers}} does: shifted away from an impaired zone, it keeps launching instances there',
  },
  rationale:
    'An operator (or zonal autoshift) shifts traffic away from an impaired zone at the load balancer. A group that is not registered with zonal shift goes on launching replacement and scale-out capacity in that zone, where it gets no traffic, and the healthy zones stay short of the capacity they now need. With zonal shift enabled, the group launches in the healthy zones and does not scale in during the shift.',
  remediation: {
    summary: 'Enable zonal shift on the group (AvailabilityZoneImpairmentPolicy), with the behaviour for unhealthy instances in the impaired zone (IgnoreUnhealthy here: leave them, the zone may recover).',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-zonal-shift.html',
  },
  check(scope, { pass, fail, notCollected }) {
    for (const group of scope.autoScalingGroups) {
      const loadBalancers = shiftedLoadBalancers(scope, loadBalancerAttachments(group));
      if (loadBalancers === undefined) {
        notCollected(scope.autoScalingGroupRef(group), `load balancer attributes.${ZONAL_SHIFT}`);
        continue;
      }
      if (loadBalancers.length === 0) continue; // no load balancer of it can be shifted: not applicable
      const ref = scope.autoScalingGroupRef(group);
      const policy = group.availabilityZoneImpairmentPolicy;
      if (policy === undefined) {
        notCollected(ref, 'availabilityZoneImpairmentPolicy');
        continue;
      }
      const names = loadBalancers.map((lb) => lb.name).join(', ');
      const evidence = { availabilityZoneImpairmentPolicy: policy, loadBalancers: loadBalancers.map((lb) => lb.name) };
      if (policy.zonalShiftEnabled) {
        pass(ref, 'enabled', { name: group.name, behavior: policy.impairedZoneHealthCheckBehavior ?? 'default behaviour', loadBalancers: names }, { evidence });
        continue;
      }
      const behavior = policy.impairedZoneHealthCheckBehavior ?? DEFAULT_BEHAVIOR;
      fail(ref, 'disabled', { name: group.name, loadBalancers: names }, {
        evidence,
        steps: [
          aws(
            'autoscaling',
            'update-auto-scaling-group',
            '--auto-scaling-group-name',
            group.name,
            '--availability-zone-impairment-policy',
            joined(',', ['ZonalShiftEnabled=true', `ImpairedZoneHealthCheckBehavior=${behavior}`]),
          ),
        ],
      });
    }
  },
});

/**
 * The load balancers of the group's target groups that have zonal shift on; undefined when one of
 * them may have it but the inventory does not say (attributes saved without it).
 */
function shiftedLoadBalancers(scope: RegionScope, attachments: string[]): LoadBalancer[] | undefined {
  const loadBalancers = new Map<string, LoadBalancer>();
  for (const arn of attachments) {
    for (const lbArn of scope.targetGroup(arn)?.loadBalancerArns ?? []) {
      const lb = scope.loadBalancer(lbArn);
      if (lb && lb.type !== 'gateway') loadBalancers.set(lb.arn, lb);
    }
  }
  const judged = [...loadBalancers.values()].map((lb) => ({ lb, enabled: zonalShiftEnabled(lb) }));
  if (judged.some((j) => j.enabled === undefined) && !judged.some((j) => j.enabled)) return undefined;
  return judged.filter((j) => j.enabled).map((j) => j.lb);
}
