import { defineRule } from '../src/engine/define-rule.js';
import { aws, placeholder } from '../src/engine/command.js';
import { countOf } from '../src/engine/plural.js';
import { distinctSorted } from '../src/collections.js';
import { candidateSubnets, candidateSubnetsHint } from './support/zones.js';

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
      const subnets = lb.availabilityZones.flatMap((z) => (z.subnetId ? [z.subnetId] : []));
      const candidates = lb.vpcId ? candidateSubnets(scope, lb.vpcId, zones) : [];
      fail(scope.loadBalancerRef(lb), 'tooFewZones', { ...data, minAzs: params.minAzs }, {
        evidence: { availabilityZones: zones, candidateSubnets: candidates },
        steps: [aws('elbv2', 'set-subnets', '--load-balancer-arn', lb.arn, '--subnets', ...subnets, placeholder('subnet-id', 'subnet-id-in-another-zone'))],
        hints: candidateSubnetsHint(candidates),
      });
    }
  },
});
