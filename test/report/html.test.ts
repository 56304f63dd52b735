import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import { DRAW_EVERY_ENTRY_POINT_UP_TO } from '../../src/report/html/paths.js';
import { SHOWN_PER_RULE } from '../../src/report/html/findings.js';
import { h } from '../../src/report/html/escape.js';
import { errorFix } from '../../src/report/gap-advice.js';
import { renderHtml } from '../../src/report/html/render.js';
import { demoHistory, demoReport } from '../support/demo-report.js';
import { ruleResult, reportOf } from '../support/report-builders.js';

const html = async (edit?: (report: ScanReport) => void) => {
  const report = await demoReport();
  edit?.(report);
  return { report, page: [...renderHtml(report, { history: demoHistory(report) })].join('') };
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
    const page = [...renderHtml(reportOf(results, [], new Date('2026-11-20T09:01:00.000Z')))].join('');
    const [shown, folded] = page.split('<details class="more">');
    expect(shown!.match(/<li class="finding">/g)).toHaveLength(SHOWN_PER_RULE);
    expect(folded!.match(/<li class="finding">/g)).toHaveLength(50);
    expect(folded).toContain('<summary>50 more of this rule</summary>');
  });

  it('draws every entry point of a small scan, and those that survive everything once per shape on a large one', async () => {
    const { report } = await html();
    const small = [...renderHtml(report)].join('');
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
    const page = [...renderHtml(large)].join('');
    expect(page.match(/<svg class="paths"/g)).toHaveLength(2);
    expect(page).toContain(`Shape 1: ${copies} entry points that survive every scenario`);
    // Every entry point still has its outcomes, where the matrix cells lead.
    expect(page.match(/<article class="ep" id="ep-/g)).toHaveLength(copies + 1);
  });

  it('says the hints all results of a rule share once, and hints of their own with each result', () => {
    const alike = Array.from({ length: 5 }, (_, i) => ruleResult('tg-stickiness', 'fail', `tg-${i}`, { hints: ['Move sessions to a shared store.'] }));
    const own = [ruleResult('tg-health-check', 'fail', 'tg-a', { hints: ['Hint of a'] }), ruleResult('tg-health-check', 'fail', 'tg-b', { hints: ['Hint of b'] })];
    const page = [...renderHtml(reportOf([...alike, ...own], [], new Date('2026-11-20T09:01:00.000Z')))].join('');
    expect(page.match(/<li>Move sessions to a shared store\.<\/li>/g)).toHaveLength(1);
    expect(page.match(/<li>Hint of a<\/li>/g)).toHaveLength(1);
    expect(page.match(/<li>Hint of b<\/li>/g)).toHaveLength(1);
    const rule = page.slice(page.indexOf('<section class="rule" id="rule-tg-stickiness">'));
    expect(rule.indexOf('<ul class="hints">')).toBeLessThan(rule.indexOf('<li class="finding">'));
  });

  it('groups results not evaluated by rule and cause, with what closes them (not a crash report)', () => {
    const missing = Array.from({ length: 40 }, (_, i) =>
      ruleResult('asg-suspended-processes', 'error', `asg-${i}`, { messageId: 'notCollected', message: `Not evaluated: no suspendedProcesses for asg-${i}`, evidence: { field: 'suspendedProcesses' } }),
    );
    const crashed = ruleResult('tg-stickiness', 'error', 'tg-1', { messageId: 'ruleCrashed', message: 'Rule tg-stickiness crashed' });
    const page = [...renderHtml(reportOf([...missing, crashed], [], new Date('2026-11-20T09:01:00.000Z')))].join('');
    const section = page.slice(page.indexOf('<section id="not-evaluated"'), page.indexOf('<section id="compliance"'));
    const rows = section.match(/<tr><td><code>[^<]+<\/code><\/td><td class="num">\d+<\/td>/g);
    expect(rows).toEqual(['<tr><td><code>asg-suspended-processes</code></td><td class="num">40</td>', '<tr><td><code>tg-stickiness</code></td><td class="num">1</td>']);
    expect(section).toContain(h(errorFix(missing[0]!)));
    expect(errorFix(missing[0]!)).toContain('suspendedProcesses');
    expect(section).toContain(h(errorFix(crashed)));
    expect(section).toContain('asg-39 (111122223333 us-east-1)');
  });

  it('routes every edge of the path view around the boxes: no line crosses a box it does not start or end at', async () => {
    const { page } = await html();
    const drawings = page.match(/<svg class="paths"[\s\S]*?<\/svg>/g)!;
    expect(drawings.length).toBeGreaterThan(5);
    let edges = 0;
    for (const svg of drawings) {
      const boxes = [...svg.matchAll(/<g class="node [^"]+"><title>[^<]*<\/title><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => m.slice(1, 5).map(Number) as [number, number, number, number]);
      for (const [, d] of svg.matchAll(/<path class="edge[^"]*" d="([^"]+)"/g)) {
        edges++;
        for (const [x, y] of pointsAlong(d!)) {
          const inside = boxes.filter(([bx, by, bw, bh]) => x > bx + 1 && x < bx + bw - 1 && y > by + 1 && y < by + bh - 1);
          expect(inside, `${d} at ${x},${y}`).toEqual([]);
        }
      }
    }
    expect(edges).toBeGreaterThan(20);
  });
});

/** Points every 2 px along the straight parts of an SVG path of M, L, H, V and Q commands (a Q's corner counts as its end point). */
function pointsAlong(d: string): [number, number][] {
  const points: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHVQ])([^MLHVQ]*)/g)) {
    const n = args!.split(/[ ,]+/).filter(Boolean).map(Number);
    let tx = x;
    let ty = y;
    if (command === 'M') [tx, ty] = n as [number, number];
    else if (command === 'L') [tx, ty] = n as [number, number];
    else if (command === 'H') tx = n[0]!;
    else if (command === 'V') ty = n[0]!;
    else [tx, ty] = n.slice(2) as [number, number];
    if (command !== 'M' && command !== 'Q') {
      const steps = Math.ceil(Math.hypot(tx - x, ty - y) / 2);
      for (let i = 1; i < steps; i++) points.push([x + ((tx - x) * i) / steps, y + ((ty - y) * i) / steps]);
    }
    x = tx;
    y = ty;
  }
  return points;
}
