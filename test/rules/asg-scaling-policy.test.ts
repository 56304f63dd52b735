import { expect } from 'vitest';
import { argvOf, byName, expectMessage, testRule } from '../support/rule-cases.js';

const putPolicy = (name: string) => [
  'autoscaling',
  'put-scaling-policy',
  '--auto-scaling-group-name',
  name,
  '--policy-name',
  'cpu-target-tracking',
  '--policy-type',
  'TargetTrackingScaling',
  '--target-tracking-configuration',
  '{"PredefinedMetricSpecification":{"PredefinedMetricType":"ASGAverageCPUUtilization"},"TargetValue":50}',
];
const raiseMax = (name: string, max: number) => ['autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', name, '--max-size', String(max)];

testRule('asg-scaling-policy', [
  {
    name: 'a policy that changes capacity, with room above MinSize, passes: target tracking, step with an alarm, predictive that scales',
    fixture: 'pass.json',
    fail: [],
    // batch-asg (no policy, MaxSize 0, no load balancer) is not listed: no result.
    pass: ['web-asg', 'api-asg', 'forecast-asg'],
    check(results) {
      expectMessage(byName(results, 'web-asg'), 'scales', { name: 'web-asg', minSize: 2, maxSize: 6, policies: 'web-asg-cpu-target (TargetTrackingScaling)' });
      // Only the policy that can change capacity is named: the simple one is disabled.
      expectMessage(byName(results, 'api-asg'), 'scales', { name: 'api-asg', minSize: 2, maxSize: 8, policies: 'api-asg-step-scale-out (StepScaling)' });
      expectMessage(byName(results, 'forecast-asg'), 'scales', { name: 'forecast-asg', minSize: 2, maxSize: 6, policies: 'forecast-asg-predictive (PredictiveScaling)' });
    },
  },
  {
    name: 'no policy, a disabled one, predictive ForecastOnly, step and simple without alarms, MaxSize = MinSize fail',
    fixture: 'fail.json',
    fail: [
      { resource: 'legacy-asg', messageId: 'noPolicy' },
      { resource: 'reports-asg', messageId: 'noPolicy' },
      { resource: 'search-asg', messageId: 'cannotGrow' },
      { resource: 'admin-asg', messageId: 'noPolicyCannotGrow' },
      { resource: 'forecast-only-asg', messageId: 'noPolicy' },
      { resource: 'unalarmed-asg', messageId: 'noPolicy' },
    ],
    // batch-asg (no policy, no load balancer) is not listed: no result.
    pass: ['web-asg'],
    check(results) {
      // Classic load balancer (LoadBalancerNames only), no policy.
      expect(argvOf(results, 'legacy-asg')).toEqual([putPolicy('legacy-asg')]);
      expect(byName(results, 'legacy-asg').evidence).toEqual({ MinSize: 1, MaxSize: 4, scalingPolicies: [] });
      // Each policy with why it does not count.
      expect(byName(results, 'reports-asg').evidence!.scalingPolicies).toEqual(['reports-asg-cpu-target (TargetTrackingScaling: disabled)']);
      expect(byName(results, 'forecast-only-asg').evidence!.scalingPolicies).toEqual(['forecast-only-asg-predictive (PredictiveScaling: ForecastOnly: forecasts, never scales)']);
      expect(byName(results, 'unalarmed-asg').evidence!.scalingPolicies).toEqual([
        'unalarmed-asg-step-out (StepScaling: no alarm invokes it)',
        'unalarmed-asg-simple-out (SimpleScaling: no alarm invokes it)',
      ]);
      expect(argvOf(results, 'forecast-only-asg')).toEqual([putPolicy('forecast-only-asg')]);

      // A policy but no room: only MaxSize is raised, to twice MinSize (at least MinSize + 2).
      const search = byName(results, 'search-asg');
      expectMessage(search, 'cannotGrow', { name: 'search-asg', maxSize: 3, minSize: 3 });
      expect(argvOf(results, 'search-asg')).toEqual([raiseMax('search-asg', 6)]);

      // Neither (the demo's legacy-web-asg): MaxSize first, to the value asg-min-capacity's fix gives too (4, room above its MinSize 2).
      expectMessage(byName(results, 'admin-asg'), 'noPolicyCannotGrow', { name: 'admin-asg', maxSize: 1, minSize: 1 });
      expect(argvOf(results, 'admin-asg')).toEqual([raiseMax('admin-asg', 4), putPolicy('admin-asg')]);
    },
  },
  {
    name: 'an inventory saved before alarms and predictive modes were collected: error where a policy could be the one that scales',
    fixture: 'not-collected.json',
    fail: [],
    // old-mixed-asg scales with its target-tracking policy whatever its step policy does.
    pass: ['web-asg', 'old-mixed-asg'],
    error: [
      { resource: 'old-step-asg', messageId: 'notCollected' },
      { resource: 'old-predictive-asg', messageId: 'notCollected' },
    ],
    check(results) {
      expect(byName(results, 'old-step-asg').evidence).toEqual({ field: 'scalingPolicies[].alarms' });
      expect(byName(results, 'old-predictive-asg').evidence).toEqual({ field: 'scalingPolicies[].predictiveMode' });
    },
  },
]);
