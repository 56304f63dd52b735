import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run-rules.js';
import { buildReport } from '../../src/engine/scan-report.js';
import { loadInventory } from '../../src/cli/files.js';
import { packageRoot } from '../../src/package-info.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { batched } from '../../src/cli/outputs.js';

describe('renderJson', () => {
  it('writes exactly JSON.stringify(report, null, 2), one finding a piece', async () => {
    const inventory = await loadInventory(join(packageRoot(), 'fixtures', 'demo', 'inventory.json'));
    const report = buildReport({ inventory, results: runRules(inventory, { rules }), rules, source: 'inventory', startedAt: new Date(0), finishedAt: new Date(1) });
    const pieces = [...renderJsonChunks(report)];
    expect(pieces.length).toBe(report.findings.length + 2);
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2) + '\n');
    expect(renderJson(report)).toBe(JSON.stringify(report, null, 2) + '\n');
    expect([...batched(pieces, 10_000)].join('')).toBe(pieces.join(''));
  });

  it('writes an empty findings list as []', async () => {
    const inventory = await loadInventory(join(packageRoot(), 'fixtures', 'demo', 'inventory.json'));
    const report = buildReport({ inventory, results: [], rules, source: 'inventory', startedAt: new Date(0), finishedAt: new Date(1) });
    expect(renderJson(report)).toBe(JSON.stringify(report, null, 2) + '\n');
  });
});
