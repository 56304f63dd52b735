import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { runRules } from '../../src/engine/run-rules.js';
import { buildReport } from '../../src/engine/scan-report.js';
import { loadInventory } from '../../src/cli/files.js';
import { packageRoot } from '../../src/package-info.js';
import type { ScanReport } from '../../src/model/report.js';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { batched } from '../../src/cli/outputs.js';
import { commandLine } from '../../src/engine/shell.js';
import type { Remediation } from '../../src/model/result.js';

const demo = () => loadInventory(join(packageRoot(), 'fixtures', 'demo', 'inventory.json'));

/** `JSON.stringify(report, null, 2)` of the contract: each fix with its command lines (the steps, rendered) after its summary. */
function contractJson(report: ScanReport): string {
  const withCommands = (remediation: Remediation) => {
    const { summary, ...rest } = remediation;
    return { summary, commands: (remediation.steps ?? []).map(commandLine), ...rest };
  };
  return JSON.stringify(report, (key, value: unknown) => (key === 'remediation' && typeof value === 'object' && value !== null && 'steps' in value ? withCommands(value as Remediation) : value), 2) + '\n';
}

describe('renderJson', () => {
  it('writes exactly JSON.stringify(report, null, 2), one finding a piece', async () => {
    const inventory = await demo();
    const report = buildReport({ inventory, results: runRules(inventory, { rules }), rules, source: 'inventory', startedAt: new Date(0), finishedAt: new Date(1) });
    const pieces = [...renderJsonChunks(report)];
    expect(pieces.join('')).toBe(contractJson(report));
    expect(renderJson(report)).toBe(contractJson(report));
    expect(pieces.filter((piece) => piece.includes('"ruleId"'))).toHaveLength(report.findings.length);
    expect([...batched(pieces, 10_000)].join('')).toBe(pieces.join(''));
    // Every fix has its command lines, where the contract always had them: after the summary.
    const written = (JSON.parse(pieces.join('')) as ScanReport).findings.filter((f) => f.status === 'fail');
    expect(written.length).toBeGreaterThan(10);
    for (const finding of written) {
      expect(Object.keys(finding.remediation!).slice(0, 3)).toEqual(['summary', 'commands', 'steps']);
      expect(finding.remediation!.commands).toEqual(finding.remediation!.steps!.map(commandLine));
    }
    expect(written.some((f) => f.remediation!.commands!.length > 0)).toBe(true);
  });

  it('writes the resilience model an entry point, data store and outcome a piece', async () => {
    // A 2,000-account organisation's model is longer than the longest string V8 can hold: no piece may hold all of it.
    const report = evaluate({ inventory: await demo(), rules, source: 'inventory', startedAt: new Date(0), finishedAt: new Date(1), withResilience: true });
    const resilience = report.resilience!;
    expect(resilience.outcomes.length).toBeGreaterThan(50);
    const pieces = [...renderJsonChunks(report)];
    expect(pieces.join('')).toBe(contractJson(report));
    const longestItem = Math.max(...[...report.findings, ...resilience.entryPoints, ...resilience.dataStores, ...resilience.outcomes].map((item) => JSON.stringify(item, null, 2).length));
    // The longest piece is one item, or the rule catalogue (which does not grow with the organisation), indented.
    const catalogue = JSON.stringify(report.rules, null, 2).length;
    const longestPiece = Math.max(...pieces.map((piece) => piece.length));
    expect(longestPiece).toBeLessThan(Math.max(longestItem, catalogue) * 1.5);
    expect(pieces.filter((piece) => piece.length > longestItem * 1.5)).toHaveLength(1);
    expect(pieces.length).toBeGreaterThan(report.findings.length + resilience.entryPoints.length + resilience.dataStores.length + resilience.outcomes.length);
  });

  it('writes an empty findings list as []', async () => {
    const inventory = await demo();
    const report = buildReport({ inventory, results: [], rules, source: 'inventory', startedAt: new Date(0), finishedAt: new Date(1) });
    expect(renderJson(report)).toBe(JSON.stringify(report, null, 2) + '\n');
  });

  it('leaves out what JSON leaves out, on the way to the long arrays too', () => {
    const report = { schemaVersion: '1', skipped: undefined, findings: [{ a: 1, b: undefined }], resilience: { note: undefined, outcomes: [], entryPoints: [{ id: 'x' }] } } as unknown as ScanReport;
    expect(renderJson(report)).toBe(JSON.stringify(report, null, 2) + '\n');
  });
});
