import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadInventory } from '../../src/cli/files.js';
import type { Result } from '../../src/model/result.js';
import { packageRoot } from '../../src/package-info.js';

// `npm run demo` scans this inventory: it must show every rule both failing and passing.
describe('the demo inventory (fixtures/demo/inventory.json)', () => {
  let results: Result[];

  beforeAll(async () => {
    const inventory = await loadInventory(join(packageRoot(), 'fixtures', 'demo', 'inventory.json'));
    results = runRules(inventory, { rules });
  });

  it('gives no error', () => {
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
  });

  it('covers one account in two regions', () => {
    expect(new Set(results.map((r) => r.resource.accountId))).toEqual(new Set(['123456789012']));
    // Route 53 is global: its results, and those about record groups users reach, carry the region `global`.
    expect(new Set(results.map((r) => r.resource.region))).toEqual(new Set(['us-east-1', 'eu-west-1', 'global']));
    expect(new Set(results.filter((r) => r.resource.region === 'global').map((r) => r.ruleId.split('-')[0]))).toEqual(new Set(['r53', 'app']));
  });

  it.each(rules.map((rule) => rule.id))('%s fails at least once and passes at least once', (id) => {
    const statuses = results.filter((r) => r.ruleId === id).map((r) => r.status);
    expect(statuses, `${id} fails somewhere`).toContain('fail');
    expect(statuses, `${id} passes somewhere`).toContain('pass');
  });
});
