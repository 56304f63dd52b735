import type { ScanReport } from '../model/report.js';
import { visibleStrings } from '../visible-text.js';

/**
 * The report as a terminal or a text document shows it: every value with its control
 * characters escaped (`visibleStrings`), except passing results, which text reports show only
 * by rule id, title and count (ours, not from AWS): scanning a large report's passes would cost
 * more than rendering it. `test/report/visible-report.test.ts` fills every string of a report
 * with escapes and checks that none reaches the text report.
 */
export function visibleReport(report: ScanReport): ScanReport {
  const { findings, ...rest } = report;
  return { ...visibleStrings(rest), findings: findings.map((finding) => (finding.status === 'pass' ? finding : visibleStrings(finding))) };
}
