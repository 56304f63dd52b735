import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';
import type { LoadBalancer, TargetGroup } from '../src/model/inventory.js';
import type { RemediationStep } from '../src/model/result.js';
import { CROSS_ZONE } from './support/zonal-shift.js';

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
    nodeOff: '{{type}} load balancer {{name}} keeps traffic in the zone it arrives in ({{attribute}} is {{value}}; target groups following it: {{targetGroups}})',
    targetGroupsOff: 'Load balancer {{name}} routes {{targetGroups}} without cross-zone load balancing: the target group turns it off',
  },
  rationale:
    'Without cross-zone load balancing each load-balancer node only uses the targets of its own zone: when a zone loses targets, its clients overload the few left there while other zones sit idle. A target group\'s own load_balancing.cross_zone.enabled decides for its traffic when it is true or false; when it is use_load_balancer_configuration (the default) the load balancer\'s setting applies (always on for an ALB; the attribute of an NLB or GWLB).',
  remediation: {
    summary: 'Turn cross-zone load balancing on for the load balancer (NLB, GWLB), and stop turning it off in its target groups.',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-cross-zone.html',
  },
  check(scope, { pass, fail }) {
    for (const lb of scope.loadBalancers) {
      const ref = scope.loadBalancerRef(lb);
      // ALB nodes always balance across zones; an NLB or GWLB only when its attribute says so.
      const nodeOn = lb.type === 'application' || lb.attributes[CROSS_ZONE] === 'true';
      const targetGroups = scope.targetGroupsOf(lb.arn);
      const followingOff = nodeOn ? [] : targetGroups.filter((tg) => !overrides(tg));
      const explicitlyOff = targetGroups.filter((tg) => tg.attributes[CROSS_ZONE] === 'false');
      // Without target groups the load balancer's own setting is all there is to judge.
      if (!nodeOn && (followingOff.length > 0 || targetGroups.length === 0)) {
        const value = lb.attributes[CROSS_ZONE];
        fail(ref, 'nodeOff', { type: lb.type === 'network' ? 'Network' : 'Gateway', name: lb.name, attribute: CROSS_ZONE, value: value ?? 'unset', targetGroups: names(followingOff) }, {
          evidence: { [CROSS_ZONE]: value ?? null, ...targetGroupEvidence(explicitlyOff) },
          steps: [aws('elbv2', 'modify-load-balancer-attributes', '--load-balancer-arn', lb.arn, '--attributes', `Key=${CROSS_ZONE},Value=true`), ...explicitlyOff.map(followLoadBalancer)],
          warning: chargeWarning(lb),
        });
        continue;
      }
      if (explicitlyOff.length === 0) {
        pass(ref, 'enabled', { name: lb.name });
        continue;
      }
      const steps: RemediationStep[] = explicitlyOff.map((tg) => (nodeOn ? followLoadBalancer(tg) : turnOn(tg)));
      fail(ref, 'targetGroupsOff', { name: lb.name, targetGroups: names(explicitlyOff) }, {
        evidence: targetGroupEvidence(explicitlyOff),
        steps,
        ...(lb.type === 'application' ? {} : { warning: chargeWarning(lb) }),
      });
    }
  },
});

/** A target group whose own setting overrides the load balancer's (`true` or `false`). */
function overrides(tg: TargetGroup): boolean {
  const value = tg.attributes[CROSS_ZONE];
  return value === 'true' || value === 'false';
}

function names(targetGroups: TargetGroup[]): string {
  return targetGroups.map((tg) => tg.name).join(', ') || 'none';
}

function targetGroupEvidence(targetGroups: TargetGroup[]): Record<string, string> {
  return Object.fromEntries(targetGroups.map((tg) => [`${tg.name}: ${CROSS_ZONE}`, 'false']));
}

function followLoadBalancer(tg: TargetGroup): RemediationStep {
  return aws('elbv2', 'modify-target-group-attributes', '--target-group-arn', tg.arn, '--attributes', `Key=${CROSS_ZONE},Value=use_load_balancer_configuration`);
}

/** On for this group alone: the load balancer's setting stays as it is for the others. */
function turnOn(tg: TargetGroup): RemediationStep {
  return aws('elbv2', 'modify-target-group-attributes', '--target-group-arn', tg.arn, '--attributes', `Key=${CROSS_ZONE},Value=true`);
}

function chargeWarning(lb: LoadBalancer): string {
  return `Traffic that ${lb.type === 'network' ? 'a Network' : 'a Gateway'} Load Balancer sends to another zone is billed as data transfer between zones.`;
}
