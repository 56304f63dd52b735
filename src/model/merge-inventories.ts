import { HaAuditError } from './errors.js';
import { operationGaps } from './gap-class.js';
import { assertDistinctAccounts } from './inventory-checks.js';
import { emptyRegionInventory, emptyRoute53Inventory, GLOBAL_REGION, type AccountInventory, type Gap, type Inventory, type RegionInventory, type Shard } from './inventory.js';
import { MISSING_SHARD, REGIONAL_SERVICES } from './operations.js';
import { shardOf } from './shard.js';

/** An inventory read from a file (`--inventory`), named by it. */
export interface InventoryFile {
  file: string;
  inventory: Inventory;
}

/**
 * The inventories of `scan --inventory A --inventory B ...` as one, to evaluate together (rules
 * and the resilience model see DNS in one account and load balancers in another). Shards of one
 * scan (`--shard I/N`) are put back together pair by pair; a shard not given leaves its share as
 * gaps (`MissingShard`: exit 3); shards of different scans, or with overlapping shares, are
 * refused. Inventories that are not shards must hold distinct accounts. Pure.
 */
export function mergeInventories(files: readonly InventoryFile[]): Inventory {
  const shards = files.filter((f) => f.inventory.shard !== undefined);
  if (shards.length === 0) {
    if (files.length === 1) return files[0]!.inventory;
    assertDistinctAccounts(files.flatMap(({ file, inventory }) => inventory.accounts.map((account, index) => ({ file, index, accountId: account.accountId }))));
    return { ...files[0]!.inventory, collectedAt: latest(files), accounts: files.flatMap((f) => f.inventory.accounts), gaps: files.flatMap((f) => f.inventory.gaps) };
  }
  if (shards.length < files.length) {
    const plain = files.find((f) => f.inventory.shard === undefined)!;
    throw new HaAuditError('usage', `inventory ${plain.file} is not a shard, and ${shards[0]!.file} is`, 'evaluate the shards of one scan together, and other inventories apart');
  }
  return mergeShards(shards as (InventoryFile & { inventory: { shard: Shard } })[]);
}

function mergeShards(shards: readonly (InventoryFile & { inventory: { shard: Shard } })[]): Inventory {
  const first = shards[0]!;
  const { scanId, count } = first.inventory.shard;
  const byIndex = new Map<number, string>();
  for (const { file, inventory } of shards) {
    const shard = inventory.shard;
    if (shard.scanId !== scanId || shard.count !== count) {
      throw new HaAuditError('usage', `inventory ${file} is shard ${shard.index}/${shard.count} of scan ${shard.scanId}, not of scan ${scanId} (${count} shards) as ${first.file}`, 'evaluate together the shards of one scan, run with the same options');
    }
    const earlier = byIndex.get(shard.index);
    if (earlier !== undefined) throw new HaAuditError('usage', `inventories ${earlier} and ${file} are both shard ${shard.index}/${count} of scan ${scanId}`, 'give each shard once');
    byIndex.set(shard.index, file);
  }

  // Who owns each pair, and every pair of the scan as the shards planned it.
  const owner = new Map<string, InventoryFile & { inventory: { shard: Shard } }>();
  for (const entry of shards) {
    for (const { accountId, regions } of entry.inventory.shard.owns) {
      for (const region of regions) {
        const key = pairKey(accountId, region);
        const other = owner.get(key);
        if (other) throw new HaAuditError('usage', `inventories ${other.file} and ${entry.file} both hold account ${accountId} in ${region}`, 'the shares of one scan do not overlap: give each shard once, from one run of each');
        owner.set(key, entry);
      }
    }
  }
  const scope = new Map<string, string[]>();
  for (const { inventory } of shards) {
    for (const { accountId, regions } of inventory.shard.scope) {
      const known = scope.get(accountId) ?? [];
      scope.set(accountId, [...known, ...regions.filter((r) => !known.includes(r))]);
    }
  }

  const accounts: AccountInventory[] = [];
  const gaps: Gap[] = [];
  const collected = (entry: InventoryFile | undefined, accountId: string) => entry?.inventory.accounts.find((a) => a.accountId === accountId);
  for (const [accountId, regions] of scope) {
    const globalOwner = owner.get(pairKey(accountId, GLOBAL_REGION));
    const entries = shards.map((s) => collected(s, accountId)).filter((a) => a !== undefined);
    if (!globalOwner) gaps.push(...missingPair(accountId, GLOBAL_REGION, count, scanId));
    const merged: RegionInventory[] = [];
    for (const region of regions) {
      const regionOwner = owner.get(pairKey(accountId, region));
      const found = collected(regionOwner, accountId)?.regions.find((r) => r.region === region);
      if (found) merged.push(found);
      else if (!regionOwner) {
        merged.push(emptyRegionInventory(region));
        gaps.push(...missingPair(accountId, region, count, scanId));
      }
    }
    // The account's other fields (its name...) are the same in every shard that entered it.
    const base = collected(globalOwner, accountId) ?? entries[0];
    accounts.push({ ...base, accountId, route53: globalOwner ? (base?.route53 ?? emptyRoute53Inventory()) : emptyRoute53Inventory(), regions: merged });
  }

  // An account no shard could enter is a gap in each shard that tried: one is enough.
  const seen = new Set<string>();
  for (const gap of shards.flatMap((s) => s.inventory.gaps)) {
    const key = JSON.stringify([gap.accountId, gap.region, gap.service, gap.operation, gap.code]);
    if (!seen.has(key)) gaps.push(gap);
    seen.add(key);
  }
  const { shard: _shard, ...rest } = first.inventory;
  return { ...rest, collectedAt: latest(shards), accounts, gaps };
}

/** The gaps of a pair no shard given collected: every operation of its services, so that the rules reading them give `error`. */
function missingPair(accountId: string, region: string, count: number, scanId: string): Gap[] {
  const index = shardOf(accountId, region, count);
  const message = `not collected: shard ${index}/${count} of scan ${scanId}, which holds it, was not given (or did not see this account then)`;
  return operationGaps({ accountId, region, services: region === GLOBAL_REGION ? ['route53'] : REGIONAL_SERVICES, code: MISSING_SHARD, message });
}

function pairKey(accountId: string, region: string): string {
  return `${accountId}|${region}`;
}

function latest(files: readonly InventoryFile[]): string {
  return files.map((f) => f.inventory.collectedAt).sort().at(-1)!;
}
