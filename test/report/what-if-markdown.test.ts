import { describe, expect, it } from 'vitest';
import { renderWhatIfMarkdown } from '../../src/report/what-if-markdown.js';
import { HOSTILE } from '../support/hostile-inventory.js';
import { item, whatIf } from '../support/what-if-fixture.js';

/** The cells of a Markdown table row, split as GitHub does: on every `|` not escaped. */
const cells = (row: string) => row.replace(/^\| | \|$/g, '').split(/(?<!\\)\|/);

describe('renderWhatIfMarkdown', () => {
  it('a table of the affected, worst first, with the first fix command; the fixes in full; then those not judged', () => {
    const md = renderWhatIfMarkdown(
      whatIf(
        [item('thin', 'degraded', { capacity: { before: 3, after: 1 }, capacityLeft: '33%', recoverySeconds: 90 }), item('gone', 'down', { capacity: { before: 2, after: 0 }, fix: 'Spread it.', commands: ['aws elbv2 x', 'aws elbv2 y'] })],
        [item('cdn', 'unknown', { reasonId: 'outsideScan' })],
      ),
    );
    const rows = md.split('\n').filter((l) => l.startsWith('| **'));
    expect(rows.map((r) => cells(r)[1]!.trim())).toEqual(['`gone`', '`thin`']);
    expect(cells(rows[0]!)).toHaveLength(6);
    expect(cells(rows[0]!)[5]!.trim()).toBe('`aws elbv2 x`');
    expect(md).toContain('```sh\naws elbv2 x\n```\n\n```sh\naws elbv2 y\n```');
    expect(md.indexOf('`gone`')).toBeLessThan(md.indexOf('`cdn`'));
    expect(md).toMatch(/^## /);
  });

  it('a hostile name is a code span and keeps its row in one piece; prose is escaped', () => {
    const md = renderWhatIfMarkdown(whatIf([item(HOSTILE.markdown, 'down', { reason: HOSTILE.markdown, commands: [HOSTILE.markdown] })], [item(HOSTILE.script, 'unknown')]));
    const row = md.split('\n').find((l) => l.startsWith('| **down**'))!;
    expect(cells(row)).toHaveLength(6);
    // The name is a code span (shown literally); the reason is prose, escaped.
    expect(cells(row)[1]!.trim()).toMatch(/^`` a \\\| b .* ``$/);
    expect(cells(row)[3]!).toContain('\\[click\\]\\(https\\://');
    expect(cells(row)[3]!).toContain('\\<b\\>');
    const notJudged = md.split('\n').find((l) => l.includes('window.__pwned'))!;
    expect(cells(notJudged)[0]!.trim()).toBe('`<script>window.__pwned=1;alert(1)</script>`');
  });

  it('stays within the limit, with a note saying how many are left out', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => item(`entry-${i}`, 'down', { fix: 'Spread it.', commands: [`aws elbv2 x --n ${i}`] }));
    const md = renderWhatIfMarkdown(whatIf(many), { limit: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    expect(md).toMatch(/\d+ more affected items not shown/);
    expect(renderWhatIfMarkdown(whatIf(many)).length).toBeLessThanOrEqual(65_536);
  });
});
