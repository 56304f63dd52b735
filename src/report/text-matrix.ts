import type { ChalkInstance } from 'chalk';
import { NOT_JUDGED_REASONS, type Outcome, type Resilience, type Scenario, type ScenarioOutcome } from '../model/resilience.js';
import { capacityLeft, resilienceView, subjectOutcomes, type ScenarioColumn } from './resilience-view.js';

const ENTRY_POINTS = 'Entry point';
const OTHERS = 'Data store, application';

/** Terminal columns the matrix keeps within. */
export const MATRIX_WIDTH = 120;
const INDENT = '  ';
const GAP = '  ';
/** A name column narrower than this is hard to read: the scenarios split into blocks instead. */
const MIN_NAME = 24;
const MAX_NAME = 48;
/** `ap-southeast-1` fits; a longer label is cut. */
const MAX_LABEL = 14;

/** The symbol of a cell, by kind; `text` adds the capacity left. */
type CellKind = 'ok' | 'degraded' | 'down' | 'unknown' | 'not-judged' | 'none';

const STYLE: Record<CellKind, (c: ChalkInstance) => ChalkInstance> = {
  ok: (c) => c.green,
  degraded: (c) => c.yellow,
  down: (c) => c.red.bold,
  unknown: (c) => c.magenta,
  'not-judged': (c) => c.dim,
  none: (c) => c.dim,
};

/** One cell of the matrix: `✓`, `✓ 67%`, `◐ 33%`, `✗`, `?` (not collected), `–` (served outside the scan), `·` (not played). */
export function matrixCell(outcome: ScenarioOutcome | undefined): { kind: CellKind; text: string } {
  if (!outcome) return { kind: 'none', text: '·' };
  const left = capacityLeft(outcome);
  const kinds: Record<Outcome, CellKind> = { unaffected: 'ok', survives: 'ok', 'fails-over': 'ok', degraded: 'degraded', down: 'down', 'needs-action': 'down', unknown: 'unknown' };
  const kind = outcome.outcome === 'unknown' && NOT_JUDGED_REASONS.has(outcome.reasonId) ? 'not-judged' : kinds[outcome.outcome];
  switch (kind) {
    case 'ok':
      return { kind, text: left && outcome.outcome !== 'unaffected' ? `✓ ${left}` : '✓' };
    case 'degraded':
      return { kind, text: left ? `◐ ${left}` : '◐' };
    case 'down':
      return { kind, text: '✗' };
    case 'unknown':
      return { kind, text: '?' };
    default:
      return { kind, text: '–' };
  }
}

interface Row {
  name: string;
  cells: { kind: CellKind; text: string }[];
}

/**
 * The text report's scenario matrix: entry points down (worst first), then data stores and
 * applications, zones (by zone id: names differ per account) and regions across, each cell the
 * outcome and the capacity left. Within `width` columns: names are cut with `…`, and scenarios
 * that do not fit beside the names go to further blocks, each with its own header. Strings come
 * from a report already made visible (`visibleReport`).
 */
export function matrixLines(resilience: Resilience, c: ChalkInstance, width = MATRIX_WIDTH): string[] {
  const view = resilienceView(resilience);
  const lines = [c.bold(' ZONE AND REGION LOSS ') + c.dim(' what keeps serving when a zone or region fails')];
  for (const line of wrap(resilience.note.split(' '), ' ', width)) lines.push(c.dim(line));
  if (view.rows.length === 0) {
    for (const line of wrap('No entry point: no DNS record of the scan resolves to one of its load balancers, and no load balancer has a listener.'.split(' '), ' ', width)) lines.push(c.dim(line));
    return [...lines, ''];
  }
  const columns = view.columns;
  const rows: Row[] = view.rows.map((row) => ({ name: row.entryPoint.name, cells: row.cells.map(matrixCell) }));
  disambiguate(
    rows,
    view.rows.map((r) => r.entryPoint.kind === 'record-group' ? `${r.entryPoint.id.split('/').pop() ?? ''}${r.entryPoint.internal ? ' private' : ''}` : r.entryPoint.region),
  );
  const others = otherRows(resilience, columns);

  const labels = columns.map((col) => fit(columnLabel(col.scenario), MAX_LABEL));
  const all = [...rows, ...others];
  const widths = columns.map((_, i) => widest([labels[i]!, ...all.map((r) => r.cells[i]!.text)]));
  const natural = Math.min(MAX_NAME, widest([ENTRY_POINTS, ...(others.length > 0 ? [OTHERS] : []), ...all.map((r) => r.name)]));
  const spare = width - INDENT.length - widths.reduce((sum, w) => sum + GAP.length + w, 0);
  const nameWidth = spare >= natural ? natural : Math.max(Math.min(natural, MIN_NAME), Math.min(natural, spare));
  for (const block of blocks(widths, width - INDENT.length - nameWidth)) {
    const head = (title: string) => INDENT + c.bold(pad(fit(title, nameWidth), nameWidth)) + block.map((i, k) => GAP + c.bold(k === block.length - 1 ? labels[i]! : pad(labels[i]!, widths[i]!))).join('');
    // The last column unpadded: no trailing blanks.
    const cell = (row: Row, i: number, last: boolean) => GAP + STYLE[row.cells[i]!.kind](c)(last ? row.cells[i]!.text : pad(row.cells[i]!.text, widths[i]!));
    const line = (row: Row) => INDENT + pad(fit(row.name, nameWidth), nameWidth) + block.map((i, k) => cell(row, i, k === block.length - 1)).join('');
    lines.push(head(ENTRY_POINTS));
    for (const row of rows) lines.push(line(row));
    if (others.length > 0) {
      lines.push(head(OTHERS));
      for (const row of others) lines.push(line(row));
    }
    lines.push('');
  }

  const { count } = view;
  const unknown = (n: number) => (n > 0 ? `, ${n} unknown` : '');
  const summary = `${count.anyZone.yes} of ${count.entryPoints} entry points keep serving whichever zone fails${unknown(count.anyZone.unknown)}; ${count.region.yes} of ${count.entryPoints} when their region fails${unknown(count.region.unknown)}.`;
  lines.push(...wrap(summary.split(' '), ' ', width));
  const legend = [`✓ unaffected, or survives with the capacity left (at least ${Math.round(resilience.minCapacityShare * 100)}%)`, '◐ degraded', '✗ down or needs a person', '? not collected', '– served outside the scan, not judged', '· not played'];
  for (const line of wrap(legend, '   ', width)) lines.push(c.dim(line));
  const zones = columns.filter((col) => col.scenario.kind === 'zone').map((col) => `${columnLabel(col.scenario)}${zoneNames(col.scenario)}`);
  if (zones.length > 0) for (const line of wrap([`Zones:`, ...zones.map((z, i) => (i < zones.length - 1 ? `${z},` : `${z}.`))], ' ', width)) lines.push(c.dim(line));
  for (const line of wrap(['What one loss does, with the fixes:', 'ha-audit what-if --zone ID', 'or --region NAME.'], ' ', width)) lines.push(c.dim(line));
  lines.push('');
  return lines;
}

/** Data stores and applications, in the order of the report, with the same columns. */
function otherRows(resilience: Resilience, columns: readonly ScenarioColumn[]): Row[] {
  const index = new Map(columns.map((col, i) => [col.scenario.id, i]));
  const outcomesOf = subjectOutcomes(resilience);
  const rowOf = (outcomes: readonly ScenarioOutcome[], name: string): Row => {
    const row = new Array<ScenarioOutcome | undefined>(columns.length).fill(undefined);
    for (const outcome of outcomes) {
      const i = index.get(outcome.scenarioId);
      if (i !== undefined) row[i] = outcome;
    }
    return { name, cells: row.map(matrixCell) };
  };
  const stores = resilience.dataStores.map((d) => rowOf(outcomesOf('data-store', d.id), d.name));
  disambiguate(
    stores,
    resilience.dataStores.map((d) => d.region),
  );
  return [...stores, ...resilience.applications.map((a) => rowOf(outcomesOf('application', a.name), `app ${a.name}`))];
}

/** Names shown twice (`www` A and AAAA, a table of two regions) get what tells them apart. */
function disambiguate(rows: Row[], suffixes: readonly string[]): void {
  const seen = new Map<string, number>();
  for (const row of rows) seen.set(row.name, (seen.get(row.name) ?? 0) + 1);
  rows.forEach((row, i) => {
    if ((seen.get(row.name) ?? 0) > 1 && suffixes[i]) row.name = `${row.name} (${suffixes[i]})`;
  });
}

/** Items on indented lines of at most `width` columns (an item longer than a line is cut). */
function wrap(items: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const piece = fit(item, width - INDENT.length);
    if (line !== '' && displayWidth(INDENT + line + separator + piece) > width) {
      lines.push(INDENT + line);
      line = '';
    }
    line = line === '' ? piece : line + separator + piece;
  }
  if (line !== '') lines.push(INDENT + line);
  return lines;
}

/** Column indexes in blocks whose cells fit in `room` columns beside the names. */
function blocks(widths: readonly number[], room: number): number[][] {
  const result: number[][] = [];
  let current: number[] = [];
  let used = 0;
  widths.forEach((w, i) => {
    if (current.length > 0 && used + GAP.length + w > room) {
      result.push(current);
      current = [];
      used = 0;
    }
    current.push(i);
    used += GAP.length + w;
  });
  if (current.length > 0) result.push(current);
  return result;
}

/** A zone by its id (`use1-az1`), the same physical zone in every account; a region by its name. */
function columnLabel(scenario: Scenario): string {
  if (scenario.kind === 'region') return scenario.region;
  return scenario.zoneId ?? [...new Set((scenario.zoneNames ?? []).map((z) => z.zoneName))].join('/');
}

/** `= us-east-1a`, or every account's name for it. */
function zoneNames(scenario: Scenario): string {
  const names = [...new Set((scenario.zoneNames ?? []).map((z) => z.zoneName))];
  return scenario.zoneId && names.length > 0 ? ` = ${names.join('/')}` : '';
}

/**
 * Text cut to `max` terminal columns with `…`. Pieces of `visible` text (`\x1b`, `\u202e`) are
 * kept whole, so that a cut never turns an escape into something else.
 */
export function fit(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let shown = '';
  let used = 0;
  for (const piece of text.match(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\[nrt]|[\s\S]/gu) ?? []) {
    const w = displayWidth(piece);
    if (used + w > max - 1) break;
    shown += piece;
    used += w;
  }
  return `${shown}…`;
}

/** The widest of many texts (a loop: tens of thousands of rows overflow `Math.max(...)`). */
function widest(texts: readonly string[]): number {
  let most = 0;
  for (const text of texts) most = Math.max(most, displayWidth(text));
  return most;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Terminal columns of a text: East Asian wide characters and emoji take two, combining marks none. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (COMBINING.test(ch)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

const COMBINING = /\p{Mn}|\p{Me}/u;
/** Names from AWS are nearly always plain ASCII: one column a character, without a look at each. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
