import { indexBy, groupBy } from '../collections.js';
import { AliasTargets, type AliasDestination, type AliasResolution } from '../model/alias-targets.js';
import { recordId } from '../model/dns.js';
import { GLOBAL_REGION, type AccountInventory, type DnsRecord, type HostedZone, type Route53HealthCheck } from '../model/inventory.js';
import type { ResourceRef } from '../model/result.js';

/** The records of one zone that share a name and a type: a failover pair, a weighted set... */
export interface RecordGroup {
  zone: HostedZone;
  name: string;
  type: string;
  records: DnsRecord[];
}

/**
 * One account as an account-level rule (Route 53, which is global) sees it: its hosted zones and
 * health checks, and the load balancers of every scanned region that its aliases lead to.
 */
export class AccountScope {
  private healthChecks?: Map<string, Route53HealthCheck>;
  private groups?: RecordGroup[];
  private aliasTargets?: AliasTargets;

  constructor(readonly account: AccountInventory) {}

  get accountId(): string {
    return this.account.accountId;
  }

  get hostedZones(): HostedZone[] {
    return this.account.route53.hostedZones;
  }

  /** Every record with the zone that holds it. */
  *records(): Generator<{ zone: HostedZone; record: DnsRecord }> {
    for (const zone of this.hostedZones) for (const record of zone.records) yield { zone, record };
  }

  healthCheck(id: string): Route53HealthCheck | undefined {
    this.healthChecks ??= indexBy(this.account.route53.healthChecks, (hc) => hc.id);
    return this.healthChecks.get(id);
  }

  /** Records grouped by zone, name and type, in the order the zones list them. */
  recordGroups(): RecordGroup[] {
    this.groups ??= this.hostedZones.flatMap((zone) =>
      [...groupBy(zone.records, (r) => `${r.name}|${r.type}`).values()].map((records) => ({
        zone,
        name: records[0]!.name,
        type: records[0]!.type,
        records,
      })),
    );
    return this.groups;
  }

  /** Where a record leads through aliases, and whether every branch ends at a load balancer of the inventory. */
  aliasResolution(zone: HostedZone, record: DnsRecord): AliasResolution {
    this.aliasTargets ??= new AliasTargets(this.account);
    return this.aliasTargets.resolution(zone, record);
  }

  /** The load balancers of the inventory a record leads to (through aliases); empty when none. */
  aliasDestinations(zone: HostedZone, record: DnsRecord): AliasDestination[] {
    this.aliasTargets ??= new AliasTargets(this.account);
    return this.aliasTargets.destinations(zone, record);
  }

  recordRef(zone: HostedZone, record: DnsRecord): ResourceRef {
    return { type: 'route53:record', id: recordId(zone.id, record), region: GLOBAL_REGION, accountId: this.accountId };
  }

  recordGroupRef(group: RecordGroup): ResourceRef {
    return { type: 'route53:record-group', id: recordId(group.zone.id, group), region: GLOBAL_REGION, accountId: this.accountId };
  }

  /** The resource of a result about the whole account (an `error` when data is missing). */
  accountRef(): ResourceRef {
    return { type: 'aws:account', id: this.accountId, region: GLOBAL_REGION, accountId: this.accountId };
  }
}
