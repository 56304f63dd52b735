import { expect } from 'vitest';
import { argvOf, byName, expectMessage, testRule } from '../support/rule-cases.js';

const LB = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer';
const TG = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup';

const attributes = (kind: 'load-balancer' | 'target-group', arn: string, value: string) => [
  'elbv2',
  `modify-${kind}-attributes`,
  kind === 'load-balancer' ? '--load-balancer-arn' : '--target-group-arn',
  arn,
  '--attributes',
  `Key=load_balancing.cross_zone.enabled,Value=${value}`,
];

testRule('elb-cross-zone', [
  {
    name: 'an NLB with cross-zone on, ALBs whose target groups use the load balancer setting or "true", and an NLB whose every target group sets "true" pass',
    fixture: 'pass.json',
    // batch-tg turns cross-zone off but is attached to no load balancer; target groups get no result.
    fail: [],
    // override-nlb's attribute is "false", but the target groups decide (issue 11).
    pass: ['tcp-nlb', 'web-alb', 'api-alb', 'override-nlb'],
    check(results) {
      expect(results.every((r) => r.messageId === 'enabled')).toBe(true);
      expectMessage(byName(results, 'override-nlb'), 'enabled', { name: 'override-nlb' });
    },
  },
  {
    name: 'an NLB or GWLB off with target groups following it, target groups turning it off (ALB and NLB) fail',
    fixture: 'fail.json',
    fail: [
      // Its only target group says "false" itself: that target group is what to change.
      { resource: 'legacy-nlb', messageId: 'targetGroupsOff' },
      { resource: 'inspection-gwlb', messageId: 'nodeOff' },
      { resource: 'split-alb', messageId: 'targetGroupsOff' },
      // An NLB with cross-zone on, but its target group overrides it with "false".
      { resource: 'events-nlb', messageId: 'targetGroupsOff' },
      // One target group on, one following the load balancer's "false".
      { resource: 'mixed-nlb', messageId: 'nodeOff' },
    ],
    // legacy-tg ("false") is attached to legacy-nlb only: it does not concern shop-alb.
    pass: ['shop-alb'],
    check(results) {
      // The load balancer stays off; its target group turns cross-zone on for itself.
      expect(argvOf(results, 'legacy-nlb')).toEqual([attributes('target-group', `${TG}/legacy-tg/d475d5fa8556a670`, 'true')]);
      expect(byName(results, 'legacy-nlb').remediation!.warning).toMatch(/billed as data transfer between zones/);

      const gwlb = byName(results, 'inspection-gwlb');
      expectMessage(gwlb, 'nodeOff', { type: 'Gateway', name: 'inspection-gwlb', attribute: 'load_balancing.cross_zone.enabled', value: 'unset', targetGroups: 'none' });
      expect(gwlb.evidence).toEqual({ 'load_balancing.cross_zone.enabled': null });
      expect(argvOf(results, 'inspection-gwlb')).toEqual([attributes('load-balancer', `${LB}/gwy/inspection-gwlb/9e8d7c6b5a4f3e2d`, 'true')]);

      const mixed = byName(results, 'mixed-nlb');
      expectMessage(mixed, 'nodeOff', { type: 'Network', name: 'mixed-nlb', attribute: 'load_balancing.cross_zone.enabled', value: 'false', targetGroups: 'mixed-follow-tg' });
      expect(argvOf(results, 'mixed-nlb')).toEqual([attributes('load-balancer', mixed.resource.arn!, 'true')]);

      // split-app-tg uses the load balancer's configuration: only the two "false" groups are named and fixed. No charge for an ALB.
      const alb = byName(results, 'split-alb');
      expectMessage(alb, 'targetGroupsOff', { name: 'split-alb', targetGroups: 'split-static-tg, split-reports-tg' });
      expect(alb.evidence).toEqual({
        'split-static-tg: load_balancing.cross_zone.enabled': 'false',
        'split-reports-tg: load_balancing.cross_zone.enabled': 'false',
      });
      expect(argvOf(results, 'split-alb')).toEqual([
        attributes('target-group', `${TG}/split-static-tg/e586e60b9667b781`, 'use_load_balancer_configuration'),
        attributes('target-group', `${TG}/split-reports-tg/f697f71ca778c892`, 'use_load_balancer_configuration'),
      ]);
      expect(alb.remediation!.warning).toBeUndefined();

      expect(argvOf(results, 'events-nlb')).toEqual([attributes('target-group', `${TG}/events-tg/0a1b2c3d4e5f6a7b`, 'use_load_balancer_configuration')]);
    },
  },
]);
