import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_TIME_SCALE_VARIABLE } from '../../src/cli/test-time-scale.js';
import { packageRoot } from '../../src/package-info.js';
import { TEST_TIME_SCALE } from './time-scale.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const cliPath = join(packageRoot(), 'bin', 'ha-audit.js');
const emptyHome = mkdtempSync(join(tmpdir(), 'ha-audit-home-'));

/**
 * Runs the built CLI as a child process (asynchronously, so a fake AWS server in this process
 * can answer it), with an environment free of the developer's AWS settings, and scans of a fake
 * AWS at `TEST_TIME_SCALE`. It runs in the package root unless `cwd` says otherwise (where
 * `.ha-audit.yml` is looked for).
 */
export function runCli(args: string[], options: { env?: Record<string, string>; nodeArgs?: string[]; cwd?: string } = {}): Promise<CliRun> {
  const env = cliEnvironment(options.env);
  return new Promise((resolve) => {
    execFile(process.execPath, [...(options.nodeArgs ?? []), cliPath, ...args], { env, cwd: options.cwd ?? packageRoot(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Runs the built CLI as `runCli` does, with its standard output on a file descriptor of the
 * test's (`> /dev/full`, a file on a full disk): only the exit code and stderr come back.
 */
export function runCliWithStdout(args: string[], stdout: number, options: { cwd?: string } = {}): Promise<Omit<CliRun, 'stdout'>> {
  const child = spawn(process.execPath, [cliPath, ...args], { env: cliEnvironment(), cwd: options.cwd ?? packageRoot(), stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, stderr })));
}

/** An environment free of the developer's AWS settings. */
function cliEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: emptyHome,
    AWS_CONFIG_FILE: join(emptyHome, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(emptyHome, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    [TEST_TIME_SCALE_VARIABLE]: String(TEST_TIME_SCALE),
    ...extra,
  };
}
