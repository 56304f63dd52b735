import type { ScanReport, SuppressionNotice } from '../model/report.js';
import { countOf } from '../engine/plural.js';

/**
 * One line per suppression the report warns about: expired ones (their results fail again) and
 * unused ones (they match no failing result). Also printed on stderr when the text report is
 * not what goes to the terminal.
 */
export function suppressionWarnings(report: ScanReport): string[] {
  const notices = report.scan.suppressions;
  if (!notices) return [];
  const what = (n: SuppressionNotice) => [`rule=${n.rule}`, n.resource !== undefined ? `resource=${n.resource}` : '', n.tag !== undefined ? `tag=${n.tag}` : ''].filter(Boolean).join(' ');
  return [
    ...notices.expired.map((n) => {
      const effect = n.matches ? `: ${countOf(n.matches, 'result')} ${n.matches === 1 ? 'fails' : 'fail'} again` : '';
      return `${n.source}: suppression ${what(n)} expired on ${n.expires ?? '?'}${effect}; renew it with a new date or fix the resource`;
    }),
    ...notices.unused.map((n) => `${n.source}: suppression ${what(n)} matches no failing result; remove it`),
  ];
}
