import { expect } from 'vitest';
import { byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

testRule('asg-elb-health-check', [
  {
    name: 'ELB and ELB,EBS health checks pass; a group without a load balancer gets no result',
    fixture: 'pass.json',
    fail: [],
    // batch-asg (EC2 health checks, no load balancer) is not listed: no result.
    pass: ['web-asg', 'api-asg'],
    check(results) {
      expectMessage(byName(results, 'web-asg'), 'elbHealthCheck', { name: 'web-asg' });
    },
  },
  {
    name: 'EC2 health checks fail behind a target group, a classic load balancer or an elbv2 traffic source',
    fixture: 'fail.json',
    fail: [
      { resource: 'web-asg', messageId: 'ec2Only' },
      { resource: 'classic-asg', messageId: 'ec2Only' },
      { resource: 'api-asg', messageId: 'ec2Only' },
    ],
    // lattice-asg (VPC Lattice only) and batch-asg (no load balancer) get no result.
    pass: ['search-asg'],
    check(results) {
      // Grace period 0 would let a booting instance be killed: 300 is suggested instead.
      const web = byName(results, 'web-asg');
      expectMessage(web, 'ec2Only', { name: 'web-asg', types: 'EC2' });
      expect(commandsOf(web)).toEqual([
        'aws autoscaling update-auto-scaling-group --auto-scaling-group-name web-asg --health-check-type ELB --health-check-grace-period 300 --region us-east-1',
      ]);
      expect(web.evidence).toEqual({ HealthCheckType: 'EC2', HealthCheckGracePeriod: 0 });

      // A non-zero grace period is kept.
      expect(commandsOf(byName(results, 'classic-asg'))).toEqual([
        'aws autoscaling update-auto-scaling-group --auto-scaling-group-name classic-asg --health-check-type ELB --health-check-grace-period 180 --region us-east-1',
      ]);

      // EC2,EBS: the suggested type keeps EBS; no grace period at all gets 300.
      const api = byName(results, 'api-asg');
      expectMessage(api, 'ec2Only', { name: 'api-asg', types: 'EC2,EBS' });
      expect(commandsOf(api)).toEqual([
        'aws autoscaling update-auto-scaling-group --auto-scaling-group-name api-asg --health-check-type ELB,EBS --health-check-grace-period 300 --region us-east-1',
      ]);
      expect(api.evidence).toEqual({ HealthCheckType: 'EC2,EBS', HealthCheckGracePeriod: null });
    },
  },
]);
