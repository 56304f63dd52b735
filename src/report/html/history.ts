import { SEVERITIES } from '../../model/severity.js';
import type { ChangedFinding, History } from '../history.js';
import { when } from '../overview.js';
import { h } from './escape.js';
import { trendChart } from './trend-chart.js';

/** The trend over the earlier reports of the history folder, and what changed since the latest of them. */
export function historySection(history: History): string {
  const { points } = history;
  const times = points.map((p) => p.finishedAt);
  const parts = ['<section id="history" aria-labelledby="history-h">', '<h2 id="history-h">History</h2>', `<p class="muted">${points.length - 1} earlier report${points.length === 2 ? '' : 's'} of the same scope in <span class="mono">${h(history.dir)}</span>.</p>`];
  if (points.length >= 2) {
    parts.push(
      '<figure><figcaption>Failing results by severity</figcaption>',
      trendChart('Failing results by severity', times, SEVERITIES.map((s) => ({ label: s, className: `s-${s}`, values: points.map((p) => p.failing[s]) }))),
      `<ul class="legend">${SEVERITIES.map((s) => `<li class="s-${s}"><span class="swatch"></span>${s}</li>`).join('')}</ul></figure>`,
    );
    const withModel = points.filter((p) => p.entryPoints);
    if (withModel.length >= 2) {
      const kept = points.filter((p) => p.entryPoints);
      parts.push(
        '<figure><figcaption>Entry points surviving the loss of any one zone</figcaption>',
        trendChart(
          'Entry points surviving the loss of any one zone',
          kept.map((p) => p.finishedAt),
          [
            { label: 'surviving any one zone', className: 's-ok', values: kept.map((p) => p.entryPoints!.surviveAnyZone) },
            { label: 'entry points', className: 's-total', values: kept.map((p) => p.entryPoints!.total) },
          ],
        ),
      );
      parts.push('<ul class="legend"><li class="s-ok"><span class="swatch"></span>surviving any one zone</li><li class="s-total"><span class="swatch"></span>all entry points</li></ul></figure>');
    }
  }
  const rows = points.map((p) => `<tr><td>${h(when(p.finishedAt))}</td><td class="mono">${p.file === undefined ? 'this report' : h(p.file)}</td>${SEVERITIES.map((s) => `<td class="num">${p.failing[s]}</td>`).join('')}<td class="num">${p.passed}</td><td class="num">${p.entryPoints ? `${p.entryPoints.surviveAnyZone} of ${p.entryPoints.total}` : '–'}</td></tr>`);
  parts.push(`<details><summary>The figures</summary><div class="scroll"><table><thead><tr><th scope="col">Finished</th><th scope="col">Report</th>${SEVERITIES.map((s) => `<th scope="col" class="num">${s}</th>`).join('')}<th scope="col" class="num">passed</th><th scope="col" class="num">entry points surviving a zone loss</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`);
  const since = history.sincePrevious;
  if (since) {
    parts.push(`<h3>Since the previous report</h3><p class="muted">${h(since.file)}, ${h(when(since.finishedAt))}: ${since.new.length} new failing, ${since.resolved.length} no longer failing.</p>`);
    if (since.new.length > 0) parts.push(`<h4>New</h4>${changedList(since.new)}`);
    if (since.resolved.length > 0) parts.push(`<h4>No longer failing</h4>${changedList(since.resolved)}`);
  }
  if (history.ignored.length > 0) {
    parts.push(`<h3>Files left out</h3><ul>${history.ignored.map((i) => `<li><span class="mono">${h(i.file)}</span>: ${h(i.reason)}</li>`).join('')}</ul>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function changedList(findings: ChangedFinding[]): string {
  return `<ul>${findings.map((f) => `<li><span class="sev sev-${f.severity}">${f.severity}</span> <code>${h(f.ruleId)}</code> ${h(f.resource.name ?? f.resource.id)} <span class="muted">${h(f.resource.accountId)} · ${h(f.resource.region)}</span>${f.suppressed ? ' <span class="badge b-unk">accepted</span>' : ''}: ${h(f.message)}</li>`).join('')}</ul>`;
}
