import type { Result } from '../model/result.js';
import { SEVERITIES, severityRank, type Severity } from '../model/severity.js';

export interface Summary {
  pass: number;
  fail: number;
  error: number;
  /** Failing results a suppression accepts; they do not fail the gate. */
  suppressed: number;
  /** Failing results per severity (every severity present, zero included). */
  bySeverity: Record<Severity, number>;
}

export function summarize(results: readonly Result[]): Summary {
  const summary: Summary = {
    pass: 0,
    fail: 0,
    error: 0,
    suppressed: 0,
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
  };
  for (const result of results) {
    summary[result.status] += 1;
    if (result.status === 'fail') summary.bySeverity[result.severity] += 1;
  }
  return summary;
}

export type FailOn = Severity | 'none';

/** 130: stopped by Ctrl-C (SIGINT), the shell's convention. */
export const EXIT = { ok: 0, failed: 1, fatal: 2, incomplete: 3, interrupted: 130 } as const;

export interface GateOptions {
  /** `--fail-on-new-only`: only failing results marked `new` by a baseline fail the gate. */
  newOnly?: boolean;
}

/**
 * 3 when the audit is incomplete (a gap or an `error` result): a gate must not pass on an
 * audit that did not see everything, so it wins over 1. Then 1 when a failing result (not a
 * suppressed one) is at or above `failOn`, and new since the baseline if `newOnly`.
 */
export function exitCodeFor(results: readonly Result[], failOn: FailOn, complete: boolean, options: GateOptions = {}): 0 | 1 | 3 {
  if (!complete || results.some((r) => r.status === 'error')) return EXIT.incomplete;
  if (failOn === 'none') return EXIT.ok;
  const threshold = severityRank(failOn);
  const failsGate = (r: Result) => r.status === 'fail' && severityRank(r.severity) >= threshold && (!options.newOnly || r.baseline === 'new');
  return results.some(failsGate) ? EXIT.failed : EXIT.ok;
}
