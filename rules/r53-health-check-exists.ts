import { defineAccountRule } from '../src/engine/define-rule.js';
import { groupOf, recordGroupFix } from './support/record-group-fix.js';
import { recordData, recordEvidence } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-health-check-exists',
  title: 'Records name health checks that exist',
  service: 'route53',
  severity: 'high',
  wellArchitected: ['REL11-BP01'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'route53:ListHealthChecks'],
  params: {},
  messages: {
    exists: '{{record}} in {{zone}} uses health check {{healthCheckId}}, which exists',
    deleted: '{{record}} in {{zone}} uses health check {{healthCheckId}}, which does not exist (deleted): its health can no longer be known',
  },
  rationale:
    'Route 53 does not stop anyone from deleting a health check that records still use. From then on the status of those records cannot be predicted: they may be answered while their endpoint is down, or left out while it is up, and failover works by chance.',
  remediation: {
    summary: 'Attach a health check that exists in place of the deleted one: a new check of the endpoint, or, for an alias, the health of its target.',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-updating-deleting-tasks.html',
  },
  check(scope, { pass, fail }) {
    for (const { zone, record } of scope.records()) {
      const healthCheckId = record.healthCheckId;
      if (healthCheckId === undefined) continue;
      const ref = scope.recordRef(zone, record);
      const evidence = recordEvidence(record);
      if (scope.healthCheck(healthCheckId)) {
        pass(ref, 'exists', { ...recordData(zone, record), healthCheckId }, { evidence });
        continue;
      }
      fail(ref, 'deleted', { ...recordData(zone, record), healthCheckId }, { evidence: { ...evidence, healthCheckExists: false }, ...recordGroupFix(scope, groupOf(scope, zone, record)) });
    }
  },
});
