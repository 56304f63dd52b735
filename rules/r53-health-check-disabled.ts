import { defineAccountRule } from '../src/engine/define-rule.js';
import { repairHealthCheckStep } from './support/route53-health-check.js';
import { recordData, recordEvidence } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-health-check-disabled',
  title: 'Health checks used by records are enabled and not inverted',
  service: 'route53',
  severity: 'medium',
  wellArchitected: ['REL11-BP01'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'route53:ListHealthChecks'],
  params: {},
  messages: {
    active: '{{record}} in {{zone}} uses health check {{healthCheckId}}, enabled and not inverted',
    disabled: '{{record}} in {{zone}} uses health check {{healthCheckId}}, which is disabled: Route 53 reports it healthy whatever the endpoint does',
    inverted: '{{record}} in {{zone}} uses health check {{healthCheckId}}, which is inverted: Route 53 takes the endpoint for healthy when it is down',
    disabledAndInverted:
      '{{record}} in {{zone}} uses health check {{healthCheckId}}, which is disabled and inverted: Route 53 takes the endpoint for unhealthy whatever it does, and never answers with this record',
  },
  rationale:
    'A disabled health check is always healthy to Route 53, and an inverted one is healthy exactly when its endpoint fails. Either way Route 53 keeps answering with a dead endpoint, or drops a live one, and failover does the opposite of what it should.',
  remediation: {
    summary: 'Enable the health check and turn inversion off; to take an endpoint out of service on purpose, change the record (weight 0, or delete it) instead.',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html',
  },
  check(scope, { pass, fail }) {
    for (const { zone, record } of scope.records()) {
      const healthCheckId = record.healthCheckId;
      const healthCheck = healthCheckId === undefined ? undefined : scope.healthCheck(healthCheckId);
      if (healthCheckId === undefined || !healthCheck) continue; // no check, or a deleted one (r53-health-check-exists)
      const ref = scope.recordRef(zone, record);
      const data = { ...recordData(zone, record), healthCheckId };
      const evidence = { ...recordEvidence(record), healthCheckType: healthCheck.type, disabled: healthCheck.disabled, inverted: healthCheck.inverted };
      if (!healthCheck.disabled && !healthCheck.inverted) {
        pass(ref, 'active', data, { evidence });
        continue;
      }
      const steps = [repairHealthCheckStep(healthCheck)];
      fail(ref, healthCheck.disabled ? (healthCheck.inverted ? 'disabledAndInverted' : 'disabled') : 'inverted', data, { evidence, steps });
    }
  },
});
