import { describe, expect, it } from 'vitest';
import { scanIdOf, shardOf, shareOf, type ScanScope } from '../../src/model/shard.js';

const accounts = Array.from({ length: 200 }, (_, i) => String(100000000000 + i * 7919));
const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const pairs = accounts.flatMap((a) => ['global', ...regions].map((r) => [a, r] as const));

describe('shardOf: jump consistent hashing of account|region', () => {
  it('gives a shard from 1 to N, the same every time', () => {
    for (const [a, r] of pairs.slice(0, 50)) {
      const shard = shardOf(a, r, 7);
      expect(shard).toBeGreaterThanOrEqual(1);
      expect(shard).toBeLessThanOrEqual(7);
      expect(shardOf(a, r, 7)).toBe(shard);
    }
    expect(pairs.every(([a, r]) => shardOf(a, r, 1) === 1)).toBe(true);
  });

  it('is balanced: 800 pairs in 4 shards, each within 15% of the mean', () => {
    const counts = [0, 0, 0, 0];
    for (const [a, r] of pairs) counts[shardOf(a, r, 4) - 1]! += 1;
    for (const count of counts) expect(Math.abs(count - pairs.length / 4)).toBeLessThan(0.15 * (pairs.length / 4));
  });

  it('an account joining or leaving moves no other pair; one more shard moves about 1/N of them, only to the new shard', () => {
    const before = shareOf(accounts.map((accountId) => ({ accountId, regions })), { index: 2, count: 4 });
    const without = shareOf(accounts.slice(1).map((accountId) => ({ accountId, regions })), { index: 2, count: 4 });
    expect(without).toEqual(before.filter((a) => a.accountId !== accounts[0]));
    const moved = pairs.filter(([a, r]) => shardOf(a, r, 5) !== shardOf(a, r, 4));
    expect(moved.every(([a, r]) => shardOf(a, r, 5) === 5)).toBe(true);
    expect(moved.length).toBeGreaterThan(pairs.length / 5 - pairs.length / 20);
    expect(moved.length).toBeLessThan(pairs.length / 5 + pairs.length / 20);
  });

  it('shareOf lists the regions (and global) a shard owns per account, and the shares partition the scope', () => {
    const scope = accounts.slice(0, 20).map((accountId) => ({ accountId, regions }));
    const shares = [1, 2, 3].map((index) => shareOf(scope, { index, count: 3 }));
    const all = shares.flat().flatMap((a) => a.regions.map((r) => `${a.accountId}|${r}`));
    expect(all.sort()).toEqual(scope.flatMap((a) => ['global', ...regions].map((r) => `${a.accountId}|${r}`)).sort());
    expect(shares.flat().every((a) => a.regions.length > 0)).toBe(true);
  });
});

describe('scanIdOf', () => {
  const scope: ScanScope = { accounts: ['222222222222', '111111111111'], regions: ['eu-west-1', 'us-east-1'], operations: 'all', count: 4 };

  it('is 16 hex digits, the same whatever the order of the lists', () => {
    const id = scanIdOf(scope);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(scanIdOf({ ...scope, accounts: ['111111111111', '222222222222', '111111111111'], regions: ['us-east-1', 'eu-west-1'] })).toBe(id);
  });

  it('changes with the accounts, the regions, the operations and the count; an organisation id stands for its accounts', () => {
    const id = scanIdOf(scope);
    const others = [
      { ...scope, accounts: ['111111111111'] },
      { ...scope, regions: 'all' as const },
      { ...scope, operations: ['elbv2:DescribeLoadBalancers'] },
      { ...scope, count: 5 },
    ];
    for (const other of others) expect(scanIdOf(other)).not.toBe(id);
    expect(scanIdOf({ ...scope, organizationId: 'o-abc123' })).toBe(scanIdOf({ ...scope, accounts: ['333333333333'], organizationId: 'o-abc123' }));
  });
});
