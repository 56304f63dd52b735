import { groupBy } from '../collections.js';
import type { AccountInventory, DnsRecord, HostedZone, LoadBalancer } from './inventory.js';
import { bareHostedZoneId, comparableDnsName, decodeDnsName, recordId } from './dns.js';

/** A load balancer of the inventory that a DNS record leads to. */
export interface AliasDestination {
  region: string;
  loadBalancer: LoadBalancer;
}

/** Where a record leads: the load balancers of the inventory, and whether that is all of it. */
export interface AliasResolution {
  destinations: AliasDestination[];
  /** False when some branch leads elsewhere (CloudFront, S3, an address, a region not scanned). */
  complete: boolean;
}

/** Aliases to other records are followed this many hops deep, whatever the inventory holds (a hand-edited one may loop). */
const MAX_ALIAS_HOPS = 8;

/**
 * The path DNS name → load balancer of one account: for every alias record, the load balancers
 * of the inventory it leads to, directly (`dualstack.my-alb-1.us-east-1.elb.amazonaws.com.`) or
 * through other records of the account's hosted zones (an alias to `eu.app.example.com` that is
 * itself an alias to a load balancer). A record that leads outside the inventory (CloudFront, S3,
 * API Gateway, a load balancer of a region not scanned) has no entry: nothing is invented.
 */
export class AliasTargets {
  private readonly loadBalancersByDnsName = new Map<string, AliasDestination>();
  private readonly recordsByZoneAndName = new Map<string, DnsRecord[]>();
  private readonly resolved = new Map<string, AliasResolution>();

  constructor(account: AccountInventory) {
    for (const region of account.regions) {
      for (const loadBalancer of region.elbv2.loadBalancers) {
        this.loadBalancersByDnsName.set(comparableDnsName(loadBalancer.dnsName), { region: region.region, loadBalancer });
      }
    }
    const records = account.route53.hostedZones.flatMap((zone) => zone.records.map((record) => ({ zoneId: zone.id, record })));
    for (const [key, group] of groupBy(records, (r) => zoneNameKey(r.zoneId, r.record.name))) {
      this.recordsByZoneAndName.set(key, group.map((r) => r.record));
    }
  }

  /** The load balancers a record leads to; empty when it is not an alias or leads outside the inventory. */
  destinations(zone: HostedZone, record: DnsRecord): AliasDestination[] {
    return this.resolution(zone, record).destinations;
  }

  /** The load balancers a record leads to, and whether every branch of its alias chain ends at one. */
  resolution(zone: HostedZone, record: DnsRecord): AliasResolution {
    const key = recordId(zone.id, record);
    let found = this.resolved.get(key);
    if (!found) {
      const followed = this.follow(record, record.type, new Set([zoneNameKey(zone.id, record.name)]));
      found = { destinations: uniqueByArn(followed.destinations), complete: followed.complete };
      this.resolved.set(key, found);
    }
    return found;
  }

  /** `visited`: the zone and names of the chain so far, so that a loop ends instead of fanning out. */
  private follow(record: DnsRecord, type: string, visited: Set<string>): AliasResolution {
    const alias = record.aliasTarget;
    if (!alias) return { destinations: [], complete: false };
    const direct = this.loadBalancersByDnsName.get(comparableDnsName(alias.dnsName));
    if (direct) return { destinations: [direct], complete: true };
    if (visited.size > MAX_ALIAS_HOPS) return { destinations: [], complete: false };
    // An alias to other records of the same type in one of the account's zones (a weighted set, a failover pair...).
    // Record names are compared decoded only: `dualstack.` is a load balancer prefix, not part of a record's name.
    const key = zoneNameKey(bareHostedZoneId(alias.hostedZoneId), decodeDnsName(alias.dnsName));
    if (visited.has(key)) return { destinations: [], complete: false };
    const next = (this.recordsByZoneAndName.get(key) ?? []).filter((r) => r.type === type);
    if (next.length === 0) return { destinations: [], complete: false };
    const chain = new Set([...visited, key]);
    const branches = next.map((r) => this.follow(r, type, chain));
    return { destinations: branches.flatMap((b) => b.destinations), complete: branches.every((b) => b.complete) };
  }
}

function zoneNameKey(zoneId: string, name: string): string {
  return `${zoneId}|${name}`;
}

function uniqueByArn(destinations: AliasDestination[]): AliasDestination[] {
  const seen = new Map<string, AliasDestination>();
  for (const d of destinations) seen.set(d.loadBalancer.arn, d);
  return [...seen.values()];
}
