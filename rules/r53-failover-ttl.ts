import { defineAccountRule } from '../src/engine/define-rule.js';
import { routingPolicy } from '../src/model/dns.js';
import { DEFAULT_MAX_TTL_SECONDS, groupOf, recordGroupFix } from './support/record-group-fix.js';
import { recordData, recordEvidence } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-failover-ttl',
  title: 'Health-checked records of routing policies have a short TTL',
  service: 'route53',
  severity: 'low',
  wellArchitected: ['REL11-BP02'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'route53:ListHealthChecks'],
  params: {
    maxTtlSeconds: {
      type: 'integer',
      default: DEFAULT_MAX_TTL_SECONDS,
      min: 0,
      max: 86400,
      description: 'Longest TTL of a health-checked record of a routing policy: how long resolvers may keep answering with a failed endpoint.',
    },
  },
  messages: {
    short: '{{record}} in {{zone}} ({{policy}} routing) has a TTL of {{ttl}} s',
    tooLong:
      '{{record}} in {{zone}} ({{policy}} routing) has a TTL of {{ttl}} s: after Route 53 stops answering with its endpoint, resolvers keep sending users there for up to {{ttl}} s; at most {{max}} s',
  },
  rationale:
    'A health check lets Route 53 stop answering with a failed endpoint, but resolvers and clients keep the answer they already have for its TTL. A failover that Route 53 makes in 30 seconds still leaves users on the dead endpoint for the rest of a 300 or 3600-second TTL. Aliases are not judged: their TTL is that of their target (60 seconds for a load balancer).',
  remediation: {
    summary: 'Lower the TTL of the record (60 seconds here): resolvers then pick up a failover within a minute, at the cost of more DNS queries.',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-complex-configs.html',
  },
  check(scope, { params, pass, fail }) {
    for (const { zone, record } of scope.records()) {
      const policy = routingPolicy(record);
      // Aliases take their target's TTL; a simple record has no other answer to fail over to.
      if (record.aliasTarget || record.healthCheckId === undefined || policy === 'simple') continue;
      const ref = scope.recordRef(zone, record);
      const ttl = record.ttl ?? 0;
      const data = { ...recordData(zone, record), policy, ttl };
      const evidence = { routingPolicy: policy, ttl: record.ttl, ...recordEvidence(record) };
      if (ttl <= params.maxTtlSeconds) pass(ref, 'short', data, { evidence });
      else fail(ref, 'tooLong', { ...data, max: params.maxTtlSeconds }, { evidence, ...recordGroupFix(scope, groupOf(scope, zone, record), { maxTtlSeconds: params.maxTtlSeconds }) });
    }
  },
});
