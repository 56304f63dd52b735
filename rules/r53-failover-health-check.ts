import { defineAccountRule } from '../src/engine/define-rule.js';
import { recordHealth } from '../src/model/dns.js';
import { FIX_READS_HEALTH_CHECKS, groupOf, recordGroupFix } from './support/record-group-fix.js';
import { recordData, recordEvidence } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-failover-health-check',
  title: 'Primary failover records are health-checked',
  service: 'route53',
  severity: 'high',
  wellArchitected: ['REL11-BP01', 'REL11-BP02'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', FIX_READS_HEALTH_CHECKS],
  params: {},
  messages: {
    healthCheck: 'Failover primary {{record}} in {{zone}} has health check {{healthCheckId}}',
    evaluatesTargetHealth: 'Failover primary {{record}} in {{zone}} evaluates the health of its alias target {{target}}',
    noHealthCheck:
      'Failover primary {{record}} in {{zone}} has no health check and does not evaluate its target health: Route 53 never fails over from it',
  },
  rationale:
    'Route 53 answers with the secondary only when it considers the primary unhealthy, and it knows that only from a health check or, for an alias, from the health of the target. Without either the primary is always healthy to Route 53, and failover never happens.',
  remediation: {
    summary:
      'Set EvaluateTargetHealth on the alias (load balancer, S3 website, another record), or create a health check for the endpoint and attach it to the record (CloudFront aliases and non-alias records).',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-complex-configs.html',
  },
  check(scope, { pass, fail }) {
    for (const { zone, record } of scope.records()) {
      if (record.failover !== 'PRIMARY') continue;
      const ref = scope.recordRef(zone, record);
      const evidence = recordEvidence(record);
      const health = recordHealth(record);
      if (!health) fail(ref, 'noHealthCheck', recordData(zone, record), { evidence, ...recordGroupFix(scope, groupOf(scope, zone, record)) });
      else if ('healthCheckId' in health) pass(ref, 'healthCheck', { ...recordData(zone, record), healthCheckId: health.healthCheckId }, { evidence });
      else pass(ref, 'evaluatesTargetHealth', { ...recordData(zone, record), target: health.evaluatedTarget }, { evidence });
    }
  },
});
