import { defineRule } from '../src/engine/define-rule.js';
import { aws, joined, placeholder } from '../src/engine/command.js';
import { countOf } from '../src/engine/plural.js';
import { distinctSorted } from '../src/collections.js';
import { candidateSubnets, candidateSubnetsHint, subnetsInNewZones } from './support/zones.js';

export default defineRule({
  id: 'asg-multi-az',
  title: 'Auto Scaling groups launch in several Availability Zones',
  service: 'autoscaling',
  severity: 'high',
  wellArchitected: ['REL10-BP01'],
  uses: ['autoscaling:DescribeAutoScalingGroups'],
  params: {
    minAzs: { type: 'integer', default: 2, min: 1, max: 10, description: 'Fewest Availability Zones an Auto Scaling group must launch in.' },
  },
  messages: {
    multiZone: 'Auto Scaling group {{name}} launches in {{zoneCount}} ({{zones}})',
    tooFewZones: 'Auto Scaling group {{name}} launches in {{zoneCount}} ({{zones}}); at least {{minAzs}} needed to replace capacity lost with a zone',
  },
  rationale:
    'An Auto Scaling group rebalances and replaces instances only in the zones it is configured for: in a single zone, the loss of that zone takes the whole fleet with it and nothing is relaunched elsewhere.',
  remediation: {
    summary: 'Add subnets of other Availability Zones to the group (VPCZoneIdentifier).',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-az-console.html',
  },
  check(scope, { params, pass, fail }) {
    for (const group of scope.autoScalingGroups) {
      const zones = distinctSorted(group.availabilityZones);
      const data = { name: group.name, zoneCount: countOf(zones.length, 'zone'), zones: zones.join(', ') || 'none' };
      if (zones.length >= params.minAzs) {
        pass(scope.autoScalingGroupRef(group), 'multiZone', data);
        continue;
      }
      const vpcId = group.subnetIds.map((id) => scope.subnet(id)?.vpcId).find((id) => id !== undefined);
      const needed = params.minAzs - zones.length;
      // Known subnets of the group's VPC in other zones where there are, placeholders for the rest.
      const known = subnetsInNewZones(scope, vpcId, zones, needed).map((subnet) => subnet.id);
      const others = (kind: 'subnet-id' | 'availability-zone', label: string) =>
        Array.from({ length: Math.max(needed - known.length, 0) }, (_, i) => placeholder(kind, i === 0 ? label : `${label}-${i + 1}`));
      const command =
        group.subnetIds.length > 0
          ? aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--vpc-zone-identifier', joined(',', [...group.subnetIds, ...known, ...others('subnet-id', 'subnet-id-in-another-zone')]))
          : aws('autoscaling', 'update-auto-scaling-group', '--auto-scaling-group-name', group.name, '--availability-zones', ...zones, ...others('availability-zone', 'another-zone'));
      const candidates = vpcId ? candidateSubnets(scope, vpcId, zones) : [];
      fail(scope.autoScalingGroupRef(group), 'tooFewZones', { ...data, minAzs: params.minAzs }, {
        evidence: { availabilityZones: zones, candidateSubnets: candidates },
        steps: [command],
        hints: candidateSubnetsHint(candidates),
      });
    }
  },
});
