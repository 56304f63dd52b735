import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { buildReport } from '../../src/engine/scan-report.js';
import { emptyRegionInventory, emptyRoute53Inventory, type Inventory } from '../../src/model/inventory.js';
import type { EntryPoint, Outcome, Resilience, Scenario, ScenarioOutcome } from '../../src/model/resilience.js';
import { displayWidth, fit, matrixCell, matrixLines } from '../../src/report/text-matrix.js';
import { renderText } from '../../src/report/text.js';
import { sampleResilience } from '../support/resilience-sample.js';

const ACCOUNT = '111122223333';
const plain = new Chalk({ level: 0 });
const ANSI = new RegExp(String.fromCharCode(27) + '\\[');

function outcomeOf(outcome: Outcome, before: number, after: number | null, reasonId = 'r'): Omit<ScenarioOutcome, 'id' | 'scenarioId' | 'subject'> {
  return { outcome, capacity: { before, after }, recoverySeconds: null, reasonId, reason: 'because' };
}

/** `entryPoints` load balancers × `zones` zones of us-east-1 and the region; outcomes cycle through every kind of cell. */
function bigResilience(entryPoints: number, zones: number, name = (i: number) => `entry-${i}.example.com`): Resilience {
  const scenarios: Scenario[] = [
    ...Array.from({ length: zones }, (_, z) => ({ id: `zone:us-east-1/use1-az${z + 1}`, kind: 'zone' as const, region: 'us-east-1', zoneId: `use1-az${z + 1}`, zoneNames: [{ accountId: ACCOUNT, zoneName: `us-east-1${String.fromCharCode(97 + z)}` }] })),
    { id: 'region:us-east-1', kind: 'region', region: 'us-east-1' },
  ];
  const kinds = [outcomeOf('unaffected', 3, 3), outcomeOf('survives', 3, 2), outcomeOf('degraded', 3, 1), outcomeOf('down', 3, 0), outcomeOf('unknown', 3, null), outcomeOf('unknown', 0, null, 'outsideScan'), outcomeOf('survives', 3, 3)];
  const entries: EntryPoint[] = Array.from({ length: entryPoints }, (_, i) => ({
    id: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/lb${i}/${i}`,
    kind: 'load-balancer',
    name: name(i),
    accountId: ACCOUNT,
    region: 'us-east-1',
    internal: false,
    capacity: 3,
    paths: [],
  }));
  const outcomes: ScenarioOutcome[] = entries.flatMap((e, i) => scenarios.map((s, j) => ({ subject: 'entry-point' as const, id: e.id, scenarioId: s.id, ...kinds[(i + j) % kinds.length]! })));
  return { minCapacityShare: 0.5, note: 'Estimates.', entryPoints: entries, scenarios, outcomes, dataStores: [], applications: [] };
}

function textOf(resilience: Resilience, color = false): string {
  const inventory: Inventory = { format: 'ha-audit-inventory', formatVersion: 1, collectedAt: '2026-11-20T09:00:00.000Z', accounts: [{ accountId: ACCOUNT, route53: emptyRoute53Inventory(), regions: [emptyRegionInventory('us-east-1')] }], gaps: [] };
  const report = buildReport({ inventory, results: [], rules, source: 'inventory', startedAt: new Date(), finishedAt: new Date() });
  report.resilience = resilience;
  return renderText(report, { color, failOn: 'low', exitCode: 0 });
}

/** The matrix rows of a name: its cells, split on the blanks between columns. */
function rowOf(lines: string[], name: string): string[][] {
  return lines.filter((l) => l.startsWith(`  ${name} `)).map((l) => l.slice(2 + name.length).trim().split(/ {2,}/));
}

describe('matrixCell', () => {
  it.each([
    ['unaffected', 3, 3, 'r', 'ok', '✓'],
    ['survives', 3, 2, 'r', 'ok', '✓ 67%'],
    ['fails-over', 3, 3, 'r', 'ok', '✓ 100%'],
    ['degraded', 3, 1, 'r', 'degraded', '◐ 33%'],
    ['down', 3, 0, 'r', 'down', '✗'],
    ['needs-action', 3, 0, 'r', 'down', '✗'],
    ['unknown', 3, null, 'r', 'unknown', '?'],
    ['unknown', 0, null, 'outsideScan', 'not-judged', '–'],
    ['unknown', 3, null, 'servedOutside', 'not-judged', '–'],
  ] as const)('%s (%i → %s, %s): %s %s', (outcome, before, after, reasonId, kind, text) => {
    expect(matrixCell({ subject: 'entry-point', id: 'x', scenarioId: 's', ...outcomeOf(outcome, before, after, reasonId) })).toEqual({ kind, text });
  });

  it('no outcome in a scenario: a dot', () => {
    expect(matrixCell(undefined)).toEqual({ kind: 'none', text: '·' });
  });
});

describe('the matrix in the text report', () => {
  it('follows the findings and comes before the summary; one row per entry point, one column per scenario', () => {
    const text = textOf(sampleResilience());
    const lines = text.split('\n');
    const header = lines.findIndex((l) => /^ {2}Entry point +use1-az1 +use1-az2 +us-east-1$/.test(l));
    expect(header).toBeGreaterThan(0);
    expect(header).toBeLessThan(lines.findIndex((l) => l.startsWith('Summary:')));
    expect(rowOf(lines, 'www.shop.example.com')).toHaveLength(1);
    expect(rowOf(lines, 'www.shop.example.com')[0]).toHaveLength(3);
    // Data stores and applications under the same columns, aligned with the entry points.
    expect(rowOf(lines, 'shop-db')[0]).toHaveLength(3);
    const column = (line: string) => line.indexOf('use1-az2');
    expect(column(lines.find((l) => l.startsWith('  Data store'))!)).toBe(column(lines[header]!));
  });

  it('without the model (a scan narrowed by --rule), no matrix', () => {
    const inventory: Inventory = { format: 'ha-audit-inventory', formatVersion: 1, collectedAt: '2026-11-20T09:00:00.000Z', accounts: [], gaps: [] };
    const report = buildReport({ inventory, results: [], rules, source: 'inventory', startedAt: new Date(), finishedAt: new Date() });
    const withModel = textOf(sampleResilience());
    const without = renderText(report, { color: false, failOn: 'low', exitCode: 0 });
    const marker = withModel.split('\n').find((l) => l.includes('use1-az1') && l.includes('Entry point'))!;
    expect(without).not.toContain(marker.trim());
  });

  it('50 entry points and 6 zones: every line within 120 columns, every row and column shown in one block', () => {
    const long = (i: number) => (i % 10 === 0 ? `very-long-name-${'x'.repeat(150)}-${i}.example.com` : `entry-${i}.example.com`);
    const lines = textOf(bigResilience(50, 6, long)).split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(120);
    const headers = lines.filter((l) => l.startsWith('  Entry point'));
    expect(headers).toHaveLength(1);
    expect(headers[0]!.trim().split(/ {2,}/)).toEqual(['Entry point', 'use1-az1', 'use1-az2', 'use1-az3', 'use1-az4', 'use1-az5', 'use1-az6', 'us-east-1']);
    for (let i = 1; i < 50; i++) if (i % 10 !== 0) expect(rowOf(lines, `entry-${i}.example.com`)[0], `row ${i}`).toHaveLength(7);
    // A long name is cut, visibly.
    const cut = lines.filter((l) => l.startsWith('  very-long-name-'));
    expect(cut).toHaveLength(5);
    for (const line of cut) expect(line).toContain('…');
  });

  it('too many scenarios for one width: blocks of columns, each with its header, every row in each, within the width', () => {
    const lines = matrixLines(bigResilience(5, 20), plain, 80);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    const headers = lines.filter((l) => l.startsWith('  Entry point'));
    expect(headers.length).toBeGreaterThan(1);
    const columns = headers.flatMap((h) => h.trim().split(/ {2,}/).slice(1));
    expect(columns.sort()).toEqual([...Array.from({ length: 20 }, (_, z) => `use1-az${z + 1}`), 'us-east-1'].sort());
    expect(rowOf(lines, 'entry-0.example.com')).toHaveLength(headers.length);
  });

  it('names from AWS are shown escaped, and a cut never splits an escape', () => {
    const hostile = (i: number) => (i === 0 ? `evil\u001b[2J\u202ename.example.com` : `x${'\u001b'.repeat(60)}`);
    const text = textOf(bigResilience(2, 2, hostile));
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('evil\\x1b[2J\\u202ename.example.com');
    const cut = text.split('\n').find((l) => l.startsWith('  x\\x1b'))!;
    expect(cut).toMatch(/^ {2}x(\\x1b)+…/);
  });

  it('colour only when asked (a terminal)', () => {
    expect(matrixLines(bigResilience(3, 2), new Chalk({ level: 1 })).join('\n')).toMatch(ANSI);
    expect(textOf(bigResilience(3, 2), false)).not.toMatch(ANSI);
  });

  it('names shown twice get what tells them apart', () => {
    const resilience = bigResilience(2, 1, () => 'same.example.com');
    resilience.entryPoints[1]!.region = 'eu-west-1';
    const lines = matrixLines(resilience, plain);
    expect(lines.some((l) => l.startsWith('  same.example.com (us-east-1)'))).toBe(true);
    expect(lines.some((l) => l.startsWith('  same.example.com (eu-west-1)'))).toBe(true);
  });
});

describe('fit and displayWidth', () => {
  it('wide characters take two columns; a cut keeps within the width', () => {
    expect(displayWidth('東京')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth(fit('東京東京東京', 5))).toBeLessThanOrEqual(5);
    expect(fit('short', 10)).toBe('short');
  });
});
