import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HaAuditError } from '../../src/model/errors.js';
import { emptyRegionInventory, emptyRoute53Inventory } from '../../src/model/inventory.js';
import { parseInventory, serializeInventory, serializeInventoryPieces } from '../../src/model/inventory-file.js';
import { loadInventory } from '../../src/cli/files.js';

const demo = readFileSync('fixtures/demo/inventory.json', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ha-audit-inventory-'));

async function failure(promise: Promise<unknown>): Promise<HaAuditError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HaAuditError);
  return error as HaAuditError;
}

function mutated(change: (inventory: Record<string, any>) => void): string {
  const inventory = JSON.parse(demo) as Record<string, any>;
  change(inventory);
  return JSON.stringify(inventory);
}

describe('loadInventory', () => {
  it('reads a valid inventory', async () => {
    const inventory = await loadInventory('fixtures/demo/inventory.json');
    expect(inventory.accounts[0]!.accountId).toBe('123456789012');
  });

  it('names the file and the reason when it cannot be read', async () => {
    expect((await failure(loadInventory(join(dir, 'missing.json')))).message).toBe(`cannot read inventory ${join(dir, 'missing.json')}: no such file`);
    expect((await failure(loadInventory(dir))).message).toBe(`cannot read inventory ${dir}: it is a directory`);
  });

  it('rejects text that is not JSON', async () => {
    const file = join(dir, 'truncated.json');
    writeFileSync(file, demo.slice(0, 200));
    const error = await failure(loadInventory(file));
    expect(error.code).toBe('inventory-invalid');
    expect(error.message).toMatch(new RegExp(`^inventory ${file} is not valid JSON: `));
  });
});

describe('parseInventory', () => {
  it.each([
    ['a missing required field', (i: any) => delete i.accounts[0].regions[0].elbv2.loadBalancers[0].arn, /invalid at \/accounts\/0\/regions\/0\/elbv2\/loadBalancers\/0: must have required property 'arn'/],
    ['a wrong type', (i: any) => (i.accounts[0].regions[0].autoscaling.groups[0].minSize = '2'), /invalid at \/accounts\/0\/regions\/0\/autoscaling\/groups\/0\/minSize: must be integer/],
    ['an unknown field', (i: any) => (i.accounts[0].regions[0].elbv2.loadBalancer = []), /invalid at \/accounts\/0\/regions\/0\/elbv2: unexpected property "loadBalancer"/],
    ['a bad account id', (i: any) => (i.accounts[0].accountId = '1234'), /invalid at \/accounts\/0\/accountId: must match pattern/],
    ['an unknown load balancer type', (i: any) => (i.accounts[0].regions[0].elbv2.loadBalancers[0].type = 'classic'), /loadBalancers\/0\/type: must be one of "application", "network", "gateway"$/],
    ['a later format version', (i: any) => (i.formatVersion = 3), /has format version 3; this ha-audit reads versions 1 and 2$/],
    ['not an object', (i: any) => Object.keys(i).forEach((k) => delete i[k]), /invalid at \(top level\): must have required property 'format'/],
  ])('rejects %s, saying where', async (_, change, message) => {
    expect((await failure(parseInventory(mutated(change), 'inv.json'))).message).toMatch(message);
  });

  it('fills in what a lean file leaves out: empty services, lists and maps', async () => {
    const lean = {
      format: 'ha-audit-inventory',
      formatVersion: 2,
      collectedAt: '2026-01-05T10:00:00.000Z',
      accounts: [{ accountId: '111122223333', regions: [{ region: 'us-east-1', elbv2: { loadBalancers: [{ arn: 'arn:lb', name: 'web', type: 'application', dnsName: 'web.example', scheme: 'internal' }] } }] }],
    };
    const region = emptyRegionInventory('us-east-1');
    region.elbv2.loadBalancers.push({ arn: 'arn:lb', name: 'web', type: 'application', dnsName: 'web.example', scheme: 'internal', availabilityZones: [], attributes: {}, listeners: [], tags: {} });
    await expect(parseInventory(JSON.stringify(lean), 'lean.json')).resolves.toEqual({
      ...lean,
      accounts: [{ accountId: '111122223333', route53: emptyRoute53Inventory(), regions: [region] }],
      gaps: [],
    });
  });

  it('reads a file of format 1 (everything written out), as ha-audit 1.0 saved it', async () => {
    const v1 = await loadInventory('test/fixtures/inventory-v1-demo.json');
    expect(v1.formatVersion).toBe(1);
    // The same inventory as its lean format-2 form (the demo it was saved from has grown since).
    const lean = JSON.parse(await serializeInventory(v1)) as { formatVersion: number };
    expect(lean.formatVersion).toBe(2);
    expect(v1).toEqual({ ...(await parseInventory(JSON.stringify(lean), 'lean.json')), formatVersion: 1 });
    expect(v1.accounts[0]!.route53.hostedZones.length).toBeGreaterThan(0);
  });

  it('recognises a report given in place of an inventory', async () => {
    const error = await failure(parseInventory(JSON.stringify({ schemaVersion: 1, findings: [] }), 'report.json'));
    expect(error.message).toBe('report.json is an ha-audit report, not an inventory');
    expect(error.hint).toMatch(/--save-inventory/);
  });
});

describe('serializeInventory', () => {
  it('writes format 2, lean, and reads back to the same inventory', async () => {
    const inventory = await loadInventory('test/fixtures/inventory-v1-demo.json');
    inventory.accounts[0]!.regions.push(emptyRegionInventory('ap-south-1'));
    const text = await serializeInventory(inventory);
    const written = JSON.parse(text) as Record<string, any>;
    expect(written.formatVersion).toBe(2);
    expect(written.accounts[0].regions.at(-1)).toEqual({ region: 'ap-south-1' });
    expect(text).not.toMatch(/\[\]|\{\}/);
    expect(await parseInventory(text, 'saved.json')).toEqual({ ...inventory, formatVersion: 2 });
  });

  it('is written an account a piece: an organisation can be longer than the longest string', async () => {
    const inventory = await loadInventory('test/fixtures/inventory-v1-demo.json');
    const other = structuredClone(inventory.accounts[0]!);
    inventory.accounts.push({ ...other, accountId: '210987654321' });
    const pieces = [...(await serializeInventoryPieces(inventory))];
    const text = pieces.join('');
    expect(text).toBe(await serializeInventory(inventory));
    expect(text).toBe(`${JSON.stringify({ ...JSON.parse(text), formatVersion: 2 }, null, 2)}\n`);
    expect(pieces.filter((piece) => piece.includes('"accountId"'))).toHaveLength(2);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(text.length / 1.9);
  });
});

describe('account names and skipped accounts (added later)', () => {
  const base = { format: 'ha-audit-inventory' as const, formatVersion: 2 as const, collectedAt: '2026-12-06T10:00:00.000Z' };

  it('round-trip through --save-inventory, an empty list of skipped accounts included (it says none was)', async () => {
    const inventory = {
      ...base,
      accounts: [{ accountId: '111111111111', name: 'prod', route53: emptyRoute53Inventory(), regions: [emptyRegionInventory('us-east-1')] }],
      gaps: [],
      skippedAccounts: [],
    };
    const read = await parseInventory(await serializeInventory(inventory), 'saved.json');
    expect(read.accounts[0]!.name).toBe('prod');
    expect(read.skippedAccounts).toEqual([]);
  });

  it('an inventory without them (saved before) loads, with neither filled in', async () => {
    const read = await parseInventory(JSON.stringify({ ...base, accounts: [{ accountId: '111111111111' }] }), 'old.json');
    expect(read.accounts[0]!.name).toBeUndefined();
    expect(read.skippedAccounts).toBeUndefined();
  });

  it('a skipped account must say its state', async () => {
    const error = await failure(parseInventory(JSON.stringify({ ...base, accounts: [], skippedAccounts: [{ accountId: '222222222222' }] }), 'bad.json'));
    expect(error.message).toContain('skippedAccounts');
  });
});
