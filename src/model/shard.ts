import { createHash } from 'node:crypto';
import { GLOBAL_REGION } from './inventory.js';

/**
 * Sharding a scan (`scan --shard I/N`, docs/at-scale.md). The unit of work is an (account,
 * region) pair; Route 53, global, is one more pair per account, `account|global`. Each pair is
 * owned by the shard that jump consistent hashing (Lamping and Veach, 2014) gives for the
 * SHA-256 of `account|region`: balanced, decided by the pair alone (an account joining or
 * leaving moves no other pair), and moving only about 1/N of the pairs when N grows by one.
 * Pure: the collector and the merge of the shards' inventories both read it.
 */

/** Which shard of how many: `index` from 1 to `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Regions of one account: the scan's plan (`scope`) or one shard's share of it (`owns`, with `global` for Route 53). */
export interface AccountRegions {
  accountId: string;
  regions: string[];
}

/** What a shard's inventory records of the scan it belongs to. */
export interface ShardRecord extends ShardSpec {
  scanId: string;
  scope: AccountRegions[];
  owns: AccountRegions[];
}

const MASK_64 = (1n << 64n) - 1n;

/** The shard (1-based) owning the pair of `accountId` and `region` (`global` for Route 53) among `count`. */
export function shardOf(accountId: string, region: string, count: number): number {
  let key = createHash('sha256').update(`${accountId}|${region}`).digest().readBigUInt64BE(0);
  // Jump consistent hash: the bucket of a 64-bit key among `count`.
  let bucket = -1;
  let next = 0;
  while (next < count) {
    bucket = next;
    key = (key * 2862933555777941757n + 1n) & MASK_64;
    next = Math.floor((bucket + 1) * (2 ** 31 / Number((key >> 33n) + 1n)));
  }
  return bucket + 1;
}

/** The regions (and `global`) of `scope` that `shard` owns, account by account; accounts where it owns nothing are left out. */
export function shareOf(scope: readonly AccountRegions[], shard: ShardSpec): AccountRegions[] {
  return scope.flatMap(({ accountId, regions }) => {
    const owned = [GLOBAL_REGION, ...regions].filter((region) => shardOf(accountId, region, shard.count) === shard.index);
    return owned.length > 0 ? [{ accountId, regions: owned }] : [];
  });
}

/** What every shard of one scan agrees on without talking to the others. */
export interface ScanScope {
  /** `--org`: the organisation id; otherwise the accounts (`--accounts`, the role's, or the caller's). */
  organizationId?: string;
  accounts: readonly string[];
  /** The regions given, or `all` for `--all-regions`. */
  regions: readonly string[] | 'all';
  /** The operations collected (`--rule` narrows them), or `all`. */
  operations: readonly string[] | 'all';
  count: number;
}

/**
 * The scan id: the first 16 hex digits of the SHA-256 of the scope, every list sorted, so that
 * shards started on different machines with the same options agree. It names the scope, not the
 * moment: shards of the same options run on different days share it (their inventories carry
 * `collectedAt`).
 */
export function scanIdOf(scope: ScanScope): string {
  const sorted = (list: readonly string[] | 'all') => (list === 'all' ? 'all' : [...new Set(list)].sort());
  const canonical = {
    v: 1,
    ...(scope.organizationId !== undefined ? { organization: scope.organizationId } : { accounts: sorted(scope.accounts) }),
    regions: sorted(scope.regions),
    operations: sorted(scope.operations),
    count: scope.count,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
}
