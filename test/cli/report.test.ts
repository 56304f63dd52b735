import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import { runCli } from '../support/run-cli.js';
import { expectValidReport } from '../support/report-schema.js';

const DEMO = 'fixtures/demo/inventory.json';
const dir = mkdtempSync(join(tmpdir(), 'ha-audit-report-'));
const saved = join(dir, 'report.json');

describe('ha-audit report: any format from a saved JSON report, without AWS', () => {
  beforeAll(async () => {
    const scan = await runCli(['scan', '--inventory', DEMO, '--format', 'json', '--output', saved]);
    expect(scan.code).toBe(1);
    const report = expectValidReport(readFileSync(saved, 'utf8')) as unknown as ScanReport;
    expect(report.rules?.map((r) => r.id)).toContain('elb-multi-az');
    expect(report.scan.gate).toEqual({ failOn: 'low', exitCode: 1, failOnNewOnly: false });
  });

  it('renders each format as the scan itself does (times aside), and exits 0: it never gates', async () => {
    // A new scan of the same inventory differs from the saved one only in its times.
    const withoutTimes = (output: string) => output.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>').replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '<time>').replace(/ time="[0-9.]+"/g, ' time=""');
    const formats = ['text', 'json', 'sarif', 'junit', 'html', 'markdown'];
    const runs = await Promise.all(formats.map((format) => Promise.all([runCli(['report', saved, '--format', format], { env: { NO_COLOR: '1' } }), runCli(['scan', '--inventory', DEMO, '--format', format], { env: { NO_COLOR: '1' } })])));
    runs.forEach(([run, scanned], i) => {
      const format = formats[i]!;
      expect(run.stderr, format).toBe('');
      expect(run.code, format).toBe(0);
      expect(withoutTimes(run.stdout), format).toBe(withoutTimes(scanned.stdout));
    });
    const text = await runCli(['report', saved], { env: { NO_COLOR: '1' } });
    expect(text.stdout).toMatch(/fails the gate \(--fail-on low\): exit 1/);
  }, 90_000);

  it('writes --output and shows the scan in HTML and Markdown', async () => {
    const html = join(dir, 'report.html');
    expect((await runCli(['report', saved, '--format', 'html', '--output', html])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
    const markdown = await runCli(['report', saved, '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^## ha-audit: \d+ failing/);
  });

  it('renders a report written before reports described their rules and the gate', async () => {
    const old = JSON.parse(readFileSync(saved, 'utf8')) as ScanReport;
    delete old.rules;
    delete old.scan.gate;
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify(old));
    const sarif = await runCli(['report', file, '--format', 'sarif']);
    expect(sarif.code).toBe(0);
    expect((JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: unknown[] } } }[] }).runs[0]!.tool.driver.rules.length).toBeGreaterThan(0);
    const markdown = await runCli(['report', file, '--format', 'markdown']);
    expect(markdown.stdout).toContain('REL10-BP01');
  });

  it('adds the trend and what changed with --history, leaving out reports of another scope', async () => {
    const history = join(dir, 'history');
    mkdirSync(history);
    const current = JSON.parse(readFileSync(saved, 'utf8')) as ScanReport;
    const earlier = structuredClone(current);
    earlier.scan.startedAt = '2026-01-01T00:00:00.000Z';
    earlier.scan.finishedAt = '2026-01-01T00:00:05.000Z';
    earlier.findings = earlier.findings.filter((r) => r.ruleId !== 'tg-stickiness');
    writeFileSync(join(history, '2026-01-01.json'), JSON.stringify(earlier));
    const other = structuredClone(earlier);
    other.scan.accounts = ['999999999999'];
    writeFileSync(join(history, 'other-account.json'), JSON.stringify(other));
    writeFileSync(join(history, 'broken.json'), '{');
    const run = await runCli(['report', saved, '--format', 'markdown', '--history', history]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('### History');
    expect(run.stdout).toMatch(/1 earlier report of the same scope/);
    expect(run.stdout).toMatch(/`other-account\.json` \(another scope: account 999999999999/);
    expect(run.stdout).toMatch(/`broken\.json` \(not valid JSON\)/);
    expect(run.stdout).toMatch(/\*\*Since the previous report\*\* \(.*\): 1 new failing/);
    const html = await runCli(['report', saved, '--format', 'html', '--history', history]);
    expect(html.stdout).toContain('<section id="history"');
  });

  it.each([
    ['a missing file', ['report', 'no/such.json'], /^ha-audit: cannot read report no\/such.json: no such file; /],
    ['a file that is not JSON', ['report', 'README.md'], /^ha-audit: report README.md is not valid JSON: /],
    ['an inventory instead of a report', ['report', DEMO], /^ha-audit: report fixtures\/demo\/inventory.json is not an ha-audit JSON report: /],
    ['--history with a format that does not show it', ['report', 'x.json', '--history', '.'], /^ha-audit: --history does nothing with --format text; use it with --format html or --format markdown\n$/],
    ['--history that is not a folder', ['report', 'x.json', '--format', 'html', '--history', 'README.md'], /^ha-audit: --history README.md is not a folder; /],
  ])('exits 2 with one line for %s', async (_what, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});

describe('ha-audit rules ID', () => {
  it('explains a rule with the Well-Architected best practices it gives evidence for', async () => {
    const run = await runCli(['rules', 'tg-stickiness']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^tg-stickiness: /);
    expect(run.stdout).toContain('REL05-BP06 Make systems stateless where possible');
    expect(run.stdout).toContain('https://docs.aws.amazon.com/wellarchitected/latest/framework/rel05-bp06.html');
    const json = JSON.parse((await runCli(['rules', 'tg-stickiness', '--format', 'json'])).stdout) as { wellArchitected: { id: string }[] };
    expect(json.wellArchitected.map((bp) => bp.id)).toEqual(['REL05-BP06']);
  });

  it('refuses an unknown id with a suggestion, exit 2', async () => {
    const run = await runCli(['rules', 'tg-stickyness']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ha-audit: unknown rule "tg-stickyness" \(did you mean tg-stickiness\?\)/);
  });
});
