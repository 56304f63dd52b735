import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-info.js';
import { expectValidReport } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

// Names from AWS (and bytes of user files) that would clear the screen or forge report lines if
// printed raw: through the real CLI, the text outputs show them escaped, the machine formats carry them.

const ESC = '\x1b';
/** Legal Auto Scaling group names: any Unicode but a few controls, `\r` and `\n` included. */
const HOSTILE = {
  'web-asg': `web${ESC}[2J${ESC}[H`,
  'queue-worker-asg': 'queue\r    ✓ forged-check [us-east-1]',
  'classic-asg': 'classic\nSummary: 0 failed · 99 passed · 0 not evaluated · passes the gate (--fail-on low): exit 0',
  'api-asg': `api${ESC}]0;owned${ESC}\\‮gsa`,
} as const;

/** The asg-multi-az fixture with its groups renamed (in their ARNs too), and a gap whose message holds escapes. */
function hostileInventory(): string {
  let text = readFileSync(join(packageRoot(), 'fixtures/asg-multi-az/fail.json'), 'utf8');
  const inventory = JSON.parse(text) as { accounts: { regions: { autoscaling: { groups: { name: string; arn: string }[] } }[] }[]; gaps: unknown[] };
  for (const group of inventory.accounts[0]!.regions[0]!.autoscaling.groups) {
    const name = HOSTILE[group.name as keyof typeof HOSTILE];
    group.arn = group.arn.replace(`/${group.name}`, `/${name}`);
    group.name = name;
  }
  inventory.gaps = [{ accountId: '111122223333', region: 'us-east-1', service: 'rds', operation: 'DescribeDBInstances', code: 'InternalFailure', message: `boom${ESC}[2J\nSummary: all good` }];
  text = JSON.stringify(inventory);
  const file = join(mkdtempSync(join(tmpdir(), 'ha-audit-hostile-')), 'inventory.json');
  writeFileSync(file, text);
  return file;
}

const hostileNames = Object.values(HOSTILE);
// eslint-disable-next-line no-control-regex
const controls = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/;

describe('terminal injection (issue 14)', () => {
  const inventory = hostileInventory();

  it('text report: escapes, \\r and \\n of names and messages are shown escaped; no line can be forged', async () => {
    const run = await runCli(['scan', '--inventory', inventory]);
    expect(run.code).toBe(3);
    expect(run.stdout).not.toMatch(controls);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('Summary:'))).toHaveLength(1);
    expect(lines.at(-2)!.startsWith('Summary:')).toBe(true);
    expect(lines.filter((line) => line.includes('forged-check')).every((line) => !/^\s*✓/.test(line))).toBe(true);
    expect(run.stdout).toContain('web\\x1b[2J\\x1b[H');
    expect(run.stdout).toContain('queue\\r    ✓ forged-check');
    expect(run.stdout).toContain('classic\\nSummary: 0 failed');
    expect(run.stdout).toContain('api\\x1b]0;owned\\x1b\\\\u202egsa');
    expect(run.stdout).toContain('boom\\x1b[2J\\nSummary: all good');
  });

  it('JSON and SARIF carry the real names; JUnit stays valid XML', async () => {
    const [json, sarif, junit] = await Promise.all(['json', 'sarif', 'junit'].map((format) => runCli(['scan', '--inventory', inventory, '--format', format])));
    const report = expectValidReport(json!.stdout) as { findings: { resource: { name?: string } }[]; scan: { gaps: { message: string }[] } };
    expect(new Set(report.findings.map((f) => f.resource.name).filter((name) => name !== undefined))).toEqual(new Set(hostileNames));
    expect(report.scan.gaps[0]!.message).toBe(`boom${ESC}[2J\nSummary: all good`);

    const log = JSON.parse(sarif!.stdout) as { runs: { results: { message: { text: string } }[] }[] };
    const messages = log.runs[0]!.results.map((r) => r.message.text).join('\n');
    for (const name of hostileNames) expect(messages).toContain(name);

    expect(junit!.code).toBe(3);
    expect(() => new XMLParser().parse(junit!.stdout, true)).not.toThrow();
    expect(junit!.stdout).not.toContain(ESC);
    // A carriage return as a reference: kept for a parser (not read as a newline), harmless on a terminal.
    expect(junit!.stdout).not.toContain('\r');
    expect(junit!.stdout).toContain('queue&#13;    ✓ forged-check');
  });

  it('an inventory starting with an escape sequence: the error shows it escaped', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ha-audit-hostile-')), 'screen.json');
    writeFileSync(file, `${ESC}[2J${ESC}[H{"format": "ha-audit-inventory"}`);
    const run = await runCli(['scan', '--inventory', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(controls);
    expect(run.stderr).toContain('\\x1b[2J');
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('a binary or huge configuration: one short line, whatever it holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-hostile-'));
    writeFileSync(join(dir, 'long.yml'), 'x'.repeat(7000));
    writeFileSync(join(dir, 'keys.yml'), `rules:\n  ${'\u009b2J'.repeat(300)}: false\n`);
    for (const config of ['long.yml', 'keys.yml']) {
      const run = await runCli(['scan', '--inventory', inventory, '--config', config], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr.length).toBeLessThan(400);
      expect(run.stderr).not.toMatch(controls);
      expect(run.stderr).toContain('…');
    }
  });

  it('warnings on stderr show control characters escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-hostile-'));
    writeFileSync(join(dir, '.ha-audit.yml'), 'suppressions:\n  - rule: asg-multi-az\n    resource: "nothing\\e[2J\\rhere"\n    reason: "none"\n');
    const run = await runCli(['scan', '--inventory', inventory, '--format', 'json'], { cwd: dir });
    expect(run.stderr).toContain('nothing\\x1b[2J\\rhere');
    expect(run.stderr).not.toMatch(controls);
  });

  it('option values echoed in an error are shown escaped and cut short', async () => {
    const run = await runCli(['scan', '--region', `us-east-1${ESC}[2J`.repeat(100)]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(controls);
    expect(run.stderr.length).toBeLessThan(400);
  });
});
