import type { Gap } from '../model/inventory.js';
import type { ScanReport } from '../model/report.js';
import type { Result } from '../model/result.js';
import { iamAction } from '../model/operations.js';
import { SEVERITIES } from '../model/severity.js';
import { complianceSections, sectionVerdict } from './compliance.js';
import { errorFix, gapFix } from './gap-advice.js';
import type { History } from './history.js';
import { htmlText, mdCode, mdCodeBlock, mdRow, mdText } from './markdown-text.js';
import { overviewOf, percent, when } from './overview.js';
import { cellText, compareText } from './resilience-view.js';
import { countOf } from '../engine/plural.js';
import { pushAll } from '../collections.js';
import { resultCommands } from '../engine/shell.js';
import { accountRows, accountsHeadline, skippedReason } from './accounts.js';

/** GitHub's limit for a pull-request comment (a job summary may be longer: the comment is the stricter). */
export const GITHUB_MARKDOWN_LIMIT = 65_536;

export interface MarkdownOptions {
  history?: History;
  /** Characters at most; the default is GitHub's comment limit. */
  limit?: number;
}

/**
 * A part of the report: fixed text, or a table (or list) whose rows may be cut to fit the limit.
 * Rows are made on demand: a large scan has tens of thousands, of which a few hundred fit.
 */
export type Block = { text: string } | { head: string; rows: Rows; tail: string; what: string; priority: number };

interface Rows {
  count: number;
  row: (index: number) => string;
}

export function rowsOf<T>(items: readonly T[], render: (item: T) => string): Rows {
  return { count: items.length, row: (i) => render(items[i]!) };
}

/**
 * The report for a GitHub job summary (`$GITHUB_STEP_SUMMARY`) or a pull-request comment: a
 * summary, the failing results by severity with their first fix command, the scenario matrix,
 * the Well-Architected mapping, what was not evaluated, the trend, and the details folded. It
 * stays under GitHub's 65,536-character limit: long tables are cut, most important first, each
 * with a note saying how many rows are left out. AWS values are data: names are code spans and
 * prose is escaped, so neither markup nor links in a name render.
 */
export function renderMarkdown(report: ScanReport, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? GITHUB_MARKDOWN_LIMIT;
  const blocks: Block[] = [{ text: summary(report) }, ...failingTable(report), ...accountsTable(report), ...matrix(report), { text: compliance(report) }, ...notEvaluated(report)];
  if (options.history) blocks.push(...history(options.history));
  // Not spread: a large organisation's failing results are more than a call's arguments can hold.
  pushAll(blocks, details(report));
  return fit(blocks, limit);
}

function summary(report: ScanReport): string {
  const { scan } = report;
  const overview = overviewOf(report);
  const verdict = scan.gate ? `exit ${scan.gate.exitCode} (${scan.gate.exitCode === 0 ? 'passed' : scan.gate.exitCode === 1 ? 'failed' : 'incomplete audit'}) with --fail-on ${scan.gate.failOn}${scan.gate.failOnNewOnly ? ', new only' : ''}` : '';
  const rows: [string, string][] = [
    [scan.accounts.length === 1 ? 'Account' : 'Accounts', accountsCell(report)],
    [scan.regions.length === 1 ? 'Region' : 'Regions', mdText(scan.regions.join(', ') || 'none')],
    ['When', mdText(`${when(scan.startedAt)} to ${when(scan.finishedAt)}`)],
    ['Source', scan.source === 'live' ? 'live scan' : 'saved inventory'],
    ['Complete', scan.complete ? 'yes' : `**no**: ${scan.gaps.length} calls could not be made, ${report.summary.error} results not evaluated`],
  ];
  if (verdict) rows.push(['Gate', mdText(verdict)]);
  const failing = SEVERITIES.map((s) => `${s} ${overview.failing[s]}`).join(' · ');
  const lines = [
    `## ha-audit: ${overview.failed} failing · ${overview.passRate === null ? 'no result evaluated' : `${percent(overview.passRate)} pass rate`}${scan.complete ? '' : ' · incomplete'}`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => mdRow([k, v])),
    '',
    `**Failing:** ${failing}. **Passed:** ${overview.passed} of ${overview.passed + overview.failed + overview.suppressed} evaluated${overview.suppressed ? `; ${overview.suppressed} accepted (suppressed)` : ''}${overview.notEvaluated ? `; ${overview.notEvaluated} not evaluated` : ''}.`,
  ];
  const resilience = overview.resilience;
  if (resilience) lines.push('', `**Entry points that survive the loss of any one zone:** ${resilience.count.anyZone.yes} of ${resilience.count.entryPoints}; **of their region:** ${resilience.count.region.yes} of ${resilience.count.entryPoints}.`);
  if (overview.baseline) lines.push('', `**Since the baseline:** ${overview.baseline.new} new, ${overview.baseline.resolved} resolved, ${overview.baseline.existing} still failing.`);
  return lines.join('\n');
}

/** One account: its id and name; several: how many, and how many were not scanned (the table lists them). */
function accountsCell(report: ScanReport): string {
  const rows = accountRows(report);
  if (rows.length === 0) return 'none';
  if (rows.length > 1) return mdText(accountsHeadline(report));
  const [only] = rows;
  return `${mdCode(only!.accountId)}${only!.name !== undefined ? ` ${mdCode(only!.name)}` : ''}${only!.status === 'scanned' ? '' : ` (${mdText(only!.status)})`}`;
}

/** Every account of a scan of several, those not scanned first: never cut before the others. */
function accountsTable(report: ScanReport): Block[] {
  const rows = accountRows(report);
  if (rows.length <= 1) return [];
  const ordered = [...rows.filter((r) => r.status !== 'scanned'), ...rows.filter((r) => r.status === 'scanned')];
  const status = (row: (typeof rows)[number]) => (row.status === 'scanned' ? 'scanned' : row.status === 'skipped' ? `**skipped**: ${mdText(skippedReason(row.reason ?? ''))}` : `**not scanned**: ${mdText(row.reason ?? '')}`);
  return [
    {
      head: `### Accounts (${rows.length})

${mdRow(['Account', 'Name', 'Status'])}
|---|---|---|`,
      rows: rowsOf(ordered, (row) => mdRow([mdCode(row.accountId), row.name !== undefined ? mdCode(row.name) : '', status(row)])),
      tail: '',
      what: 'accounts',
      priority: 2,
    },
  ];
}

function failingTable(report: ScanReport): Block[] {
  const failing = report.findings.filter((r) => r.status === 'fail');
  if (failing.length === 0) return [{ text: '### Failing results\n\nNone.' }];
  const ordered = sortFindings(failing);
  return [
    {
      head: `### Failing results (${failing.length})\n\n${mdRow(['Severity', 'Rule', 'Resource', 'Message', 'First fix'])}\n|---|---|---|---|---|`,
      rows: rowsOf(ordered, (r) =>
        mdRow([
          r.severity + (r.baseline === 'new' ? ' **new**' : ''),
          mdCode(r.ruleId),
          `${mdCode(r.resource.name ?? r.resource.id)} ${mdText(r.resource.region)}`,
          mdText(r.message),
          fixCell(r),
        ]),
      ),
      tail: '',
      what: 'failing results',
      priority: 1,
    },
  ];
}

function matrix(report: ScanReport): Block[] {
  const view = overviewOf(report).resilience;
  if (!report.resilience || !view) return [];
  if (view.rows.length === 0) return [{ text: '### What a zone or region loss does\n\nNo entry point in the scan.' }];
  return [
    {
      head: [
        '### What a zone or region loss does',
        '',
        `${mdText(report.resilience.note)} ✓ unaffected or survives (capacity left), ◐ degraded, ✗ down, ? unknown.`,
        '',
        mdRow(['Entry point', ...view.columns.map((c) => mdText(c.scenario.kind === 'region' ? `all of ${c.label}` : c.label))]),
        `|---|${view.columns.map(() => ':---:').join('|')}|`,
      ].join('\n'),
      rows: rowsOf(view.rows, (row) => mdRow([mdCode(row.entryPoint.name), ...row.cells.map((cell) => (cell ? cellText(cell) : '·'))])),
      tail: '',
      what: 'entry points',
      priority: 2,
    },
  ];
}

function compliance(report: ScanReport): string {
  const sections = complianceSections(report);
  if (sections.length === 0) return '';
  const rows = sections.map(({ practice, counts }) => {
    const mark = { fail: '✗', error: '?', pass: '✓', none: '–' }[sectionVerdict(counts)];
    return mdRow([`${mark} [${mdText(practice.id)}](${practice.url}) ${mdText(practice.title)}`, String(counts.pass), String(counts.fail), String(counts.suppressed), String(counts.error)]);
  });
  return ['### AWS Well-Architected Reliability best practices', '', mdRow(['Best practice', 'Passed', 'Failed', 'Accepted', 'Not evaluated']), '|---|---:|---:|---:|---:|', ...rows].join('\n');
}

function notEvaluated(report: ScanReport): Block[] {
  const errors = report.findings.filter((r) => r.status === 'error');
  const gaps = report.scan.gaps;
  if (errors.length === 0 && gaps.length === 0) return [];
  return [
    {
      head: `### Not evaluated\n\nThese results are unknown, not passed.\n\n${mdRow(['What', 'Where', 'Why', 'What closes it'])}\n|---|---|---|---|`,
      rows: rowsOf<Gap | Result>([...gaps, ...errors], (item) =>
        'ruleId' in item
          ? mdRow([mdCode(item.ruleId), mdText(`${item.resource.accountId} ${item.resource.region}`), mdText(item.message), mdText(errorFix(item))])
          : mdRow([mdCode(iamAction(item.service, item.operation)), mdText(`${item.accountId} ${item.region}`), `${mdCode(item.code)} ${mdText(item.message)}`, mdText(gapFix(item))]),
      ),
      tail: '',
      what: 'rows',
      priority: 3,
    },
  ];
}

const SPARK = '▁▂▃▄▅▆▇█';

function history(history: History): Block[] {
  const { points } = history;
  // From the lowest value of the series to its highest: the shape of the trend, not its size.
  const spark = (values: number[]) => {
    const min = Math.min(...values);
    const range = Math.max(...values) - min;
    return values.map((v) => SPARK[range === 0 ? 0 : Math.round(((v - min) / range) * (SPARK.length - 1))]).join('');
  };
  const trend = SEVERITIES.map((s) => `${s} ${spark(points.map((p) => p.failing[s]))} ${points.at(-1)!.failing[s]}`).join(' · ');
  const blocks: Block[] = [
    {
      head: [
        '### History',
        '',
        `${countOf(points.length - 1, 'earlier report')} of the same scope in ${mdCode(history.dir, false)}. Failing results, oldest to newest: ${trend}.`,
        '',
        mdRow(['Finished', ...SEVERITIES, 'entry points surviving a zone loss']),
        `|---|${SEVERITIES.map(() => '---:').join('|')}|---:|`,
      ].join('\n'),
      rows: rowsOf([...points].reverse(), (p) => mdRow([mdText(when(p.finishedAt)) + (p.file === undefined ? ' (this report)' : ''), ...SEVERITIES.map((s) => String(p.failing[s])), p.entryPoints ? `${p.entryPoints.surviveAnyZone} of ${p.entryPoints.total}` : '–'])),
      tail: history.ignored.length > 0 ? `\n${countOf(history.ignored.length, 'file')} left out: ${history.ignored.map((i) => `${mdCode(i.file, false)} (${mdText(i.reason)})`).join(', ')}.` : '',
      what: 'reports',
      priority: 4,
    },
  ];
  const since = history.sincePrevious;
  if (since) {
    const line = (prefix: string) => (f: { severity: string; ruleId: string; resource: { name?: string; id: string; region: string }; message: string }) => `- ${prefix} ${f.severity} ${mdCode(f.ruleId, false)} ${mdCode(f.resource.name ?? f.resource.id, false)} ${mdText(f.resource.region)}: ${mdText(f.message)}`;
    blocks.push({
      head: `\n**Since the previous report** (${mdText(when(since.finishedAt))}): ${since.new.length} new failing, ${since.resolved.length} no longer failing.\n\n<details><summary>What changed</summary>\n`,
      rows: rowsOf([...since.new.map((f) => ['+', f] as const), ...since.resolved.map((f) => ['−', f] as const)], ([sign, f]) => line(sign)(f)),
      tail: '\n</details>',
      what: 'changes',
      priority: 5,
    });
  }
  return blocks;
}

function details(report: ScanReport): Block[] {
  const failing = sortFindings(report.findings.filter((r) => r.status === 'fail'));
  const suppressed = sortFindings(report.findings.filter((r) => r.status === 'suppressed'));
  const blocks: Block[] = [];
  if (failing.length > 0) {
    blocks.push({
      head: `<details><summary>Every failing result with its fix (${failing.length})</summary>\n`,
      rows: rowsOf(failing, (r) => {
        const lines = [`#### ${r.severity}: ${mdCode(r.ruleId, false)} ${mdCode(r.resource.name ?? r.resource.id, false)}`, '', `${mdText(r.message)} (${mdText(`${r.resource.accountId} ${r.resource.region}`)})`];
        if (r.remediation?.warning) lines.push('', `> **Warning:** ${mdText(r.remediation.warning)}`);
        if (r.remediation?.summary) lines.push('', `Fix: ${mdText(r.remediation.summary)}${r.remediation.docs.startsWith('https://') ? ` [AWS documentation](${r.remediation.docs})` : ''}`);
        for (const command of resultCommands(r)) lines.push('', mdCodeBlock(command));
        for (const hint of r.hints ?? []) lines.push('', `- ${mdText(hint)}`);
        return lines.join('\n') + '\n';
      }),
      tail: '</details>',
      what: 'results',
      priority: 6,
    });
  }
  if (suppressed.length > 0) {
    blocks.push({
      head: `<details><summary>Accepted risks: ${htmlText(String(suppressed.length))} suppressed</summary>\n\n${mdRow(['Rule', 'Resource', 'Reason', 'Until'])}\n|---|---|---|---|`,
      rows: rowsOf(suppressed, (r) => mdRow([mdCode(r.ruleId), mdCode(r.resource.name ?? r.resource.id), mdText(r.suppression?.reason ?? ''), mdText(r.suppression?.expires ?? '')])),
      tail: '\n</details>',
      what: 'accepted risks',
      priority: 7,
    });
  }
  return blocks;
}

/**
 * Joins the blocks within the limit: fixed text first, then rows of the tables in order of
 * priority while they fit. A table cut short ends with a note saying how many rows are missing.
 */
export function fit(blocks: readonly Block[], limit: number): string {
  const SEPARATOR = '\n\n';
  const note = (left: number, what: string) => `\n\n_… ${left} more ${what} not shown: GitHub's ${limit.toLocaleString('en')}-character limit. The HTML and JSON reports have them all._`;
  const NOTE_ROOM = 160;
  let used = blocks.reduce((sum, b) => sum + ('text' in b ? b.text.length : b.head.length + b.tail.length + NOTE_ROOM) + SEPARATOR.length, 0);
  const kept = new Map<Block, string[]>();
  for (const block of [...blocks].filter((b): b is Extract<Block, { rows: Rows }> => 'rows' in b).sort((a, b) => a.priority - b.priority)) {
    const rows: string[] = [];
    for (let i = 0; i < block.rows.count; i++) {
      const row = block.rows.row(i);
      if (used + row.length + 1 > limit) break;
      used += row.length + 1;
      rows.push(row);
    }
    kept.set(block, rows);
  }
  const parts = blocks.map((block) => {
    if ('text' in block) return block.text;
    const rows = kept.get(block)!;
    const cut = block.rows.count - rows.length;
    return [block.head, ...rows].join('\n') + (cut > 0 ? note(cut, block.what) : '') + (block.tail ? `\n${block.tail}` : '');
  });
  return parts.filter(Boolean).join(SEPARATOR) + '\n';
}

function sortFindings(results: readonly Result[]): Result[] {
  const key = (r: Result) => `${SEVERITIES.indexOf(r.severity)}\u0000${r.ruleId}\u0000${r.resource.accountId}\u0000${r.resource.region}\u0000${r.resource.name ?? r.resource.id}`;
  return results
    .map((r) => [key(r), r] as const)
    .sort(([a], [b]) => compareText(a, b))
    .map(([, r]) => r);
}

/** The table's fix: the first command, or the summary when there is none. */
function fixCell(r: Result): string {
  const first = resultCommands(r)[0];
  return first ? mdCode(first) : mdText(r.remediation?.summary ?? '');
}
