import { expect } from 'vitest';
import { argvOf, byName, expectMessage, testRule } from '../support/rule-cases.js';

const arnOf = (results: Parameters<typeof byName>[0], name: string) => byName(results, name).resource.arn!;
const enable = (arn: string) => ['elbv2', 'modify-load-balancer-attributes', '--load-balancer-arn', arn, '--attributes', 'Key=zonal_shift.config.enabled,Value=true'];

testRule('elb-zonal-shift', [
  {
    name: 'an ALB and NLBs registered with zonal shift pass; a single-zone ALB, a GWLB and an ALB behind an NLB get no result',
    fixture: 'pass.json',
    fail: [],
    // single-alb (one zone), inspection-gwlb (no zonal shift) and backend-alb (AWS shifts the NLB in front of it): no result.
    pass: ['web-alb', 'tcp-nlb', 'front-nlb'],
    check(results) {
      expectMessage(byName(results, 'web-alb'), 'enabled', { name: 'web-alb' });
    },
  },
  {
    name: 'zonal shift off fails; an NLB with cross-zone on first fixes the target-group attributes it can, or says which prerequisite it cannot meet',
    fixture: 'fail.json',
    fail: [
      { resource: 'shop-alb', messageId: 'disabled' },
      // Cross-zone off: the target-group prerequisites do not apply (its target group terminates connections).
      { resource: 'plain-nlb', messageId: 'disabled' },
      { resource: 'crosszone-nlb', messageId: 'disabled' },
      { resource: 'udp-nlb', messageId: 'prerequisiteUnmet' },
      { resource: 'alb-front-nlb', messageId: 'prerequisiteUnmet' },
    ],
    pass: [],
    noCommand: ['udp-nlb', 'alb-front-nlb'],
    check(results) {
      expectMessage(byName(results, 'shop-alb'), 'disabled', { name: 'shop-alb', attribute: 'zonal_shift.config.enabled', value: 'false' });
      expect(argvOf(results, 'shop-alb')).toEqual([enable(arnOf(results, 'shop-alb'))]);
      expect(argvOf(results, 'plain-nlb')).toEqual([enable(arnOf(results, 'plain-nlb'))]);
      expect(byName(results, 'plain-nlb').remediation!.warning).toBeUndefined();

      // One call for the target group's two attributes, then the load balancer's.
      const crossZone = byName(results, 'crosszone-nlb');
      expect(argvOf(results, 'crosszone-nlb')).toEqual([
        [
          'elbv2',
          'modify-target-group-attributes',
          '--target-group-arn',
          'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/terminating-tg/24829dcaf89543c1',
          '--attributes',
          'Key=target_health_state.unhealthy.connection_termination.enabled,Value=false',
          'Key=load_balancing.cross_zone.enabled,Value=use_load_balancer_configuration',
        ],
        enable(crossZone.resource.arn!),
      ]);
      expect(crossZone.evidence!.targetGroupPrerequisites).toEqual(['terminating-tg: it terminates connections to unhealthy targets', 'terminating-tg: it turns cross-zone load balancing off']);
      expect(crossZone.remediation!.warning).toMatch(/connection termination off.*data transfer between zones/);

      expectMessage(byName(results, 'udp-nlb'), 'prerequisiteUnmet', { name: 'udp-nlb', problems: 'target group dns-tg: its protocol is UDP, not TCP or TLS' });
      expectMessage(byName(results, 'alb-front-nlb'), 'prerequisiteUnmet', { name: 'alb-front-nlb', problems: 'target group backend-alb-tg: its targets are Application Load Balancers' });
    },
  },
  {
    name: 'an inventory saved before the zonal-shift attribute was read: error for the load balancers that lack it',
    fixture: 'not-collected.json',
    fail: [],
    pass: ['web-alb'],
    error: [
      { resource: 'old-alb', messageId: 'notCollected' },
      { resource: 'old-nlb', messageId: 'notCollected' },
    ],
  },
]);
