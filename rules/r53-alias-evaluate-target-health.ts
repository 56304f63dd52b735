import { defineAccountRule } from '../src/engine/define-rule.js';
import { routingPolicy } from '../src/model/dns.js';
import { FIX_READS_HEALTH_CHECKS, groupOf, isLoadBalancerAlias, recordGroupFix } from './support/record-group-fix.js';
import { recordData, recordEvidence } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-alias-evaluate-target-health',
  title: 'Aliases to load balancers evaluate target health outside simple routing',
  service: 'route53',
  severity: 'medium',
  wellArchitected: ['REL11-BP01', 'REL11-BP02'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'elbv2:DescribeLoadBalancers', FIX_READS_HEALTH_CHECKS],
  params: {},
  messages: {
    evaluates: '{{record}} in {{zone}} ({{policy}} routing) evaluates the health of load balancer {{target}}',
    notEvaluated:
      '{{record}} in {{zone}} ({{policy}} routing) leads to load balancer {{target}} without evaluating its health: Route 53 keeps answering with it when it has no healthy target',
  },
  rationale:
    'Failover, weighted, latency and geolocation routing can steer users away from a load balancer whose targets are all unhealthy, or whose zone or region is down, only if the alias evaluates target health. Without it Route 53 keeps returning that load balancer and its share of users gets errors.',
  remediation: {
    summary: 'Set EvaluateTargetHealth to true on the alias record.',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-complex-configs.html',
  },
  check(scope, { pass, fail }) {
    for (const { zone, record } of scope.records()) {
      // A load balancer by its DNS name (even one of a region not scanned), or one reached through other records.
      if (!isLoadBalancerAlias(scope, zone, record)) continue;
      const alias = record.aliasTarget!;
      const policy = routingPolicy(record);
      const destinations = scope.resolvedLoadBalancers(zone, record);
      const ref = scope.recordRef(zone, record);
      const target = destinations.length > 0 ? destinations.map((d) => `${d.loadBalancer.name} (${d.region})`).join(', ') : alias.dnsName;
      const data = { ...recordData(zone, record), policy, target };
      const evidence = {
        routingPolicy: policy,
        ...recordEvidence(record),
        loadBalancers: destinations.map((d) => ({ name: d.loadBalancer.name, region: d.region, arn: d.loadBalancer.arn })),
      };
      if (alias.evaluateTargetHealth) pass(ref, 'evaluates', data, { evidence });
      else fail(ref, 'notEvaluated', data, { evidence, ...recordGroupFix(scope, groupOf(scope, zone, record)) });
    }
  },
});
