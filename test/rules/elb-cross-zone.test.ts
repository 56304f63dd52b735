import { expect } from 'vitest';
import { byName, expectMessage, testRule } from '../support/rule-cases.js';

const LB = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer';
const TG = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup';

testRule('elb-cross-zone', [
  {
    name: 'an NLB with cross-zone on and ALBs whose target groups use the load balancer setting or "true" pass',
    fixture: 'pass.json',
    // batch-tg turns cross-zone off but is attached to no load balancer; target groups get no result.
    fail: [],
    pass: ['tcp-nlb', 'web-alb', 'api-alb'],
    check(results) {
      expect(results.every((r) => r.messageId === 'enabled')).toBe(true);
      expectMessage(byName(results, 'tcp-nlb'), 'enabled', { name: 'tcp-nlb' });
    },
  },
  {
    name: 'NLB with cross-zone "false", GWLB without the attribute, ALB with target groups turning it off fail',
    fixture: 'fail.json',
    fail: [
      { resource: 'legacy-nlb', messageId: 'nodeOff' },
      { resource: 'inspection-gwlb', messageId: 'nodeOff' },
      { resource: 'split-alb', messageId: 'targetGroupsOff' },
      // An NLB with cross-zone on, but its target group overrides it with "false".
      { resource: 'events-nlb', messageId: 'targetGroupsOff' },
    ],
    // legacy-tg ("false") is attached to legacy-nlb only: it does not concern shop-alb.
    pass: ['shop-alb'],
    check(results) {
      const nlb = byName(results, 'legacy-nlb');
      expectMessage(nlb, 'nodeOff', { type: 'Network', name: 'legacy-nlb', attribute: 'load_balancing.cross_zone.enabled', value: 'false' });
      expect(nlb.evidence).toEqual({ 'load_balancing.cross_zone.enabled': 'false' });
      expect(nlb.remediation!.commands).toEqual([
        `aws elbv2 modify-load-balancer-attributes --load-balancer-arn ${LB}/net/legacy-nlb/4b5c6d7e8f9a0b1c --attributes Key=load_balancing.cross_zone.enabled,Value=true --region us-east-1`,
      ]);

      const gwlb = byName(results, 'inspection-gwlb');
      expectMessage(gwlb, 'nodeOff', { type: 'Gateway', name: 'inspection-gwlb', attribute: 'load_balancing.cross_zone.enabled', value: 'unset' });
      expect(gwlb.evidence).toEqual({ 'load_balancing.cross_zone.enabled': null });
      expect(gwlb.remediation!.commands).toEqual([
        `aws elbv2 modify-load-balancer-attributes --load-balancer-arn ${LB}/gwy/inspection-gwlb/9e8d7c6b5a4f3e2d --attributes Key=load_balancing.cross_zone.enabled,Value=true --region us-east-1`,
      ]);

      // split-app-tg uses the load balancer's configuration: only the two "false" groups are named and fixed.
      const alb = byName(results, 'split-alb');
      expectMessage(alb, 'targetGroupsOff', { name: 'split-alb', targetGroups: 'split-static-tg, split-reports-tg' });
      expect(alb.evidence).toEqual({
        'split-static-tg: load_balancing.cross_zone.enabled': 'false',
        'split-reports-tg: load_balancing.cross_zone.enabled': 'false',
      });
      expect(alb.remediation!.commands).toEqual([
        `aws elbv2 modify-target-group-attributes --target-group-arn ${TG}/split-static-tg/e586e60b9667b781 --attributes Key=load_balancing.cross_zone.enabled,Value=use_load_balancer_configuration --region us-east-1`,
        `aws elbv2 modify-target-group-attributes --target-group-arn ${TG}/split-reports-tg/f697f71ca778c892 --attributes Key=load_balancing.cross_zone.enabled,Value=use_load_balancer_configuration --region us-east-1`,
      ]);

      expect(byName(results, 'events-nlb').remediation!.commands).toEqual([
        `aws elbv2 modify-target-group-attributes --target-group-arn ${TG}/events-tg/0a1b2c3d4e5f6a7b --attributes Key=load_balancing.cross_zone.enabled,Value=use_load_balancer_configuration --region us-east-1`,
      ]);
    },
  },
]);
