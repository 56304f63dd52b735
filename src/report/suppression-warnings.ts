import type { ScanReport } from '../model/report.js';
import { describeMatch } from '../engine/suppressions.js';
import { countOf } from '../engine/plural.js';

/**
 * One line per suppression the report warns about: expired ones (their results fail again) and
 * unused ones (they match no failing result). Also printed on stderr when the text report is
 * not what goes to the terminal.
 */
export function suppressionWarnings(report: ScanReport): string[] {
  const notices = report.scan.suppressions;
  if (!notices) return [];
  return [
    ...notices.expired.map((n) => {
      const effect = n.matches ? `: ${countOf(n.matches, 'result')} ${n.matches === 1 ? 'fails' : 'fail'} again` : '';
      return `${n.source}: suppression ${describeMatch(n)} expired on ${n.expires ?? '?'}${effect}; renew it with a new date or fix the resource`;
    }),
    ...notices.unused.map((n) => `${n.source}: suppression ${describeMatch(n)} matches no failing result; remove it`),
  ];
}
