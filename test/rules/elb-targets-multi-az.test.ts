import { expect } from 'vitest';
import { byName, expectMessage, testRule } from '../support/rule-cases.js';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup';

testRule('elb-targets-multi-az', [
  {
    name: 'healthy targets in 2 zones pass: instances (zone from EC2), IPs (reported or by subnet), rule-forwarded, ALB targets, Lambda, single-zone NLB',
    fixture: 'pass.json',
    // redirect-alb only redirects and answers fixed responses: not applicable, no result at all.
    fail: [],
    pass: ['web-alb', 'ip-nlb', 'fn-alb', 'rules-alb', 'edge-nlb', 'front-nlb'],
    check(results) {
      expect(results.find((r) => r.resource.name === 'redirect-alb')).toBeUndefined();

      // Both web-tg targets report us-east-1a, but EC2 puts i-0a1b2c3d4e5f60002 in us-east-1b.
      const web = byName(results, 'web-alb');
      expectMessage(web, 'multiZone', { name: 'web-alb', zoneCount: '2 zones', zones: 'us-east-1a, us-east-1b' });
      expect(web.evidence).toEqual({ targetGroups: ['web-tg'], healthyTargetZones: ['us-east-1a', 'us-east-1b'], targetsWithUnknownZone: [] });

      // 172.31.5.10 (a peered VPC: no subnet of ours contains it) takes the us-east-1a DescribeTargetHealth reports;
      // 10.0.2.40 reports nothing and lies in subnet-09b8c7d6e5f4a3b21 (us-east-1b) of the target group's VPC,
      // not in the identical 10.0.2.0/24 of vpc-0f9e8d7c6b5a43210 (us-east-1a), listed first.
      expect(byName(results, 'ip-nlb').evidence).toMatchObject({ healthyTargetZones: ['us-east-1a', 'us-east-1b'], targetsWithUnknownZone: [] });

      // Lambda target with health checks off: `unavailable` / Target.HealthCheckDisabled serves, regionally.
      const fn = byName(results, 'fn-alb');
      expectMessage(fn, 'regional', { name: 'fn-alb' });

      // api-tg is reached only through a listener rule (the default action is a fixed response).
      expect(byName(results, 'rules-alb').evidence).toMatchObject({ targetGroups: ['api-tg'], healthyTargetZones: ['us-east-1a', 'us-east-1b'] });

      // A load balancer in one zone needs min(2, 1) = 1 zone of targets.
      expect(byName(results, 'edge-nlb').evidence).toMatchObject({ healthyTargetZones: ['us-east-1a'] });

      // front-nlb forwards to web-alb (an ALB target): the zones are web-alb's.
      expect(byName(results, 'front-nlb').evidence).toMatchObject({ targetGroups: ['alb-tg'], healthyTargetZones: ['us-east-1a', 'us-east-1b'] });
    },
  },
  {
    name: 'minAzs: 3 fails the 3-zone NLB with targets in 2 zones; 2-zone load balancers still need only 2',
    fixture: 'pass.json',
    params: { minAzs: 3 },
    fail: [{ resource: 'ip-nlb', messageId: 'tooFewZones' }],
    pass: ['web-alb', 'fn-alb', 'rules-alb', 'edge-nlb', 'front-nlb'],
    check(results) {
      const nlb = byName(results, 'ip-nlb');
      expectMessage(nlb, 'tooFewZones', { name: 'ip-nlb', zoneCount: '2 zones', zones: 'us-east-1a, us-east-1b', required: 3 });
      expect(nlb.remediation!.commands).toEqual([
        `aws elbv2 register-targets --target-group-arn ${TG}/ip-tg/7e1fdf942ffd0a1a --targets 'Id=<ip-address-in-another-zone>' --region us-east-1`,
      ]);
    },
  },
  {
    name: 'healthy targets all in one zone fail (tooFewZones); targets registered but none healthy fail (noHealthyTarget)',
    fixture: 'fail.json',
    fail: [
      { resource: 'shop-alb', messageId: 'tooFewZones' },
      { resource: 'ip-nlb', messageId: 'tooFewZones' },
      { resource: 'down-alb', messageId: 'noHealthyTarget' },
      { resource: 'fn-alb', messageId: 'noHealthyTarget' },
      { resource: 'front-nlb', messageId: 'noHealthyTarget' },
    ],
    pass: [],
    check(results) {
      // The targets claim us-east-1a and us-east-1b; EC2 says both instances run in us-east-1a.
      const shop = byName(results, 'shop-alb');
      expectMessage(shop, 'tooFewZones', { name: 'shop-alb', zoneCount: '1 zone', zones: 'us-east-1a', required: 2 });
      expect(shop.evidence).toEqual({ targetGroups: ['shop-tg'], healthyTargetZones: ['us-east-1a'], targetsWithUnknownZone: [] });
      // shop-asg lists shop-tg in its targetGroupArns (batch-asg, first in the list, feeds nothing).
      expect(shop.remediation!.commands).toEqual([
        "aws autoscaling update-auto-scaling-group --auto-scaling-group-name shop-asg --vpc-zone-identifier 'subnet-04f1a2b3c4d5e6f70,<subnet-id-in-another-zone>' --region us-east-1",
      ]);

      // 10.0.1.80 lies in subnet-04f1a2b3c4d5e6f70 (us-east-1a) of the target group's VPC; the identical
      // 10.0.1.0/24 of vpc-0f9e8d7c6b5a43210 in us-east-1b must not count.
      const ip = byName(results, 'ip-nlb');
      expect(ip.evidence).toEqual({ targetGroups: ['ip-tg'], healthyTargetZones: ['us-east-1a'], targetsWithUnknownZone: [] });
      expect(ip.remediation!.commands).toEqual([
        `aws elbv2 register-targets --target-group-arn ${TG}/ip-tg/e586e60b9667b781 --targets 'Id=<ip-address-in-another-zone>' --region us-east-1`,
      ]);

      const down = byName(results, 'down-alb');
      expectMessage(down, 'noHealthyTarget', { name: 'down-alb', targetGroups: 'down-tg' });
      expect(down.evidence).toEqual({ targetGroups: ['down-tg'], healthyTargetZones: [], targetsWithUnknownZone: [] });
      expect(down.remediation!.commands).toEqual([
        `aws elbv2 register-targets --target-group-arn ${TG}/down-tg/d475d5fa8556a670 --targets 'Id=<instance-id-in-another-zone>' --region us-east-1`,
      ]);

      // A Lambda function failing its health checks does not make the load balancer regional.
      const fn = byName(results, 'fn-alb');
      expectMessage(fn, 'noHealthyTarget', { name: 'fn-alb', targetGroups: 'fn-tg' });
      expect(fn.remediation!.commands).toEqual([
        `aws elbv2 register-targets --target-group-arn ${TG}/fn-tg/f697f71ca778c892 --targets 'Id=<lambda-function-arn>' --region us-east-1`,
      ]);

      // front-nlb forwards to shop-alb, which fails the NLB's health check: an ALB target counts only when healthy.
      expect(byName(results, 'front-nlb').evidence).toEqual({ targetGroups: ['alb-tg'], healthyTargetZones: [], targetsWithUnknownZone: [] });
      expect(byName(results, 'front-nlb').remediation!.commands).toEqual([
        `aws elbv2 register-targets --target-group-arn ${TG}/alb-tg/07a8f82db889d9a3 --targets 'Id=<application-load-balancer-arn>' --region us-east-1`,
      ]);
    },
  },
  {
    name: 'minAzs: 1 accepts targets in a single zone but still fails load balancers with no healthy target',
    fixture: 'fail.json',
    params: { minAzs: 1 },
    fail: [
      { resource: 'down-alb', messageId: 'noHealthyTarget' },
      { resource: 'fn-alb', messageId: 'noHealthyTarget' },
      { resource: 'front-nlb', messageId: 'noHealthyTarget' },
    ],
    pass: ['shop-alb', 'ip-nlb'],
  },
  {
    name: 'unhealthy, draining, unused and initial targets do not count; nor does an instance EC2 does not know',
    fixture: 'fail-states.json',
    fail: [
      { resource: 'unhealthy-alb', messageId: 'tooFewZones' },
      { resource: 'draining-alb', messageId: 'tooFewZones' },
      { resource: 'unused-alb', messageId: 'tooFewZones' },
      { resource: 'initial-alb', messageId: 'tooFewZones' },
      { resource: 'unknown-alb', messageId: 'tooFewZones' },
    ],
    pass: [],
    check(results) {
      for (const name of ['unhealthy-alb', 'draining-alb', 'unused-alb', 'initial-alb']) {
        expect(byName(results, name).evidence).toMatchObject({ healthyTargetZones: ['us-east-1a'], targetsWithUnknownZone: [] });
      }
      // draining-asg feeds draining-tg through TrafficSources only.
      expect(byName(results, 'draining-alb').remediation!.commands).toEqual([
        "aws autoscaling update-auto-scaling-group --auto-scaling-group-name draining-asg --vpc-zone-identifier 'subnet-04f1a2b3c4d5e6f70,subnet-06c2d4e6f8a0b1c23,<subnet-id-in-another-zone>' --region us-east-1",
      ]);
      expect(byName(results, 'unhealthy-alb').remediation!.commands).toEqual([
        `aws elbv2 register-targets --target-group-arn ${TG}/unhealthy-tg/17a8e3b4c5d6e7f8 --targets 'Id=<instance-id-in-another-zone>' --region us-east-1`,
      ]);

      const unknown = byName(results, 'unknown-alb');
      expectMessage(unknown, 'tooFewZones', { name: 'unknown-alb', zoneCount: '1 zone', zones: 'us-east-1a; 1 target in an unknown zone', required: 2 });
      expect(unknown.evidence).toEqual({ targetGroups: ['unknown-tg'], healthyTargetZones: ['us-east-1a'], targetsWithUnknownZone: ['i-0c1d2e3f4a5b6002a'] });
    },
  },
]);
