import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';

export default defineRule({
  id: 'tg-stickiness',
  title: 'Target groups do not pin clients to one target',
  service: 'elbv2',
  severity: 'medium',
  wellArchitected: ['REL05-BP06'],
  uses: ['elbv2:DescribeTargetGroups', 'elbv2:DescribeTargetGroupAttributes'],
  params: {},
  messages: {
    notSticky: 'Target group {{name}} lets any target serve any request',
    sticky: 'Target group {{name}} pins each client to one target ({{type}} stickiness)',
  },
  rationale:
    'Sticky sessions are the stateful anti-pattern: a client stays bound to one server, so when that server or its zone fails the session is lost, and load stays uneven after a scale-out or a zone recovery. Judged on the target groups a load balancer forwards to: one no listener uses pins no client.',
  remediation: {
    summary:
      'Turn stickiness off, and keep session state where every target can read it: a shared store (ElastiCache, DynamoDB) or signed client-side tokens.',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html',
  },
  check(scope, { pass, fail }) {
    for (const tg of scope.targetGroups) {
      // A group no load balancer forwards to pins no client (and its attributes are not collected).
      if (tg.loadBalancerArns.length === 0) continue;
      const ref = scope.targetGroupRef(tg);
      if (tg.attributes['stickiness.enabled'] !== 'true') {
        pass(ref, 'notSticky', { name: tg.name });
        continue;
      }
      const type = tg.attributes['stickiness.type'] ?? 'unknown';
      fail(ref, 'sticky', { name: tg.name, type }, {
        evidence: { 'stickiness.enabled': 'true', 'stickiness.type': type },
        steps: [aws('elbv2', 'modify-target-group-attributes', '--target-group-arn', tg.arn, '--attributes', 'Key=stickiness.enabled,Value=false')],
        warning:
          'Users whose session lives in one target\'s memory are logged out, or lose their cart, on their next request: first keep sessions in a shared store (ElastiCache, DynamoDB) or in signed cookies, then turn stickiness off.',
      });
    }
  },
});
