import type { ScanReport } from '../model/report.js';
import type { ResourceRef, Result } from '../model/result.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { compareText, resilienceView } from './resilience-view.js';

/** One report of the history folder, reduced to what the trend needs. */
export interface HistoryPoint {
  /** The file it was read from; the current report has none. */
  file?: string;
  finishedAt: string;
  failing: Record<Severity, number>;
  passed: number;
  /** Entry points that keep serving whichever single zone is lost, when the report has the resilience model. */
  entryPoints?: { total: number; surviveAnyZone: number };
}

/** A failing result as the comparison with the previous report names it. */
export interface ChangedFinding {
  ruleId: string;
  severity: Severity;
  title: string;
  message: string;
  resource: ResourceRef;
  suppressed: boolean;
}

export interface History {
  dir: string;
  /** Earlier reports of the same scope, then the current one, oldest first. */
  points: HistoryPoint[];
  /** Files of the folder left out, and why (another account or scope, not a report...). */
  ignored: { file: string; reason: string }[];
  /** What changed since the latest earlier report: failing results that are new, and those that no longer fail. */
  sincePrevious?: { file: string; finishedAt: string; new: ChangedFinding[]; resolved: ChangedFinding[] };
}

/**
 * A report as the trend reads it: its scope and times, its point, and its failing (or suppressed)
 * results by key. An earlier report is cut to this as soon as it is read: a folder of an
 * organisation's weekly reports, each held whole, would take gigabytes.
 */
export interface TrendReport {
  scan: Pick<ScanReport['scan'], 'startedAt' | 'finishedAt' | 'accounts' | 'regions'>;
  point: Omit<HistoryPoint, 'file'>;
  failing: Map<string, ChangedFinding>;
}

/** A report read from the history folder, or the reason it cannot be one. */
export type HistoryFile = { file: string; report: TrendReport } | { file: string; unreadable: string };

/** What the trend reads of a report. */
export function trendReport(report: ScanReport): TrendReport {
  const { startedAt, finishedAt, accounts, regions } = report.scan;
  const failing = new Map<string, ChangedFinding>();
  for (const r of report.findings) if (r.status === 'fail' || r.status === 'suppressed') failing.set(findingKey(r), changedFinding(r));
  return { scan: { startedAt, finishedAt, accounts, regions }, point: pointOf(report), failing };
}

/**
 * The trend of the current report among the earlier ones of a folder. Only reports of the same
 * accounts and regions count: a trend across scopes would compare different things.
 */
export function buildHistory(dir: string, currentReport: ScanReport, files: readonly HistoryFile[]): History {
  const current = trendReport(currentReport);
  const ignored: History['ignored'] = [];
  const earlier: { file: string; report: TrendReport }[] = [];
  const scope = scopeOf(current);
  for (const entry of files) {
    if ('unreadable' in entry) {
      ignored.push({ file: entry.file, reason: entry.unreadable });
      continue;
    }
    const { report, file } = entry;
    if (report.scan.startedAt === current.scan.startedAt && report.scan.finishedAt === current.scan.finishedAt && scopeOf(report) === scope) continue; // the current report itself
    if (scopeOf(report) !== scope) {
      ignored.push({ file, reason: `another scope: ${describeScope(report)} (this report: ${describeScope(current)})` });
      continue;
    }
    if (report.scan.finishedAt >= current.scan.finishedAt) {
      ignored.push({ file, reason: `written after this report (${report.scan.finishedAt})` });
      continue;
    }
    earlier.push({ file, report });
  }
  earlier.sort((a, b) => compareText(a.report.scan.finishedAt, b.report.scan.finishedAt));
  const history: History = { dir, points: [...earlier.map(({ file, report }) => ({ file, ...report.point })), current.point], ignored };
  const previous = earlier.at(-1);
  if (previous) history.sincePrevious = { file: previous.file, finishedAt: previous.report.scan.finishedAt, ...changesBetween(previous.report, current) };
  return history;
}

function pointOf(report: ScanReport): Omit<HistoryPoint, 'file'> {
  const point: Omit<HistoryPoint, 'file'> = {
    finishedAt: report.scan.finishedAt,
    failing: Object.fromEntries(SEVERITIES.map((s) => [s, report.summary.bySeverity[s] ?? 0])) as Record<Severity, number>,
    passed: report.summary.pass,
  };
  if (report.resilience) {
    const view = resilienceView(report.resilience);
    point.entryPoints = { total: view.count.entryPoints, surviveAnyZone: view.count.anyZone.yes };
  }
  return point;
}

/** Failing (or suppressed) results matched on account, rule, region and resource id, as the baseline matches them. */
function changesBetween(before: TrendReport, after: TrendReport): { new: ChangedFinding[]; resolved: ChangedFinding[] } {
  const was = before.failing;
  const is = after.failing;
  const changed = (results: ChangedFinding[]) => results.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compareText(a.ruleId, b.ruleId) || compareText(a.resource.id, b.resource.id));
  return {
    new: changed([...is].filter(([key]) => !was.has(key)).map(([, r]) => r)),
    resolved: changed([...was].filter(([key]) => !is.has(key)).map(([, r]) => r)),
  };
}

function changedFinding(result: Result): ChangedFinding {
  return { ruleId: result.ruleId, severity: result.severity, title: result.title, message: result.message, resource: result.resource, suppressed: result.status === 'suppressed' };
}

function findingKey(result: Pick<Result, 'resource' | 'ruleId'>): string {
  return [result.resource.accountId, result.ruleId, result.resource.region, result.resource.id].join('\u0000');
}

function scopeOf(report: Pick<TrendReport, 'scan'>): string {
  return JSON.stringify([[...report.scan.accounts].sort(), [...report.scan.regions].sort()]);
}

function describeScope(report: Pick<TrendReport, 'scan'>): string {
  const accounts = report.scan.accounts.length === 1 ? `account ${report.scan.accounts[0]}` : `accounts ${report.scan.accounts.join(', ')}`;
  return `${accounts}; regions ${report.scan.regions.join(', ') || 'none'}`;
}
