import { defineRule } from '../src/engine/define-rule.js';
import type { TargetGroup, TargetType } from '../src/model/inventory.js';
import { isServingTarget } from '../src/model/targets.js';
import type { RegionScope } from '../src/engine/region-scope.js';
import { aws, joined, placeholder, type PlaceholderWord } from '../src/engine/command.js';
import type { RemediationStep } from '../src/model/result.js';
import { loadBalancerAttachments } from './support/autoscaling.js';
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
    noHealthyTarget: 'Load balancer {{name}} has no healthy target in any of its target groups ({{targetGroups}}): it serves only errors',
    tooFewZones:
      'Healthy targets of {{name}} sit in {{zoneCount}} ({{zones}}); {{required}} needed so that losing a zone leaves healthy targets',
  },
  rationale:
    'A load balancer spread over several zones is only as available as its targets: if every healthy target runs in one zone, the loss of that zone leaves the load balancer nothing to send traffic to.',
  remediation: {
    summary: 'Run healthy targets in at least two zones: spread the Auto Scaling group feeding the target group over subnets of more zones, or register targets in another zone.',
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
      const steps = targetGroups.map((tg) => fixCommand(scope, tg));
      if (zoneList.length === 0 && unknownZone.length === 0) {
        fail(ref, 'noHealthyTarget', { name: lb.name, targetGroups: targetGroupNames }, { evidence, steps });
      } else {
        const known = zoneList.length > 0 ? zoneList.join(', ') : 'none known';
        const zonesText = unknownZone.length > 0 ? `${known}; ${countOf(unknownZone.length, 'target')} in an unknown zone` : known;
        fail(ref, 'tooFewZones', { name: lb.name, zoneCount: countOf(zoneList.length, 'zone'), zones: zonesText, required }, { evidence, steps });
      }
    }
  },
});

/** What to register, by target type: a Lambda or ALB target group takes a single function or load balancer. */
const REGISTER_PLACEHOLDER: Record<TargetType, PlaceholderWord> = {
  instance: placeholder('instance-id', 'instance-id-in-another-zone'),
  ip: placeholder('ip-address', 'ip-address-in-another-zone'),
  lambda: placeholder('lambda-function-arn'),
  alb: placeholder('load-balancer-arn', 'application-load-balancer-arn'),
};

/** The Auto Scaling group feeding the target group, spread to more subnets; else a manual registration. */
function fixCommand(scope: RegionScope, tg: TargetGroup): RemediationStep {
  const group = scope.autoScalingGroups.find((g) => loadBalancerAttachments(g).includes(tg.arn));
  if (group) {
    return aws(
      'autoscaling',
      'update-auto-scaling-group',
      '--auto-scaling-group-name',
      group.name,
      '--vpc-zone-identifier',
      joined(',', [...group.subnetIds, placeholder('subnet-id', 'subnet-id-in-another-zone')]),
    );
  }
  return aws('elbv2', 'register-targets', '--target-group-arn', tg.arn, '--targets', joined('', ['Id=', REGISTER_PLACEHOLDER[tg.targetType]]));
}
