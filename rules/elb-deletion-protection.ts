import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';

const DELETION_PROTECTION = 'deletion_protection.enabled';

export default defineRule({
  id: 'elb-deletion-protection',
  title: 'Load balancers are protected from deletion',
  service: 'elbv2',
  severity: 'low',
  wellArchitected: ['REL08-BP01'],
  uses: ['elbv2:DescribeLoadBalancers', 'elbv2:DescribeLoadBalancerAttributes'],
  params: {},
  messages: {
    protected: 'Load balancer {{name}} has deletion protection',
    unprotected: 'Load balancer {{name}} can be deleted by a single API call or a stray stack update ({{attribute}} is {{value}})',
  },
  rationale:
    'The load balancer is the entry point every zone shares: deleting it by mistake takes the whole application offline, and its DNS name cannot be recovered.',
  remediation: {
    summary: 'Turn deletion protection on.',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#deletion-protection',
  },
  check(scope, { pass, fail }) {
    for (const lb of scope.loadBalancers) {
      const value = lb.attributes[DELETION_PROTECTION];
      if (value === 'true') {
        pass(scope.loadBalancerRef(lb), 'protected', { name: lb.name });
        continue;
      }
      fail(scope.loadBalancerRef(lb), 'unprotected', { name: lb.name, attribute: DELETION_PROTECTION, value: value ?? 'unset' }, {
        evidence: { [DELETION_PROTECTION]: value ?? null },
        steps: [aws('elbv2', 'modify-load-balancer-attributes', '--load-balancer-arn', lb.arn, '--attributes', `Key=${DELETION_PROTECTION},Value=true`)],
      });
    }
  },
});
