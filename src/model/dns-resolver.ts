import type { AccountInventory, DnsRecord, HostedZone, Inventory, LoadBalancer } from './inventory.js';
import { bareHostedZoneId, comparableDnsName, decodeDnsName, isLoadBalancerDnsName, recordId } from './dns.js';
import type { OutsideKind } from './resilience.js';

/** A load balancer of the scan that a record resolves to, in any account and region. */
export interface ResolvedLoadBalancer {
  accountId: string;
  region: string;
  loadBalancer: LoadBalancer;
}

/** One record of a chain, with the zone and account that hold it. */
export interface ChainLink {
  accountId: string;
  zone: HostedZone;
  record: DnsRecord;
}

/** Where one branch of a record's resolution ends. */
export type BranchEnd =
  | { kind: 'load-balancer'; target: ResolvedLoadBalancer }
  | { kind: 'outside'; outside: OutsideKind; destination: string };

/** One way a name resolves: the records followed, from the record asked about to the last one, and where they end. */
export interface DnsBranch {
  chain: ChainLink[];
  end: BranchEnd;
}

/** Every branch of a record's resolution (a weighted set or a failover pair further down fans out). */
export interface DnsResolution {
  branches: DnsBranch[];
  /** The load balancers of the scan it resolves to, each once. */
  loadBalancers: ResolvedLoadBalancer[];
  /** False when some branch leads elsewhere (CloudFront, S3, an address, a load balancer not scanned, a loop). */
  complete: boolean;
}

/** Chains are followed this many records deep, whatever the inventory holds (a hand-edited one may loop). */
const MAX_HOPS = 8;

/**
 * Route 53 gives an alias to a load balancer the TTL of the load balancer's own record: 60 seconds.
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html
 */
export const LOAD_BALANCER_ALIAS_TTL_SECONDS = 60;

/**
 * RULES.md's "resolves": a record resolves to a load balancer of the scan (in any of its accounts)
 * when it is an alias to it, a CNAME whose value is its DNS name (compared without case, trailing
 * dot and `dualstack.`), or an alias or CNAME to another record of the scanned zones that resolves
 * to it (chains followed, loops stopped). One resolver serves the whole scan: a central DNS
 * account commonly points at load balancers of other accounts.
 */
export class DnsResolver {
  private readonly loadBalancersByDnsName = new Map<string, ResolvedLoadBalancer>();
  private readonly zonesById = new Map<string, { accountId: string; zone: HostedZone }>();
  /** Zones by name: a CNAME value names a host, and the zone that holds it is found by its suffix. */
  private readonly zonesByName = new Map<string, { accountId: string; zone: HostedZone }[]>();
  private readonly recordsByZoneAndName = new Map<string, DnsRecord[]>();
  private readonly resolved = new Map<string, DnsResolution>();

  constructor(accounts: readonly AccountInventory[]) {
    for (const account of accounts) {
      for (const region of account.regions) {
        for (const loadBalancer of region.elbv2.loadBalancers) {
          this.loadBalancersByDnsName.set(comparableDnsName(loadBalancer.dnsName), { accountId: account.accountId, region: region.region, loadBalancer });
        }
      }
      for (const zone of account.route53.hostedZones) {
        const entry = { accountId: account.accountId, zone };
        this.zonesById.set(zone.id, entry);
        const sameName = this.zonesByName.get(zone.name);
        if (sameName) sameName.push(entry);
        else this.zonesByName.set(zone.name, [entry]);
        for (const record of zone.records) {
          const key = zoneNameKey(zone.id, record.name);
          const list = this.recordsByZoneAndName.get(key);
          if (list) list.push(record);
          else this.recordsByZoneAndName.set(key, [record]);
        }
      }
    }
  }

  static of(inventory: Pick<Inventory, 'accounts'>): DnsResolver {
    return new DnsResolver(inventory.accounts);
  }

  /** The load balancer of the scan with that DNS name (any case, trailing dot, `dualstack.`). */
  loadBalancerByDnsName(name: string): ResolvedLoadBalancer | undefined {
    return this.loadBalancersByDnsName.get(comparableDnsName(name));
  }

  /** How a record of a scanned zone resolves; computed once per record. */
  resolve(zone: HostedZone, record: DnsRecord): DnsResolution {
    const key = recordId(zone.id, record);
    let found = this.resolved.get(key);
    if (!found) {
      const accountId = this.zonesById.get(zone.id)?.accountId ?? '';
      const queryType = record.type === 'A' || record.type === 'AAAA' ? record.type : 'A';
      const branches = this.follow({ accountId, zone, record }, queryType, [], new Set([zoneNameKey(zone.id, record.name)]));
      const loadBalancers = new Map<string, ResolvedLoadBalancer>();
      for (const branch of branches) if (branch.end.kind === 'load-balancer') loadBalancers.set(branch.end.target.loadBalancer.arn, branch.end.target);
      found = { branches, loadBalancers: [...loadBalancers.values()], complete: branches.every((b) => b.end.kind === 'load-balancer') };
      this.resolved.set(key, found);
    }
    return found;
  }

  /**
   * `queryType`: what a client asked for (`A` when the chain starts at a CNAME); `visited`: the
   * zone and names of the chain so far, so that a loop ends instead of fanning out.
   */
  private follow(link: ChainLink, queryType: string, before: ChainLink[], visited: Set<string>): DnsBranch[] {
    const chain = [...before, link];
    const { record } = link;
    const outside = (kind: OutsideKind, destination: string): DnsBranch[] => [{ chain, end: { kind: 'outside', outside: kind, destination } }];
    const alias = record.aliasTarget;
    const target = alias?.dnsName ?? (record.type === 'CNAME' ? record.values[0] : undefined);
    if (target === undefined) return outside('address', record.values.join(', '));
    const loadBalancer = this.loadBalancerByDnsName(target);
    if (loadBalancer) return [{ chain, end: { kind: 'load-balancer', target: loadBalancer } }];
    const name = decodeDnsName(target);
    const kind = outsideKind(alias?.hostedZoneId, target);
    if (kind) return outside(kind, name);
    // Another record: an alias names its zone and keeps its type; a CNAME names a host, in the scanned zone that holds it.
    const next = alias
      ? this.recordsIn(bareHostedZoneId(alias.hostedZoneId), name, (r) => r.type === record.type)
      : this.recordsAt(name, link.zone, (r) => r.type === queryType || r.type === 'CNAME');
    if (next === undefined || next.records.length === 0) return outside(next === undefined ? 'other' : 'record-not-found', name);
    const key = zoneNameKey(next.zone.id, name);
    if (visited.has(key) || chain.length >= MAX_HOPS + 1) return outside('loop', name);
    const nextVisited = new Set([...visited, key]);
    return next.records.flatMap((r) => this.follow({ accountId: next.accountId, zone: next.zone, record: r }, queryType, chain, nextVisited));
  }

  /** Records of a name in the zone of that id; undefined when that zone is not scanned. */
  private recordsIn(zoneId: string, name: string, wanted: (r: DnsRecord) => boolean): { accountId: string; zone: HostedZone; records: DnsRecord[] } | undefined {
    const entry = this.zonesById.get(zoneId);
    if (!entry) return undefined;
    return { ...entry, records: (this.recordsByZoneAndName.get(zoneNameKey(zoneId, name)) ?? []).filter(wanted) };
  }

  /**
   * Records of a host name in the scanned zone that holds it: the longest zone name that is a
   * suffix of it, preferring a zone as private as the one asking (split-horizon DNS). Undefined
   * when no scanned zone holds it, or when several equally could (the same zone name in two
   * accounts: only one is delegated, and the inventory does not say which).
   */
  private recordsAt(name: string, from: HostedZone, wanted: (r: DnsRecord) => boolean): { accountId: string; zone: HostedZone; records: DnsRecord[] } | undefined {
    for (let suffix = name; suffix !== ''; suffix = suffix.includes('.') ? suffix.slice(suffix.indexOf('.') + 1) : '') {
      const zones = this.zonesByName.get(suffix);
      if (!zones) continue;
      const samePrivacy = zones.filter((z) => z.zone.privateZone === from.privateZone);
      const candidates = samePrivacy.length > 0 ? samePrivacy : zones;
      if (candidates.length !== 1) return undefined;
      return this.recordsIn(candidates[0]!.zone.id, name, wanted);
    }
    return undefined;
  }
}

/**
 * The TTL of the answer of `chain[index]`: its own TTL, or, for an alias, that of what it
 * aliases (60 s for a load balancer). Where a DNS failover changes the answer of that record,
 * resolvers keep the old one this long.
 */
export function answerTtl(branch: DnsBranch, index: number): number | undefined {
  for (let i = index; i < branch.chain.length; i++) {
    const record = branch.chain[i]!.record;
    if (!record.aliasTarget) return record.ttl;
  }
  return branch.end.kind === 'load-balancer' ? LOAD_BALANCER_ALIAS_TTL_SECONDS : undefined;
}

/** The alias hosted zone of every CloudFront distribution. */
const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

/** A destination known to be outside the scan by its name or alias zone; undefined when it may be another record. */
function outsideKind(aliasZoneId: string | undefined, name: string): OutsideKind | undefined {
  const host = comparableDnsName(name);
  if ((aliasZoneId && bareHostedZoneId(aliasZoneId) === CLOUDFRONT_HOSTED_ZONE_ID) || host.endsWith('.cloudfront.net')) return 'cloudfront';
  if (isLoadBalancerDnsName(host)) return 'load-balancer-not-scanned';
  if (/(^|\.)s3[.-]/.test(host) || host.includes('.s3-website')) return 's3';
  if (host.includes('.execute-api.')) return 'api-gateway';
  return undefined;
}

function zoneNameKey(zoneId: string, name: string): string {
  return `${zoneId}|${name}`;
}
