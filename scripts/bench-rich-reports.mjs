// Part of `npm run bench`: the HTML and Markdown reports of a large scan. Render time and size
// in process, then the time Chromium (Debian's, driven by playwright-core) takes to open the HTML
// file up to its load event.
import { Buffer } from 'node:buffer';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml } from '../dist/src/report/html/render.js';
import { renderMarkdown } from '../dist/src/report/markdown.js';
import { median, timeFn } from './bench-timing.mjs';

const CHROMIUM = process.env.HA_AUDIT_CHROMIUM ?? '/usr/bin/chromium';

/** Figures for one report: HTML render time and size, Markdown render time and size, HTML load time in Chromium. */
export async function benchRichReports(report, dir) {
  // Rendered whole (the pieces collected): the time is the page's, not the disk's.
  const html = timeFn(() => [...renderHtml(report)]);
  const file = join(dir, 'report.html');
  writeFileSync(file, html.value.join(''));
  const bytes = html.value.reduce((sum, piece) => sum + Buffer.byteLength(piece), 0);
  const markdown = timeFn(() => renderMarkdown(report));
  const figures = { htmlMs: html.ms, htmlBytes: bytes, markdownMs: markdown.ms, markdownChars: markdown.value.length, loadMs: undefined };
  if (existsSync(CHROMIUM)) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const loads = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await page.goto(`file://${file}`, { waitUntil: 'load', timeout: 120_000 });
      // From the start of the navigation to the end of the load event, as the browser measured it.
      // eslint-disable-next-line no-undef -- runs in the page, where performance is the browser's
      loads.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
      await page.close();
    }
    await browser.close();
    figures.loadMs = median(loads);
  }
  return figures;
}

export function formatRichReports(count, report, f) {
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  const failing = report.findings.filter((r) => r.status === 'fail').length;
  const entryPoints = report.resilience?.entryPoints.length ?? 0;
  return [
    `HTML and Markdown reports of the ${count.toLocaleString('en')}-load-balancer inventory (${failing.toLocaleString('en')} failing results, ${entryPoints.toLocaleString('en')} entry points; median of 3):`,
    `  HTML render ${f.htmlMs.toFixed(0)} ms, ${mb(f.htmlBytes)}; opens in Chromium (load event) in ${f.loadMs === undefined ? 'n/a (no Chromium)' : `${f.loadMs.toFixed(0)} ms`}`,
    `  Markdown render ${f.markdownMs.toFixed(0)} ms, ${f.markdownChars.toLocaleString('en')} characters (GitHub's limit 65,536)`,
  ].join('\n');
}
