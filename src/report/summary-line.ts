import type { GateVerdict, ScanReport } from '../model/report.js';
import { SEVERITIES } from '../model/severity.js';
import { accountsLeftOut } from './accounts.js';

export type { GateVerdict };

/** The colours the line is painted with: chalk's on a terminal, none elsewhere. */
export interface SummaryPaint {
  red(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

const PLAIN: SummaryPaint = { red: (t) => t, green: (t) => t, cyan: (t) => t, magenta: (t) => t };

/**
 * The counts and the gate's verdict in one line: the end of the text report, and the line a CI
 * log gets on stderr when the report goes to a file (`3 failed (2 high, 1 medium) · 40 passed
 * · 0 not evaluated · fails the gate (--fail-on low): exit 1`).
 */
export function summaryLine(report: ScanReport, gate: GateVerdict, c: SummaryPaint = PLAIN): string {
  const { summary } = report;
  const bySeverity = SEVERITIES.filter((s) => summary.bySeverity[s] > 0)
    .map((s) => `${summary.bySeverity[s]} ${s}`)
    .join(', ');
  const parts = [
    summary.fail > 0 ? c.red(`${summary.fail} failed`) + (bySeverity ? ` (${bySeverity})` : '') : c.green('0 failed'),
    c.green(`${summary.pass} passed`),
    ...(summary.suppressed > 0 ? [c.cyan(`${summary.suppressed} suppressed`)] : []),
    summary.error > 0 ? c.magenta(`${summary.error} not evaluated`) : '0 not evaluated',
    ...(report.scan.baseline ? [`${report.scan.baseline.new} new, ${report.scan.baseline.resolved.length} fixed since baseline`] : []),
    // The counts above are of the accounts seen: say which were not.
    ...(accountsLeftOut(report) ? [c.magenta(accountsLeftOut(report))] : []),
  ];
  const threshold = `--fail-on ${gate.failOn}${gate.failOnNewOnly ? ', new only' : ''}`;
  const verdict =
    gate.exitCode === 3
      ? c.magenta('incomplete audit: exit 3')
      : gate.exitCode === 1
        ? c.red(`fails the gate (${threshold}): exit 1`)
        : c.green(`passes the gate (${threshold}): exit 0`);
  return `${parts.join(' · ')} · ${verdict}`;
}
