import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-info.js';
import { expectValidReport } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

// Inventories that were accepted and should not be, and one that was refused and should not be (issue 14).

const dir = mkdtempSync(join(tmpdir(), 'ha-audit-odd-'));
const text = readFileSync(join(packageRoot(), 'fixtures/tg-stickiness/fail.json'), 'utf8');
const fixture = () => JSON.parse(text) as { accounts: { accountId: string; regions: unknown[] }[] };
function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('odd inventories (child process)', () => {
  it.each([
    ['no account', () => ({ ...fixture(), accounts: [] }), /inventory .*\.json is invalid at \/accounts: it holds no account/],
    ['an account twice', () => (({ accounts, ...rest }) => ({ ...rest, accounts: [accounts[0], accounts[0]] }))(fixture()), /is invalid at \/accounts\/1: account 111122223333 is already at \/accounts\/0/],
    ['a region twice', () => { const f = fixture(); f.accounts[0]!.regions.push(f.accounts[0]!.regions[0]); return f; }, /is invalid at \/accounts\/0\/regions\/1: region us-east-1 is already at \/accounts\/0\/regions\/0/],
  ])('%s: refused, exit 2, with the path of the problem', async (name, inventory, message) => {
    const run = await runCli(['scan', '--inventory', write(`${name.replace(/ /g, '-')}.json`, JSON.stringify(inventory())), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('an inventory with a UTF-8 byte-order mark loads as without one', async () => {
    const [withMark, without] = await Promise.all([runCli(['scan', '--inventory', write('bom.json', `\ufeff${text}`), '--format', 'json']), runCli(['scan', '--inventory', write('plain.json', text), '--format', 'json'])]);
    expect(withMark.stderr).toBe('');
    expect(withMark.code).toBe(without.code);
    expect((expectValidReport(withMark.stdout) as { findings: unknown[] }).findings).toEqual((expectValidReport(without.stdout) as { findings: unknown[] }).findings);
  });

  it('a baseline with a byte-order mark loads too', async () => {
    const baseline = (await runCli(['scan', '--inventory', write('plain.json', text), '--format', 'json'])).stdout;
    const run = await runCli(['scan', '--inventory', join(dir, 'plain.json'), '--baseline', write('baseline.json', `\ufeff${baseline}`), '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });

  it('a report of --history with a byte-order mark is read, not left out as invalid JSON', async () => {
    const history = mkdtempSync(join(tmpdir(), 'ha-audit-history-'));
    const inventory = write('plain.json', text);
    writeFileSync(join(history, '2026-01-01.json'), `\ufeff${(await runCli(['scan', '--inventory', inventory, '--format', 'json'])).stdout}`);
    const run = await runCli(['scan', '--inventory', inventory, '--history', history, '--format', 'markdown']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('1 earlier report');
    expect(run.stdout).not.toContain('2026-01-01.json');
  });

  it('a configuration larger than the longest string: one clear line, as for an inventory', async () => {
    const file = join(dir, 'huge.yml');
    execFileSync('truncate', ['-s', String(constants.MAX_STRING_LENGTH + 1), file]);
    try {
      const run = await runCli(['rules', '--config', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ha-audit: cannot read configuration .*huge\.yml: [\d,]+ bytes is more than the [\d,]+ characters one file can hold here; see docs\/configuration\.md\n$/);
    } finally {
      rmSync(file);
    }
  });

  it('a report to render larger than the longest string: one clear line, with the way that works', async () => {
    const file = join(dir, 'huge-report.json');
    execFileSync('truncate', ['-s', String(constants.MAX_STRING_LENGTH + 1), file]);
    try {
      const run = await runCli(['report', file, '--format', 'html']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ha-audit: cannot read report .*huge-report\.json: [\d,]+ bytes is more than the [\d,]+ characters one file can hold here; render it from the inventories instead: ha-audit scan --inventory FILE \.\.\. --format FORMAT\n$/);
    } finally {
      rmSync(file);
    }
  });

  it('a baseline larger than the longest string is streamed, not refused: this one is no report', async () => {
    const file = join(dir, 'huge-baseline.json');
    execFileSync('truncate', ['-s', String(constants.MAX_STRING_LENGTH + 1), file]);
    try {
      const run = await runCli(['scan', '--inventory', join(packageRoot(), 'fixtures', 'demo', 'inventory.json'), '--baseline', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ha-audit: baseline .*huge-baseline\.json is invalid: it is not a JSON report \(not an object\); pass the JSON report of an earlier scan/);
    } finally {
      rmSync(file);
    }
  });

  it('an inventory larger than the longest string (a sparse file, never read): one clear line', async () => {
    const file = join(dir, 'huge.json');
    execFileSync('truncate', ['-s', String(constants.MAX_STRING_LENGTH + 1), file]);
    try {
      const run = await runCli(['scan', '--inventory', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ha-audit: cannot read inventory .*huge\.json: [\d,]+ bytes is more than the [\d,]+ characters one file can hold here; save the scan as shards \(--shard I\/N --save-inventory FILE\), and give every shard with its own --inventory\n$/);
    } finally {
      rmSync(file);
    }
  });
});
