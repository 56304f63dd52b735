import type { ScanReport } from '../../model/report.js';
import { iamAction } from '../../model/operations.js';
import type { Result } from '../../model/result.js';
import { errorFix, gapFix } from '../gap-advice.js';
import { compareText } from '../resilience-view.js';
import { countOf } from '../../engine/plural.js';
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
    // One row per rule and cause: a saved inventory without a new field has one result per resource, thousands alike.
    const groups = new Map<string, { example: Result; fix: string; resources: string[] }>();
    for (const r of errors) {
      const fix = errorFix(r);
      const key = `${r.ruleId}\u0000${r.messageId}\u0000${fix}`;
      const where = `${r.resource.name ?? r.resource.id} (${r.resource.accountId} ${r.resource.region})`;
      const group = groups.get(key);
      if (group) group.resources.push(where);
      else groups.set(key, { example: r, fix, resources: [where] });
    }
    parts.push(`<h3>${countOf(errors.length, 'rule result')} not evaluated</h3><div class="scroll"><table class="wide"><thead><tr><th scope="col">Rule</th><th scope="col" class="num">Results</th><th scope="col">Why</th><th scope="col">What closes it</th></tr></thead><tbody>`);
    for (const { example, fix, resources } of [...groups.values()].sort((a, b) => compareText(a.example.ruleId, b.example.ruleId))) {
      const why = resources.length === 1 ? h(example.message) : `${h(example.message)}<details><summary>All ${resources.length}, this one and those like it</summary><p class="muted">${h(resources.join(', '))}</p></details>`;
      parts.push(`<tr><td><code>${h(example.ruleId)}</code></td><td class="num">${resources.length}</td><td>${why}</td><td>${withCode(fix)}</td></tr>`);
    }
    parts.push('</tbody></table></div>');
  }
  if (gaps.length > 0) {
    parts.push(`<h3>${countOf(gaps.length, 'call')} could not be made</h3><div class="scroll"><table><thead><tr><th scope="col">IAM action</th><th scope="col" class="nw">Account</th><th scope="col" class="nw">Region</th><th scope="col">Error</th><th scope="col">What closes it</th></tr></thead><tbody>`);
    for (const g of gaps) parts.push(`<tr><td><code>${h(iamAction(g.service, g.operation))}</code></td><td class="nw">${h(g.accountId)}</td><td class="nw">${h(g.region)}</td><td><code>${h(g.code)}</code> ${h(g.message)}</td><td>${withCode(gapFix(g))}</td></tr>`);
    parts.push('</tbody></table></div>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** Advice written for every format marks commands with backticks: code here (escaped first, so nothing else becomes markup). */
function withCode(text: string): string {
  return h(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
