import { defineAccountRule } from '../src/engine/define-rule.js';
import { recordHealth } from '../src/model/dns.js';
import { routingPolicy } from '../src/model/dns.js';
import { FIX_READS_HEALTH_CHECKS, groupOf, HEALTH_AWARE_POLICIES, recordGroupFix } from './support/record-group-fix.js';
import { recordData, recordEvidence } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-routing-health-checks',
  title: 'Records of latency, weighted, geolocation, geoproximity and multivalue policies are health-checked',
  service: 'route53',
  severity: 'medium',
  wellArchitected: ['REL11-BP01', 'REL11-BP02'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', FIX_READS_HEALTH_CHECKS],
  params: {},
  messages: {
    healthCheck: '{{record}} in {{zone}} ({{policy}} routing) has health check {{healthCheckId}}',
    evaluatesTargetHealth: '{{record}} in {{zone}} ({{policy}} routing) evaluates the health of its alias target {{target}}',
    noHealthCheck:
      '{{record}} in {{zone}} ({{policy}} routing) has no health check and does not evaluate its target health: Route 53 keeps sending it traffic when it is down',
  },
  rationale:
    'Latency, weighted, geolocation, geoproximity and multivalue routing leave an unhealthy record out of their answers, but only when they can tell it is unhealthy. A record with no health check is always healthy to Route 53, so its share of users keeps going to a dead endpoint.',
  remediation: {
    summary:
      'Set EvaluateTargetHealth on the alias (load balancer, S3 website, another record), or create a health check for the endpoint and attach it to the record (CloudFront aliases and non-alias records).',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-how-route-53-chooses-records.html',
  },
  check(scope, { pass, fail }) {
    for (const { zone, record } of scope.records()) {
      const policy = routingPolicy(record);
      if (!HEALTH_AWARE_POLICIES.has(policy)) continue;
      const ref = scope.recordRef(zone, record);
      const data = { ...recordData(zone, record), policy };
      const evidence = { routingPolicy: policy, ...recordEvidence(record) };
      const health = recordHealth(record);
      if (!health) fail(ref, 'noHealthCheck', data, { evidence, ...recordGroupFix(scope, groupOf(scope, zone, record)) });
      else if ('healthCheckId' in health) pass(ref, 'healthCheck', { ...data, healthCheckId: health.healthCheckId }, { evidence });
      else pass(ref, 'evaluatesTargetHealth', { ...data, target: health.evaluatedTarget }, { evidence });
    }
  },
});
