import type { Gap } from '../model/inventory.js';
import type { RuleDescription, ScanReport } from '../model/report.js';
import type { Result } from '../model/result.js';
import { remediationCommands } from '../engine/shell.js';
import { accountRows, skippedReason } from './accounts.js';

/** The suite of the collection gaps: they make the audit incomplete (exit 3) even when no rule reads that data. */
export const GAPS_SUITE = 'data-collection';

/** The suite of the accounts of a scan of several: every one is accounted for, scanned or not. */
export const ACCOUNTS_SUITE = 'accounts';

interface Totals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * The scan as JUnit XML, for CI systems that show test reports (Jenkins, GitLab, Azure
 * Pipelines): one test suite per rule of the scan, one test case per result. A pass is an
 * empty test case, a fail a `<failure>` with the fix, an `error` an `<error>`, a suppressed
 * result `<skipped>`. Collection gaps get their own suite of errors.
 */
export function renderJunit(report: ScanReport, rules: readonly RuleDescription[]): string {
  return [...renderJunitPieces(report, rules)].join('');
}

/**
 * `renderJunit` in pieces, a suite each, each made as it is written: an organisation's file has
 * a test case per result, hundreds of megabytes, which the heap beside its report cannot hold.
 */
export function* renderJunitPieces(report: ScanReport, rules: readonly RuleDescription[]): Generator<string> {
  const byRule = new Map<string, Result[]>(rules.map((rule) => [rule.id, []]));
  for (const result of report.findings) {
    const results = byRule.get(result.ruleId);
    if (!results) throw new Error(`JUnit: result of rule "${result.ruleId}", which is not among the rules of the scan`);
    results.push(result);
  }

  const suites = [...byRule].map(([ruleId, results]) => ruleSuite(ruleId, results));
  if (report.scan.gaps.length > 0) suites.push(gapSuite(report.scan.gaps));
  const accounts = accountSuite(report);
  if (accounts) suites.push(accounts);

  const total = suites.reduce((sum, suite) => addTotals(sum, suite.totals), emptyTotals());
  const seconds = Math.max(0, Date.parse(report.scan.finishedAt) - Date.parse(report.scan.startedAt)) / 1000;
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attributes({ name: report.tool.name, ...total, time: seconds.toFixed(3) })}>\n`;
  for (const suite of suites) yield `${suite.lines().join('\n')}\n`;
  yield '</testsuites>\n';
}

interface Suite {
  /** Counted at once: the file's first line carries every suite's. */
  totals: Totals;
  /** Made when written. */
  lines: () => string[];
}

function ruleSuite(ruleId: string, results: Result[]): Suite {
  const totals = emptyTotals();
  for (const result of results) {
    totals.tests += 1;
    if (result.status === 'fail') totals.failures += 1;
    else if (result.status === 'error') totals.errors += 1;
    else if (result.status === 'suppressed') totals.skipped += 1;
  }
  return { totals, lines: () => suiteLines(ruleId, totals, ruleCases(ruleId, results)) };
}

function ruleCases(ruleId: string, results: Result[]): string[] {
  const cases: string[] = [];
  for (const result of sortByResource(results)) {
    const open = `    <testcase ${attributes({ classname: ruleId, name: testName(result) })}`;
    switch (result.status) {
      case 'pass':
        cases.push(`${open}/>`);
        break;
      case 'fail':
        cases.push(`${open}>`, `      <failure ${attributes({ message: result.message, type: result.severity })}>${xmlText(failureBody(result))}</failure>`, '    </testcase>');
        break;
      case 'error':
        cases.push(`${open}>`, `      <error ${attributes({ message: result.message, type: result.messageId })}>${xmlText(errorBody(result))}</error>`, '    </testcase>');
        break;
      case 'suppressed':
        cases.push(`${open}>`, `      <skipped ${attributes({ message: `suppressed: ${result.suppression?.reason ?? 'no reason given'}` })}/>`, '    </testcase>');
        break;
    }
  }
  return cases;
}

function gapSuite(gaps: Gap[]): Suite {
  const cases = gaps.flatMap((gap) => {
    const message = `Could not collect ${gap.service}:${gap.operation} (${gap.code})`;
    return [
      `    <testcase ${attributes({ classname: GAPS_SUITE, name: `${gap.service}:${gap.operation} [${gap.region}, ${gap.accountId}]` })}>`,
      `      <error ${attributes({ message, type: gap.code })}>${xmlText(gap.message)}</error>`,
      '    </testcase>',
    ];
  });
  const totals = { ...emptyTotals(), tests: gaps.length, errors: gaps.length };
  return { totals, lines: () => suiteLines(GAPS_SUITE, totals, cases) };
}

/**
 * One test case per account of a scan of several: a scanned one passes (its results are in the
 * rules' suites); one not scanned is `<skipped>` with the reason, its AssumeRole error being
 * counted once, in the data-collection suite; one the organisation lists but is not active too.
 */
function accountSuite(report: ScanReport): Suite | undefined {
  const rows = accountRows(report);
  if (rows.length <= 1) return undefined;
  const totals = { ...emptyTotals(), tests: rows.length };
  const cases = rows.flatMap((row) => {
    const open = `    <testcase ${attributes({ classname: ACCOUNTS_SUITE, name: row.name !== undefined ? `${row.accountId} (${row.name})` : row.accountId })}`;
    if (row.status === 'scanned') return [`${open}/>`];
    totals.skipped += 1;
    const message = row.status === 'skipped' ? `skipped: ${skippedReason(row.reason ?? '')}` : `not scanned: ${row.reason ?? ''}`;
    return [`${open}>`, `      <skipped ${attributes({ message })}/>`, '    </testcase>'];
  });
  return { totals, lines: () => suiteLines(ACCOUNTS_SUITE, totals, cases) };
}

function suiteLines(name: string, totals: Totals, cases: string[]): string[] {
  const open = `  <testsuite ${attributes({ name, ...totals })}`;
  return cases.length === 0 ? [`${open}/>`] : [`${open}>`, ...cases, '  </testsuite>'];
}

/** The resource (its ARN, or its id), with where it lives: `arn:aws:... [us-east-1, 123456789012]`. */
function testName(result: Result): string {
  const { arn, id, region, accountId } = result.resource;
  return `${arn ?? id} [${region}, ${accountId}]`;
}

function failureBody(result: Result): string {
  const lines = [result.message, `Severity: ${result.severity}`];
  if (result.baseline) lines.push(`Baseline: ${result.baseline}`);
  const remediation = result.remediation;
  if (remediation) {
    lines.push(`Fix: ${remediation.summary}`);
    if (remediation.warning) lines.push(`Warning: ${remediation.warning}`);
    lines.push(...remediationCommands(remediation).map((command) => `$ ${command}`));
  }
  lines.push(...(result.hints ?? []));
  if (remediation?.docs) lines.push(`Docs: ${remediation.docs}`);
  return lines.join('\n');
}

function errorBody(result: Result): string {
  const lines = [result.message];
  if (result.remediation?.summary) lines.push(result.remediation.summary);
  if (result.remediation?.docs) lines.push(`Docs: ${result.remediation.docs}`);
  return lines.join('\n');
}

function sortByResource(results: Result[]): Result[] {
  const key = (r: Result) => `${r.resource.accountId}\n${r.resource.region}\n${r.resource.id}\n${r.messageId}`;
  return [...results].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function emptyTotals(): Totals {
  return { tests: 0, failures: 0, errors: 0, skipped: 0 };
}

function addTotals(a: Totals, b: Totals): Totals {
  return { tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped };
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${xmlAttribute(String(value))}"`)
    .join(' ');
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls but tab, newline and carriage return;
 * lone surrogates; U+FFFE, U+FFFF), and the C1 controls it allows but no reader wants.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/**
 * Text content: `<` and `&` must be escaped, `>` too so that `]]>` cannot appear; a carriage
 * return as a reference, or a parser reads it as a newline (and `cat` of the file on a terminal
 * would overwrite the line with what follows it).
 */
function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes; line breaks and tabs as references, or a parser would turn them into spaces. */
function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
