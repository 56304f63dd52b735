import { describe, expect, it } from 'vitest';
import { assertDistinctAccounts, checkInventoryContents } from '../../src/model/inventory-checks.js';
import { emptyRegionInventory, emptyRoute53Inventory, type Inventory } from '../../src/model/inventory.js';

const account = (accountId: string, regions = ['us-east-1']) => ({ accountId, route53: emptyRoute53Inventory(), regions: regions.map(emptyRegionInventory) });
const inventory = (...accounts: ReturnType<typeof account>[]): Inventory => ({ format: 'ha-audit-inventory', formatVersion: 2, collectedAt: '2026-11-20T09:00:00.000Z', accounts, gaps: [] }) as Inventory;

describe('checkInventoryContents', () => {
  it('accepts accounts and regions each once', () => {
    expect(() => checkInventoryContents(inventory(account('111111111111', ['us-east-1', 'eu-west-1']), account('222222222222')), 'a.json')).not.toThrow();
  });

  it('accepts a shard that owns no pair of its scan (more shards than pairs): it holds no account', () => {
    const shard = { scanId: '0123456789abcdef', index: 4, count: 4, scope: [{ accountId: '111111111111', regions: ['us-east-1'] }], owns: [] };
    expect(() => checkInventoryContents({ ...inventory(), shard }, 'shard-4.json')).not.toThrow();
  });

  it.each([
    ['no account', inventory(), 'inventory a.json is invalid at /accounts: it holds no account'],
    ['an account twice', inventory(account('111111111111'), account('222222222222'), account('111111111111')), 'inventory a.json is invalid at /accounts/2: account 111111111111 is already at /accounts/0'],
    ['a region twice', inventory(account('111111111111', ['us-east-1', 'eu-west-1', 'us-east-1'])), 'inventory a.json is invalid at /accounts/0/regions/2: region us-east-1 is already at /accounts/0/regions/0'],
  ])('refuses %s, with the path of the problem', (_, value, message) => {
    expect(() => checkInventoryContents(value, 'a.json')).toThrow(expect.objectContaining({ code: 'inventory-invalid', message }));
  });
});

describe('assertDistinctAccounts', () => {
  it('finds an account repeated across the files read together (shards)', () => {
    const places = [
      { file: 'shard-1.json', index: 0, accountId: '111111111111' },
      { file: 'shard-2.json', index: 0, accountId: '222222222222' },
      { file: 'shard-2.json', index: 1, accountId: '111111111111' },
    ];
    expect(() => assertDistinctAccounts(places)).toThrow('inventory shard-2.json is invalid at /accounts/1: account 111111111111 is already in inventory shard-1.json at /accounts/0');
    expect(() => assertDistinctAccounts(places.slice(0, 2))).not.toThrow();
  });

  it('says so when one file is given twice, rather than pointing the file at itself', () => {
    const place = { file: 'a.json', index: 0, accountId: '111111111111' };
    expect(() => assertDistinctAccounts([place, { ...place }])).toThrow(/^inventory a\.json is given twice$/);
  });
});
