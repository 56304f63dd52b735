import { defineAccountRule } from '../src/engine/define-rule.js';
import type { ResolvedLoadBalancer } from '../src/model/dns-resolver.js';
import { failoverRegions } from './support/failover-regions.js';
import { FIX_READS_HEALTH_CHECKS, recordGroupFix } from './support/record-group-fix.js';
import { groupData } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-failover-distinct-regions',
  title: 'Failover records fail over to another region',
  service: 'route53',
  severity: 'medium',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'elbv2:DescribeLoadBalancers', FIX_READS_HEALTH_CHECKS],
  params: {},
  messages: {
    distinctRegions: 'Failover records {{group}} in {{zone}} fail over from {{primary}} to {{secondary}}',
    sameLoadBalancer:
      'Failover records {{group}} in {{zone}} have their primary and secondary on the same load balancer ({{loadBalancers}}): failing over changes nothing',
    sameRegion:
      'Failover records {{group}} in {{zone}} fail over from {{primary}} to {{secondary}}, in the same region ({{regions}}): an outage of that region takes both down',
  },
  rationale:
    'Failover routing exists to survive the loss of what the primary runs on. A secondary on the same load balancer fails with it, and one in the same region goes down with a regional outage: the standby belongs in another region.',
  remediation: {
    summary: 'Point the SECONDARY record to a load balancer (and the stack behind it) in another region.',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-failover.html',
  },
  check(scope, { pass, fail }) {
    for (const group of scope.recordGroups()) {
      const regions = failoverRegions(scope, group);
      if (!regions) continue;
      const { primaries, secondaries, primary, secondary, primaryRegions, secondaryRegions, verdict } = regions;
      const ref = scope.recordGroupRef(group);
      const evidence = {
        primary: { setIdentifiers: primaries.map((r) => r.setIdentifier), loadBalancers: names(primary), regions: primaryRegions },
        secondary: { setIdentifiers: secondaries.map((r) => r.setIdentifier), loadBalancers: names(secondary), regions: secondaryRegions },
      };
      const data = { ...groupData(group), primary: placement(primary), secondary: placement(secondary) };
      if (verdict === 'distinctRegions') pass(ref, 'distinctRegions', data, { evidence });
      else if (verdict === 'sameLoadBalancer') fail(ref, 'sameLoadBalancer', { ...groupData(group), loadBalancers: placement(secondary) }, { evidence, ...recordGroupFix(scope, group) });
      else fail(ref, 'sameRegion', { ...data, regions: secondaryRegions.join(', ') }, { evidence, ...recordGroupFix(scope, group) });
    }
  },
});

function names(destinations: ResolvedLoadBalancer[]): string[] {
  return destinations.map((d) => d.loadBalancer.name);
}

/** `web-alb (us-east-1), api-alb (us-east-1)`. */
function placement(destinations: ResolvedLoadBalancer[]): string {
  return destinations.map((d) => `${d.loadBalancer.name} (${d.region})`).join(', ');
}
