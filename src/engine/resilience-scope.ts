import type { AutoScalingGroup, DnsRecord, HostedZone, Inventory, LoadBalancer, TargetGroup } from '../model/inventory.js';
import type { EntryPoint, Resilience, Scenario, ScenarioOutcome } from '../model/resilience.js';
import type { ResourceRef } from '../model/result.js';
import { loadBalancerAttachments } from '../model/autoscaling.js';
import { recordId } from '../model/dns.js';
import { RegionIndex } from '../model/region-index.js';
import { DnsResolver } from '../model/dns-resolver.js';
import { AccountScope } from './account-scope.js';

/** A resource of the inventory with the account and region that hold it. */
export interface Located<T> {
  accountId: string;
  region: string;
  resource: T;
  index: RegionIndex;
}

/**
 * The resilience model as an `app-*` rule sees it: the entry points, their outcome in every
 * scenario, and the inventory's resources by ARN, for fixes with real identifiers.
 */
export class ResilienceScope {
  private outcomes?: Map<string, ScenarioOutcome[]>;
  private scenarios?: Map<string, Scenario>;
  private regions?: Map<string, RegionIndex>;
  private byArn?: Map<string, Located<LoadBalancer | TargetGroup | AutoScalingGroup>>;
  private records?: Map<string, { accountId: string; zone: HostedZone; record: DnsRecord }>;
  private zones?: Map<string, HostedZone>;
  private feedersOf?: Map<string, AutoScalingGroup[]>;

  constructor(
    readonly resilience: Resilience,
    readonly inventory: Inventory,
    private readonly accountScopes: ReadonlyMap<string, AccountScope> = new Map(),
  ) {}

  /** The scope of a model outside a rule run (`what-if`): each account as the DNS rules see it. */
  static of(resilience: Resilience, inventory: Inventory): ResilienceScope {
    const dns = new DnsResolver(inventory.accounts);
    return new ResilienceScope(resilience, inventory, new Map(inventory.accounts.map((a) => [a.accountId, new AccountScope(a, dns, inventory.accounts)])));
  }

  /** The account as the DNS rules see it: a fix to a record group is the one those rules give (`recordGroupFix`). */
  accountScope(accountId: string): AccountScope | undefined {
    return this.accountScopes.get(accountId);
  }

  get entryPoints(): EntryPoint[] {
    return this.resilience.entryPoints;
  }

  /** The outcomes of an entry point, data store or application, in the order of the scenarios. */
  outcomesOf(id: string): ScenarioOutcome[] {
    if (!this.outcomes) {
      this.outcomes = new Map();
      for (const outcome of this.resilience.outcomes) {
        const list = this.outcomes.get(outcome.id);
        if (list) list.push(outcome);
        else this.outcomes.set(outcome.id, [outcome]);
      }
    }
    return this.outcomes.get(id) ?? [];
  }

  scenario(id: string): Scenario | undefined {
    this.scenarios ??= new Map(this.resilience.scenarios.map((s) => [s.id, s]));
    return this.scenarios.get(id);
  }

  /** The results' resource: a record group of Route 53 (global), or a load balancer. */
  entryPointRef(entry: EntryPoint): ResourceRef {
    if (entry.kind === 'record-group') return { type: 'route53:record-group', id: entry.id, name: entry.name, region: entry.region, accountId: entry.accountId };
    const lb = this.find<LoadBalancer>(entry.id)?.resource;
    const ref: ResourceRef = { type: 'elbv2:load-balancer', id: entry.id, arn: entry.id, name: entry.name, region: entry.region, accountId: entry.accountId };
    if (lb && Object.keys(lb.tags).length > 0) ref.tags = lb.tags;
    return ref;
  }

  /** A load balancer, target group or Auto Scaling group of the scan by its ARN. */
  find<T extends LoadBalancer | TargetGroup | AutoScalingGroup>(arn: string): Located<T> | undefined {
    if (!this.byArn) {
      this.byArn = new Map();
      for (const account of this.inventory.accounts) {
        for (const region of account.regions) {
          const index = this.regionIndex(account.accountId, region.region)!;
          const add = (resource: LoadBalancer | TargetGroup | AutoScalingGroup) => this.byArn!.set(resource.arn, { accountId: account.accountId, region: region.region, resource, index });
          region.elbv2.loadBalancers.forEach(add);
          region.elbv2.targetGroups.forEach(add);
          region.autoscaling.groups.forEach(add);
        }
      }
    }
    return this.byArn.get(arn) as Located<T> | undefined;
  }

  /** The Auto Scaling groups that feed a target group or Classic Load Balancer (ARN or name), indexed once for every region. */
  feeders(loadBalancerOrTargetGroup: string): AutoScalingGroup[] {
    if (!this.feedersOf) {
      this.feedersOf = new Map();
      for (const account of this.inventory.accounts) {
        for (const region of account.regions) {
          for (const group of region.autoscaling.groups) {
            for (const attached of loadBalancerAttachments(group)) {
              const list = this.feedersOf.get(attached);
              if (list) list.push(group);
              else this.feedersOf.set(attached, [group]);
            }
          }
        }
      }
    }
    return this.feedersOf.get(loadBalancerOrTargetGroup) ?? [];
  }

  /** The lookups of one account and region. */
  regionIndex(accountId: string, region: string): RegionIndex | undefined {
    if (!this.regions) {
      this.regions = new Map();
      for (const account of this.inventory.accounts) for (const r of account.regions) this.regions.set(`${account.accountId}|${r.region}`, new RegionIndex(account.accountId, r));
    }
    return this.regions.get(`${accountId}|${region}`);
  }

  /** The record of a record hop or cause, `<zoneId>/<name>/<type>[/<setIdentifier>]`, in whichever account holds its zone (zone ids are global). */
  record(id: string): { accountId: string; zone: HostedZone; record: DnsRecord } | undefined {
    if (!this.records) {
      // Indexed once: the rules look up a record for every failing entry point.
      this.records = new Map();
      for (const account of this.inventory.accounts) {
        for (const zone of account.route53.hostedZones) {
          for (const record of zone.records) {
            const key = recordId(zone.id, record);
            if (!this.records.has(key)) this.records.set(key, { accountId: account.accountId, zone, record });
          }
        }
      }
    }
    return this.records.get(id);
  }

  /** The hosted zone of a record group entry point. */
  hostedZone(accountId: string, zoneId: string): HostedZone | undefined {
    if (!this.zones) {
      this.zones = new Map();
      for (const account of this.inventory.accounts) for (const zone of account.route53.hostedZones) this.zones.set(`${account.accountId}|${zone.id}`, zone);
    }
    return this.zones.get(`${accountId}|${zoneId}`);
  }
}
