import { expect } from 'vitest';
import { byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

const LB = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer';

testRule('elb-deletion-protection', [
  {
    name: 'ALB, NLB and GWLB with deletion_protection.enabled "true" pass',
    fixture: 'pass.json',
    fail: [],
    pass: ['web-alb', 'tcp-nlb', 'inspection-gwlb'],
    check(results) {
      expectMessage(byName(results, 'web-alb'), 'protected', { name: 'web-alb' });
    },
  },
  {
    name: 'deletion protection "false" or absent fails',
    fixture: 'fail.json',
    fail: [
      { resource: 'staging-alb', messageId: 'unprotected' },
      { resource: 'scratch-nlb', messageId: 'unprotected' },
    ],
    pass: ['prod-alb'],
    check(results) {
      const alb = byName(results, 'staging-alb');
      expectMessage(alb, 'unprotected', { name: 'staging-alb', attribute: 'deletion_protection.enabled', value: 'false' });
      expect(alb.evidence).toEqual({ 'deletion_protection.enabled': 'false' });
      expect(commandsOf(alb)).toEqual([
        `aws elbv2 modify-load-balancer-attributes --load-balancer-arn ${LB}/app/staging-alb/6d7e8f9a0b1c2d3e --attributes Key=deletion_protection.enabled,Value=true --region us-east-1`,
      ]);

      const nlb = byName(results, 'scratch-nlb');
      expectMessage(nlb, 'unprotected', { name: 'scratch-nlb', attribute: 'deletion_protection.enabled', value: 'unset' });
      expect(nlb.evidence).toEqual({ 'deletion_protection.enabled': null });
      expect(commandsOf(nlb)).toEqual([
        `aws elbv2 modify-load-balancer-attributes --load-balancer-arn ${LB}/net/scratch-nlb/7e8f9a0b1c2d3e4f --attributes Key=deletion_protection.enabled,Value=true --region us-east-1`,
      ]);
    },
  },
]);
