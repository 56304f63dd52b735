import { join } from 'node:path';
import { rules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run-rules.js';
import { buildReport } from '../../src/engine/scan-report.js';
import { exitCodeFor } from '../../src/engine/summary.js';
import type { Inventory } from '../../src/model/inventory.js';
import { loadInventory } from '../../src/cli/files.js';
import type { ScanReport } from '../../src/model/report.js';
import { packageRoot } from '../../src/package-info.js';
import { buildHistory, trendReport, type History } from '../../src/report/history.js';
import { buildResilience } from '../../src/resilience/model.js';

export const DEMO_INVENTORY = join(packageRoot(), 'fixtures', 'demo', 'inventory.json');
export const DEMO_STARTED = new Date('2026-11-20T09:00:00.000Z');
export const DEMO_FINISHED = new Date('2026-11-20T09:00:03.000Z');

/** The report of every rule over an inventory, as `scan` builds it (fixed times, the gate's verdict recorded). */
export function reportOfInventory(inventory: Inventory, started = DEMO_STARTED, finished = DEMO_FINISHED): ScanReport {
  const results = runRules(inventory, { rules });
  const report = buildReport({ inventory, results, rules, source: 'inventory', startedAt: started, finishedAt: finished });
  report.scan.gate = { failOn: 'low', exitCode: exitCodeFor(results, 'low', report.scan.complete), failOnNewOnly: false };
  // As the HTML and Markdown reports have it: the resilience model of the inventory.
  report.resilience ??= buildResilience(inventory);
  return report;
}

/**
 * The demo account's report with what a real one of a team carries besides: an accepted risk
 * (suppressed, with reason and expiry) and a fix that warns before it is applied.
 */
export async function demoReport(): Promise<ScanReport> {
  const report = reportOfInventory(await loadInventory(DEMO_INVENTORY));
  const failing = report.findings.filter((r) => r.status === 'fail');
  const accepted = failing.find((r) => r.ruleId === 'elb-deletion-protection') ?? failing.at(-1)!;
  accepted.status = 'suppressed';
  accepted.suppression = { reason: 'Recreated by the pipeline on every deploy', expires: '2027-06-30', matchedBy: `rule=${accepted.ruleId}` };
  const sticky = failing.find((r) => r.ruleId === 'tg-stickiness');
  if (sticky?.remediation) sticky.remediation.warning ??= 'Turning stickiness off logs out users whose session lives on one target: move sessions to a shared store first.';
  report.summary.fail -= 1;
  report.summary.suppressed += 1;
  report.summary.bySeverity[accepted.severity] -= 1;
  return report;
}

/** Three weekly reports before the demo's: more failing results then, fewer entry points surviving. */
export function demoHistory(current: ScanReport): History {
  const earlier = [21, 14, 7].map((daysBefore, i) => {
    const report = structuredClone(current);
    const shift = (iso: string) => new Date(Date.parse(iso) - daysBefore * 86_400_000).toISOString();
    report.scan.startedAt = shift(report.scan.startedAt);
    report.scan.finishedAt = shift(report.scan.finishedAt);
    for (const severity of ['high', 'medium', 'low'] as const) report.summary.bySeverity[severity] += 3 - i;
    if (i === 2) report.findings = report.findings.filter((r) => !(r.status === 'fail' && r.ruleId === 'asg-min-capacity'));
    return { file: `${report.scan.finishedAt.slice(0, 10)}.json`, report: trendReport(report) };
  });
  return buildHistory('reports/', current, [...earlier, { file: 'notes.json', unreadable: 'not an ha-audit JSON report (schemaVersion 1)' }]);
}
