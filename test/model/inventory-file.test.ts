import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HaAuditError } from '../../src/model/errors.js';
import { parseInventory } from '../../src/model/inventory-file.js';
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
    ['an unknown load balancer type', (i: any) => (i.accounts[0].regions[0].elbv2.loadBalancers[0].type = 'classic'), /loadBalancers\/0\/type: must be equal to one of the allowed values/],
    ['another format version', (i: any) => (i.formatVersion = 2), /has format version 2; this ha-audit reads version 1/],
    ['not an object', (i: any) => Object.keys(i).forEach((k) => delete i[k]), /invalid at \(top level\): must have required property 'format'/],
  ])('rejects %s, saying where', async (_, change, message) => {
    expect((await failure(parseInventory(mutated(change), 'inv.json'))).message).toMatch(message);
  });

  it('recognises a report given in place of an inventory', async () => {
    const error = await failure(parseInventory(JSON.stringify({ schemaVersion: 1, findings: [] }), 'report.json'));
    expect(error.message).toBe('report.json is an ha-audit report, not an inventory');
    expect(error.hint).toMatch(/--save-inventory/);
  });
});
