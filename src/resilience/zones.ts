import type { AccountInventory } from '../model/inventory.js';
import type { Scenario, ZoneRef } from '../model/resilience.js';

/**
 * Physical zones across the accounts of a scan. Zone names are shuffled per account (`us-east-1a`
 * of one account may be `use1-az4`, of another `use1-az6`); zone ids are not. Ids come from
 * `DescribeAvailabilityZones` (every zone of the region, one call), and for inventories saved
 * before it from the subnets' `AvailabilityZoneId`. A zone whose id is known neither way is keyed
 * by account and name, so that it is never merged with another account's zone of that name.
 */
export class ZoneIndex {
  private readonly ids = new Map<string, string>();
  private readonly used = new Map<string, { region: string; key: string; zoneId?: string; names: Map<string, string> }>();
  private readonly regions = new Set<string>();

  constructor(accounts: readonly AccountInventory[]) {
    for (const account of accounts) {
      for (const region of account.regions) {
        this.regions.add(region.region);
        for (const subnet of region.ec2.subnets) {
          if (subnet.availabilityZoneId) this.ids.set(nameKey(account.accountId, region.region, subnet.availabilityZone), subnet.availabilityZoneId);
        }
        for (const zone of region.ec2.availabilityZones ?? []) this.ids.set(nameKey(account.accountId, region.region, zone.zoneName), zone.zoneId);
      }
    }
  }

  /** The zone as one account names it, with its id when known. */
  ref(accountId: string, region: string, zoneName: string): ZoneRef {
    const zoneId = this.ids.get(nameKey(accountId, region, zoneName));
    return zoneId ? { zoneName, zoneId } : { zoneName };
  }

  /** The key of the physical zone within its region: its id, else `<accountId>:<zoneName>`. */
  key(accountId: string, region: string, zoneName: string): string {
    return this.ids.get(nameKey(accountId, region, zoneName)) ?? `${accountId}:${zoneName}`;
  }

  /** Records that the scan has something in this zone: it becomes a scenario. Returns its key. */
  use(accountId: string, region: string, zoneName: string): string {
    const key = this.key(accountId, region, zoneName);
    const id = zoneScenarioId(region, key);
    let entry = this.used.get(id);
    if (!entry) {
      const zoneId = this.ids.get(nameKey(accountId, region, zoneName));
      entry = { region, key, ...(zoneId ? { zoneId } : {}), names: new Map() };
      this.used.set(id, entry);
    }
    entry.names.set(accountId, zoneName);
    return key;
  }

  /** Every zone used, then every scanned region, sorted. */
  scenarios(): Scenario[] {
    const zones: Scenario[] = [...this.used.entries()].map(([id, entry]) => ({
      id,
      kind: 'zone',
      region: entry.region,
      ...(entry.zoneId ? { zoneId: entry.zoneId } : {}),
      zoneNames: [...entry.names.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([accountId, zoneName]) => ({ accountId, zoneName })),
    }));
    const regions: Scenario[] = [...this.regions].map((region) => ({ id: regionScenarioId(region), kind: 'region', region }));
    return [...zones.sort(byId), ...regions.sort(byId)];
  }
}

export function zoneScenarioId(region: string, key: string): string {
  return `zone:${region}/${key}`;
}

export function regionScenarioId(region: string): string {
  return `region:${region}`;
}

function nameKey(accountId: string, region: string, zoneName: string): string {
  return `${accountId}|${region}|${zoneName}`;
}

function byId(a: Scenario, b: Scenario): number {
  return a.id.localeCompare(b.id);
}
