import { defineRule } from '../src/engine/define-rule.js';
import type { TargetGroup } from '../src/model/inventory.js';
import { isServingTarget } from '../src/model/targets.js';
import { describeCause, missingZoneFix } from './support/missing-zones.js';
import { countOf } from '../src/engine/plural.js';
import { distinctSorted } from '../src/collections.js';

export default defineRule({
  id: 'elb-targets-multi-az',
  title: 'Healthy targets behind each load balancer span several Availability Zones',
  service: 'elbv2',
  severity: 'high',
  wellArchitected: ['REL10-BP01', 'REL11-BP05'],
  uses: [
    'elbv2:DescribeLoadBalancers',
    'elbv2:DescribeListeners',
    'elbv2:DescribeRules',
    'elbv2:DescribeTargetGroups',
    'elbv2:DescribeTargetHealth',
    'ec2:DescribeInstances',
    'ec2:DescribeSubnets',
    // The fix spreads the Auto Scaling group feeding a target group.
    'autoscaling:DescribeAutoScalingGroups',
  ],
  params: {
    minAzs: {
      type: 'integer',
      default: 2,
      min: 1,
      max: 10,
      description: 'Fewest distinct zones the healthy targets must sit in (capped at the zones of the load balancer).',
    },
  },
  messages: {
    multiZone: 'Healthy targets of {{name}} sit in {{zoneCount}} ({{zones}})',
    regional: 'Load balancer {{name}} forwards to Lambda functions, which are regional',
    noHealthyTarget: 'Load balancer {{name}} has no healthy target in any of its target groups ({{targetGroups}}): it serves only errors{{causes}}',
    tooFewZones:
      'Healthy targets of {{name}} sit in {{zoneCount}} ({{zones}}); {{required}} needed so that losing a zone leaves healthy targets{{causes}}',
  },
  rationale:
    'A load balancer spread over several zones is only as available as its targets: if every healthy target runs in one zone, the loss of that zone leaves the load balancer nothing to send traffic to.',
  remediation: {
    summary:
      'Run healthy targets in the zones of the load balancer, by the cause found in each: spread the Auto Scaling group over a subnet of the zone, resume its suspended processes, raise its capacity to one instance per zone, start stopped instances, repair failing targets, or register targets there.',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-az-console.html',
  },
  check(scope, { params, pass, fail }) {
    for (const lb of scope.loadBalancers) {
      const targetGroups = scope
        .forwardedTargetGroupArns(lb)
        .map((arn) => scope.targetGroup(arn))
        .filter((tg): tg is TargetGroup => tg !== undefined);
      if (targetGroups.length === 0) continue; // forwards nowhere (redirects, fixed responses): not applicable

      const zones = new Set<string>();
      const unknownZone: string[] = [];
      let regional = false;
      for (const tg of targetGroups) {
        for (const target of tg.targets.filter(isServingTarget)) {
          const placement = scope.targetPlacement(tg, target);
          if (placement.kind === 'regional') regional = true;
          else if (placement.kind === 'zones') placement.zones.forEach((z) => zones.add(z));
          else unknownZone.push(target.id);
        }
      }
      const ref = scope.loadBalancerRef(lb);
      const zoneList = distinctSorted(zones);
      const targetGroupNames = targetGroups.map((tg) => tg.name).join(', ');
      const evidence = { targetGroups: targetGroups.map((tg) => tg.name), healthyTargetZones: zoneList, targetsWithUnknownZone: unknownZone };
      if (regional) {
        pass(ref, 'regional', { name: lb.name });
        continue;
      }
      const required = Math.min(params.minAzs, distinctSorted(lb.availabilityZones.map((z) => z.zoneName)).length);
      if (zoneList.length >= required && zoneList.length > 0) {
        pass(ref, 'multiZone', { name: lb.name, zoneCount: countOf(zoneList.length, 'zone'), zones: zoneList.join(', ') }, { evidence });
        continue;
      }
      // Why the load balancer's other zones have no serving target, and what fixes that (never a zone it does not use).
      const lbZones = distinctSorted(lb.availabilityZones.map((z) => z.zoneName));
      const fix = missingZoneFix(scope, targetGroups, lbZones.filter((zone) => !zones.has(zone)));
      const causes = fix.causes.length > 0 ? `. ${fix.causes.map(describeCause).join('; ')}` : '';
      const extra = { evidence: { ...evidence, missingZones: fix.causes }, steps: fix.steps, hints: fix.hints, ...(fix.warning ? { warning: fix.warning } : {}) };
      if (zoneList.length === 0 && unknownZone.length === 0) {
        fail(ref, 'noHealthyTarget', { name: lb.name, targetGroups: targetGroupNames, causes }, extra);
      } else {
        const known = zoneList.length > 0 ? zoneList.join(', ') : 'none known';
        const zonesText = unknownZone.length > 0 ? `${known}; ${countOf(unknownZone.length, 'target')} in an unknown zone` : known;
        fail(ref, 'tooFewZones', { name: lb.name, zoneCount: countOf(zoneList.length, 'zone'), zones: zonesText, required, causes }, extra);
      }
    }
  },
});
