import { expect } from 'vitest';
import { testRule, commandsOf } from '../support/rule-cases.js';

testRule('tg-stickiness', [
  { name: 'target groups without stickiness pass (attribute false or absent)', fixture: 'pass.json', fail: [], pass: ['web-tg', 'api-tg'] },
  {
    name: 'lb_cookie, app_cookie and source_ip stickiness all fail; a group no load balancer uses is not judged',
    fixture: 'fail.json',
    fail: [
      { resource: 'legacy-tg', messageId: 'sticky' },
      { resource: 'app-cookie-tg', messageId: 'sticky' },
      { resource: 'nlb-tg', messageId: 'sticky' },
    ],
    pass: ['clean-tg'],
    check(results) {
      const legacy = results.find((r) => r.resource.name === 'legacy-tg')!;
      expect(legacy.evidence).toEqual({ 'stickiness.enabled': 'true', 'stickiness.type': 'lb_cookie' });
      expect(commandsOf(legacy)).toEqual([
        'aws elbv2 modify-target-group-attributes --target-group-arn arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/legacy-tg/0123456789abcdef --attributes Key=stickiness.enabled,Value=false --region us-east-1',
      ]);
      expect(legacy.remediation!.summary).toMatch(/ElastiCache|DynamoDB/);
      // Turning it off before sessions live in a shared store logs users out: said where the command is.
      expect(legacy.remediation!.warning).toMatch(/logged out.*shared store/);
    },
  },
]);
