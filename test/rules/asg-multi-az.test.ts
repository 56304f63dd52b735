import { expect } from 'vitest';
import { byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

testRule('asg-multi-az', [
  {
    name: 'groups in two or three zones pass, with a load balancer or without',
    fixture: 'pass.json',
    fail: [],
    pass: ['web-asg', 'worker-asg'],
    check(results) {
      // Zones as the API lists them (us-east-1b first), reported sorted.
      expectMessage(byName(results, 'web-asg'), 'multiZone', { name: 'web-asg', zoneCount: '2 zones', zones: 'us-east-1a, us-east-1b' });
      expect(byName(results, 'worker-asg').resource).toMatchObject({
        type: 'autoscaling:group',
        id: 'arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:1b7c9e3f-4a5d-4c6b-a7e8-9f0a1b2c3d4e:autoScalingGroupName/worker-asg',
        region: 'us-east-1',
        accountId: '111122223333',
      });
    },
  },
  {
    name: 'single-zone groups fail, attached to a load balancer or not; the command adds a subnet of its VPC in another zone',
    fixture: 'fail.json',
    fail: [
      { resource: 'web-asg', messageId: 'tooFewZones' },
      { resource: 'queue-worker-asg', messageId: 'tooFewZones' },
      { resource: 'classic-asg', messageId: 'tooFewZones' },
    ],
    pass: ['api-asg'],
    check(results) {
      const web = byName(results, 'web-asg');
      expectMessage(web, 'tooFewZones', { name: 'web-asg', zoneCount: '1 zone', zones: 'us-east-1a', minAzs: 2 });
      // The first candidate: a known value, no placeholder.
      expect(commandsOf(web)).toEqual([
        'aws autoscaling update-auto-scaling-group --auto-scaling-group-name web-asg --vpc-zone-identifier subnet-0a1e3c5b7d9f01a21,subnet-0b2f4d6c8e0a12b32 --region us-east-1',
      ]);
      // Candidates: subnets of the group's own VPC in the zones it does not use (not the second
      // subnet of us-east-1a, not the subnets of the other VPC).
      expect(web.evidence).toEqual({
        availabilityZones: ['us-east-1a'],
        candidateSubnets: ['subnet-0b2f4d6c8e0a12b32 (us-east-1b)', 'subnet-0c3a5e7d9f1b23c43 (us-east-1c)'],
      });

      // Two subnets in the same zone are still one zone; the command keeps both.
      const worker = byName(results, 'queue-worker-asg');
      expect(commandsOf(worker)).toEqual([
        'aws autoscaling update-auto-scaling-group --auto-scaling-group-name queue-worker-asg --vpc-zone-identifier subnet-0a1e3c5b7d9f01a21,subnet-0a7d2e4f6b8c01a98,subnet-0b2f4d6c8e0a12b32 --region us-east-1',
      ]);
      expect(worker.evidence!.candidateSubnets).toEqual(['subnet-0b2f4d6c8e0a12b32 (us-east-1b)', 'subnet-0c3a5e7d9f1b23c43 (us-east-1c)']);
      expect(worker.hints).toHaveLength(1);

      // A group launched by zone (no VPCZoneIdentifier): the command adds a zone instead, which only the user knows.
      const classic = byName(results, 'classic-asg');
      expect(commandsOf(classic)).toEqual([
        'aws autoscaling update-auto-scaling-group --auto-scaling-group-name classic-asg --availability-zones us-east-1a <another-zone> --region us-east-1',
      ]);
      expect(classic.evidence).toEqual({ availabilityZones: ['us-east-1a'], candidateSubnets: [] });
      expect(classic.hints).toBeUndefined();
    },
  },
  {
    name: 'minAzs 3: a group in two zones fails, one in three passes',
    fixture: 'pass.json',
    params: { minAzs: 3 },
    fail: [{ resource: 'web-asg', messageId: 'tooFewZones' }],
    pass: ['worker-asg'],
    check(results) {
      const web = byName(results, 'web-asg');
      expectMessage(web, 'tooFewZones', { name: 'web-asg', zoneCount: '2 zones', zones: 'us-east-1a, us-east-1b', minAzs: 3 });
      // The group's subnets are kept in its own order.
      expect(commandsOf(web)).toEqual([
        'aws autoscaling update-auto-scaling-group --auto-scaling-group-name web-asg --vpc-zone-identifier subnet-0b2f4d6c8e0a12b32,subnet-0a1e3c5b7d9f01a21,subnet-0c3a5e7d9f1b23c43 --region us-east-1',
      ]);
      expect(web.evidence!.candidateSubnets).toEqual(['subnet-0c3a5e7d9f1b23c43 (us-east-1c)']);
    },
  },
  {
    name: 'minAzs 1: single-zone groups pass',
    fixture: 'fail.json',
    params: { minAzs: 1 },
    fail: [],
    pass: ['web-asg', 'queue-worker-asg', 'classic-asg', 'api-asg'],
  },
]);
