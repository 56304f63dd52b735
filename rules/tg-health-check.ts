import { defineRule } from '../src/engine/define-rule.js';
import { aws } from '../src/engine/command.js';

export default defineRule({
  id: 'tg-health-check',
  title: 'Target groups detect failed targets quickly',
  service: 'elbv2',
  severity: 'medium',
  wellArchitected: ['REL11-BP01', 'REL11-BP03'],
  uses: ['elbv2:DescribeTargetGroups'],
  params: {
    maxDetectionSeconds: {
      type: 'integer',
      default: 90,
      min: 10,
      max: 3000,
      description: 'Longest acceptable time to take a failed target out of service: interval x unhealthy threshold.',
    },
  },
  messages: {
    fastEnough: 'Target group {{name}} detects a failed target within {{seconds}} s',
    disabled: 'Target group {{name}} has health checks disabled: a failed target keeps receiving traffic',
    tooSlow:
      'Target group {{name}} takes {{seconds}} s ({{interval}} s interval x {{threshold}} failures) to stop sending traffic to a failed target; at most {{max}} s allowed',
  },
  rationale:
    'The load balancer only stops sending requests to a target once its health check has failed enough times. Until then every request sent to a failed target, or to a whole lost zone, fails.',
  remediation: {
    summary: 'Enable health checks and shorten detection (interval x unhealthy threshold) to the limit.',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
  },
  check(scope, { params, pass, fail }) {
    for (const tg of scope.targetGroups) {
      if (tg.loadBalancerArns.length === 0) continue; // receives no traffic: not applicable
      const ref = scope.targetGroupRef(tg);
      const { enabled, intervalSeconds, unhealthyThreshold } = tg.healthCheck;
      const evidence = { HealthCheckEnabled: enabled, HealthCheckIntervalSeconds: intervalSeconds, UnhealthyThresholdCount: unhealthyThreshold };
      if (!enabled) {
        fail(ref, 'disabled', { name: tg.name }, {
          evidence,
          steps: [aws('elbv2', 'modify-target-group', '--target-group-arn', tg.arn, '--health-check-enabled')],
        });
        continue;
      }
      const seconds = (intervalSeconds ?? 30) * (unhealthyThreshold ?? 2);
      if (seconds <= params.maxDetectionSeconds) {
        pass(ref, 'fastEnough', { name: tg.name, seconds }, { evidence });
        continue;
      }
      const fix = fasterHealthCheck(intervalSeconds ?? 30, params.maxDetectionSeconds);
      // AWS rejects a timeout that is not below the interval: shorten it with the interval.
      const timeout = tg.healthCheck.timeoutSeconds !== undefined && tg.healthCheck.timeoutSeconds >= fix.interval ? ['--health-check-timeout-seconds', fix.interval - 1] : [];
      fail(
        ref,
        'tooSlow',
        { name: tg.name, seconds, interval: intervalSeconds ?? 30, threshold: unhealthyThreshold ?? 2, max: params.maxDetectionSeconds },
        {
          evidence,
          steps: [
            aws(
              'elbv2',
              'modify-target-group',
              '--target-group-arn',
              tg.arn,
              '--health-check-interval-seconds',
              fix.interval,
              '--unhealthy-threshold-count',
              fix.threshold,
              ...timeout,
            ),
          ],
        },
      );
    }
  },
});

/** Keeps the interval when two failures fit in the limit, else shortens it; thresholds run 2 to 10. */
function fasterHealthCheck(interval: number, maxSeconds: number): { interval: number; threshold: number } {
  if (interval * 2 <= maxSeconds) return { interval, threshold: Math.min(10, Math.floor(maxSeconds / interval)) };
  return { interval: Math.max(5, Math.floor(maxSeconds / 2)), threshold: 2 };
}
