import { expect } from 'vitest';
import { argvOf, byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

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
      expectMessage(nlb, 'tooFewZones', {
        name: 'ip-nlb',
        zoneCount: '2 zones',
        zones: 'us-east-1a, us-east-1b',
        required: 3,
        causes: '. us-east-1c: nothing of ip-tg is registered there',
      });
      expect(commandsOf(nlb)).toEqual([
        `aws elbv2 register-targets --target-group-arn ${TG}/ip-tg/7e1fdf942ffd0a1a --targets 'Id=<ip-address-in-the-zone>' --region us-east-1`,
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
    // No command repairs failing targets: the hint says how to see why they fail.
    noCommand: ['down-alb', 'fn-alb', 'front-nlb'],
    check(results) {
      // The targets claim us-east-1a and us-east-1b; EC2 says both instances run in us-east-1a.
      const shop = byName(results, 'shop-alb');
      expectMessage(shop, 'tooFewZones', {
        name: 'shop-alb',
        zoneCount: '1 zone',
        zones: 'us-east-1a',
        required: 2,
        causes: '. us-east-1b: Auto Scaling group shop-asg does not launch there',
      });
      expect(shop.evidence).toEqual({
        targetGroups: ['shop-tg'],
        healthyTargetZones: ['us-east-1a'],
        targetsWithUnknownZone: [],
        missingZones: [{ zone: 'us-east-1b', targetGroup: 'shop-tg', cause: 'groupNotInZone', group: 'shop-asg' }],
      });
      // shop-asg lists shop-tg in its targetGroupArns (batch-asg, first in the list, feeds nothing); its VPC's subnet in us-east-1b.
      expect(argvOf(results, 'shop-alb')).toEqual([
        ['autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', 'shop-asg', '--vpc-zone-identifier', 'subnet-04f1a2b3c4d5e6f70,subnet-09b8c7d6e5f4a3b21'],
      ]);

      // 10.0.1.80 lies in subnet-04f1a2b3c4d5e6f70 (us-east-1a) of the target group's VPC; the identical
      // 10.0.1.0/24 of vpc-0f9e8d7c6b5a43210 in us-east-1b must not count.
      const ip = byName(results, 'ip-nlb');
      expect(ip.evidence).toMatchObject({ targetGroups: ['ip-tg'], healthyTargetZones: ['us-east-1a'], targetsWithUnknownZone: [] });
      expect(commandsOf(ip)).toEqual([
        `aws elbv2 register-targets --target-group-arn ${TG}/ip-tg/e586e60b9667b781 --targets 'Id=<ip-address-in-the-zone>' --region us-east-1`,
      ]);

      const down = byName(results, 'down-alb');
      // Targets in both zones, failing: registering more is not the fix; seeing why they fail is.
      expectMessage(down, 'noHealthyTarget', {
        name: 'down-alb',
        targetGroups: 'down-tg',
        causes: '. us-east-1a: i-0b1c2d3e4f5a60013 unhealthy (Target.FailedHealthChecks); us-east-1b: i-0b1c2d3e4f5a60014 unhealthy (Target.Timeout)',
      });
      expect(down.hints).toEqual([
        `Why targets of down-tg are not healthy: aws elbv2 describe-target-health --target-group-arn ${TG}/down-tg/d475d5fa8556a670 --region us-east-1`,
      ]);

      // A Lambda function failing its health checks does not make the load balancer regional.
      const fn = byName(results, 'fn-alb');
      expect(fn.messageId).toBe('noHealthyTarget');
      expect(fn.evidence!.missingZones).toEqual([
        { zone: 'regional', targetGroup: 'fn-tg', cause: 'targetsNotServing', targets: ['arn:aws:lambda:us-east-1:111122223333:function:checkout-api unhealthy (Target.FailedHealthChecks)'] },
      ]);

      // front-nlb forwards to shop-alb, which fails the NLB's health check: an ALB target counts only when healthy.
      expect(byName(results, 'front-nlb').evidence).toMatchObject({ targetGroups: ['alb-tg'], healthyTargetZones: [], targetsWithUnknownZone: [] });
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
    noCommand: ['down-alb', 'fn-alb', 'front-nlb'],
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
    noCommand: ['unhealthy-alb', 'draining-alb', 'initial-alb'],
    check(results) {
      for (const name of ['unhealthy-alb', 'draining-alb', 'unused-alb', 'initial-alb']) {
        expect(byName(results, name).evidence).toMatchObject({ healthyTargetZones: ['us-east-1a'], targetsWithUnknownZone: [] });
      }
      // The target in us-east-1b is there, not serving: the cause is its state, not a missing subnet.
      expect(byName(results, 'draining-alb').evidence!.missingZones).toEqual([
        { zone: 'us-east-1b', targetGroup: 'draining-tg', cause: 'targetsNotServing', targets: ['i-0c1d2e3f4a5b60024 draining (Target.DeregistrationInProgress)'] },
      ]);
      // The unused target is a stopped instance: start it.
      expect(argvOf(results, 'unused-alb')).toEqual([['ec2', 'start-instances', '--instance-ids', 'i-0c1d2e3f4a5b60026']]);

      const unknown = byName(results, 'unknown-alb');
      expectMessage(unknown, 'tooFewZones', {
        name: 'unknown-alb',
        zoneCount: '1 zone',
        zones: 'us-east-1a; 1 target in an unknown zone',
        required: 2,
        causes: '. us-east-1b: nothing of unknown-tg is registered there',
      });
      expect(unknown.evidence).toMatchObject({ targetGroups: ['unknown-tg'], healthyTargetZones: ['us-east-1a'], targetsWithUnknownZone: ['i-0c1d2e3f4a5b6002a'] });
    },
  },
  {
    name: 'a group that already spans the zones is not given another subnet: the cause in the zone is named and fixed, and only zones the load balancer uses are offered',
    fixture: 'fail-causes.json',
    fail: [
      { resource: 'spans-alb', messageId: 'tooFewZones' },
      { resource: 'suspended-alb', messageId: 'tooFewZones' },
      { resource: 'small-alb', messageId: 'tooFewZones' },
      { resource: 'stopped-alb', messageId: 'tooFewZones' },
      { resource: 'narrow-alb', messageId: 'tooFewZones' },
    ],
    pass: [],
    noCommand: ['spans-alb'],
    check(results) {
      const cause = (name: string) => (byName(results, name).evidence!.missingZones as { cause: string }[]).map((c) => c.cause);
      // spanned-asg launches in all three zones of the VPC: its target in us-east-1b fails its health check.
      expect(cause('spans-alb')).toEqual(['targetsNotServing']);
      expect(byName(results, 'spans-alb').hints).toHaveLength(1);
      expect(cause('suspended-alb')).toEqual(['processesSuspended']);
      expect(argvOf(results, 'suspended-alb')).toEqual([['autoscaling', 'resume-processes', '--auto-scaling-group-name', 'suspended-asg', '--scaling-processes', 'Launch', 'AZRebalance']]);
      expect(byName(results, 'suspended-alb').remediation!.warning).toMatch(/AZRebalance may terminate instances/);
      // One instance for three zones: one per zone (its MaxSize 4 leaves room).
      expect(cause('small-alb')).toEqual(['capacityBelowZones']);
      expect(argvOf(results, 'small-alb')).toEqual([['autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', 'small-asg', '--min-size', '3', '--desired-capacity', '3']]);
      expect(byName(results, 'small-alb').remediation!.warning).toMatch(/2 more instances/);
      expect(cause('stopped-alb')).toEqual(['instancesStopped']);
      expect(argvOf(results, 'stopped-alb')).toEqual([['ec2', 'start-instances', '--instance-ids', 'i-0a00000000000b004']]);
      // The VPC has subnets in us-east-1b and us-east-1c; the load balancer uses us-east-1b only.
      expect(argvOf(results, 'narrow-alb')).toEqual([
        ['autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', 'narrow-asg', '--vpc-zone-identifier', 'subnet-0a1e3c5b7d9f01a21,subnet-0b2f4d6c8e0a12b32'],
      ]);
    },
  },
]);
