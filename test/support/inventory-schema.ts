import { expect } from 'vitest';
import { parseInventory } from '../../src/model/inventory-file.js';
import { emptyRegionInventory, emptyRoute53Inventory, INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION, type Inventory, type RegionInventory } from '../../src/model/inventory.js';
import { ACCOUNT_ID, REGION } from './aws-responses.js';

/**
 * What a collector gave, in an otherwise empty inventory, must pass `schema/inventory.schema.json`
 * (strict) through the loader `--inventory` uses, and come back unchanged: no `undefined`, no
 * stray field.
 */
export async function expectSchemaValid(part: Partial<RegionInventory>): Promise<void> {
  const inventory: Inventory = {
    format: INVENTORY_FORMAT,
    formatVersion: INVENTORY_FORMAT_VERSION,
    collectedAt: '2026-01-05T10:00:00.000Z',
    accounts: [{ accountId: ACCOUNT_ID, route53: emptyRoute53Inventory(), regions: [{ ...emptyRegionInventory(REGION), ...part }] }],
    gaps: [],
  };
  await expect(parseInventory(JSON.stringify(inventory), 'collected.json')).resolves.toEqual(inventory);
}
