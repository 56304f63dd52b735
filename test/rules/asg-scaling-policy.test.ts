import { expect } from 'vitest';
import type { Result } from '../../src/model/result.js';
import { byName, expectMessage, testRule } from '../support/rule-cases.js';

const commandsOf = (results: Result[], name: string) => byName(results, name).remediation!.commands;
const putPolicy = (name: string) =>
  `aws autoscaling put-scaling-policy --auto-scaling-group-name ${name} --policy-name cpu-target-tracking --policy-type TargetTrackingScaling ` +
  `--target-tracking-configuration '{"PredefinedMetricSpecification":{"PredefinedMetricType":"ASGAverageCPUUtilization"},"TargetValue":50}' --region us-east-1`;
const raiseMax = (name: string, max: number) => `aws autoscaling update-auto-scaling-group --auto-scaling-group-name ${name} --max-size ${max} --region us-east-1`;

testRule('asg-scaling-policy', [
  {
    name: 'an enabled policy with room above MinSize passes; a group without a load balancer gets no result',
    fixture: 'pass.json',
    fail: [],
    // batch-asg (no policy, MaxSize 0, no load balancer) is not listed: no result.
    pass: ['web-asg', 'api-asg'],
    check(results) {
      expectMessage(byName(results, 'web-asg'), 'scales', { name: 'web-asg', minSize: 2, maxSize: 6, policies: 'web-asg-cpu-target (TargetTrackingScaling)' });
      // Only the enabled policy is named.
      expectMessage(byName(results, 'api-asg'), 'scales', { name: 'api-asg', minSize: 2, maxSize: 8, policies: 'api-asg-step-scale-out (StepScaling)' });
    },
  },
  {
    name: 'no policy, only a disabled policy, MaxSize = MinSize, and both at once fail',
    fixture: 'fail.json',
    fail: [
      { resource: 'legacy-asg', messageId: 'noPolicy' },
      { resource: 'reports-asg', messageId: 'noPolicy' },
      { resource: 'search-asg', messageId: 'cannotGrow' },
      { resource: 'admin-asg', messageId: 'noPolicyCannotGrow' },
    ],
    // batch-asg (no policy, no load balancer) is not listed: no result.
    pass: ['web-asg'],
    check(results) {
      // Classic load balancer (LoadBalancerNames only), no policy.
      expect(commandsOf(results, 'legacy-asg')).toEqual([putPolicy('legacy-asg')]);
      expect(byName(results, 'legacy-asg').evidence).toEqual({ MinSize: 1, MaxSize: 4, scalingPolicies: [] });

      // A disabled policy does not count.
      expect(commandsOf(results, 'reports-asg')).toEqual([putPolicy('reports-asg')]);
      expect(byName(results, 'reports-asg').evidence).toEqual({
        MinSize: 2,
        MaxSize: 4,
        scalingPolicies: ['reports-asg-cpu-target (TargetTrackingScaling, disabled)'],
      });

      // A policy but no room: only MaxSize is raised, to twice MinSize (at least MinSize + 2).
      const search = byName(results, 'search-asg');
      expectMessage(search, 'cannotGrow', { name: 'search-asg', maxSize: 3, minSize: 3 });
      expect(search.remediation!.commands).toEqual([raiseMax('search-asg', 6)]);

      // Neither: two commands, MaxSize first.
      const admin = byName(results, 'admin-asg');
      expectMessage(admin, 'noPolicyCannotGrow', { name: 'admin-asg', maxSize: 1, minSize: 1 });
      expect(admin.remediation!.commands).toEqual([raiseMax('admin-asg', 3), putPolicy('admin-asg')]);
    },
  },
]);
