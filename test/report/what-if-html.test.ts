import { describe, expect, it } from 'vitest';
import { renderWhatIfHtml, whatIfItemAnchor } from '../../src/report/html/what-if.js';
import { contentSecurityPolicy } from '../../src/report/html/render.js';
import { HOSTILE } from '../support/hostile-inventory.js';
import { item, whatIf } from '../support/what-if-fixture.js';

describe('renderWhatIfHtml', () => {
  const answer = whatIf(
    [item('thin', 'degraded', { capacity: { before: 3, after: 1 }, capacityLeft: '33%', recoverySeconds: 90 }), item('gone', 'down', { capacity: { before: 2, after: 0 }, capacityLeft: '0%', fix: 'Spread it.', commands: ['aws elbv2 x --name a', 'aws elbv2 y'] })],
    [item('cdn', 'unknown', { reasonId: 'outsideScan' })],
  );

  it('one self-contained page: the policy forbids every request; affected worst first, each with reason, facts and copyable commands', () => {
    const html = renderWhatIfHtml(answer, { at: '2026-12-06T10:00:00.000Z' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="${contentSecurityPolicy()}"`);
    expect(html).not.toMatch(/<(link|img|iframe)\b|src="http/);
    // Worst first: down before degraded, whatever the order of the answer.
    expect(html.indexOf('data-outcome="down"')).toBeLessThan(html.indexOf('data-outcome="degraded"'));
    const gone = html.slice(html.indexOf(`id="${whatIfItemAnchor(0)}"`), html.indexOf('</li>', html.indexOf(`id="${whatIfItemAnchor(0)}"`)));
    expect(gone).toContain('<b>gone</b>');
    expect(gone).toContain('reason of gone');
    expect(gone).toContain('0 of 2 (0%)');
    expect(gone.match(/<div class="cmd"><pre>[^<]+<\/pre><button type="button" class="copy">/g)).toHaveLength(2);
    expect(html).toContain(`id="${whatIfItemAnchor(1)}"`);
    expect(html).toMatch(/<section id="not-judged"[\s\S]*<b>cdn<\/b>/);
    expect(html).toMatch(/<section id="keep-serving"[\s\S]*3 of 5 entry points/);
    expect(html).toContain('2026-12-06 10:00 UTC');
  });

  it('values from AWS never become markup', () => {
    const hostile = whatIf([item(HOSTILE.script, 'down', { id: HOSTILE.attribute, reason: HOSTILE.style, fix: HOSTILE.attribute, commands: [HOSTILE.style] })], [item(HOSTILE.control, 'unknown', { reason: HOSTILE.script })]);
    hostile.scenario.label = HOSTILE.style;
    hostile.scenario.zoneNames = [{ accountId: '111122223333', zoneName: HOSTILE.attribute }];
    const html = renderWhatIfHtml(hostile);
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('</style><');
    expect(html).not.toContain('\u001b');
    expect(html).not.toContain('\u202e');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;');
  });

  it('nothing lost: says so', () => {
    const html = renderWhatIfHtml(whatIf([], [], 0));
    expect(html).toContain('<span class="badge b-ok">nothing</span>');
    expect(html).not.toContain('class="finding"');
    expect(html).not.toContain('id="not-judged"');
  });
});
