import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';

const CROSS_ZONE = 'load_balancing.cross_zone.enabled';

export default defineRule({
  id: 'elb-cross-zone',
  title: 'Load balancers spread traffic across zones',
  service: 'elbv2',
  severity: 'medium',
  wellArchitected: ['REL10-BP01', 'REL11-BP05'],
  uses: ['elbv2:DescribeLoadBalancers', 'elbv2:DescribeLoadBalancerAttributes', 'elbv2:DescribeTargetGroups', 'elbv2:DescribeTargetGroupAttributes'],
  params: {},
  messages: {
    enabled: 'Load balancer {{name}} spreads traffic across zones',
    nodeOff: '{{type}} load balancer {{name}} keeps traffic in the zone it arrives in ({{attribute}} is {{value}})',
    targetGroupsOff: 'Load balancer {{name}} routes {{targetGroups}} without cross-zone load balancing: the target group turns it off',
  },
  rationale:
    'Without cross-zone load balancing each load-balancer node only uses the targets of its own zone: when a zone loses targets, its clients overload the few left there while other zones sit idle.',
  remediation: {
    summary: 'Turn cross-zone load balancing on for the load balancer (NLB, GWLB), and stop turning it off in its target groups.',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#cross-zone-load-balancing',
  },
  check(scope, { pass, fail }) {
    for (const lb of scope.loadBalancers) {
      const ref = scope.loadBalancerRef(lb);
      // ALB nodes always balance across zones; an NLB or GWLB only when its attribute says so.
      if (lb.type !== 'application' && lb.attributes[CROSS_ZONE] !== 'true') {
        const value = lb.attributes[CROSS_ZONE];
        fail(ref, 'nodeOff', { type: lb.type === 'network' ? 'Network' : 'Gateway', name: lb.name, attribute: CROSS_ZONE, value: value ?? 'unset' }, {
          evidence: { [CROSS_ZONE]: value ?? null },
          steps: [aws('elbv2', 'modify-load-balancer-attributes', '--load-balancer-arn', lb.arn, '--attributes', `Key=${CROSS_ZONE},Value=true`)],
        });
        continue;
      }
      // A target group's own `false` overrides the load balancer for its traffic (ALB and NLB).
      const off = scope.targetGroupsOf(lb.arn).filter((tg) => tg.attributes[CROSS_ZONE] === 'false');
      if (off.length === 0) {
        pass(ref, 'enabled', { name: lb.name });
        continue;
      }
      fail(ref, 'targetGroupsOff', { name: lb.name, targetGroups: off.map((tg) => tg.name).join(', ') }, {
        evidence: Object.fromEntries(off.map((tg) => [`${tg.name}: ${CROSS_ZONE}`, 'false'])),
        steps: off.map((tg) =>
          aws('elbv2', 'modify-target-group-attributes', '--target-group-arn', tg.arn, '--attributes', `Key=${CROSS_ZONE},Value=use_load_balancer_configuration`),
        ),
      });
    }
  },
});
