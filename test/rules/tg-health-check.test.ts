import { expect } from 'vitest';
import { byName, testRule } from '../support/rule-cases.js';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup';

testRule('tg-health-check', [
  {
    name: 'attached target groups detecting within 90 s pass (30 s x 3 = 90 is the limit); unattached ones get no result',
    fixture: 'pass.json',
    // orphan-fn-tg (health check disabled) and stale-tg (600 s) are attached to no load balancer.
    fail: [],
    pass: ['web-tg', 'api-tg', 'worker-tg'],
    check(results) {
      const web = byName(results, 'web-tg');
      expect(web).toMatchObject({ messageId: 'fastEnough', message: 'Target group web-tg detects a failed target within 90 s' });
      expect(web.resource).toMatchObject({ type: 'elbv2:target-group', arn: `${TG}/web-tg/6d0ecf831eec9f09` });
      expect(web.evidence).toEqual({ HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 3 });
      expect(byName(results, 'api-tg').message).toBe('Target group api-tg detects a failed target within 30 s');
    },
  },
  {
    name: 'maxDetectionSeconds: 30 passes 10 s x 3 and fails 30 s x 3 and 30 s x 2, suggesting a 15 s interval',
    fixture: 'pass.json',
    params: { maxDetectionSeconds: 30 },
    fail: [
      { resource: 'web-tg', messageId: 'tooSlow' },
      { resource: 'worker-tg', messageId: 'tooSlow' },
    ],
    pass: ['api-tg'],
    check(results) {
      const web = byName(results, 'web-tg');
      expect(web.message).toBe(
        'Target group web-tg takes 90 s (30 s interval x 3 failures) to stop sending traffic to a failed target; at most 30 s allowed',
      );
      expect(web.remediation!.commands).toEqual([
        `aws elbv2 modify-target-group --target-group-arn ${TG}/web-tg/6d0ecf831eec9f09 --health-check-interval-seconds 15 --unhealthy-threshold-count 2 --region us-east-1`,
      ]);
      const worker = byName(results, 'worker-tg');
      expect(worker.message).toBe(
        'Target group worker-tg takes 60 s (30 s interval x 2 failures) to stop sending traffic to a failed target; at most 30 s allowed',
      );
      expect(worker.evidence).toEqual({ HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 2 });
      expect(worker.remediation!.commands).toEqual([
        `aws elbv2 modify-target-group --target-group-arn ${TG}/worker-tg/a142a2c75223d34d --health-check-interval-seconds 15 --unhealthy-threshold-count 2 --region us-east-1`,
      ]);
    },
  },
  {
    name: 'a disabled health check fails; 30 s x 5 = 150 s and 60 s x 2 = 120 s exceed the default 90 s',
    fixture: 'fail.json',
    // old-tg (300 s x 10) is attached to no load balancer.
    fail: [
      { resource: 'fn-tg', messageId: 'disabled' },
      { resource: 'slow-tg', messageId: 'tooSlow' },
      { resource: 'lazy-tg', messageId: 'tooSlow' },
    ],
    pass: ['ok-tg'],
    check(results) {
      const fn = byName(results, 'fn-tg');
      expect(fn.message).toBe('Target group fn-tg has health checks disabled: a failed target keeps receiving traffic');
      expect(fn.evidence).toEqual({ HealthCheckEnabled: false, HealthCheckIntervalSeconds: 35, UnhealthyThresholdCount: 2 });
      expect(fn.remediation!.commands).toEqual([`aws elbv2 modify-target-group --target-group-arn ${TG}/fn-tg/8f20e0a53001b12b --health-check-enabled --region us-east-1`]);

      // The interval fits twice in 90 s: keep it, lower the threshold to 90 / 30 = 3.
      const slow = byName(results, 'slow-tg');
      expect(slow.message).toBe(
        'Target group slow-tg takes 150 s (30 s interval x 5 failures) to stop sending traffic to a failed target; at most 90 s allowed',
      );
      expect(slow.evidence).toEqual({ HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 5 });
      expect(slow.remediation!.commands).toEqual([
        `aws elbv2 modify-target-group --target-group-arn ${TG}/slow-tg/d475d5fa8556a670 --health-check-interval-seconds 30 --unhealthy-threshold-count 3 --region us-east-1`,
      ]);

      // 60 s does not fit twice in 90 s: shorten the interval to 45 s with the minimum threshold of 2,
      // and the 50 s timeout below it (AWS requires timeout < interval).
      const lazy = byName(results, 'lazy-tg');
      expect(lazy.message).toBe(
        'Target group lazy-tg takes 120 s (60 s interval x 2 failures) to stop sending traffic to a failed target; at most 90 s allowed',
      );
      expect(lazy.remediation!.commands).toEqual([
        `aws elbv2 modify-target-group --target-group-arn ${TG}/lazy-tg/e586e60b9667b781 --health-check-interval-seconds 45 --unhealthy-threshold-count 2 --health-check-timeout-seconds 44 --region us-east-1`,
      ]);
    },
  },
  {
    name: 'maxDetectionSeconds: 150 accepts 150 s and 120 s, but a disabled health check still fails',
    fixture: 'fail.json',
    params: { maxDetectionSeconds: 150 },
    fail: [{ resource: 'fn-tg', messageId: 'disabled' }],
    pass: ['slow-tg', 'lazy-tg', 'ok-tg'],
  },
]);
