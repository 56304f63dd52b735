/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/cli/files.js';
import type { ScanReport } from '../../src/model/report.js';
import type { WhatIf } from '../../src/model/what-if.js';
import { packageRoot } from '../../src/package-info.js';
import { renderHtml } from '../../src/report/html/render.js';
import { launchChromium, openReport, requireOrAnnounceChromium } from '../support/browser.js';
import { DEMO_INVENTORY, demoHistory, demoReport, reportOfInventory } from '../support/demo-report.js';
import { HOSTILE, hostileInventory, hostileResilience } from '../support/hostile-inventory.js';
import { runCli } from '../support/run-cli.js';
import { commandsOf } from '../support/rule-cases.js';

/** Screenshots of the demo report, for a person to look at: not compared, kept out of git. */
const ARTEFACTS = join(packageRoot(), 'test-artifacts');
/** How much of the page the phone screenshot shows: header, at a glance, the matrix and the first paths. */
const PHONE_SHOT_HEIGHT = 6_000;
/**
 * Renders what `content-visibility:auto` skips off screen. A full-page screenshot captures beyond
 * the viewport; and a click far down the page must not land where a section above, rendered as
 * the page scrolls to it, has just moved things.
 */
const renderAll = (page: Page) => page.evaluate(() => document.querySelectorAll<HTMLElement>('li.finding,section.practice,article.ep').forEach((el) => (el.style.contentVisibility = 'visible')));
const SECTIONS = ['glance', 'matrix', 'paths', 'findings', 'not-evaluated', 'history', 'compliance'];
const available = requireOrAnnounceChromium('the HTML report in a real browser (test/report/html.browser.test.ts)');

describe.skipIf(!available)('the HTML report in Chromium', () => {
  let browser: Browser;
  let report: ScanReport;
  let html: string;

  beforeAll(async () => {
    browser = await launchChromium();
    report = await demoReport();
    html = [...renderHtml(report, { history: demoHistory(report) })].join('');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no console error and no request leaving the page, every section present in order', async () => {
    const { page, requests, errors, dialogs } = await openReport(browser, html);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    const ids = await page.$$eval('main > section[id]', (sections) => sections.map((s) => s.id));
    expect(ids).toEqual(SECTIONS);
    expect(await page.locator('header h1').count()).toBe(1);
    await page.context().close();
  });

  it('leads from each matrix cell to the explanation of that outcome', async () => {
    const { page } = await openReport(browser, html);
    const cells = await page.$$eval('table.matrix td.cell a', (links) =>
      links.map((a) => {
        const target = document.getElementById(a.getAttribute('href')!.slice(1));
        const cellOutcome = [...a.parentElement!.classList].find((c) => c.startsWith('o-'));
        const explained = target ? [...target.querySelectorAll('.badge'), target].some((el) => el.classList.contains(cellOutcome!)) || target.textContent!.includes(cellOutcome!.slice(2)) : false;
        return { href: a.getAttribute('href'), found: target !== null, explained };
      }),
    );
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => !c.found || !c.explained)).toEqual([]);
    const first = page.locator('table.matrix td.cell a').first();
    const href = (await first.getAttribute('href'))!;
    await first.click();
    expect(new URL(page.url()).hash).toBe(href);
    expect(await page.locator(`${href}:target`).isVisible()).toBe(true);
    await page.context().close();
  });

  it('copies the exact fix command with the copy button', async () => {
    const { page } = await openReport(browser, html, { permissions: ['clipboard-read', 'clipboard-write'] });
    const withCommand = report.findings.find((r) => r.status === 'fail' && commandsOf(r).length > 0)!;
    const command = commandsOf(withCommand)[0]!;
    const block = page.locator('li.finding .cmd', { has: page.locator('pre', { hasText: command }) }).first();
    expect(await block.locator('pre').textContent()).toBe(command);
    await block.locator('button.copy').click();
    await expect.poll(() => block.locator('button.copy').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
    await page.context().close();
  });

  it('the what-if page of the demo (what-if --format html): no console error, no request leaves it, every affected item present', async () => {
    const args = ['what-if', '--inventory', DEMO_INVENTORY, '--zone', 'use1-az1', '--format'];
    const [page0, json] = await Promise.all([runCli([...args, 'html']), runCli([...args, 'json'])]);
    const affected = (JSON.parse(json.stdout) as WhatIf).affected;
    expect(affected.length).toBeGreaterThan(0);
    const { page, requests, errors, dialogs } = await openReport(browser, page0.stdout);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    const shown = await page.$$eval('li.finding', (items) => items.map((li) => ({ name: li.querySelector('b')!.textContent, outcome: li.getAttribute('data-outcome'), copies: li.querySelectorAll('.cmd button.copy').length })));
    expect(shown).toEqual(affected.map((i) => ({ name: i.name, outcome: i.outcome, copies: i.commands?.length ?? 0 })));
    expect(await page.locator('li.finding button.copy').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('filters the findings by severity', async () => {
    const { page } = await openReport(browser, html);
    await renderAll(page);
    const visible = (severity: string) => page.locator(`#sev-${severity} li.finding:visible`).count();
    const total = (severity: string) => page.locator(`#sev-${severity} li.finding`).count();
    expect(await visible('medium')).toBe(await total('medium'));
    expect(await total('medium')).toBeGreaterThan(0);
    await page.locator('input[data-severity-filter][value="medium"]').uncheck();
    expect(await visible('medium')).toBe(0);
    expect(await visible('high')).toBe(await total('high'));
    expect(await page.locator('#sev-medium').isVisible()).toBe(false);
    await page.locator('input[data-severity-filter][value="medium"]').check();
    expect(await visible('medium')).toBe(await total('medium'));
    await page.context().close();
  });

  it('shows every finding, with its commands, when JavaScript is off', async () => {
    const { page } = await openReport(browser, html, { javaScriptEnabled: false });
    const shown = report.findings.filter((r) => r.status === 'fail' || r.status === 'suppressed');
    expect(await page.locator('li.finding:visible').count()).toBe(shown.length);
    const commands = shown.flatMap((r) => commandsOf(r));
    expect(await page.locator('li.finding pre:visible').allTextContents()).toEqual(expect.arrayContaining(commands));
    expect(await page.locator('button.copy:visible').count()).toBe(0);
    expect(await page.locator('.filters:visible').count()).toBe(0);
    await page.context().close();
  });

  it('has no serious or critical accessibility violation (axe-core), light and dark', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark'] as const) {
      // The report's policy forbids injected scripts: axe is let in for this test only.
      const { page } = await openReport(browser, html, { bypassCSP: true, colorScheme });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target) }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), colorScheme).toEqual([]);
      await page.context().close();
    }
  });

  it('renders hostile names as text: no script runs, no dialog opens, the names show literally', async () => {
    const inventory = hostileInventory(await loadInventory(DEMO_INVENTORY));
    const hostile = reportOfInventory(inventory);
    hostile.resilience = hostileResilience(hostile.resilience!);
    const page = await openReport(browser, [...renderHtml(hostile)].join(''));
    expect(page.dialogs).toEqual([]);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(await page.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.page.locator('img, iframe, object, embed').count()).toBe(0);
    expect(await page.page.locator('script').count()).toBe(1);
    const text = await page.page.locator('main').innerText();
    for (const name of [HOSTILE.script, HOSTILE.attribute, HOSTILE.style]) expect(text).toContain(name);
    expect(text).toContain('bad\\x1b[2J\\r\\nSummary: 0 failed\\u202e');
    expect(text).toContain(HOSTILE.long);
    // The long names wrap instead of widening the page.
    expect(await page.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.page.context().close();
  });

  it('writes screenshots of the demo report: light, dark, phone width, print', async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    const shots = [
      { file: 'report-light.png', options: { viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const } },
      { file: 'report-dark.png', options: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' as const } },
      // At phone width the page is tens of thousands of pixels tall, more than Chromium captures in time: its first screens, as one tall viewport.
      { file: 'report-phone.png', options: { viewport: { width: 390, height: PHONE_SHOT_HEIGHT }, colorScheme: 'light' as const, isMobile: true, deviceScaleFactor: 2 } },
    ];
    for (const { file, options } of shots) {
      const { page } = await openReport(browser, html, options);
      await renderAll(page);
      await page.screenshot({ path: join(ARTEFACTS, file), fullPage: !options.isMobile });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), file).toBe(true);
      await page.context().close();
    }
    const { page } = await openReport(browser, html, { viewport: { width: 800, height: 1100 } });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await renderAll(page);
    await page.screenshot({ path: join(ARTEFACTS, 'report-print.png'), fullPage: true });
    expect(await page.locator('button.copy:visible, .filters:visible').count()).toBe(0);
    await page.pdf({ path: join(ARTEFACTS, 'report.pdf'), format: 'A4' });
    await page.context().close();
  }, 180_000);
});
