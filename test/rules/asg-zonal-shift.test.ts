import { expect } from 'vitest';
import { argvOf, byName, expectMessage, testRule } from '../support/rule-cases.js';

const enable = (name: string, behavior: string) => [
  ['autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', name, '--availability-zone-impairment-policy', `ZonalShiftEnabled=true,ImpairedZoneHealthCheckBehavior=${behavior}`],
];

testRule('asg-zonal-shift', [
  {
    name: 'a group with zonal shift behind a load balancer with zonal shift passes; groups of load balancers without it, or of none, get no result',
    fixture: 'pass.json',
    fail: [],
    pass: ['web-asg'],
    check(results) {
      expectMessage(byName(results, 'web-asg'), 'enabled', { name: 'web-asg', behavior: 'IgnoreUnhealthy', loadBalancers: 'web-alb' });
    },
  },
  {
    name: 'groups without zonal shift behind an ALB or an NLB that has it fail; the fix keeps a health-check behaviour already chosen',
    fixture: 'fail.json',
    fail: [
      { resource: 'shop-asg', messageId: 'disabled' },
      { resource: 'checkout-asg', messageId: 'disabled' },
      { resource: 'tcp-asg', messageId: 'disabled' },
    ],
    pass: ['ok-asg'],
    check(results) {
      expectMessage(byName(results, 'shop-asg'), 'disabled', { name: 'shop-asg', loadBalancers: 'shop-alb' });
      expect(argvOf(results, 'shop-asg')).toEqual(enable('shop-asg', 'IgnoreUnhealthy'));
      expect(argvOf(results, 'checkout-asg')).toEqual(enable('checkout-asg', 'ReplaceUnhealthy'));
      expect(byName(results, 'tcp-asg').evidence).toEqual({ availabilityZoneImpairmentPolicy: { zonalShiftEnabled: false }, loadBalancers: ['tcp-nlb'] });
    },
  },
  {
    name: 'an inventory saved before the group policy or the load-balancer attribute was read: error',
    fixture: 'not-collected.json',
    fail: [],
    pass: [],
    error: [
      { resource: 'web-asg', messageId: 'notCollected' },
      { resource: 'old-asg', messageId: 'notCollected' },
    ],
  },
]);
