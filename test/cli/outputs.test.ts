import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, createReadStream, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/cli/files.js';
import { assertSeparateFiles, resolveOutput, writeOutput, writeStdout } from '../../src/cli/outputs.js';
import { packageRoot } from '../../src/package-info.js';
import { startFakeAws } from '../support/fake-aws.js';
import { cliPath, runCli, runCliWithStdout } from '../support/run-cli.js';

// Where outputs go (issue 14): never a device or a pipe replaced by a file, a symbolic link
// followed, a file whole or untouched, every failed write exit 2 with one line.

const demo = join(packageRoot(), 'fixtures/demo/inventory.json');
const folder = () => mkdtempSync(join(tmpdir(), 'ha-audit-outputs-'));
const isRoot = process.getuid?.() === 0;
const scanJson = (...more: string[]) => ['scan', '--inventory', demo, '--format', 'json', ...more];
/** Temporary files left in a folder by an interrupted replacement. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** A character device like /dev/null, made in a temporary folder: if the bug came back, the test would replace this one, not the machine's. */
function nullDevice(): string | undefined {
  if (!isRoot) return undefined;
  const device = join(folder(), 'null');
  try {
    execFileSync('mknod', [device, 'c', '1', '3']);
    return device;
  } catch {
    return undefined;
  }
}

const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts) execFileSync('umount', [mount]);
});

/** A folder on a full file system: a 64 KiB tmpfs (root only), or undefined. */
function fullFolder(): string | undefined {
  if (!isRoot) return undefined;
  const dir = folder();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

describe('resolveOutput', () => {
  it('- is standard output; an empty path is a usage error', async () => {
    expect(await resolveOutput('-', '--output')).toMatchObject({ kind: 'stdout' });
    await expect(resolveOutput('', '--output')).rejects.toMatchObject({ code: 'usage' });
  });

  it('a new path or a regular file is replaced; a symbolic link leads to its target, even a missing one', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'link.json'));
    symlinkSync(join(dir, 'sub', 'new.json'), join(dir, 'dangling.json'));
    mkdirSync(join(dir, 'sub'));
    expect(await resolveOutput(join(dir, 'new.json'), '--output')).toMatchObject({ kind: 'file', file: join(dir, 'new.json') });
    expect(await resolveOutput(join(dir, 'link.json'), '--output')).toMatchObject({ kind: 'file', file: join(dir, 'target.json') });
    expect(await resolveOutput(join(dir, 'dangling.json'), '--output')).toMatchObject({ kind: 'file', file: join(dir, 'sub', 'new.json') });
  });

  it('a pipe, a character device and this process’s descriptors are written in place', async () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect(await resolveOutput(join(dir, 'fifo'), '--output')).toMatchObject({ kind: 'stream' });
    expect(await resolveOutput('/dev/full', '--output')).toMatchObject({ kind: 'stream', file: '/dev/full' });
    expect(await resolveOutput('/dev/stderr', '--output')).toMatchObject({ kind: 'stream' });
    expect(await resolveOutput('/dev/stdout', '--output')).toMatchObject({ kind: 'stdout' });
  });

  it.each([
    ['a directory', (dir: string) => dir, 'it is a directory'],
    ['a missing folder', (dir: string) => join(dir, 'no', 'r.json'), /folder .* does not exist/],
    ['a loop of symbolic links', (dir: string) => (symlinkSync('b', join(dir, 'a')), symlinkSync('a', join(dir, 'b')), join(dir, 'a')), 'too many levels of symbolic links'],
  ])('%s is refused', async (_, path, message) => {
    await expect(resolveOutput(path(folder()), '--output')).rejects.toMatchObject({ code: 'output-unwritable', message: expect.stringMatching(message) });
  });
});

describe('assertSeparateFiles', () => {
  it('refuses an output that is an input, through a symbolic link, a hard path or a relative one', async () => {
    const dir = folder();
    const input = join(dir, 'inventory.json');
    writeFileSync(input, '{}');
    symlinkSync(input, join(dir, 'alias.json'));
    for (const path of [input, join(dir, 'alias.json'), join(dir, '..', dir.split('/').at(-1)!, 'inventory.json')]) {
      await expect(assertSeparateFiles([await resolveOutput(path, '--output')], [{ option: '--inventory', path: input }])).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('is the file of --inventory') });
    }
  });

  it('refuses two outputs to one new file, and two to standard output; devices may be shared', async () => {
    const dir = folder();
    const output = await resolveOutput(join(dir, 'r.json'), '--output');
    await expect(assertSeparateFiles([output, await resolveOutput(join(dir, '.', 'r.json'), '--save-inventory')], [])).rejects.toMatchObject({ code: 'usage' });
    await expect(assertSeparateFiles([await resolveOutput('-', '--output'), await resolveOutput('-', '--save-inventory')], [])).rejects.toMatchObject({ code: 'usage' });
    await expect(assertSeparateFiles([await resolveOutput('/dev/full', '--output'), await resolveOutput('/dev/full', '--save-inventory')], [])).resolves.toBeUndefined();
  });
});

describe('writeOutput and writeStdout', () => {
  it('replaces a file whole, keeping its permissions, through a symbolic link', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'target.json'), 'old');
    chmodSync(join(dir, 'target.json'), 0o600);
    symlinkSync('target.json', join(dir, 'link.json'));
    await writeOutput(await resolveOutput(join(dir, 'link.json'), '--output'), ['a', 'b'.repeat(3 << 20), 'c'], process.stdout);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.json'), 'utf8')).toBe(`a${'b'.repeat(3 << 20)}c`);
    expect(statSync(join(dir, 'target.json')).mode & 0o777).toBe(0o600);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a stream that fails: one error naming the cause; a pipe closed early is no error', async () => {
    const failing = (code: string) =>
      new Writable({
        write: (_chunk, _encoding, callback) => callback(Object.assign(new Error(code), { code })),
      }).on('error', () => {});
    await expect(writeStdout(failing('ENOSPC'), 'report')).rejects.toMatchObject({ code: 'output-unwritable', message: 'cannot write to standard output: no space left on device' });
    await expect(writeStdout(failing('EPIPE'), 'report')).resolves.toBeUndefined();
  });

  it('an error in making a piece is the report\'s, not the output\'s: it goes on as it is, and the file is left as it was', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'report.html'), 'old');
    const bug = new TypeError('boom in paths');
    function* pieces(): Generator<string> {
      yield 'a'.repeat(2 << 20);
      throw bug;
    }
    await expect(writeOutput(await resolveOutput(join(dir, 'report.html'), '--output'), pieces(), process.stdout)).rejects.toBe(bug);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('old');
    expect(leftovers(dir)).toEqual([]);
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    await expect(writeOutput(await resolveOutput('-', '--output'), pieces(), sink)).rejects.toBe(bug);
  });
});

describe('ha-audit scan --output (child process)', () => {
  it.runIf(nullDevice())('a character device made with mknod is written, not replaced by a file', async () => {
    const device = nullDevice()!;
    const run = await runCli(scanJson('--output', device));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(leftovers(join(device, '..'))).toEqual([]);
  });

  it('a FIFO is written, not replaced: its reader gets the whole report', async () => {
    const fifo = join(folder(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const received = new Promise<string>((resolve) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => (text += chunk))
        .on('end', () => resolve(text));
    });
    const run = await runCli(scanJson('--output', fifo));
    expect(run.code).toBe(1);
    expect(JSON.parse(await received)).toMatchObject({ schemaVersion: 1 });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a symbolic link is followed: its target holds the report, the link stays', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'report.json'));
    const run = await runCli(scanJson('--output', join(dir, 'report.json')));
    expect(run.code).toBe(1);
    expect(lstatSync(join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
  });

  it('- and /dev/stdout are standard output', async () => {
    const [dash, device, plain] = await Promise.all([runCli(scanJson('--output', '-')), runCli(scanJson('--output', '/dev/stdout')), runCli(scanJson())]);
    const withoutTimes = (text: string) => text.replace(/"(startedAt|finishedAt)": "[^"]+"/g, '');
    expect(withoutTimes(dash.stdout)).toBe(withoutTimes(plain.stdout));
    expect(withoutTimes(device.stdout)).toBe(withoutTimes(plain.stdout));
    expect(dash.stderr).toBe('');
  });

  const full = fullFolder();
  it.runIf(full).each(['json', 'sarif'])('a full disk, --format %s: exit 2, one line, the file as it was and no temporary file left', async (format) => {
    const report = join(full!, `report.${format}`);
    writeFileSync(report, 'previous report');
    const run = await runCli(['scan', '--inventory', demo, '--format', format, '--output', report]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^ha-audit: cannot write --output .*report\\.${format}: no space left on device\n$`));
    expect(readFileSync(report, 'utf8')).toBe('previous report');
    expect(readdirSync(full!)).toEqual([`report.${format}`]);
    rmSync(report);
  });

  it.runIf(full)('a full disk for --save-inventory of a live scan: exit 2, one line, no file, the report not written either', async () => {
    const aws = await startFakeAws({ inventory: await loadInventory(demo) });
    try {
      const saved = join(full!, 'saved.json');
      const report = join(folder(), 'report.json');
      const env = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', AWS_ENDPOINT_URL: aws.url };
      const run = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--save-inventory', saved, '--format', 'json', '--output', report], { env });
      expect(aws.requests.length).toBeGreaterThan(10); // it did collect: the write is what failed
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toMatch(/^ha-audit: cannot write --save-inventory .*saved\.json: no space left on device\n$/);
      expect(readdirSync(full!)).toEqual([]);
      expect(existsSync(report)).toBe(false);
    } finally {
      await aws.close();
    }
  });

  it.runIf(!full)('a full disk (/dev/full, not root): exit 2 and one line', async () => {
    const run = await runCli(scanJson('--output', '/dev/full'));
    expect(run).toMatchObject({ code: 2, stderr: 'ha-audit: cannot write --output /dev/full: no space left on device\n' });
  });

  it.each([
    ['--output ""', scanJson('--output', '')],
    ['--save-inventory ""', ['scan', '--region', 'us-east-1', '--save-inventory', '']],
  ])('%s is a usage error, not standard output', async (_, args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ha-audit: --[a-z-]+ needs a value/);
  });
});

describe('an output that would overwrite an input (child process)', () => {
  const dir = folder();
  const inventory = join(dir, 'inventory.json');
  writeFileSync(inventory, readFileSync(demo));
  writeFileSync(join(dir, 'ci.yml'), 'regions: [us-east-1]\n');
  writeFileSync(join(dir, '.ha-audit.yml'), 'regions: [us-east-1]\n');
  symlinkSync('inventory.json', join(dir, 'alias.json'));
  const baseline = join(dir, 'baseline.json');

  it.each([
    ['--output is --inventory', ['--inventory', 'inventory.json', '--output', 'inventory.json'], '--inventory'],
    ['--output is --inventory through a symbolic link', ['--inventory', 'inventory.json', '--output', 'alias.json'], '--inventory'],
    ['--output is --config', ['--inventory', 'inventory.json', '--config', 'ci.yml', '--output', './ci.yml'], '--config'],
    ['--output is the configuration of the folder', ['--inventory', 'inventory.json', '--output', '.ha-audit.yml'], 'the configuration'],
    ['--output is --baseline', ['--inventory', 'inventory.json', '--baseline', 'baseline.json', '--output', 'baseline.json'], '--baseline'],
    ['--save-inventory is --output', ['--region', 'us-east-1', '--save-inventory', 'new.json', '--output', 'new.json'], '--output'],
    ['--save-inventory is --config', ['--region', 'us-east-1', '--config', 'ci.yml', '--save-inventory', 'ci.yml'], '--config'],
    ['--save-inventory and the report both on standard output', ['--region', 'us-east-1', '--save-inventory', '-'], '--output'],
  ])('%s: refused, exit 2, the input untouched', async (_, args, other) => {
    writeFileSync(baseline, (await runCli(scanJson())).stdout);
    const before = readdirSync(dir).map((name) => [name, lstatSync(join(dir, name)).isFile() ? readFileSync(join(dir, name), 'utf8') : ''] as const);
    const run = await runCli(['scan', ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stderr).toContain(other);
    expect(readdirSync(dir).map((name) => [name, lstatSync(join(dir, name)).isFile() ? readFileSync(join(dir, name), 'utf8') : ''])).toEqual(before);
  });
});

describe('ha-audit report: the same outputs', () => {
  it('never over the report it reads; to a device in place; a full /dev/full is exit 2', async () => {
    const dir = folder();
    const saved = join(dir, 'report.json');
    writeFileSync(saved, (await runCli(scanJson())).stdout);
    const before = readFileSync(saved, 'utf8');
    const over = await runCli(['report', 'report.json', '--output', './report.json'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/--output \.\/report\.json is the file of the report read: it would be overwritten/);
    expect(readFileSync(saved, 'utf8')).toBe(before);
    const full = await runCli(['report', saved, '--format', 'markdown', '--output', '/dev/full']);
    expect(full).toMatchObject({ code: 2, stderr: 'ha-audit: cannot write --output /dev/full: no space left on device\n' });
  });
});

describe('standard output that cannot be written (child process)', () => {
  const savedReport = join(folder(), 'report.json');
  beforeAll(async () => writeFileSync(savedReport, (await runCli(scanJson())).stdout));

  it.each([
    ['scan, JSON', scanJson()],
    ['scan, text', ['scan', '--inventory', demo]],
    ['rules', ['rules']],
    ['rules, one rule in JSON', ['rules', 'elb-multi-az', '--format', 'json']],
    ['iam-policy', ['iam-policy']],
    ['report, text', ['report', savedReport]],
    ['report, HTML', ['report', savedReport, '--format', 'html']],
    ['--version', ['--version']],
    ['no command (the help)', []],
    ['--help', ['scan', '--help']],
  ])('%s > /dev/full: exit 2 and one line, no stack trace', async (_, args) => {
    const devFull = openSync('/dev/full', 'w');
    try {
      const run = await runCliWithStdout(args, devFull);
      expect(run).toEqual({ code: 2, stderr: 'ha-audit: cannot write to standard output: no space left on device\n' });
    } finally {
      closeSync(devFull);
    }
  });

  const full = fullFolder();
  it.runIf(full)('> a file on a full disk: exit 2, not a report silently cut short', async () => {
    const fd = openSync(join(full!, 'report.json'), 'w');
    try {
      const run = await runCliWithStdout(scanJson(), fd);
      expect(run).toEqual({ code: 2, stderr: 'ha-audit: cannot write to standard output: no space left on device\n' });
    } finally {
      closeSync(fd);
      rmSync(join(full!, 'report.json'));
    }
  });

  it('a stderr that cannot be written (2> /dev/full) keeps the exit code: 2 for bad input, 1 for the gate, never a crash', async () => {
    const devFull = openSync('/dev/full', 'w');
    const exitCode = (args: string[]) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'ignore', devFull] }).on('close', resolve));
    try {
      expect(await exitCode(['scan', '--inventory', 'no-such-inventory.json'])).toBe(2);
      expect(await exitCode(['scan', '--inventory', demo, '--output', join(folder(), 'r.json')])).toBe(1);
    } finally {
      closeSync(devFull);
    }
  });

  it('a reader that stops early (| head) leaves the scan’s exit code, without a message', async () => {
    const child = spawn(process.execPath, [cliPath, ...scanJson()], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Like `head -c 10`: read a little, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
  });
});
