import type { RegionScope } from '../../src/engine/region-scope.js';

/** Subnets of a VPC in zones not yet used, as `subnet-id (zone)`: where to add a zone. */
export function candidateSubnets(scope: RegionScope, vpcId: string, usedZones: readonly string[]): string[] {
  return scope
    .subnetsOfVpc(vpcId)
    .filter((s) => !usedZones.includes(s.availabilityZone))
    .map((s) => `${s.id} (${s.availabilityZone})`)
    .sort();
}
