import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-info.js';
import { expectValidReport } from '../support/report-schema.js';
import { cliPath, runCli } from '../support/run-cli.js';

// A scan that cannot finish: an AWS endpoint that answers STS and then never answers again.
// `--timeout` must still end it with a report of what was seen; Ctrl-C must end it at once and
// leave no half-written file.
const ACCOUNT = '123456789012';
const credentials = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

interface HangingAws {
  url: string;
  /** Requests left without an answer. */
  held: number;
  close(): Promise<void>;
}

let server: Server | undefined;
const open = new Set<ServerResponse>();

afterEach(async () => {
  for (const response of open) response.destroy();
  open.clear();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function hangingAws(options: { sts?: 'answers' | 'hangs' } = {}): Promise<HangingAws> {
  const state = { held: 0 };
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (body.includes('Action=GetCallerIdentity') && options.sts !== 'hangs') {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/auditor</Arn><UserId>AIDAEXAMPLE</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
        return;
      }
      state.held += 1;
      open.add(response);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get held() {
      return state.held;
    },
    close: async () => {},
  };
}

describe('stopping a scan', () => {
  it('--timeout ends the scan with a report of what was seen: the cut calls are gaps, exit 3', async () => {
    const aws = await hangingAws();
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-timeout-'));
    const output = join(dir, 'report.json');
    const started = Date.now();
    const run = await runCli(['scan', '--region', 'us-east-1', '--timeout', '1s', '--format', 'json', '--output', output], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^ha-audit: .*incomplete audit: exit 3; report in /)]);
    expect(run.code).toBe(3);
    // It does not wait for the calls left hanging (the SDK gives up on a request after 60 s).
    expect(Date.now() - started).toBeLessThan(30_000);
    const report = expectValidReport(readFileSync(output, 'utf8')) as { scan: { complete: boolean; gaps: { code: string; message: string }[] }; findings: { status: string }[] };
    expect(report.scan.complete).toBe(false);
    expect(report.scan.gaps.length).toBeGreaterThan(0);
    expect(report.scan.gaps.every((g) => g.code === 'ScanTimeout' && g.message === 'the scan reached --timeout 1s')).toBe(true);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.status === 'error')).toBe(true);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('Ctrl-C stops at once with exit 130, one line on stderr, and leaves the output file as it was', async () => {
    const aws = await hangingAws();
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-sigint-'));
    const output = join(dir, 'report.json');
    writeFileSync(output, 'the previous report\n');
    const child = spawn(process.execPath, [cliPath, 'scan', '--region', 'us-east-1', '--format', 'json', '--output', output], {
      cwd: packageRoot(),
      env: { PATH: process.env.PATH ?? '', HOME: dir, AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), ...credentials, AWS_ENDPOINT_URL: aws.url },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the collection is under way (calls are being held), then interrupt it.
    for (let i = 0; i < 600 && aws.held < 5; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(aws.held).toBeGreaterThanOrEqual(5);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr.trim().split('\n')).toEqual(['ha-audit: interrupted: the scan stopped and no report was written']);
    expect(readFileSync(output, 'utf8')).toBe('the previous report\n');
    expect(readdirSync(dir).sort()).toEqual(['report.json']);
  });

  it('--timeout while STS has not answered: one clear line, exit 2, at once', async () => {
    const aws = await hangingAws({ sts: 'hangs' });
    const started = Date.now();
    const run = await runCli(['scan', '--region', 'us-east-1', '--timeout', '1s', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'ha-audit: the scan reached --timeout 1s before AWS answered: nothing was collected; check the network, the region and --endpoint-url / AWS_ENDPOINT_URL, or give --timeout more time',
    ]);
    // Not after the SDK's 60 s request timeout (the bound leaves room for a loaded machine).
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('a scan that fails never touches the output file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-fail-'));
    const output = join(dir, 'report.json');
    writeFileSync(output, 'the previous report\n');
    const run = await runCli(['scan', '--region', 'us-east-1', '--output', output]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ha-audit: no usable AWS credentials/);
    expect(readFileSync(output, 'utf8')).toBe('the previous report\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});
