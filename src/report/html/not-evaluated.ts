import type { ScanReport } from '../../model/report.js';
import { iamAction } from '../../model/operations.js';
import { gapFix } from '../gap-advice.js';
import { compareText } from '../resilience-view.js';
import { h } from './escape.js';

/** What could not be judged, and what closes each gap: the IAM action to grant, or the cause to fix. */
export function notEvaluatedSection(report: ScanReport): string {
  const errors = report.findings.filter((r) => r.status === 'error');
  const gaps = [...report.scan.gaps].sort((a, b) => compareText(`${a.accountId}/${a.region}/${a.service}/${a.operation}`, `${b.accountId}/${b.region}/${b.service}/${b.operation}`));
  const parts = ['<section id="not-evaluated" aria-labelledby="not-evaluated-h">', '<h2 id="not-evaluated-h">Not evaluated</h2>'];
  if (errors.length === 0 && gaps.length === 0) {
    parts.push('<p><span class="badge b-ok">nothing</span> every call succeeded and every rule ran.</p>', '</section>');
    return parts.join('\n');
  }
  parts.push('<p>These results are unknown, not passed: the gate fails on an incomplete audit (exit 3).</p>');
  if (errors.length > 0) {
    parts.push(`<h3>${errors.length} rule results not evaluated</h3><div class="scroll"><table><thead><tr><th scope="col">Rule</th><th scope="col">Where</th><th scope="col">Why</th><th scope="col">What closes it</th></tr></thead><tbody>`);
    for (const r of errors) parts.push(`<tr><td><code>${h(r.ruleId)}</code></td><td>${h(r.resource.accountId)} ${h(r.resource.region)}</td><td>${h(r.message)}</td><td>${h(r.remediation?.summary ?? 'report the crash with --debug output')}</td></tr>`);
    parts.push('</tbody></table></div>');
  }
  if (gaps.length > 0) {
    parts.push(`<h3>${gaps.length} calls could not be made</h3><div class="scroll"><table><thead><tr><th scope="col">IAM action</th><th scope="col">Account</th><th scope="col">Region</th><th scope="col">Error</th><th scope="col">What closes it</th></tr></thead><tbody>`);
    for (const g of gaps) parts.push(`<tr><td><code>${h(iamAction(g.service, g.operation))}</code></td><td>${h(g.accountId)}</td><td>${h(g.region)}</td><td><code>${h(g.code)}</code> ${h(g.message)}</td><td>${h(gapFix(g))}</td></tr>`);
    parts.push('</tbody></table></div>');
  }
  parts.push('</section>');
  return parts.join('\n');
}
