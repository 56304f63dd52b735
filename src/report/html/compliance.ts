import type { ScanReport } from '../../model/report.js';
import { complianceSections, sectionVerdict, type StatusCounts } from '../compliance.js';
import { h, safeUrl } from './escape.js';
import { ruleAnchor } from './findings.js';

const VERDICT: Record<ReturnType<typeof sectionVerdict>, string> = {
  fail: '<span class="badge b-bad">failing results</span>',
  error: '<span class="badge b-unk">not fully evaluated</span>',
  pass: '<span class="badge b-ok">no failing result</span>',
  none: '<span class="badge b-warn">no resource in scope</span>',
};

/**
 * The compliance mapping, as an auditor reads it: one section per AWS Well-Architected
 * Reliability best practice that a rule of the scan gives evidence for, with the results of those rules.
 */
export function complianceSection(report: ScanReport): string {
  const sections = complianceSections(report);
  const parts = [
    '<section id="compliance" aria-labelledby="compliance-h">',
    '<h2 id="compliance-h">Well-Architected Reliability best practices</h2>',
    '<p class="muted">Each rule gives evidence for the best practices it names: a failing result shows a gap in the practice; passing results are evidence, not proof, that it is in place.</p>',
  ];
  if (sections.length === 0) parts.push('<p>This report does not describe its rules (written by an earlier version): no mapping to show.</p>');
  for (const { practice, rules, counts } of sections) {
    const url = safeUrl(practice.url);
    parts.push(
      `<section class="practice" id="bp-${h(practice.id)}">`,
      `<h3>${url ? `<a class="doc" href="${h(url)}" rel="noreferrer">${h(practice.id)}</a>` : h(practice.id)} ${h(practice.title)}</h3>`,
      `<p>${VERDICT[sectionVerdict(counts)]} ${summary(counts)}</p>`,
      '<div class="scroll"><table class="wide by-rule"><thead><tr><th scope="col">Rule</th><th scope="col">Checks that</th><th scope="col" class="num">Passed</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Accepted</th><th scope="col" class="num">Not evaluated</th></tr></thead><tbody>',
    );
    for (const { rule, counts: c } of rules) {
      const failing = c.fail + c.suppressed > 0;
      parts.push(`<tr><td>${failing ? `<a href="#${ruleAnchor(rule.id)}"><code>${h(rule.id)}</code></a>` : `<code>${h(rule.id)}</code>`}</td><td>${h(rule.title)}</td><td class="num">${c.pass}</td><td class="num">${c.fail}</td><td class="num">${c.suppressed}</td><td class="num">${c.error}</td></tr>`);
    }
    parts.push('</tbody></table></div></section>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

function summary(c: StatusCounts): string {
  return `${c.pass} passed, ${c.fail} failed, ${c.suppressed} accepted, ${c.error} not evaluated`;
}
