import { expect } from 'vitest';
import { byName, expectMessage, testRule, commandsOf } from '../support/rule-cases.js';

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
      expectMessage(web, 'fastEnough', { name: 'web-tg', seconds: 90 });
      expect(web.resource).toMatchObject({ type: 'elbv2:target-group', arn: `${TG}/web-tg/6d0ecf831eec9f09` });
      expect(web.evidence).toEqual({ HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 3 });
      expectMessage(byName(results, 'api-tg'), 'fastEnough', { name: 'api-tg', seconds: 30 });
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
      expectMessage(web, 'tooSlow', { name: 'web-tg', seconds: 90, interval: 30, threshold: 3, max: 30 });
      expect(commandsOf(web)).toEqual([
        `aws elbv2 modify-target-group --target-group-arn ${TG}/web-tg/6d0ecf831eec9f09 --health-check-interval-seconds 15 --unhealthy-threshold-count 2 --region us-east-1`,
      ]);
      const worker = byName(results, 'worker-tg');
      expectMessage(worker, 'tooSlow', { name: 'worker-tg', seconds: 60, interval: 30, threshold: 2, max: 30 });
      expect(worker.evidence).toEqual({ HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 2 });
      expect(commandsOf(worker)).toEqual([
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
      expectMessage(fn, 'disabled', { name: 'fn-tg' });
      expect(fn.evidence).toEqual({ HealthCheckEnabled: false, HealthCheckIntervalSeconds: 35, UnhealthyThresholdCount: 2 });
      expect(commandsOf(fn)).toEqual([`aws elbv2 modify-target-group --target-group-arn ${TG}/fn-tg/8f20e0a53001b12b --health-check-enabled --region us-east-1`]);

      // The interval fits twice in 90 s: keep it, lower the threshold to 90 / 30 = 3.
      const slow = byName(results, 'slow-tg');
      expectMessage(slow, 'tooSlow', { name: 'slow-tg', seconds: 150, interval: 30, threshold: 5, max: 90 });
      expect(slow.evidence).toEqual({ HealthCheckEnabled: true, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 5 });
      expect(commandsOf(slow)).toEqual([
        `aws elbv2 modify-target-group --target-group-arn ${TG}/slow-tg/d475d5fa8556a670 --health-check-interval-seconds 30 --unhealthy-threshold-count 3 --region us-east-1`,
      ]);

      // 60 s does not fit twice in 90 s: shorten the interval to 45 s with the minimum threshold of 2,
      // and the 50 s timeout below it (AWS requires timeout < interval).
      const lazy = byName(results, 'lazy-tg');
      expectMessage(lazy, 'tooSlow', { name: 'lazy-tg', seconds: 120, interval: 60, threshold: 2, max: 90 });
      expect(commandsOf(lazy)).toEqual([
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
