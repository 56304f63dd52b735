import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/cli/files.js';
import { GITHUB_MARKDOWN_LIMIT, renderMarkdown } from '../../src/report/markdown.js';
import { mdCode, mdText } from '../../src/report/markdown-text.js';
import { generateInventory } from '../../scripts/generate-inventory.mjs';
import { DEMO_INVENTORY, demoHistory, demoReport, reportOfInventory } from '../support/demo-report.js';
import { HOSTILE, hostileInventory, hostileResilience } from '../support/hostile-inventory.js';
import { commandsOf } from '../support/rule-cases.js';

/** GitHub-flavoured Markdown as GitHub renders it (raw HTML passed through, so that any that leaks shows). */
const render = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });

/** The text a reader sees: tags removed, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every row of every table has as many cells as its header. */
function expectWellFormedTables(html: string): void {
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const header = (table.match(/<th[ >]/g) ?? []).length;
    for (const row of table.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr>[\s\S]*?<\/tr>/g) ?? []) expect((row.match(/<td[ >]/g) ?? []).length).toBe(header);
  }
}

describe('renderMarkdown', () => {
  it('has the summary, failing results with their first fix, the matrix, the mapping, history and details', async () => {
    const report = await demoReport();
    const markdown = renderMarkdown(report, { history: demoHistory(report) });
    const html = render(markdown);
    for (const heading of ['Failing results', 'What a zone or region loss does', 'AWS Well-Architected Reliability best practices', 'History']) expect(html).toContain(`<h3>${heading}`);
    expectWellFormedTables(html);
    const failing = report.findings.filter((r) => r.status === 'fail');
    expect(html).toContain(`Failing results (${failing.length})`);
    const first = failing.find((r) => commandsOf(r).length)!;
    expect(visible(html)).toContain(commandsOf(first)[0]);
    expect(html).toContain('<details><summary>Every failing result with its fix');
    expect(html).toContain('<a href="https://docs.aws.amazon.com/wellarchitected/latest/framework/rel10-bp01.html">REL10-BP01</a>');
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_MARKDOWN_LIMIT);
  });

  it('renders hostile names as text: no markup, no link, no broken table', async () => {
    const report = reportOfInventory(hostileInventory(await loadInventory(DEMO_INVENTORY)));
    report.resilience = hostileResilience(report.resilience!);
    const html = render(renderMarkdown(report));
    expect(html).not.toMatch(/<(script|img|b|style|iframe)[\s>]/i);
    expect(html).not.toContain('href="https://evil.example');
    expect(html).not.toContain('href="http://www.evil.example');
    expect(html).not.toMatch(/<strong>bold<\/strong>/);
    expectWellFormedTables(html);
    const text = visible(html);
    for (const name of [HOSTILE.script, HOSTILE.attribute, HOSTILE.style, HOSTILE.markdown]) expect(text).toContain(name);
    expect(text).toContain('bad\\x1b[2J\\r\\nSummary: 0 failed\\u202e');
  });

  it('escapes what would render: prose and code spans show exactly the value', () => {
    const values = ['a|b', '[x](https://evil.example)', '<img src=x>', '**b** _i_ ~s~ $x$', 'www.evil.example', 'user@example.com', '# heading', '1. item', 'back`tick``s', '&amp;'];
    for (const value of values) {
      expect(visible(render(`| h |\n|---|\n| ${mdText(value)} |`))).toContain(value);
      expect(visible(render(`| h |\n|---|\n| ${mdCode(value)} |`))).toContain(value);
      expect(render(mdText(value))).not.toMatch(/<(a|img|strong|em|del|h1|ol|code)[\s>]/);
    }
  });

  it('cuts long tables to fit a limit, each with a note of what it left out', async () => {
    const report = await demoReport();
    const markdown = renderMarkdown(report, { limit: 6_000 });
    expect(markdown.length).toBeLessThanOrEqual(6_000);
    expect(markdown).toMatch(/_… \d+ more failing results not shown/);
    expectWellFormedTables(render(markdown));
  });

  it('stays under GitHub’s limit for the 10,000-load-balancer bench inventory', () => {
    const report = reportOfInventory(generateInventory(10_000));
    const markdown = renderMarkdown(report);
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_MARKDOWN_LIMIT);
    expect([...markdown].length).toBeLessThanOrEqual(GITHUB_MARKDOWN_LIMIT);
    expect(markdown).toMatch(/more failing results not shown/);
    const html = render(markdown);
    expectWellFormedTables(html);
    expect(html).toContain('<h3>AWS Well-Architected Reliability best practices</h3>');
  }, 60_000);
});
