import type { AutoScalingGroup } from './inventory.js';

/** Traffic-source types that are Elastic Load Balancing (VPC Lattice has its own health checks). */
const ELB_TRAFFIC_SOURCE_TYPES = new Set(['elb', 'elbv2']);

/** Target groups and classic load balancers an Auto Scaling group feeds, however attached (legacy fields or `TrafficSources`). */
export function loadBalancerAttachments(group: AutoScalingGroup): string[] {
  return [
    ...new Set([
      ...group.targetGroupArns,
      ...group.loadBalancerNames,
      ...group.trafficSources.filter((s) => s.type === undefined || ELB_TRAFFIC_SOURCE_TYPES.has(s.type)).map((s) => s.identifier),
    ]),
  ];
}
