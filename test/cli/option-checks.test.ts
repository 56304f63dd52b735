import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SCAN_OPTION_MODES, WHAT_IF_OPTION_MODES } from '../../src/cli/option-checks.js';
import { buildProgram } from '../../src/cli/program.js';
import type { ScanIo } from '../../src/cli/scan-command.js';
import { runCli } from '../support/run-cli.js';

const demo = 'fixtures/demo/inventory.json';
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;
const commandNamed = (name: string) => {
  const io: ScanIo = { stdout: sink(), stderr: sink(), env: {}, debug: () => {} };
  return buildProgram(io, () => {}).commands.find((command) => command.name() === name)!;
};
const scanCommand = () => commandNamed('scan');

/** Runs `ha-audit scan ...args` in this process; resolves to what it threw, if anything. */
async function scanError(args: string[]): Promise<unknown> {
  const io: ScanIo = { stdout: sink(), stderr: sink(), env: {}, debug: () => {} };
  return buildProgram(io, () => {})
    .parseAsync(['node', 'ha-audit', 'scan', ...args])
    .then(() => undefined, (error: unknown) => error);
}

describe('options that do nothing in the mode used', () => {
  it('every option of scan has its place in SCAN_OPTION_MODES, and the table names no other', () => {
    const declared = [...new Set(scanCommand().options.map((option) => option.attributeName()))].filter((key) => key !== 'help');
    expect(declared.sort()).toEqual(Object.keys(SCAN_OPTION_MODES).sort());
  });

  it('every option of what-if has its place in WHAT_IF_OPTION_MODES; the live ones are those of scan but sharding, --scan-region for --region', () => {
    const declared = [...new Set(commandNamed('what-if').options.map((option) => option.attributeName()))].filter((key) => key !== 'help');
    expect(declared.sort()).toEqual(Object.keys(WHAT_IF_OPTION_MODES).sort());
    const live = (modes: Record<string, string>) => Object.keys(modes).filter((key) => modes[key] === 'live');
    // A shard saves its share for a later evaluation: what-if plays a loss on the whole scan.
    expect(live(WHAT_IF_OPTION_MODES)).toEqual(live(SCAN_OPTION_MODES).filter((key) => key !== 'shard' && key !== 'shardCount'));
  });

  const liveOnly = scanCommand().options.filter((option) => SCAN_OPTION_MODES[option.attributeName() as keyof typeof SCAN_OPTION_MODES] === 'live');
  it.each(liveOnly.map((option) => [option.long!, option.required ? [option.long!, 'value'] : [option.long!]] as const))('%s with --inventory: refused, exit 2', async (long, given) => {
    expect(await scanError(['--inventory', demo, ...given])).toMatchObject({ code: 'usage', message: `${long} has no effect with --inventory: it is for a live scan` });
  });

  it('the live-only options include those the issue names', () => {
    expect(liveOnly.map((option) => option.long)).toEqual(expect.arrayContaining(['--timeout', '--max-api-rate', '--external-id', '--max-accounts-in-parallel', '--role-session-name', '--profile']));
  });

  it('through the CLI: --timeout with --inventory is one line and exit 2; --region still narrows an inventory', async () => {
    const [timeout, region] = await Promise.all([runCli(['scan', '--inventory', demo, '--timeout', '5m']), runCli(['scan', '--inventory', demo, '--region', 'us-east-1', '--format', 'json'])]);
    expect(timeout).toMatchObject({ code: 2, stdout: '', stderr: 'ha-audit: --timeout has no effect with --inventory: it is for a live scan; leave it out, or scan live without --inventory\n' });
    expect(region.code).toBe(1);
  });
});

describe('empty values', () => {
  it.each([
    ['scan --rule ""', ['scan', '--inventory', demo, '--rule', '']],
    ['scan --rule ,', ['scan', '--inventory', demo, '--rule', ',']],
    ['scan --output ""', ['scan', '--inventory', demo, '--output', '']],
    ['scan --region ""', ['scan', '--inventory', demo, '--region', '']],
    ['scan --inventory ""', ['scan', '--inventory', '']],
    ['iam-policy --rule ""', ['iam-policy', '--rule', '']],
  ])('%s: an error, not "every rule" or "standard output"', async (_, args) => {
    const run = await runCli(args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^ha-audit: --[a-z-]+ needs a value, got an empty one; give a value, or leave the option out\n$/);
  });

  it.each([
    ['rules ""', ['rules', ''], '<id>'],
    ['report ""', ['report', ''], '<report>'],
  ])('%s: an error, not the first rule or a file named ""', async (_, args, argument) => {
    const run = await runCli(args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(new RegExp(`^ha-audit: ${argument} needs a value, got an empty one; give a value`));
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

describe('an option of one value given twice', () => {
  it.each([
    ['what-if --zone twice (one loss is played)', ['what-if', '--zone', 'use1-az1', '--zone', 'use1-az2', '--inventory', demo], '--zone is given twice'],
    ['scan --output twice', ['scan', '--inventory', demo, '--output', 'a.json', '--output', 'b.json'], '--output is given twice'],
    ['scan --format twice', ['scan', '--inventory', demo, '--format', 'json', '--format', 'sarif'], '--format is given twice'],
    ['scan --config and --no-config', ['scan', '--inventory', demo, '--config', 'x.yml', '--no-config'], '--config and --no-config contradict each other'],
    ['report --output twice', ['report', 'r.json', '--output', 'a', '--output', 'b'], '--output is given twice'],
    ['rules --format twice', ['rules', '--format', 'json', '--format', 'text'], '--format is given twice'],
  ])('%s: refused, exit 2, nothing written', async (_, args, message) => {
    const run = await runCli(args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr.startsWith(`ha-audit: ${message}`)).toBe(true);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('repeatable options gather their values; a flag given twice is no contradiction', async () => {
    const run = await runCli(['scan', '--inventory', demo, '--rule', 'elb-multi-az', '--rule', 'tg-stickiness', '--region', 'us-east-1', '--region', 'eu-west-1', '--quiet', '--quiet', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(new Set((JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId))).toEqual(new Set(['elb-multi-az', 'tg-stickiness']));
  });
});
