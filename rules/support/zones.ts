import type { RegionScope } from '../../src/engine/region-scope.js';
import type { Subnet } from '../../src/model/inventory.js';

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

/**
 * One subnet of the VPC in each of up to `count` zones not yet used (the first by id in each,
 * zones in order), limited to `allowed` zones when given: known values for a fix instead of a
 * placeholder. Fewer than `count` when the VPC has no subnet in enough other zones.
 */
export function subnetsInNewZones(scope: Pick<RegionScope, 'subnetsOfVpc'>, vpcId: string | undefined, usedZones: readonly string[], count: number, allowed?: readonly string[]): Subnet[] {
  if (vpcId === undefined || count <= 0) return [];
  const byZone = new Map<string, Subnet>();
  for (const subnet of [...scope.subnetsOfVpc(vpcId)].sort((a, b) => a.id.localeCompare(b.id))) {
    if (usedZones.includes(subnet.availabilityZone) || (allowed && !allowed.includes(subnet.availabilityZone))) continue;
    if (!byZone.has(subnet.availabilityZone)) byZone.set(subnet.availabilityZone, subnet);
  }
  return [...byZone.keys()].sort().slice(0, count).map((zone) => byZone.get(zone)!);
}
