import { HaAuditError } from './errors.js';
import type { Inventory } from './inventory.js';

/*
 * What the schema cannot say about an inventory: it holds an account, and no account or region
 * twice (each would double every result and SARIF fingerprint of it).
 */

/** Where an account stands in the files read: shards read together must not repeat one. */
export interface AccountPlace {
  file: string;
  /** Its index in the file's `accounts`. */
  index: number;
  accountId: string;
}

const HINT = 'inventories are written by `ha-audit scan --save-inventory`; see schema/inventory.schema.json';

/** Checks one inventory file; every problem is a `HaAuditError` with the path of the problem. */
export function checkInventoryContents(inventory: Inventory, file: string): void {
  // A shard may own no pair of the scan (more shards than pairs): it holds no account.
  if (inventory.accounts.length === 0 && !inventory.shard) throw new HaAuditError('inventory-invalid', `inventory ${file} is invalid at /accounts: it holds no account`, 'scan again: an inventory holds at least one account');
  assertDistinctAccounts(inventory.accounts.map((account, index) => ({ file, index, accountId: account.accountId })));
  inventory.accounts.forEach((account, a) => {
    const first = new Map<string, number>();
    account.regions.forEach((region, r) => {
      const earlier = first.get(region.region);
      if (earlier !== undefined) {
        throw new HaAuditError('inventory-invalid', `inventory ${file} is invalid at /accounts/${a}/regions/${r}: region ${region.region} is already at /accounts/${a}/regions/${earlier}`, HINT);
      }
      first.set(region.region, r);
    });
  });
}

/**
 * Refuses an account found twice, in one file or across the files read together (shards):
 * the error names both places.
 */
export function assertDistinctAccounts(places: readonly AccountPlace[]): void {
  const first = new Map<string, AccountPlace>();
  for (const place of places) {
    const earlier = first.get(place.accountId);
    // The same place twice: the same file was read twice.
    if (earlier?.file === place.file && earlier.index === place.index) {
      throw new HaAuditError('inventory-invalid', `inventory ${place.file} is given twice`, 'give each inventory (each shard) once');
    }
    if (earlier) {
      const where = earlier.file === place.file ? `at /accounts/${earlier.index}` : `in inventory ${earlier.file} at /accounts/${earlier.index}`;
      throw new HaAuditError('inventory-invalid', `inventory ${place.file} is invalid at /accounts/${place.index}: account ${place.accountId} is already ${where}`, 'each account must be in one inventory once; drop the copy');
    }
    first.set(place.accountId, place);
  }
}
