import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';
import { distinctSorted } from '../src/collections.js';
import { CONNECTION_TERMINATION, CROSS_ZONE, isBehindNetworkLoadBalancer, ZONAL_SHIFT, zonalShiftEnabled, zonalShiftPrerequisites } from './support/zonal-shift.js';

export default defineRule({
  id: 'elb-zonal-shift',
  title: 'Load balancers can be shifted away from an impaired zone',
  service: 'elbv2',
  severity: 'low',
  wellArchitected: ['REL11-BP02'],
  uses: ['elbv2:DescribeLoadBalancers', 'elbv2:DescribeLoadBalancerAttributes', 'elbv2:DescribeTargetGroups', 'elbv2:DescribeTargetGroupAttributes', 'elbv2:DescribeTargetHealth'],
  params: {},
  messages: {
    enabled: 'Load balancer {{name}} is registered with ARC zonal shift',
    disabled: 'Load balancer {{name}} is not registered with ARC zonal shift ({{attribute}} is {{value}}): its traffic cannot be moved away from an impaired zone',
    prerequisiteUnmet:
      'Network load balancer {{name}} is not registered with ARC zonal shift, and cannot be while cross-zone load balancing is on: {{problems}}',
  },
  rationale:
    'When a zone is impaired but not down (packet loss, a bad deployment, a gray failure), health checks may keep passing and the load balancer keeps sending that zone its share of traffic. ARC zonal shift moves traffic away from the zone with one call, and zonal autoshift does it for you when AWS detects an impairment, but only for load balancers registered with it. Judged on ALBs and NLBs in two or more zones that users reach directly: for an ALB behind an NLB, AWS shifts the NLB.',
  remediation: {
    summary:
      'Turn the zonal_shift.config.enabled attribute on (first meeting the target-group prerequisites of an NLB with cross-zone load balancing on), then practise a zonal shift or enable zonal autoshift.',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/zonal-shift.html',
  },
  check(scope, { pass, fail, notCollected }) {
    for (const lb of scope.loadBalancers) {
      if (lb.type === 'gateway' || distinctSorted(lb.availabilityZones.map((z) => z.zoneName)).length < 2) continue;
      if (lb.type === 'application' && isBehindNetworkLoadBalancer(scope, lb)) continue;
      const ref = scope.loadBalancerRef(lb);
      const enabled = zonalShiftEnabled(lb);
      if (enabled === undefined) {
        notCollected(ref, `attributes.${ZONAL_SHIFT}`);
        continue;
      }
      if (enabled) {
        pass(ref, 'enabled', { name: lb.name });
        continue;
      }
      const enable = aws('elbv2', 'modify-load-balancer-attributes', '--load-balancer-arn', lb.arn, '--attributes', `Key=${ZONAL_SHIFT},Value=true`);
      const unmet = zonalShiftPrerequisites(scope, lb);
      const evidence = { [ZONAL_SHIFT]: lb.attributes[ZONAL_SHIFT], targetGroupPrerequisites: unmet.map((p) => `${p.targetGroup.name}: ${p.problem}`) };
      const impossible = unmet.filter((p) => p.attribute === undefined);
      if (impossible.length > 0) {
        // Only a new target group (another protocol or type) would do: no command can.
        fail(ref, 'prerequisiteUnmet', { name: lb.name, problems: impossible.map((p) => `target group ${p.targetGroup.name}: ${p.problem}`).join('; ') }, { evidence });
        continue;
      }
      // One call per target group, with every attribute it needs.
      const attributes = [...new Set(unmet.map((p) => p.targetGroup))].map((tg) =>
        aws('elbv2', 'modify-target-group-attributes', '--target-group-arn', tg.arn, '--attributes', ...unmet.filter((p) => p.targetGroup === tg).map((p) => `Key=${p.attribute!.key},Value=${p.attribute!.value}`)),
      );
      const warning = [
        ...(unmet.some((p) => p.attribute?.key === CONNECTION_TERMINATION) ? ['With connection termination off, connections to a target that turns unhealthy stay open until they close or time out.'] : []),
        ...(unmet.some((p) => p.attribute?.key === CROSS_ZONE) ? ['Cross-zone traffic of a Network Load Balancer is billed as data transfer between zones.'] : []),
      ].join(' ');
      fail(ref, 'disabled', { name: lb.name, attribute: ZONAL_SHIFT, value: lb.attributes[ZONAL_SHIFT]! }, {
        evidence,
        steps: [...attributes, enable],
        ...(warning ? { warning } : {}),
      });
    }
  },
});
