import { defineRule } from '../src/engine/define-rule.js';
import { aws, joined, placeholder, type PlaceholderWord } from '../src/engine/command.js';
import type { RegionScope } from '../src/engine/region-scope.js';
import type { LoadBalancer } from '../src/model/inventory.js';
import type { RemediationStep } from '../src/model/result.js';
import { countOf } from '../src/engine/plural.js';
import { distinctSorted } from '../src/collections.js';
import { candidateSubnets, candidateSubnetsHint, subnetsInNewZones } from './support/zones.js';

export default defineRule({
  id: 'elb-multi-az',
  title: 'Load balancers span several Availability Zones',
  service: 'elbv2',
  severity: 'high',
  wellArchitected: ['REL10-BP01'],
  uses: ['elbv2:DescribeLoadBalancers'],
  params: {
    minAzs: { type: 'integer', default: 2, min: 1, max: 10, description: 'Fewest distinct Availability Zones a load balancer must cover.' },
  },
  messages: {
    multiZone: 'Load balancer {{name}} covers {{zoneCount}} ({{zones}})',
    tooFewZones: 'Load balancer {{name}} covers {{zoneCount}} ({{zones}}); at least {{minAzs}} needed to survive a zone failure',
  },
  rationale:
    'A load balancer has a node in each zone it is enabled in. In a single zone, the loss of that zone takes the entry point of the whole application down, however many targets run elsewhere.',
  remediation: {
    summary: 'Enable the load balancer in subnets of more Availability Zones (one subnet per zone).',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html#availability-zones',
  },
  check(scope, { params, pass, fail }) {
    for (const lb of scope.loadBalancers) {
      const zones = distinctSorted(lb.availabilityZones.map((z) => z.zoneName));
      const data = { name: lb.name, zoneCount: countOf(zones.length, 'zone'), zones: zones.join(', ') || 'none' };
      if (zones.length >= params.minAzs) {
        pass(scope.loadBalancerRef(lb), 'multiZone', data);
        continue;
      }
      const candidates = lb.vpcId ? candidateSubnets(scope, lb.vpcId, zones) : [];
      const added = newSubnets(scope, lb, zones, params.minAzs - zones.length);
      const step = lb.type === 'network' ? networkSubnetsStep(lb, added) : aws('elbv2', 'set-subnets', '--load-balancer-arn', lb.arn, '--subnets', ...currentSubnets(lb), ...added);
      const hints = [
        ...candidateSubnetsHint(candidates),
        ...(lb.scheme === 'internet-facing' && added.some((subnet) => typeof subnet === 'string') ? ['An internet-facing load balancer needs public subnets (a route to an internet gateway): check the subnets chosen.'] : []),
        ...(step ? [] : ['Scan again for a command: this inventory lacks the addresses of the load balancer, which set-subnets must give again.']),
      ];
      fail(scope.loadBalancerRef(lb), 'tooFewZones', { ...data, minAzs: params.minAzs }, { evidence: { availabilityZones: zones, candidateSubnets: candidates }, steps: step ? [step] : [], hints });
    }
  },
});

/** The subnets the load balancer is in, one per zone. */
function currentSubnets(lb: LoadBalancer): string[] {
  return lb.availabilityZones.flatMap((z) => (z.subnetId ? [z.subnetId] : []));
}

/** A subnet of the VPC for each missing zone: a known one where the VPC has it, else a placeholder. */
function newSubnets(scope: RegionScope, lb: LoadBalancer, zones: string[], count: number): (string | PlaceholderWord)[] {
  const known = subnetsInNewZones(scope, lb.vpcId, zones, count).map((s) => s.id);
  const missing = Array.from({ length: Math.max(count - known.length, 0) }, (_, i) => placeholder('subnet-id', i === 0 ? 'subnet-id-in-another-zone' : `subnet-id-in-another-zone-${i + 1}`));
  return [...known, ...missing];
}

/**
 * `set-subnets` of a Network Load Balancer with every subnet mapping it has, Elastic IPs and
 * private addresses included (left out, they would be released); a new zone gets an Elastic IP
 * too when the others have one. Undefined when the inventory lacks the addresses.
 */
function networkSubnetsStep(lb: LoadBalancer, added: (string | PlaceholderWord)[]): RemediationStep | undefined {
  if (lb.availabilityZones.some((z) => z.addresses === undefined)) return undefined;
  const mappings = lb.availabilityZones.flatMap((zone) => {
    if (!zone.subnetId) return [];
    const address = zone.addresses!.find((a) => a.allocationId || a.privateIPv4Address || a.ipv6Address);
    const fields = [`SubnetId=${zone.subnetId}`];
    if (address?.allocationId) fields.push(`AllocationId=${address.allocationId}`);
    if (address?.privateIPv4Address) fields.push(`PrivateIPv4Address=${address.privateIPv4Address}`);
    if (address?.ipv6Address) fields.push(`IPv6Address=${address.ipv6Address}`);
    return [fields.join(',')];
  });
  const withElasticIps = lb.availabilityZones.some((z) => z.addresses!.some((a) => a.allocationId));
  const newMappings = added.map((subnet, i) =>
    joined('', ['SubnetId=', subnet, ...(withElasticIps ? [',AllocationId=', placeholder('elastic-ip-allocation-id', i === 0 ? 'elastic-ip-allocation-id' : `elastic-ip-allocation-id-${i + 1}`)] : [])]),
  );
  return aws('elbv2', 'set-subnets', '--load-balancer-arn', lb.arn, '--subnet-mappings', ...mappings, ...newMappings);
}
