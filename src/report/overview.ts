import type { ScanReport } from '../model/report.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { resilienceView, type ResilienceView } from './resilience-view.js';

/** The figures of "at a glance", shared by the HTML and Markdown reports. */
export interface Overview {
  failing: Record<Severity, number>;
  failed: number;
  passed: number;
  suppressed: number;
  notEvaluated: number;
  /** Passed results among the evaluated ones (passed, failed and suppressed), or null with none. */
  passRate: number | null;
  resilience?: ResilienceView;
  baseline?: { new: number; existing: number; resolved: number };
}

export function overviewOf(report: ScanReport): Overview {
  const { summary } = report;
  const evaluated = summary.pass + summary.fail + summary.suppressed;
  const overview: Overview = {
    failing: Object.fromEntries(SEVERITIES.map((s) => [s, summary.bySeverity[s] ?? 0])) as Record<Severity, number>,
    failed: summary.fail,
    passed: summary.pass,
    suppressed: summary.suppressed,
    notEvaluated: summary.error,
    passRate: evaluated > 0 ? summary.pass / evaluated : null,
  };
  if (report.resilience) overview.resilience = resilienceView(report.resilience);
  const baseline = report.scan.baseline;
  if (baseline) overview.baseline = { new: baseline.new, existing: baseline.existing, resolved: baseline.resolved.length };
  return overview;
}

/** `87%`, `99.9%`: a rate a reader can compare from one report to the next. */
export function percent(rate: number): string {
  const value = rate * 100;
  return `${value >= 99.95 || value < 10 ? Math.floor(value * 10) / 10 : Math.round(value)}%`;
}

/** `2026-11-20 09:00 UTC`. */
export function when(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}
