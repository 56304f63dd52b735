import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { buildReport } from '../../src/engine/scan-report.js';
import { emptyRegionInventory, emptyRoute53Inventory, type Inventory } from '../../src/model/inventory.js';
import type { Result } from '../../src/model/result.js';
import { accountRows, accountsHeadline } from '../../src/report/accounts.js';
import { renderHtml } from '../../src/report/html/render.js';
import { renderJsonChunks } from '../../src/report/json.js';
import { ACCOUNTS_SUITE, renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildSarif } from '../../src/report/sarif.js';
import { summaryLine } from '../../src/report/summary-line.js';
import { renderText } from '../../src/report/text.js';
import { ruleResult } from '../support/report-builders.js';
import { expectValidReport } from '../support/report-schema.js';

// An organisation of five: two accounts scanned (one failing, one clean), one whose role could
// not be assumed, one suspended, one closed. Names are hostile: markup, escapes, a table cell.
const FAILING = '111111111111';
const CLEAN = '222222222222';
const LOCKED = '333333333333';
const SUSPENDED = '444444444444';
const CLOSED = '555555555555';
const HOSTILE = 'prod\u001b[31m<img src=x onerror=alert(1)>|[x](https://evil.example)';

function organisation(): Inventory {
  const account = (accountId: string, name?: string, regions = [emptyRegionInventory('us-east-1')]) => ({ accountId, ...(name ? { name } : {}), route53: emptyRoute53Inventory(), regions });
  return {
    format: 'ha-audit-inventory',
    formatVersion: 2,
    collectedAt: '2026-12-06T10:00:00.000Z',
    accounts: [account(FAILING, HOSTILE), account(CLEAN, 'staging'), account(LOCKED, 'locked', [])],
    gaps: [{ accountId: LOCKED, region: 'global', service: 'sts', operation: 'AssumeRole', code: 'AccessDenied', message: 'not authorized to perform: sts:AssumeRole', class: 'denied' }],
    skippedAccounts: [
      { accountId: SUSPENDED, name: 'old <b>team</b>', state: 'SUSPENDED' },
      { accountId: CLOSED, state: 'CLOSED' },
    ],
  };
}

const at = (accountId: string, result: Result): Result => ({ ...result, resource: { ...result.resource, accountId } });
const results = [at(FAILING, ruleResult('elb-multi-az', 'fail', 'web')), at(CLEAN, ruleResult('elb-multi-az', 'pass', 'api')), at(FAILING, ruleResult('elb-multi-az', 'pass', 'other'))];
const report = buildReport({ inventory: organisation(), results, rules, source: 'inventory', startedAt: new Date('2026-12-06T10:00:00Z'), finishedAt: new Date('2026-12-06T10:05:00Z') });

describe('every account of the organisation is accounted for', () => {
  it('the JSON report names the accounts beside their ids and lists the skipped ones; it matches the schema', () => {
    const json = expectValidReport([...renderJsonChunks(report)].join(''));
    const scan = json.scan as Record<string, unknown>;
    expect(scan.accounts).toEqual([FAILING, CLEAN, LOCKED]);
    expect(scan.accountNames).toEqual({ [FAILING]: HOSTILE, [CLEAN]: 'staging', [LOCKED]: 'locked' });
    expect(scan.skippedAccounts).toEqual(organisation().skippedAccounts);
    // Skipped accounts are no gap: only the role that failed makes the scan incomplete.
    expect(scan.gaps).toHaveLength(1);
  });

  it('rows: scanned, then not scanned with the AssumeRole error, then skipped with the state', () => {
    expect(accountRows(report).map((r) => [r.accountId, r.status])).toEqual([
      [FAILING, 'scanned'],
      [CLEAN, 'scanned'],
      [LOCKED, 'not-scanned'],
      [SUSPENDED, 'skipped'],
      [CLOSED, 'skipped'],
    ]);
    expect(accountRows(report)[2]!.reason).toContain('AccessDenied');
    expect(accountsHeadline(report)).toBe('5 accounts of the organisation: 2 scanned, 1 not scanned, 2 skipped');
  });

  it('text: the account whose role failed is never among those with no failing result; names are escaped', () => {
    const text = renderText(report, { color: false, failOn: 'low', exitCode: 3 });
    expect(text).not.toContain('\u001b');
    const lines = text.split('\n');
    const clean = lines.find((line) => line.startsWith('No failing result'))!;
    expect(clean).toContain(CLEAN);
    expect(clean).not.toContain(LOCKED);
    expect(clean).not.toContain(SUSPENDED);
    const leftOut = lines.slice(lines.findIndex((line) => line.includes('ACCOUNTS NOT SCANNED')));
    for (const id of [LOCKED, SUSPENDED, CLOSED]) expect(leftOut.some((line) => line.includes(id))).toBe(true);
    expect(lines.find((line) => line.startsWith('Account ') && line.includes(FAILING))).toContain('(prod\\x1b[31m');
    expect(lines[0]).toContain(accountsHeadline(report));
  });

  it('the summary line (stderr of a CI log) says how many accounts it does not cover', () => {
    expect(summaryLine(report, { failOn: 'low', exitCode: 3 })).toContain('1 account not scanned, 2 skipped');
  });

  it('HTML: a table of every account, names as text; no "no failing result" without the accounts left out', () => {
    const html = [...renderHtml(report)].join('');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>team');
    const section = html.slice(html.indexOf('<section id="accounts"'), html.indexOf('</section>', html.indexOf('<section id="accounts"')));
    for (const id of [FAILING, CLEAN, LOCKED, SUSPENDED, CLOSED]) expect(section).toContain(id);
    expect(section).toContain('&lt;img src=x');

    const noneFailing = buildReport({ inventory: organisation(), results: results.filter((r) => r.status === 'pass'), rules, source: 'inventory', startedAt: new Date(), finishedAt: new Date() });
    const badge = [...renderHtml(noneFailing)]
      .join('')
      .split('\n')
      .find((line) => line.includes('no failing result</span>'))!;
    expect(badge).toContain('href="#accounts"');
  });

  it('Markdown: a table of every account, those left out first; names escaped', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).not.toContain('\u001b');
    // Names are code spans: shown literally, neither markup nor a link.
    expect(markdown).toContain('| `prod\\x1b[31m<img src=x onerror=alert(1)>\\|[x](https://evil.example)` |');
    const table = markdown.slice(markdown.indexOf('### Accounts (5)')).split('\n\n')[1]!.split('\n').slice(2);
    expect(table.map((row) => row.match(/\d{12}/)![0])).toEqual([LOCKED, SUSPENDED, CLOSED, FAILING, CLEAN]);
    // A hostile name cannot add a cell: the row keeps its three.
    expect(table[3]!.split(/(?<!\\)\|/).length).toBe(5);
  });

  it('JUnit: an accounts suite, one test case per account, those not scanned skipped with the reason', () => {
    const xml = renderJunit(report, rules);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
      testsuites: { testsuite: { name: string; tests: string; skipped: string; testcase: { name: string; skipped?: { message: string } }[] }[] };
    };
    const suite = parsed.testsuites.testsuite.find((s) => s.name === ACCOUNTS_SUITE)!;
    expect([suite.tests, suite.skipped]).toEqual(['5', '3']);
    expect(suite.testcase.filter((c) => c.skipped).map((c) => c.name.slice(0, 12))).toEqual([LOCKED, SUSPENDED, CLOSED]);
  });

  it('SARIF: the names and the skipped accounts in the run properties', () => {
    const properties = buildSarif(report, rules).runs[0]!.properties!;
    expect(properties.accountNames).toEqual(report.scan.accountNames);
    expect(properties.skippedAccounts).toEqual(report.scan.skippedAccounts);
  });

  it('an inventory saved before names and skipped accounts existed gives a report without them', () => {
    const old = organisation();
    delete old.skippedAccounts;
    old.accounts = old.accounts.map(({ name: _name, ...account }) => account);
    const scan = buildReport({ inventory: old, results, rules, source: 'inventory', startedAt: new Date(), finishedAt: new Date() }).scan;
    expect(scan.accountNames).toBeUndefined();
    expect(scan.skippedAccounts).toBeUndefined();
  });
});
