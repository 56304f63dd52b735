import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const forbidSdk = ['--import', './test/support/forbid-aws-sdk.mjs'];
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('commands that need no AWS call never load the AWS SDK', () => {
  it('--version', async () => {
    expect(await runCli(['--version'], { nodeArgs: forbidSdk })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help', async () => {
    const run = await runCli(['--help'], { nodeArgs: forbidSdk });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Usage: ha-audit');
  });

  it('scan --help', async () => {
    const run = await runCli(['scan', '--help'], { nodeArgs: forbidSdk });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const option of ['--region', '--profile', '--endpoint-url', '--inventory', '--save-inventory', '--format', '--output', '--fail-on', '--rule', '--debug', '--config', '--no-config', '--baseline', '--fail-on-new-only']) {
      expect(run.stdout).toContain(option);
    }
  });

  it('rules, as text and as JSON', async () => {
    const text = await runCli(['rules'], { nodeArgs: forbidSdk });
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout.split('\n')[0]).toMatch(/^ID\s+SEVERITY\s+TITLE$/);
    expect(text.stdout).toMatch(/^tg-stickiness\s+medium\s+Target groups do not pin clients to one target$/m);
    const json = await runCli(['rules', '--format', 'json'], { nodeArgs: forbidSdk });
    expect((JSON.parse(json.stdout) as { id: string }[]).map((r) => r.id)).toContain('elb-multi-az');
  });

  it('iam-policy', async () => {
    const run = await runCli(['iam-policy', '--org', '--all-regions'], { nodeArgs: forbidSdk });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(run.stdout) as { Statement: { Action: string[] }[] }).Statement[0]!.Action).toContain('elasticloadbalancing:DescribeLoadBalancers');
  });

  it('scan --inventory', async () => {
    const run = await runCli(['scan', '--inventory', 'fixtures/tg-stickiness/pass.json'], { nodeArgs: forbidSdk });
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('scan --inventory in text and JSON loads neither the HTML nor the Markdown report (nor the graph layout)', async () => {
    const forbidRich = ['--import', './test/support/forbid-rich-reports.mjs'];
    for (const format of ['text', 'json']) {
      const run = await runCli(['scan', '--inventory', 'fixtures/tg-stickiness/pass.json', '--format', format], { nodeArgs: [...forbidSdk, ...forbidRich] });
      expect(run, format).toMatchObject({ code: 0, stderr: '' });
    }
    const html = await runCli(['scan', '--inventory', 'fixtures/tg-stickiness/pass.json', '--format', 'html'], { nodeArgs: forbidRich });
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('a rich report module was loaded');
  });

  it('scan --inventory loads neither TypeBox nor Ajv: the build compiled the inventory validator', async () => {
    const run = await runCli(['scan', '--inventory', 'fixtures/demo/inventory.json', '--format', 'json'], { nodeArgs: [...forbidSdk, '--import', './test/support/forbid-schema-compiler.mjs'] });
    expect(run).toMatchObject({ code: 1, stderr: '' });
  });

  it('what-if --inventory, in text and JSON (nor the HTML or Markdown report)', async () => {
    const forbidRich = ['--import', './test/support/forbid-rich-reports.mjs'];
    for (const format of ['text', 'json']) {
      const run = await runCli(['what-if', '--inventory', 'fixtures/demo/inventory.json', '--zone', 'use1-az1', '--format', format], { nodeArgs: [...forbidSdk, ...forbidRich] });
      expect(run, format).toMatchObject({ code: 1, stderr: '' });
    }
    // The hook does catch them: the HTML and Markdown answers are refused under it.
    for (const format of ['html', 'markdown']) {
      const run = await runCli(['what-if', '--inventory', 'fixtures/demo/inventory.json', '--zone', 'use1-az1', '--format', format], { nodeArgs: forbidRich });
      expect(run.stderr, format).toContain('a rich report module was loaded');
    }
  });

  it('what-if --help', async () => {
    const run = await runCli(['what-if', '--help'], { nodeArgs: forbidSdk });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const option of ['--zone', '--region', '--scan-region', '--inventory', '--format', '--output', '--config', '--role-arn', '--accounts', '--org']) expect(run.stdout).toContain(option);
  });

  it('the guard itself works: a live scan does load the SDK, and is refused here', async () => {
    const run = await runCli(['scan', '--region', 'us-east-1'], { nodeArgs: forbidSdk });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the AWS SDK was loaded');
  });
});
