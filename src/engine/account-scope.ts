import { indexBy, groupBy } from '../collections.js';
import { DnsResolver, type DnsResolution, type ResolvedLoadBalancer } from '../model/dns-resolver.js';
import { recordId } from '../model/dns.js';
import { GLOBAL_REGION, type AccountInventory, type DnsRecord, type HostedZone, type Route53HealthCheck, type TargetGroup } from '../model/inventory.js';
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
 * health checks, and the load balancers its records resolve to, in any account and region of the scan.
 */
export class AccountScope {
  private healthChecks?: Map<string, Route53HealthCheck>;
  private groups?: RecordGroup[];
  private loadBalancersByAddress?: Map<string, ResolvedLoadBalancer>;
  private readonly refs = new Map<string, ResourceRef>();

  /**
   * `dns`: the scan's resolver, shared by every account (records may lead to load balancers of
   * other accounts); `scan`: every account of the scan, where those load balancers are found.
   */
  constructor(
    readonly account: AccountInventory,
    private readonly dns: DnsResolver = new DnsResolver([account]),
    private readonly scan: readonly AccountInventory[] = [account],
  ) {}

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

  /** Where a record leads through aliases and CNAMEs, and whether every branch ends at a load balancer of the scan. */
  resolution(zone: HostedZone, record: DnsRecord): DnsResolution {
    return this.dns.resolve(zone, record);
  }

  /** The load balancers of the scan a record resolves to; empty when none. */
  resolvedLoadBalancers(zone: HostedZone, record: DnsRecord): ResolvedLoadBalancer[] {
    return this.dns.resolve(zone, record).loadBalancers;
  }

  /** The load balancer of the scan with that DNS name (a CNAME's value, an alias target). */
  loadBalancerByDnsName(name: string): ResolvedLoadBalancer | undefined {
    return this.dns.loadBalancerByDnsName(name);
  }

  /** The Network Load Balancer of the scan that holds this IP address in one of its zones (an A record's value). */
  loadBalancerByAddress(ip: string): ResolvedLoadBalancer | undefined {
    this.loadBalancersByAddress ??= new Map(
      this.scan.flatMap((account) =>
        account.regions.flatMap((region) =>
          region.elbv2.loadBalancers.flatMap((loadBalancer) =>
            loadBalancer.availabilityZones
              .flatMap((zone) => zone.addresses ?? [])
              .flatMap((a) => [a.ipAddress, a.privateIPv4Address, a.ipv6Address])
              .flatMap((address) => (address ? [[address, { accountId: account.accountId, region: region.region, loadBalancer }] as const] : [])),
          ),
        ),
      ),
    );
    return this.loadBalancersByAddress.get(ip);
  }

  /** A target group of the account and region of a resolved load balancer. */
  targetGroup(of: ResolvedLoadBalancer, arn: string): TargetGroup | undefined {
    const region = this.scan.find((a) => a.accountId === of.accountId)?.regions.find((r) => r.region === of.region);
    return region?.elbv2.targetGroups.find((tg) => tg.arn === arn);
  }

  recordRef(zone: HostedZone, record: DnsRecord): ResourceRef {
    return this.ref('route53:record', recordId(zone.id, record));
  }

  recordGroupRef(group: RecordGroup): ResourceRef {
    return this.ref('route53:record-group', recordId(group.zone.id, group));
  }

  /** One ref per record or group, shared by every result about it (an organisation's report has hundreds of thousands of results). */
  private ref(type: 'route53:record' | 'route53:record-group', id: string): ResourceRef {
    const key = `${type} ${id}`;
    let ref = this.refs.get(key);
    if (ref === undefined) {
      ref = { type, id, region: GLOBAL_REGION, accountId: this.accountId };
      this.refs.set(key, ref);
    }
    return ref;
  }

  /** The resource of a result about the whole account (an `error` when data is missing). */
  accountRef(): ResourceRef {
    return { type: 'aws:account', id: this.accountId, region: GLOBAL_REGION, accountId: this.accountId };
  }
}
