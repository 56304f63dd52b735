import type { RuleInfo, ScanReport } from '../../model/report.js';
import type { Result } from '../../model/result.js';
import { SEVERITIES } from '../../model/severity.js';
import { emptyCounts, statusCountsByRule, type StatusCounts } from '../compliance.js';
import { compareText } from '../resilience-view.js';
import { h, safeUrl } from './escape.js';
import { resultCommands } from '../../engine/shell.js';
import { accountsLeftOut } from '../accounts.js';

/** DOM id of a rule's block of findings. */
export const ruleAnchor = (ruleId: string) => `rule-${ruleId}`;

/**
 * Failing results by severity, then rule: each with its resource, message, warning, fix commands
 * (with a copy button once the script runs) and documentation; then the accepted risks
 * (suppressed, with reason and expiry), then the rules that passed everywhere.
 */
export function* findingsSection(report: ScanReport): Generator<string> {
  const rules = new Map((report.rules ?? []).map((r) => [r.id, r]));
  const failing = report.findings.filter((r) => r.status === 'fail');
  const suppressed = report.findings.filter((r) => r.status === 'suppressed');
  const counts = statusCountsByRule(report.findings);
  const parts = ['<section id="findings" aria-labelledby="findings-h">', '<h2 id="findings-h">Findings</h2>'];
  // The parts so far, as one piece; a rule's findings of a large scan are megabytes each.
  const flush = () => {
    const piece = parts.join('\n');
    parts.length = 0;
    return piece;
  };
  if (failing.length > 0) parts.push(filters());
  for (const severity of SEVERITIES) {
    const ofSeverity = failing.filter((r) => r.severity === severity);
    if (ofSeverity.length === 0) continue;
    parts.push(`<section class="severity" id="sev-${severity}" data-severity="${severity}">`, `<h3><span class="sev sev-${severity}">${severity}</span> ${ofSeverity.length} failing</h3>`);
    for (const [ruleId, results] of byRule(ofSeverity)) {
      const rule = rules.get(ruleId);
      const c = counts.get(ruleId)!;
      parts.push(`<section class="rule" id="${ruleAnchor(ruleId)}">`, `<h4>${h(results[0]!.title)} <code>${h(ruleId)}</code></h4>`);
      parts.push(`<p class="muted">${results.length} failed, ${c.pass} passed${c.suppressed ? `, ${c.suppressed} accepted` : ''}${c.error ? `, ${c.error} not evaluated` : ''}${rule?.wellArchitected.length ? ` · evidence for ${rule.wellArchitected.map((bp) => `<a href="#bp-${h(bp.id)}">${h(bp.id)}</a>`).join(', ')}` : ''}</p>`);
      if (rule) parts.push(`<p>${h(rule.rationale)}</p>`);
      parts.push(fixLine(rule, results[0]!));
      // Hints every result of the rule shares are said once (a large scan repeats one hint thousands of times).
      const shared = sharedHints(results);
      if (shared) parts.push(hintList(shared));
      parts.push(findingList(sortByResource(results), shared !== undefined), '</section>');
      yield `${flush()}\n`;
    }
    parts.push('</section>');
  }
  // Of the accounts seen: one whose role could not be assumed has no result at all, which is not "no failing result".
  const leftOut = accountsLeftOut(report);
  if (failing.length === 0) parts.push(`<p><span class="badge b-ok">no failing result</span>${leftOut ? ` in the accounts scanned; ${h(leftOut)}: see <a href="#accounts">Accounts</a>` : ''}</p>`);
  if (suppressed.length > 0) {
    parts.push('<section class="severity" id="accepted">', `<h3>Accepted risks: ${suppressed.length} suppressed</h3>`, '<p class="muted">Failing results that a suppression of the configuration accepts, with its reason; they do not fail the gate.</p>');
    parts.push(findingList(sortByResource(suppressed)), '</section>');
  }
  parts.push(passedRules(report, counts, new Set([...failing, ...suppressed].map((r) => r.ruleId))));
  parts.push(resolvedSinceBaseline(report), '</section>');
  yield flush();
}

function filters(): string {
  const boxes = SEVERITIES.map((s) => `<label><input type="checkbox" data-severity-filter value="${s}" checked> <span class="sev sev-${s}">${s}</span></label>`).join('');
  return `<div class="filters" data-js hidden role="group" aria-label="Filter the findings">${boxes}<label>Resource or text <input type="search" id="finding-query" placeholder="name, id, rule..."></label><span id="filter-status" class="muted" aria-live="polite"></span></div>`;
}

function fixLine(rule: RuleInfo | undefined, example: Result): string {
  const summary = rule?.remediation.summary ?? example.remediation?.summary;
  const docs = safeUrl(rule?.remediation.docs ?? example.remediation?.docs ?? '');
  return `<p><b>Fix:</b> ${h(summary ?? '')}${docs ? ` <a class="doc" href="${h(docs)}" rel="noreferrer">AWS documentation</a>` : ''}</p>`;
}

/**
 * The results of a rule: the first ones shown, the others folded (a scan of thousands of load
 * balancers has thousands per rule: a browser lays out only what is shown). The browser's find
 * opens the fold; printing opens it (the script), and so does a click.
 */
export const SHOWN_PER_RULE = 100;

function findingList(results: Result[], hintsShown = false): string {
  const items = results.map((r) => findingItem(r, hintsShown));
  if (items.length <= SHOWN_PER_RULE + 10) return `<ul class="findings">${items.join('')}</ul>`;
  const rest = items.slice(SHOWN_PER_RULE);
  return `<ul class="findings">${items.slice(0, SHOWN_PER_RULE).join('')}</ul><details class="more"><summary>${rest.length} more of this rule</summary><ul class="findings">${rest.join('')}</ul></details>`;
}

function findingItem(result: Result, hintsShown = false): string {
  const { resource } = result;
  const parts = ['<li class="finding">'];
  const badges = [
    result.baseline === 'new' ? '<span class="badge b-bad">new</span>' : result.baseline === 'existing' ? '<span class="badge b-warn">existing</span>' : '',
    result.status === 'suppressed' ? '<span class="badge b-unk">accepted</span>' : '',
  ].join(' ');
  parts.push(`<div><b>${h(resource.name ?? resource.id)}</b> <span class="muted">${h(resource.type)} · ${h(resource.accountId)} · ${h(resource.region)}</span> ${badges}</div>`);
  if (resource.name !== undefined || resource.arn) parts.push(`<div class="mono muted">${h(resource.arn ?? resource.id)}</div>`);
  parts.push(`<p>${h(result.message)}${result.status === 'suppressed' ? ` <span class="muted">(${h(result.ruleId)})</span>` : ''}</p>`);
  if (result.suppression) {
    const { reason, expires, matchedBy } = result.suppression;
    parts.push(`<p><b>Accepted:</b> ${h(reason)}${expires ? ` <span class="muted">until ${h(expires)}</span>` : ''} <span class="muted mono">${h(matchedBy)}</span></p>`);
  }
  // The fix interrupts service, loses data, costs money or logs users out.
  if (result.remediation?.warning) parts.push(`<p class="warning"><b>Warning:</b> ${h(result.remediation.warning)}</p>`);
  // The script shows each copy button (it copies the command beside it); without it there is none.
  for (const command of resultCommands(result)) parts.push(`<div class="cmd"><pre>${h(command)}</pre><button type="button" class="copy">Copy</button></div>`);
  if (result.hints?.length && !hintsShown) parts.push(hintList(result.hints));
  parts.push('</li>');
  return parts.join('');
}

function hintList(hints: readonly string[]): string {
  return `<ul class="hints">${hints.map((hint) => `<li>${h(hint)}</li>`).join('')}</ul>`;
}

/** The hints of the results when more than one result has them and all have the same. */
function sharedHints(results: readonly Result[]): readonly string[] | undefined {
  const first = results[0]?.hints;
  if (results.length < 2 || !first?.length) return undefined;
  const key = JSON.stringify(first);
  return results.every((r) => JSON.stringify(r.hints ?? []) === key) ? first : undefined;
}

function passedRules(report: ScanReport, counts: Map<string, StatusCounts>, failingRules: Set<string>): string {
  const rows = (report.rules ?? [])
    .filter((rule) => !failingRules.has(rule.id))
    .map((rule) => {
      const c = counts.get(rule.id) ?? emptyCounts();
      const state = c.pass > 0 ? `${c.pass} passed` : 'no resource it applies to';
      return `<tr><td><code>${h(rule.id)}</code></td><td>${h(rule.title)}</td><td>${state}${c.error ? `, ${c.error} not evaluated` : ''}</td></tr>`;
    });
  if (rows.length === 0) return '';
  return `<h3>Rules without a failing result</h3><div class="scroll"><table><thead><tr><th scope="col">Rule</th><th scope="col">Checks that</th><th scope="col">Results</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function resolvedSinceBaseline(report: ScanReport): string {
  const baseline = report.scan.baseline;
  if (!baseline || baseline.resolved.length === 0) return '';
  const items = baseline.resolved.map((r) => `<li><code>${h(r.ruleId)}</code> ${h(r.resource.name ?? r.resource.id)} <span class="muted">${h(r.resource.accountId)} · ${h(r.resource.region)} · ${h(r.severity)}</span>: was “${h(r.message)}”</li>`);
  return `<h3>Resolved since the baseline</h3><p class="muted">Failing in ${h(baseline.file)}; passing now, or the resource is gone.</p><ul>${items.join('')}</ul>`;
}

function byRule(results: readonly Result[]): [string, Result[]][] {
  const groups = new Map<string, Result[]>();
  for (const result of results) {
    const list = groups.get(result.ruleId);
    if (list) list.push(result);
    else groups.set(result.ruleId, [result]);
  }
  return [...groups].sort(([a], [b]) => compareText(a, b));
}

function sortByResource(results: readonly Result[]): Result[] {
  const key = (r: Result) => `${r.resource.accountId}\u0000${r.resource.region}\u0000${r.resource.name ?? r.resource.id}\u0000${r.resource.id}`;
  return results
    .map((r) => [key(r), r] as const)
    .sort(([a], [b]) => compareText(a, b))
    .map(([, r]) => r);
}
