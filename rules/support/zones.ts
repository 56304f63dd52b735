import type { RegionScope } from '../../src/engine/region-scope.js';

/** Subnets of a VPC in zones not yet used, as `subnet-id (zone)`: where to add a zone. */
export function candidateSubnets(scope: RegionScope, vpcId: string, usedZones: readonly string[]): string[] {
  return scope
    .subnetsOfVpc(vpcId)
    .filter((s) => !usedZones.includes(s.availabilityZone))
    .map((s) => `${s.id} (${s.availabilityZone})`)
    .sort();
}

/** The hint of a failure that needs another zone: where the subnets are (none: no hint). */
export function candidateSubnetsHint(candidates: readonly string[]): string[] {
  return candidates.length > 0 ? [`Subnets in other zones: ${candidates.join(', ')}`] : [];
}
