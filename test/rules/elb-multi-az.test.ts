import { expect } from 'vitest';
import { argvOf, byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

const WEB_ALB = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web-alb/50dc6c495c0c9188';
const SINGLE_ALB = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/single-alb/7a3f9c1e5b2d4f60';
const GWLB = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/gwy/inspection-gwlb/9e8d7c6b5a4f3e2d';

testRule('elb-multi-az', [
  {
    name: 'an ALB in 2 zones and an NLB in 3 zones pass at the default minAzs (2)',
    fixture: 'pass.json',
    fail: [],
    pass: ['web-alb', 'tcp-nlb'],
    check(results) {
      expect(byName(results, 'web-alb').messageId).toBe('multiZone');
      expectMessage(byName(results, 'tcp-nlb'), 'multiZone', { name: 'tcp-nlb', zoneCount: '3 zones', zones: 'us-east-1a, us-east-1b, us-east-1c' });
    },
  },
  {
    name: 'minAzs: 3 fails the 2-zone ALB and adds the subnet of its VPC in the missing zone',
    fixture: 'pass.json',
    params: { minAzs: 3 },
    fail: [{ resource: 'web-alb', messageId: 'tooFewZones' }],
    pass: ['tcp-nlb'],
    check(results) {
      const alb = byName(results, 'web-alb');
      expectMessage(alb, 'tooFewZones', { name: 'web-alb', zoneCount: '2 zones', zones: 'us-east-1a, us-east-1b', minAzs: 3 });
      expect(alb.evidence).toEqual({ availabilityZones: ['us-east-1a', 'us-east-1b'], candidateSubnets: ['subnet-0d3e5f7a9b1c2d4e6 (us-east-1c)'] });
      // Internet-facing: the subnet chosen must be public, which the inventory cannot tell.
      expect(alb.hints).toEqual([
        'Subnets in other zones: subnet-0d3e5f7a9b1c2d4e6 (us-east-1c)',
        'An internet-facing load balancer needs public subnets (a route to an internet gateway): check the subnets chosen.',
      ]);
      expect(argvOf(results, 'web-alb')).toEqual([
        ['elbv2', 'set-subnets', '--load-balancer-arn', WEB_ALB, '--subnets', 'subnet-04f1a2b3c4d5e6f70', 'subnet-09b8c7d6e5f4a3b21', 'subnet-0d3e5f7a9b1c2d4e6'],
      ]);
    },
  },
  {
    name: 'ALBs, a GWLB and NLBs in one zone fail; subnets come from their own VPC, in other zones; an NLB keeps its subnet mappings and Elastic IPs',
    fixture: 'fail.json',
    fail: [
      { resource: 'single-alb', messageId: 'tooFewZones' },
      { resource: 'inspection-gwlb', messageId: 'tooFewZones' },
      { resource: 'eip-nlb', messageId: 'tooFewZones' },
      { resource: 'private-nlb', messageId: 'tooFewZones' },
      { resource: 'old-nlb', messageId: 'tooFewZones' },
      { resource: 'isolated-alb', messageId: 'tooFewZones' },
    ],
    pass: ['pair-alb'],
    // Saved before the addresses were collected: set-subnets would release its Elastic IP.
    noCommand: ['old-nlb'],
    check(results) {
      const alb = byName(results, 'single-alb');
      expectMessage(alb, 'tooFewZones', { name: 'single-alb', zoneCount: '1 zone', zones: 'us-east-1a', minAzs: 2 });
      // subnet-06c2d4e6f8a0b1c23 is in the zone already used, subnet-0b1c2d3e4f5a6b7c8 in another VPC: neither is a candidate.
      expect(alb.evidence).toEqual({
        availabilityZones: ['us-east-1a'],
        candidateSubnets: ['subnet-09b8c7d6e5f4a3b21 (us-east-1b)', 'subnet-0d3e5f7a9b1c2d4e6 (us-east-1c)'],
      });
      // Internal: no public-subnet hint. The first zone with a subnet of its VPC.
      expect(alb.hints).toEqual(['Subnets in other zones: subnet-09b8c7d6e5f4a3b21 (us-east-1b), subnet-0d3e5f7a9b1c2d4e6 (us-east-1c)']);
      expect(argvOf(results, 'single-alb')).toEqual([['elbv2', 'set-subnets', '--load-balancer-arn', SINGLE_ALB, '--subnets', 'subnet-04f1a2b3c4d5e6f70', 'subnet-09b8c7d6e5f4a3b21']]);

      const gwlb = byName(results, 'inspection-gwlb');
      expect(gwlb.resource).toMatchObject({ type: 'elbv2:load-balancer', arn: GWLB, tags: { Team: 'network-security' } });
      expect(gwlb.evidence).toEqual({ availabilityZones: ['us-east-1b'], candidateSubnets: ['subnet-0b1c2d3e4f5a6b7c8 (us-east-1c)'] });
      expect(argvOf(results, 'inspection-gwlb')).toEqual([['elbv2', 'set-subnets', '--load-balancer-arn', GWLB, '--subnets', 'subnet-07a6b5c4d3e2f1a09', 'subnet-0b1c2d3e4f5a6b7c8']]);

      // Every mapping given again, with its Elastic IP; the new zone gets one too.
      const eip = byName(results, 'eip-nlb');
      expect(eip.remediation!.steps).toEqual([
        {
          argv: [
            'aws',
            'elbv2',
            'set-subnets',
            '--load-balancer-arn',
            eip.resource.arn,
            '--subnet-mappings',
            'SubnetId=subnet-04f1a2b3c4d5e6f70,AllocationId=eipalloc-0c1d2e3f4a5b6c7d8',
            'SubnetId=subnet-09b8c7d6e5f4a3b21,AllocationId=<elastic-ip-allocation-id>',
            '--region',
            'us-east-1',
          ],
          placeholders: [{ arg: 7, text: '<elastic-ip-allocation-id>', kind: 'elastic-ip-allocation-id' }],
        },
      ]);
      const internal = byName(results, 'private-nlb');
      expect(argvOf(results, 'private-nlb')).toEqual([
        ['elbv2', 'set-subnets', '--load-balancer-arn', internal.resource.arn, '--subnet-mappings', 'SubnetId=subnet-04f1a2b3c4d5e6f70,PrivateIPv4Address=10.0.1.20', 'SubnetId=subnet-09b8c7d6e5f4a3b21'],
      ]);
      expect(byName(results, 'old-nlb').hints).toContain('Scan again for a command: this inventory lacks the addresses of the load balancer, which set-subnets must give again.');

      // No other subnet in its VPC: a placeholder.
      const isolated = byName(results, 'isolated-alb');
      expect(commandsOf(isolated)).toEqual([
        `aws elbv2 set-subnets --load-balancer-arn ${isolated.resource.arn} --subnets subnet-0e0e0e0e0e0e0e0e0 <subnet-id-in-another-zone> --region us-east-1`,
      ]);
    },
  },
  {
    name: 'minAzs: 1 accepts single-zone load balancers',
    fixture: 'fail.json',
    params: { minAzs: 1 },
    fail: [],
    pass: ['single-alb', 'inspection-gwlb', 'pair-alb', 'eip-nlb', 'private-nlb', 'old-nlb', 'isolated-alb'],
  },
]);
