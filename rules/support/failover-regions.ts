import { distinctSorted } from '../../src/collections.js';
import type { AccountScope, RecordGroup } from '../../src/engine/account-scope.js';
import type { ResolvedLoadBalancer } from '../../src/model/dns-resolver.js';
import type { DnsRecord } from '../../src/model/inventory.js';

/** Where the two halves of a failover group lead, and whether the secondary survives what takes the primary down. */
export interface FailoverRegions {
  primaries: DnsRecord[];
  secondaries: DnsRecord[];
  primary: ResolvedLoadBalancer[];
  secondary: ResolvedLoadBalancer[];
  primaryRegions: string[];
  secondaryRegions: string[];
  verdict: 'distinctRegions' | 'sameRegion' | 'sameLoadBalancer';
}

/**
 * `r53-failover-distinct-regions`'s judgement of a failover group. Undefined unless both halves
 * resolve wholly to load balancers of the scan: a branch that leads elsewhere (CloudFront, a
 * region not scanned) could be the standby that saves it.
 */
export function failoverRegions(scope: AccountScope, group: RecordGroup): FailoverRegions | undefined {
  const primaries = group.records.filter((r) => r.failover === 'PRIMARY');
  const secondaries = group.records.filter((r) => r.failover === 'SECONDARY');
  const primary = resolveWholly(scope, group, primaries);
  const secondary = resolveWholly(scope, group, secondaries);
  if (!primary || !secondary) return undefined;
  const primaryRegions = distinctSorted(primary.map((d) => d.region));
  const secondaryRegions = distinctSorted(secondary.map((d) => d.region));
  const primaryArns = new Set(primary.map((d) => d.loadBalancer.arn));
  const verdict = secondary.every((d) => primaryArns.has(d.loadBalancer.arn))
    ? 'sameLoadBalancer'
    : secondaryRegions.every((region) => primaryRegions.includes(region))
      ? 'sameRegion'
      : 'distinctRegions';
  return { primaries, secondaries, primary, secondary, primaryRegions, secondaryRegions, verdict };
}

/** The load balancers the records lead to, or undefined unless every one of them leads only to load balancers of the scan. */
function resolveWholly(scope: AccountScope, group: RecordGroup, records: DnsRecord[]): ResolvedLoadBalancer[] | undefined {
  if (records.length === 0) return undefined;
  const resolutions = records.map((record) => scope.resolution(group.zone, record));
  if (!resolutions.every((r) => r.complete && r.loadBalancers.length > 0)) return undefined;
  return resolutions.flatMap((r) => r.loadBalancers);
}
