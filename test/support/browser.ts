import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); playwright-core drives it, nothing is downloaded. */
export const CHROMIUM = process.env.HA_AUDIT_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM);

/**
 * The browser tests run wherever Chromium is installed, and CI (CI=true) must have it: there a
 * missing browser fails the run instead of skipping. Elsewhere, a loud notice says what was skipped.
 */
export function requireOrAnnounceChromium(what: string): boolean {
  if (CHROMIUM_AVAILABLE) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must run the browser tests (${what}); .ci/run installs it with apt-get install chromium`);
  const line = '!'.repeat(100);
  console.warn(`\n${line}\n!! SKIPPED: ${what}\n!! No Chromium at ${CHROMIUM}. Install it (sudo apt-get install chromium) or set HA_AUDIT_CHROMIUM, then run npm test again.\n${line}\n`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Where the report is served from: https, so that the page is a secure context (clipboard), on a name that cannot resolve. */
export const REPORT_URL = 'https://report.ha-audit.invalid/report.html';

export interface OpenedReport {
  page: Page;
  /** Every request the page made besides the report itself: each was refused. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Dialogs (alert, confirm, prompt) that something tried to open: each was dismissed. */
  dialogs: string[];
}

/** Opens the HTML in a fresh context; every request but the report's own is intercepted, recorded and refused. */
export async function openReport(browser: Browser, html: string, options: BrowserContextOptions = {}): Promise<OpenedReport> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const opened: OpenedReport = { page, requests: [], errors: [], dialogs: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === REPORT_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    opened.requests.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(REPORT_URL, { waitUntil: 'load' });
  return opened;
}
