import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import { DRAW_EVERY_ENTRY_POINT_UP_TO } from '../../src/report/html/paths.js';
import { SHOWN_PER_RULE } from '../../src/report/html/findings.js';
import { h } from '../../src/report/html/escape.js';
import { renderHtml } from '../../src/report/html/render.js';
import { demoHistory, demoReport } from '../support/demo-report.js';
import { ruleResult, reportOf } from '../support/report-builders.js';

const html = async (edit?: (report: ScanReport) => void) => {
  const report = await demoReport();
  edit?.(report);
  return { report, page: renderHtml(report, { history: demoHistory(report) }).join('') };
};

describe('renderHtml', () => {
  it('allows its own style and script by hash, and nothing else: no inline style attribute, no external reference', async () => {
    const { page } = await html();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!;
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(policy).toBe(`default-src 'none'; style-src ${sha(style)}; script-src ${sha(script)}; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(page).not.toMatch(/\sstyle="/);
    expect(page).not.toMatch(/\s(src|srcset)=/);
    expect(page.match(/<script>/g)).toHaveLength(1);
    // Links go only to AWS documentation pages, and to anchors of the page.
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(#[\w-]+|https:\/\/docs\.aws\.amazon\.com\/)/);
  });

  it('shows the warning of a fix, its hints, and an accepted risk with its reason and expiry', async () => {
    const { report, page } = await html();
    const sticky = report.findings.find((r) => r.ruleId === 'tg-stickiness' && r.status === 'fail')!;
    expect(page).toContain(`<b>Warning:</b> ${h(sticky.remediation!.warning!)}`);
    const hinted = report.findings.find((r) => r.hints?.length);
    if (hinted) expect(page).toContain(`<li>${h(hinted.hints![0]!)}</li>`);
    const accepted = report.findings.find((r) => r.status === 'suppressed')!;
    expect(page).toContain(`<b>Accepted:</b> ${h(accepted.suppression!.reason)} <span class="muted">until ${accepted.suppression!.expires}</span>`);
  });

  it('describes each Well-Architected best practice of the rules with their counts', async () => {
    const { report, page } = await html();
    const practices = new Set((report.rules ?? []).flatMap((r) => r.wellArchitected.map((bp) => bp.id)));
    expect(practices.size).toBeGreaterThan(5);
    for (const id of practices) expect(page).toContain(`<section class="practice" id="bp-${id}">`);
  });

  it('folds the results of a rule past the first ones, so that a large scan opens fast', () => {
    const results = Array.from({ length: SHOWN_PER_RULE + 50 }, (_, i) => ruleResult('tg-stickiness', 'fail', `tg-${String(i).padStart(4, '0')}`));
    const page = renderHtml(reportOf(results, [], new Date('2026-11-20T09:01:00.000Z'))).join('');
    const [shown, folded] = page.split('<details class="more">');
    expect(shown!.match(/<li class="finding">/g)).toHaveLength(SHOWN_PER_RULE);
    expect(folded!.match(/<li class="finding">/g)).toHaveLength(50);
    expect(folded).toContain('<summary>50 more of this rule</summary>');
  });

  it('draws every entry point of a small scan, and those that survive everything once per shape on a large one', async () => {
    const { report } = await html();
    const small = renderHtml(report).join('');
    expect(small.match(/<svg class="paths"/g)).toHaveLength(report.resilience!.entryPoints.length);
    // One entry point that fails a scenario, and many copies of it that survive every one.
    const section = report.resilience!;
    const first = section.entryPoints[0]!;
    const ofFirst = section.outcomes.filter((o) => o.subject === 'entry-point' && o.id === first.id);
    const copies = DRAW_EVERY_ENTRY_POINT_UP_TO + 5;
    const large = structuredClone(report);
    large.resilience!.entryPoints = [first, ...Array.from({ length: copies }, (_, i) => ({ ...first, id: `${first.id}-${i}`, name: `copy-${i}.shop.example.com` }))];
    large.resilience!.outcomes = [
      ...ofFirst.map((o, i) => ({ ...o, outcome: i === 0 ? ('down' as const) : o.outcome })),
      ...large.resilience!.entryPoints.slice(1).flatMap((ep) => ofFirst.map((o) => ({ ...o, id: ep.id, outcome: 'survives' as const }))),
    ];
    const page = renderHtml(large).join('');
    expect(page.match(/<svg class="paths"/g)).toHaveLength(2);
    expect(page).toContain(`Shape 1: ${copies} entry points that survive every scenario`);
    // Every entry point still has its outcomes, where the matrix cells lead.
    expect(page.match(/<article class="ep" id="ep-/g)).toHaveLength(copies + 1);
  });
});
