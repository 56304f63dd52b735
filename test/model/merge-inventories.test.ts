import { describe, expect, it } from 'vitest';
import { HaAuditError } from '../../src/model/errors.js';
import { emptyRegionInventory, emptyRoute53Inventory, INVENTORY_FORMAT, type Inventory } from '../../src/model/inventory.js';
import { mergeInventories, type InventoryFile } from '../../src/model/merge-inventories.js';
import { scanIdOf, shareOf } from '../../src/model/shard.js';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const COUNT = 2;
const scope = ACCOUNTS.map((accountId) => ({ accountId, regions: REGIONS }));
const scanId = scanIdOf({ accounts: ACCOUNTS, regions: REGIONS, operations: 'all', count: COUNT });

/** Shard `index` of the scan above, as a collection would save it: its share, each region marked by a subnet. */
function shard(index: number, overrides: Partial<NonNullable<Inventory['shard']>> = {}): Inventory {
  const owns = shareOf(scope, { index, count: COUNT });
  return {
    format: INVENTORY_FORMAT,
    formatVersion: 2,
    collectedAt: `2026-12-0${index}T00:00:00.000Z`,
    accounts: owns.map(({ accountId, regions }) => ({
      accountId,
      route53: regions.includes('global') ? { hostedZones: [], healthChecks: [{ id: `hc-${accountId}`, type: 'HTTPS' } as never] } : emptyRoute53Inventory(),
      regions: regions
        .filter((r) => r !== 'global')
        .map((region) => ({ ...emptyRegionInventory(region), ec2: { instances: [], subnets: [{ id: `subnet-${accountId}-${region}`, zoneName: `${region}a` } as never] } })),
    })),
    gaps: [],
    shard: { scanId, index, count: COUNT, scope, owns, ...overrides },
  };
}

const files = (...inventories: Inventory[]): InventoryFile[] => inventories.map((inventory, i) => ({ file: `shard-${i + 1}.json`, inventory }));

describe('mergeInventories', () => {
  it('puts the shards back together pair by pair: every account, its regions in the order of the scan, Route 53 from its owner', () => {
    const merged = mergeInventories(files(shard(2), shard(1)));
    expect(merged.shard).toBeUndefined();
    expect(merged.gaps).toEqual([]);
    expect(merged.collectedAt).toBe('2026-12-02T00:00:00.000Z');
    expect(merged.accounts.map((a) => a.accountId)).toEqual(ACCOUNTS);
    for (const account of merged.accounts) {
      expect(account.regions.map((r) => r.region)).toEqual(REGIONS);
      expect(account.regions.map((r) => r.ec2.subnets[0]!.id)).toEqual(REGIONS.map((r) => `subnet-${account.accountId}-${r}`));
      expect(account.route53.healthChecks.map((h) => h.id)).toEqual([`hc-${account.accountId}`]);
    }
  });

  it('a missing shard: its pairs become MissingShard gaps for every operation there (empty regions, so rules error), naming the shard', () => {
    const merged = mergeInventories(files(shard(1)));
    const missing = shareOf(scope, { index: 2, count: COUNT }).flatMap((a) => a.regions.map((r) => `${a.accountId}|${r}`));
    expect(new Set(merged.gaps.map((g) => `${g.accountId}|${g.region}`))).toEqual(new Set(missing));
    expect(merged.gaps.every((g) => g.code === 'MissingShard' && g.class === 'missing-shard' && g.message.includes(`shard 2/2 of scan ${scanId}`))).toBe(true);
    const globalGaps = merged.gaps.filter((g) => g.region === 'global');
    expect(new Set(globalGaps.map((g) => g.service))).toEqual(new Set(globalGaps.length > 0 ? ['route53'] : []));
    for (const account of merged.accounts) expect(account.regions.map((r) => r.region)).toEqual(REGIONS);
  });

  it('an account a shard did not plan (it joined the organisation later) is a gap, not a silent absence', () => {
    const late = { accountId: '444444444444', regions: REGIONS };
    const first = shard(1);
    const second = shard(2, { scope: [...scope, late], owns: shareOf([...scope, late], { index: 2, count: COUNT }) });
    const merged = mergeInventories(files(first, second));
    const lateGaps = new Set(merged.gaps.filter((g) => g.accountId === late.accountId).map((g) => g.region));
    // Shard 2 owns some of its pairs but had no such account when shard 1 ran: every pair shard 1 should have held is missing.
    const ownedByFirst = shareOf([late], { index: 1, count: COUNT }).flatMap((a) => a.regions);
    expect(ownedByFirst.length).toBeGreaterThan(0);
    expect(lateGaps).toEqual(new Set(ownedByFirst));
  });

  it('drops the copies of a gap every shard recorded (an account no shard could enter)', () => {
    const gap = { accountId: ACCOUNTS[0]!, region: 'global', service: 'sts', operation: 'AssumeRole', code: 'AccessDenied', message: 'no', class: 'denied' as const };
    const merged = mergeInventories(files({ ...shard(1), gaps: [gap] }, { ...shard(2), gaps: [gap] }));
    expect(merged.gaps).toEqual([gap]);
  });

  it.each<[string, () => Inventory[], RegExp]>([
    ['shards of different scans', () => [shard(1), shard(2, { scanId: '0123456789abcdef' })], /is shard 2\/2 of scan 0123456789abcdef, not of scan/],
    ['shards of different counts', () => [shard(1), shard(2, { count: 3 })], /is shard 2\/3 of scan/],
    ['the same shard twice', () => [shard(1), shard(1)], /are both shard 1\/2 of scan/],
    ['overlapping shares', () => [shard(1), shard(2, { owns: scope.map((a) => ({ accountId: a.accountId, regions: ['global'] })) })], /both hold account \d{12} in global/],
  ])('refuses %s (exit 2)', (_name, make, message) => {
    const attempt = () => mergeInventories(files(...make()));
    expect(attempt).toThrow(HaAuditError);
    expect(attempt).toThrow(message);
  });

  it('inventories that are not shards: their accounts side by side, each once; a shard among them is refused', () => {
    const plain = (accountId: string): Inventory => ({ format: INVENTORY_FORMAT, formatVersion: 2, collectedAt: '2026-12-01T00:00:00.000Z', accounts: [{ accountId, route53: emptyRoute53Inventory(), regions: [] }], gaps: [] });
    expect(mergeInventories(files(plain(ACCOUNTS[0]!), plain(ACCOUNTS[1]!))).accounts.map((a) => a.accountId)).toEqual(ACCOUNTS.slice(0, 2));
    expect(() => mergeInventories(files(plain(ACCOUNTS[0]!), plain(ACCOUNTS[0]!)))).toThrow(/account 111111111111 is already in inventory shard-1.json/);
    expect(() => mergeInventories(files(plain(ACCOUNTS[0]!), shard(1)))).toThrow(/is not a shard/);
  });
});
