import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { WhatIf } from '../../src/model/what-if.js';
import { packageRoot } from '../../src/package-info.js';
import { runCli } from '../support/run-cli.js';

const demo = 'fixtures/demo/inventory.json';
const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'what-if.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const tmp = () => mkdtempSync(join(tmpdir(), 'ha-audit-what-if-'));

/** Parses `what-if --format json` and fails unless it matches schema/what-if.schema.json. */
function expectValidWhatIf(json: string): WhatIf {
  const data = JSON.parse(json) as WhatIf;
  validate(data);
  expect(validate.errors ?? [], 'matches schema/what-if.schema.json').toEqual([]);
  return data;
}

describe('ha-audit what-if (child process)', () => {
  it('a zone of the demo by id and by name: the same answer, some down, some degraded, some survive; exit 1', async () => {
    const [byId, byName] = await Promise.all([
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'json']),
      runCli(['what-if', '--inventory', demo, '--zone', 'us-east-1a', '--format', 'json']),
    ]);
    expect(byId).toMatchObject({ code: 1, stderr: '' });
    const id = expectValidWhatIf(byId.stdout);
    const name = expectValidWhatIf(byName.stdout);
    expect(name.scenario).toEqual(id.scenario);
    expect(name.affected).toEqual(id.affected);
    expect(id.scenario).toMatchObject({ id: 'zone:us-east-1/use1-az1', kind: 'zone', zoneId: 'use1-az1' });
    expect(id.asked).toEqual({ zone: 'use1-az1' });
    const outcomes = id.affected.map((i) => i.outcome);
    expect(outcomes).toContain('down');
    expect(outcomes).toContain('degraded');
    // Worst first.
    expect(outcomes.indexOf('down')).toBeLessThan(outcomes.lastIndexOf('degraded'));
    expect(id.survive['entry-point'].total).toBeGreaterThan(0);
    expect(id.survive['data-store'].total).toBe(id.total['data-store']);
    // Each failing one with its reason, capacity and the fix that would have prevented it.
    for (const item of id.affected) {
      expect(item.reasonId).toBeTruthy();
      expect(item.capacity).toBeDefined();
      expect(item.fix).toBeTruthy();
      expect(item.commands?.length ?? 0).toBeGreaterThan(0);
    }
    expect(id).toMatchObject({ exitCode: 1, complete: true, format: 'ha-audit-what-if', schemaVersion: 1 });
  });

  it('the text answer lists the same entry points, names the fix commands and ends with the exit code', async () => {
    const [text, json] = await Promise.all([
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1']),
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'json']),
    ]);
    expect(text).toMatchObject({ code: 1, stderr: '' });
    const data = expectValidWhatIf(json.stdout);
    for (const item of data.affected) {
      expect(text.stdout).toContain(item.name);
      for (const command of item.commands ?? []) expect(text.stdout).toContain(`$ ${command}`);
    }
    for (const item of data.notJudged) expect(text.stdout).toContain(item.name);
    expect(text.stdout).toMatch(/exit 1\n$/);
  });

  it('a region: every affected entry point and data store in it; exit 1', async () => {
    const run = await runCli(['what-if', '--inventory', demo, '--region', 'us-east-1', '--format', 'json']);
    expect(run.code).toBe(1);
    const data = expectValidWhatIf(run.stdout);
    expect(data.scenario).toMatchObject({ id: 'region:us-east-1', kind: 'region' });
    expect(data.affected.some((i) => i.subject === 'data-store')).toBe(true);
    // A region loss needs a copy elsewhere, which no rule's command builds: the sentence only.
    for (const item of data.affected.filter((i) => i.subject === 'data-store')) expect(item.commands, item.name).toBeUndefined();
  });

  it('a data store lost with its zone gets the fix of its data-layer rule', async () => {
    const run = await runCli(['what-if', '--inventory', demo, '--zone', 'use1-az2', '--format', 'json']);
    const data = expectValidWhatIf(run.stdout);
    const db = data.affected.find((i) => i.subject === 'data-store' && i.outcome === 'down');
    expect(db).toMatchObject({ kind: 'rds-instance', reasonId: 'singleZone' });
    expect(db!.commands).toEqual([expect.stringMatching(/^aws rds modify-db-instance .*--multi-az/)]);
  });

  it('exit 0 when everything keeps serving (and on a terminal-less run, no colour)', async () => {
    const run = await runCli(['what-if', '--inventory', 'fixtures/app-zone-failure/pass.json', '--zone', 'use1-az2']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain(String.fromCharCode(27));
    const json = await runCli(['what-if', '--inventory', 'fixtures/app-zone-failure/pass.json', '--zone', 'use1-az2', '--format', 'json']);
    const data = expectValidWhatIf(json.stdout);
    expect(data).toMatchObject({ affected: [], exitCode: 0, complete: true });
    expect(data.survive['entry-point'].total).toBe(data.total['entry-point']);
  });

  it('an unknown zone or region: exit 2, one line listing those the scan knows', async () => {
    const [zone, region] = await Promise.all([runCli(['what-if', '--inventory', demo, '--zone', 'use1-az9']), runCli(['what-if', '--inventory', demo, '--region', 'ap-south-1'])]);
    expect(zone).toMatchObject({ code: 2, stdout: '' });
    expect(zone.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(zone.stderr).toContain('use1-az1 (us-east-1a)');
    expect(zone.stderr).toContain('euw1-az2 (eu-west-1a)');
    expect(region).toMatchObject({ code: 2, stdout: '' });
    expect(region.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(region.stderr).toContain('eu-west-1, us-east-1');
  });

  it('usage errors: no loss, two losses, a live-only option with --inventory, sarif and junit: exit 2 and one line', async () => {
    const runs = await Promise.all([
      runCli(['what-if', '--inventory', demo]),
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--region', 'us-east-1']),
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--timeout', '5m']),
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'sarif']),
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'junit']),
      runCli(['what-if', '--inventory', demo, '--zone', '']),
    ]);
    for (const run of runs) {
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toMatch(/^ha-audit: [^\n]+\n$/);
    }
  });

  it('--format html and markdown: every affected item, its first fix command, the same exit codes', async () => {
    const [json, html, md, region, calm] = await Promise.all([
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'json']),
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'html']),
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'markdown']),
      runCli(['what-if', '--inventory', demo, '--region', 'us-east-1', '--format', 'html']),
      runCli(['what-if', '--inventory', 'fixtures/app-zone-failure/pass.json', '--zone', 'use1-az2', '--format', 'markdown']),
    ]);
    const data = expectValidWhatIf(json.stdout);
    expect(html).toMatchObject({ code: 1, stderr: '' });
    expect(md).toMatchObject({ code: 1, stderr: '' });
    expect(html.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    expect(html.stdout.match(/<li class="finding"/g)).toHaveLength(data.affected.length);
    for (const item of data.affected) {
      expect(html.stdout).toContain(`<b>${item.name}</b>`);
      expect(md.stdout).toContain(`\`${item.name}\``);
      expect(md.stdout).toContain(item.commands![0]!);
    }
    expect(md.stdout.length).toBeLessThanOrEqual(65_536);
    expect(region.code).toBe(expectValidWhatIf((await runCli(['what-if', '--inventory', demo, '--region', 'us-east-1', '--format', 'json'])).stdout).exitCode);
    expect(calm.code).toBe(expectValidWhatIf((await runCli(['what-if', '--inventory', 'fixtures/app-zone-failure/pass.json', '--zone', 'use1-az2', '--format', 'json'])).stdout).exitCode);
  });

  it('--output writes the answer to a file and says where on stderr', async () => {
    const out = join(tmp(), 'what-if.json');
    const run = await runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'json', '--output', out]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toContain(out);
    expect(expectValidWhatIf(readFileSync(out, 'utf8')).exitCode).toBe(1);
  });

  it('a configuration changes the share an entry point must keep (resilience.minCapacityShare)', async () => {
    const dir = tmp();
    const config = join(dir, 'config.yml');
    writeFileSync(config, 'resilience:\n  minCapacityShare: 0.3\n');
    const [strict, lenient] = await Promise.all([
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'json']),
      runCli(['what-if', '--inventory', demo, '--zone', 'use1-az1', '--format', 'json', '--config', config]),
    ]);
    const degraded = (run: { stdout: string }) => expectValidWhatIf(run.stdout).affected.filter((i) => i.outcome === 'degraded').length;
    expect(expectValidWhatIf(lenient.stdout).minCapacityShare).toBe(0.3);
    expect(degraded(lenient)).toBeLessThan(degraded(strict));
  });
});
