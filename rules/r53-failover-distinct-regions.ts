import { distinctSorted } from '../src/collections.js';
import type { AccountScope, RecordGroup } from '../src/engine/account-scope.js';
import { defineAccountRule } from '../src/engine/define-rule.js';
import type { ResolvedLoadBalancer } from '../src/model/dns-resolver.js';
import type { DnsRecord } from '../src/model/inventory.js';
import { groupData, resourceRecordSet, upsertCommand, withEndpoint, type EndpointPlaceholders } from './support/route53.js';
import { placeholder } from '../src/engine/command.js';

/** The secondary pointed to a load balancer the user picks in another region; its other fields as they are (a CNAME stays a CNAME). */
const LOAD_BALANCER_IN_ANOTHER_REGION: EndpointPlaceholders = {
  aliasHostedZoneId: placeholder('hosted-zone-id', 'load-balancer-canonical-hosted-zone-id'),
  dnsName: placeholder('dns-name', 'load-balancer-dns-name-in-another-region'),
  value: placeholder('dns-name', 'load-balancer-dns-name-in-another-region'),
};

export default defineAccountRule({
  id: 'r53-failover-distinct-regions',
  title: 'Failover records fail over to another region',
  service: 'route53',
  severity: 'medium',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', 'elbv2:DescribeLoadBalancers'],
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
      const primaries = group.records.filter((r) => r.failover === 'PRIMARY');
      const secondaries = group.records.filter((r) => r.failover === 'SECONDARY');
      const primary = resolve(scope, group, primaries);
      const secondary = resolve(scope, group, secondaries);
      // Judged only where both halves resolve wholly to load balancers of the inventory: a branch
      // that leads elsewhere (CloudFront, a region not scanned) could be the standby that saves it.
      if (!primary || !secondary) continue;
      const ref = scope.recordGroupRef(group);
      const primaryRegions = distinctSorted(primary.map((d) => d.region));
      const secondaryRegions = distinctSorted(secondary.map((d) => d.region));
      const evidence = {
        primary: { setIdentifiers: primaries.map((r) => r.setIdentifier), loadBalancers: names(primary), regions: primaryRegions },
        secondary: { setIdentifiers: secondaries.map((r) => r.setIdentifier), loadBalancers: names(secondary), regions: secondaryRegions },
      };
      const data = { ...groupData(group), primary: placement(primary), secondary: placement(secondary) };
      const primaryArns = new Set(primary.map((d) => d.loadBalancer.arn));
      const steps = secondaries.map((record) => upsertCommand(group.zone, resourceRecordSet(withEndpoint(record, LOAD_BALANCER_IN_ANOTHER_REGION))));
      if (secondary.every((d) => primaryArns.has(d.loadBalancer.arn))) {
        fail(ref, 'sameLoadBalancer', { ...groupData(group), loadBalancers: placement(secondary) }, { evidence, steps });
      } else if (secondaryRegions.every((region) => primaryRegions.includes(region))) {
        fail(ref, 'sameRegion', { ...data, regions: secondaryRegions.join(', ') }, { evidence, steps });
      } else {
        pass(ref, 'distinctRegions', data, { evidence });
      }
    }
  },
});

/** The load balancers the records lead to, or undefined unless every one of them leads only to load balancers of the inventory. */
function resolve(scope: AccountScope, group: RecordGroup, records: DnsRecord[]): ResolvedLoadBalancer[] | undefined {
  if (records.length === 0) return undefined;
  const resolutions = records.map((record) => scope.resolution(group.zone, record));
  if (!resolutions.every((r) => r.complete && r.loadBalancers.length > 0)) return undefined;
  return resolutions.flatMap((r) => r.loadBalancers);
}

function names(destinations: ResolvedLoadBalancer[]): string[] {
  return destinations.map((d) => d.loadBalancer.name);
}

/** `web-alb (us-east-1), api-alb (us-east-1)`. */
function placement(destinations: ResolvedLoadBalancer[]): string {
  return destinations.map((d) => `${d.loadBalancer.name} (${d.region})`).join(', ');
}
