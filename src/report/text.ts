import { Chalk, type ChalkInstance } from 'chalk';
import type { ScanReport } from '../model/report.js';
import { suppressionWarnings } from './suppression-warnings.js';
import { gapFix } from './gap-advice.js';
import { iamAction } from '../model/operations.js';
import type { Result } from '../model/result.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { countOf } from '../engine/plural.js';
import { remediationCommands } from '../engine/shell.js';
import { groupBy, pushAll, sortBy } from '../collections.js';
import { summaryLine, type GateVerdict } from './summary-line.js';
import { visibleReport } from './visible-report.js';
import { matrixLines } from './text-matrix.js';
import { accountLabel, accountRows, accountsHeadline, skippedReason, type AccountRow } from './accounts.js';

export interface TextOptions extends GateVerdict {
  color: boolean;
}

const SEVERITY_STYLE: Record<Severity, (c: ChalkInstance) => ChalkInstance> = {
  critical: (c) => c.bgRed.white.bold,
  high: (c) => c.red.bold,
  medium: (c) => c.yellow.bold,
  low: (c) => c.blue.bold,
  info: (c) => c.gray.bold,
};

/**
 * The terminal report: failing results grouped by severity, then rule, each with its message
 * and the commands that fix it; passing rules in one line each; what could not be evaluated;
 * accepted risks (suppressed) with their reasons; what changed since a baseline; the matrix of
 * what each zone or region loss does (when the report has the resilience model); warnings about
 * the suppressions; a summary line with the gate's verdict. Control characters of any value
 * are shown escaped (`\x1b`, `\n`).
 */
export function renderText(scanReport: ScanReport, options: TextOptions): string {
  return [...renderTextPieces(scanReport, options)].join('');
}

/**
 * The same text in pieces, an account's failures or a section each: an organisation's report has
 * millions of lines, and holding them all before writing them was what the heap could not afford.
 */
export function* renderTextPieces(scanReport: ScanReport, options: TextOptions): Generator<string> {
  // Names from AWS may hold escape sequences, `\r` or `\n`: shown escaped, they cannot forge a line.
  const report = visibleReport(scanReport);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const multiAccount = report.scan.accounts.length > 1;
  const lines: string[] = [header(report, c), ''];
  // The lines so far, as one piece; each piece ends with its last line's line break.
  const flush = () => {
    const piece = lines.length > 0 ? `${lines.join('\n')}\n` : '';
    lines.length = 0;
    return piece;
  };

  const failing = report.findings.filter((r) => r.status === 'fail');
  const passing = report.findings.filter((r) => r.status === 'pass');
  const errors = report.findings.filter((r) => r.status === 'error');
  const suppressed = report.findings.filter((r) => r.status === 'suppressed');

  // Several accounts: each account's failures under its own heading, so a team finds its own.
  const byAccount = multiAccount ? groupBy(sortBy(failing, (r) => r.resource.accountId), (r) => r.resource.accountId) : new Map([['', failing]]);
  const counted = countResults(report.findings, multiAccount);
  for (const [accountId, ofAccount] of byAccount) {
    if (multiAccount) {
      lines.push(c.bold.underline(`Account ${accountLabel(report, accountId)}`) + c.dim(`  ${ofAccount.length} failed, ${counted(accountId, 'pass')} passed, ${counted(accountId, 'error')} not evaluated`), '');
    }
    pushAll(lines, failingSections(ofAccount, counted, c, multiAccount));
    yield flush();
  }
  // An account whose role could not be assumed was not seen: it is listed apart, never as clean.
  const rows = accountRows(report);
  const clean = rows.filter((row) => row.status === 'scanned' && multiAccount && !byAccount.has(row.accountId));
  if (clean.length > 0) lines.push(c.green(`No failing result in ${countOf(clean.length, 'account')}: ${clean.map((row) => accountLabel(report, row.accountId)).join(', ')}`), '');
  pushAll(lines, accountsLeftOutSection(rows, c));

  if (suppressed.length > 0) {
    lines.push(c.cyan.bold(' SUPPRESSED ') + c.dim(` ${suppressed.length} accepted, not failing the gate`));
    for (const result of sortBy(suppressed, (r) => `${r.ruleId}/${label(r)}`)) {
      const until = result.suppression?.expires ? c.dim(` (until ${result.suppression.expires})`) : '';
      lines.push(`  ${c.cyan('~')} ${c.bold(result.ruleId)} ${label(result)} ${c.dim(`[${where(result, multiAccount)}]`)}${newMark(result, c)}: ${result.suppression?.reason ?? ''}${until}`);
    }
    lines.push('');
  }

  const failingRules = new Set(failing.map((r) => r.ruleId));
  const passedRules = groupBy(
    sortBy(
      passing.filter((r) => !failingRules.has(r.ruleId)),
      (r) => r.ruleId,
    ),
    (r) => r.ruleId,
  );
  if (passedRules.size > 0) {
    lines.push(c.green.bold(' PASSED '));
    for (const [ruleId, results] of passedRules) {
      lines.push(`  ${c.green('✓')} ${ruleId.padEnd(26)} ${results[0]!.title}` + c.dim(`  (${results.length} passed)`));
    }
    lines.push('');
  }

  pushAll(lines, baselineSection(report, c, multiAccount));
  // After the findings: what a zone or region loss does, whenever the scan built the model.
  yield flush();
  if (report.resilience) pushAll(lines, matrixLines(report.resilience, c));
  yield flush();
  const warnings = suppressionWarnings(report);
  if (warnings.length > 0) {
    lines.push(c.yellow.bold(' WARNINGS '));
    for (const warning of warnings) lines.push(`  ${c.yellow('!')} ${warning}`);
    lines.push('');
  }

  pushAll(lines, notEvaluatedSection(report, errors, c, multiAccount));

  if (report.findings.length === 0) lines.push(c.dim('No resource in scope: the scan found nothing any rule applies to.'), '');
  lines.push(`${c.bold('Summary:')} ${summaryLine(report, options, c)}`);
  yield flush();
}

/** How many results an account (any: '', one account) has of a status, of every rule or of one. */
type ResultCounts = (accountId: string, status: Result['status'], ruleId?: string) => number;

/**
 * Counted once, in one pass: an organisation's report has hundreds of thousands of results, and
 * filtering them for every account and rule took minutes.
 */
function countResults(results: readonly Result[], multiAccount: boolean): ResultCounts {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const r of results) {
    const accountId = multiAccount ? r.resource.accountId : '';
    add(`${accountId}|${r.status}`);
    add(`${accountId}|${r.status}|${r.ruleId}`);
  }
  return (accountId, status, ruleId) => counts.get(ruleId === undefined ? `${accountId}|${status}` : `${accountId}|${status}|${ruleId}`) ?? 0;
}

/** Failing results by severity, then rule, each with its fix. */
function failingSections(failing: Result[], counted: ResultCounts, c: ChalkInstance, multiAccount: boolean): string[] {
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const ofSeverity = failing.filter((r) => r.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push(SEVERITY_STYLE[severity](c)(` ${severity.toUpperCase()} `) + c.dim(` ${ofSeverity.length} failing`));
    for (const [ruleId, results] of groupBy(sortBy(ofSeverity, (r) => r.ruleId), (r) => r.ruleId)) {
      const accountId = multiAccount ? results[0]!.resource.accountId : '';
      const passed = counted(accountId, 'pass', ruleId);
      const accepted = counted(accountId, 'suppressed', ruleId);
      lines.push(`  ${c.bold(ruleId)}  ${results[0]!.title}` + c.dim(`  (${results.length} failed, ${passed} passed${accepted > 0 ? `, ${accepted} suppressed` : ''})`));
      lines.push(c.dim(`    Fix: ${results[0]!.remediation?.summary ?? ''}`));
      for (const result of sortByResource(results)) pushAll(lines, failure(result, c, multiAccount));
      if (results[0]!.remediation?.docs) lines.push(c.dim(`    Docs: ${results[0]!.remediation.docs}`));
      lines.push('');
    }
  }
  return lines;
}

/**
 * Last before the summary, as a gate reads it: the rules that could not be judged, then every
 * gap of the collection with what would close it (the IAM action to grant, or the cause to fix).
 */
function notEvaluatedSection(report: ScanReport, errors: Result[], c: ChalkInstance, multiAccount: boolean): string[] {
  const gaps = report.scan.gaps;
  if (errors.length === 0 && gaps.length === 0) return [];
  const lines = [c.magenta.bold(' NOT EVALUATED ') + c.dim(' these results are unknown, not passed')];
  for (const result of errors) {
    lines.push(`  ${c.magenta('?')} ${c.bold(result.ruleId)} ${c.dim(`[${where(result, multiAccount)}]`)} ${result.message}`);
  }
  if (gaps.length > 0) {
    lines.push(`  ${countOf(gaps.length, 'call')} could not be made:`);
    for (const gap of sortBy(gaps, (g) => `${g.accountId}/${g.region}/${g.service}/${g.operation}`)) {
      const scope = multiAccount ? `${gap.accountId} ${gap.region}` : gap.region;
      lines.push(`    ${c.magenta('-')} ${iamAction(gap.service, gap.operation)} ${c.dim(`[${scope}]`)} ${gap.code}: ${gap.message}`);
      lines.push(c.dim(`      ${gapFix(gap)}`));
    }
  }
  lines.push('');
  return lines;
}

/** The accounts not scanned (role not assumed) and those the organisation has but are not active. */
function accountsLeftOutSection(rows: AccountRow[], c: ChalkInstance): string[] {
  const leftOut = rows.filter((row) => row.status !== 'scanned');
  if (leftOut.length === 0) return [];
  const lines = [c.magenta.bold(' ACCOUNTS NOT SCANNED ') + c.dim(` ${countOf(leftOut.length, 'account')}: nothing of them was seen`)];
  for (const row of leftOut) {
    const reason = row.status === 'skipped' ? `skipped: ${skippedReason(row.reason ?? '')}` : `not scanned: ${row.reason ?? ''}`;
    lines.push(`  ${c.magenta('-')} ${row.accountId}${row.name !== undefined ? ` (${row.name})` : ''} ${c.dim(reason)}`);
  }
  lines.push('');
  return lines;
}

function header(report: ScanReport, c: ChalkInstance): string {
  const { scan, tool } = report;
  const accounts = accountsHeadline(report);
  const regions = scan.regions.length > 0 ? scan.regions.join(', ') : 'no region';
  const source = scan.source === 'live' ? 'live scan' : 'saved inventory';
  return c.bold(`${tool.name} ${tool.version}`) + c.dim(` · ${accounts} · ${regions} · ${source}`);
}

function failure(result: Result, c: ChalkInstance, multiAccount: boolean): string[] {
  const lines = [`    ${c.red('✗')} ${c.bold(label(result))} ${c.dim(`[${where(result, multiAccount)}]`)}${newMark(result, c)}`, `      ${result.message}`];
  const remediation = result.remediation;
  if (remediation?.warning) lines.push(`      ${c.yellow('Warning:')} ${remediation.warning}`);
  for (const command of remediation ? remediationCommands(remediation) : []) lines.push(`      ${c.cyan('$ ' + command)}`);
  for (const hint of result.hints ?? []) lines.push(c.dim(`      ${hint}`));
  return lines;
}

function where(result: Pick<Result, 'resource'>, multiAccount: boolean): string {
  return multiAccount ? `${result.resource.accountId} ${result.resource.region}` : result.resource.region;
}

function label(result: Pick<Result, 'resource'>): string {
  return result.resource.name ?? result.resource.id;
}

/** With a baseline: failing results that did not fail in it. */
function newMark(result: Result, c: ChalkInstance): string {
  return result.baseline === 'new' ? ' ' + c.yellow.bold('new') : '';
}

/** What changed since `--baseline`: the new failing results, then those fixed (or gone). */
function baselineSection(report: ScanReport, c: ChalkInstance, multiAccount: boolean): string[] {
  const baseline = report.scan.baseline;
  if (!baseline) return [];
  const counts = `${baseline.new} new, ${baseline.existing} existing, ${baseline.resolved.length} fixed`;
  const lines = [c.bold(' SINCE BASELINE ') + c.dim(` ${baseline.file}: ${counts}`)];
  const added = sortBy(
    report.findings.filter((r) => r.baseline === 'new'),
    (r) => `${SEVERITIES.indexOf(r.severity)}/${r.ruleId}/${label(r)}`,
  );
  if (added.length > 0) lines.push('  New:');
  for (const result of added) {
    const accepted = result.status === 'suppressed' ? c.dim(' (suppressed)') : '';
    lines.push(`    ${c.red('+')} ${c.bold(result.ruleId)} ${label(result)} ${c.dim(`[${where(result, multiAccount)}]`)} ${result.severity}${accepted}`);
  }
  if (baseline.resolved.length > 0) lines.push('  Fixed since baseline:');
  for (const fixed of sortBy(baseline.resolved, (r) => `${r.ruleId}/${label(r)}`)) {
    lines.push(`    ${c.green('✓')} ${c.bold(fixed.ruleId)} ${label(fixed)} ${c.dim(`[${where(fixed, multiAccount)}]`)} ${fixed.severity}`);
  }
  if (added.length === 0 && baseline.resolved.length === 0) lines.push(c.dim('  Nothing new, nothing fixed.'));
  lines.push('');
  return lines;
}

function sortByResource(results: Result[]): Result[] {
  return sortBy(results, (r) => `${r.resource.accountId}/${r.resource.region}/${label(r)}`);
}

