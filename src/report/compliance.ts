import type { RuleInfo, ScanReport } from '../model/report.js';
import type { Result, Status } from '../model/result.js';
import { compareBestPracticeIds, type BestPractice } from '../model/well-architected.js';

export type StatusCounts = Record<Status, number>;

export interface ComplianceRule {
  rule: RuleInfo;
  counts: StatusCounts;
}

export interface ComplianceSection {
  practice: BestPractice;
  rules: ComplianceRule[];
  counts: StatusCounts;
}

/**
 * What an auditor reads: for each Well-Architected Reliability best practice that a rule of the
 * scan gives evidence for, the rules and how many of their results passed, failed, were
 * accepted (suppressed) or could not be evaluated.
 */
export function complianceSections(report: ScanReport): ComplianceSection[] {
  const countsByRule = statusCountsByRule(report.findings);
  const sections = new Map<string, ComplianceSection>();
  for (const rule of report.rules ?? []) {
    const counts = countsByRule.get(rule.id) ?? emptyCounts();
    for (const practice of rule.wellArchitected) {
      let section = sections.get(practice.id);
      if (!section) sections.set(practice.id, (section = { practice, rules: [], counts: emptyCounts() }));
      section.rules.push({ rule, counts });
      for (const status of Object.keys(counts) as Status[]) section.counts[status] += counts[status];
    }
  }
  return [...sections.values()].sort((a, b) => compareBestPracticeIds(a.practice.id, b.practice.id));
}

/** How many results of each status each rule has. */
export function statusCountsByRule(results: readonly Result[]): Map<string, StatusCounts> {
  const counts = new Map<string, StatusCounts>();
  for (const result of results) {
    let c = counts.get(result.ruleId);
    if (!c) counts.set(result.ruleId, (c = emptyCounts()));
    c[result.status] += 1;
  }
  return counts;
}

export function emptyCounts(): StatusCounts {
  return { pass: 0, fail: 0, error: 0, suppressed: 0 };
}

/** A practice's verdict in a word: `fail` if any result fails, else `error` if any is unknown, else `pass` (or `none` with no result). */
export function sectionVerdict(counts: StatusCounts): 'fail' | 'error' | 'pass' | 'none' {
  if (counts.fail > 0) return 'fail';
  if (counts.error > 0) return 'error';
  return counts.pass + counts.suppressed > 0 ? 'pass' : 'none';
}

/** The failing results of a rule, for the lists under each practice. */
export function failingOf(report: ScanReport, ruleId: string): Result[] {
  return report.findings.filter((r) => r.ruleId === ruleId && r.status === 'fail');
}
