import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { runCli, type CliRun } from '../support/run-cli.js';
import { expectValidReport } from '../support/report-schema.js';

const passing = 'fixtures/tg-stickiness/pass.json';
const failing = 'fixtures/tg-stickiness/fail.json';
const incomplete = 'fixtures/cli/incomplete.json';
const ANSI = new RegExp(String.fromCharCode(27) + "\\[");
const tmp = () => mkdtempSync(join(tmpdir(), 'ha-audit-cli-'));
const demo = 'fixtures/demo/inventory.json';
let demoJson: Promise<CliRun> | undefined;
/** `scan --inventory demo --format json`, run once for the tests that read it. */
const demoJsonRun = () => (demoJson ??= runCli(['scan', '--inventory', demo, '--format', 'json']));

describe('ha-audit scan --inventory (child process)', () => {
  it('exit 0 and a clean text report when nothing fails', async () => {
    const run = await runCli(['scan', '--inventory', passing]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('PASSED');
    expect(run.stdout).toMatch(/Summary: 0 failed · 4 passed · 0 not evaluated · passes the gate \(--fail-on low\): exit 0/);
  });

  it('exit 1 and the failing resources with their fix commands when something fails', async () => {
    const run = await runCli(['scan', '--inventory', failing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(' MEDIUM ');
    expect(run.stdout).toContain('✗ legacy-tg [us-east-1]');
    expect(run.stdout).toContain(
      '$ aws elbv2 modify-target-group-attributes --target-group-arn arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/legacy-tg/0123456789abcdef --attributes Key=stickiness.enabled,Value=false',
    );
    expect(run.stdout).toContain('fails the gate (--fail-on low): exit 1');
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('exit 3 when the inventory has a gap: the affected rule reports error, not pass', async () => {
    const run = await runCli(['scan', '--inventory', incomplete, '--format', 'json']);
    expect(run.code).toBe(3);
    const report = expectValidReport(run.stdout) as { scan: { complete: boolean; gaps: unknown[] }; findings: { ruleId: string; status: string }[] };
    expect(report.scan.complete).toBe(false);
    expect(report.scan.gaps).toHaveLength(1);
    expect(report.findings.filter((f) => f.ruleId === 'tg-stickiness').map((f) => f.status)).toEqual(['error']);
  });

  it('exit 3 wins over exit 1, in text too, with a not-evaluated section', async () => {
    const run = await runCli(['scan', '--inventory', incomplete]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('NOT EVALUATED');
    expect(run.stdout).toContain('elasticloadbalancing:DescribeTargetGroupAttributes failed (AccessDenied)');
  });

  it('--fail-on decides which severities fail the gate', async () => {
    expect((await runCli(['scan', '--inventory', failing, '--fail-on', 'high'])).code).toBe(0);
    expect((await runCli(['scan', '--inventory', failing, '--fail-on', 'medium'])).code).toBe(1);
    expect((await runCli(['scan', '--inventory', failing, '--fail-on', 'none'])).code).toBe(0);
  });

  it('--format json follows the report schema and the contract', async () => {
    const run = await runCli(['scan', '--inventory', failing, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = expectValidReport(run.stdout) as {
      schemaVersion: number;
      tool: { name: string };
      scan: { source: string; accounts: string[]; regions: string[]; complete: boolean };
      summary: { pass: number; fail: number; error: number; suppressed: number; bySeverity: Record<string, number> };
      findings: { ruleId: string; status: string; resource: { id: string; arn: string; name: string } }[];
    };
    expect(report.schemaVersion).toBe(1);
    expect(report.tool.name).toBe('ha-audit');
    expect(report.scan).toMatchObject({ source: 'inventory', accounts: ['111122223333'], regions: ['us-east-1'], complete: true });
    expect(report.summary).toEqual({ pass: 5, fail: 3, error: 0, suppressed: 0, bySeverity: { critical: 0, high: 0, medium: 3, low: 0, info: 0 } });
    const legacy = report.findings.find((f) => f.ruleId === 'tg-stickiness' && f.resource.name === 'legacy-tg')!;
    expect(legacy).toMatchObject({ ruleId: 'tg-stickiness', status: 'fail', resource: { id: legacy.resource.arn } });
  });

  it('--rule runs only the named rules', async () => {
    const run = await runCli(['scan', '--inventory', failing, '--format', 'json', '--rule', 'elb-multi-az']);
    const report = expectValidReport(run.stdout) as { findings: unknown[] };
    expect(run.code).toBe(0);
    expect(report.findings).toEqual([]);
  });

  it('--region narrows an inventory to the regions asked for', async () => {
    const run = await runCli(['scan', '--inventory', failing, '--region', 'eu-west-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ha-audit: region eu-west-1 is not in inventory fixtures/tg-stickiness/fail.json; it holds: us-east-1\n');
  });

  it('--output writes the report to a file, atomically, and nothing to stdout', async () => {
    const dir = tmp();
    const file = join(dir, 'report.json');
    const run = await runCli(['scan', '--inventory', failing, '--format', 'json', '--output', file]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    // Off a terminal (a CI log), one line says how the scan ended and where the report is.
    expect(run.stderr).toBe(`ha-audit: 3 failed (3 medium) · 5 passed · 0 not evaluated · fails the gate (--fail-on low): exit 1; report in ${file}\n`);
    expectValidReport(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('colours only on request: FORCE_COLOR yes, NO_COLOR and pipes no', async () => {
    expect((await runCli(['scan', '--inventory', failing], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runCli(['scan', '--inventory', failing], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });
});

describe('ha-audit scan of the demo account: DNS and data layer end to end (child process)', () => {
  const dnsRules = ['r53-failover-pair', 'r53-failover-health-check', 'r53-failover-distinct-regions', 'r53-alias-evaluate-target-health', 'r53-routing-health-checks', 'r53-health-check-exists', 'r53-health-check-disabled', 'r53-geo-default'];
  const dataRules = ['rds-multi-az', 'rds-backups', 'aurora-multi-az', 'elasticache-failover', 'dynamodb-pitr'];
  type Finding = { ruleId: string; status: string; resource: { type: string; id: string; region: string }; remediation?: { commands: string[] } };

  it('JSON: every DNS and data-layer rule fails somewhere, with record ids and ready commands', async () => {
    const run = await demoJsonRun();
    expect(run.code).toBe(1);
    const findings = (expectValidReport(run.stdout) as { findings: Finding[] }).findings;
    for (const ruleId of [...dnsRules, ...dataRules]) {
      const failed = findings.filter((f) => f.ruleId === ruleId && f.status === 'fail');
      expect(failed.length, `${ruleId} fails in the demo`).toBeGreaterThan(0);
      for (const f of failed) expect(f.remediation!.commands.length).toBeGreaterThan(0);
    }
    const records = findings.filter((f) => f.ruleId.startsWith('r53-'));
    expect(records.every((f) => f.resource.region === 'global')).toBe(true);
    // ARCHITECTURE.md's record id: <hostedZoneId>/<name>/<type>[/<setIdentifier>].
    expect(records.filter((f) => f.resource.type === 'route53:record').every((f) => /^Z[A-Z0-9]+\/[^/]+\/[A-Z]+(\/.+)?$/.test(f.resource.id))).toBe(true);
    expect(records.flatMap((f) => f.remediation?.commands ?? []).some((c) => c.startsWith('aws route53 change-resource-record-sets --hosted-zone-id '))).toBe(true);
    const data = findings.filter((f) => dataRules.includes(f.ruleId) && f.status === 'fail');
    expect(data.flatMap((f) => f.remediation!.commands).every((c) => / --region (us-east-1|eu-west-1)$/.test(c))).toBe(true);
  });

  it('text: the DNS and data-layer failures appear with their fixes', async () => {
    const run = await runCli(['scan', '--inventory', demo]);
    expect(run.code).toBe(1);
    for (const ruleId of [...dnsRules, ...dataRules]) expect(run.stdout).toContain(`  ${ruleId}  `);
    expect(run.stdout).toMatch(/✗ Z[A-Z0-9]+\/api\.shop\.example\.com\/A\/api-primary \[global\]/);
    // Multi-AZ and backups in one call: two --apply-immediately calls would collide.
    expect(run.stdout).toContain('$ aws rds modify-db-instance --db-instance-identifier legacy-billing-db --multi-az --backup-retention-period 7 --apply-immediately --region us-east-1');
    expect(run.stdout).toContain('$ aws dynamodb update-continuous-backups --table-name shop-carts');
  });
});

describe('ha-audit scan --format sarif|junit (child process)', () => {
  const junitParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' });
  type JunitTotals = { tests: string; failures: string; errors: string; skipped: string };
  const junitOf = (xml: string) => (junitParser.parse(xml) as { testsuites: JunitTotals & { testsuite: (JunitTotals & { name: string })[] } }).testsuites;
  type SarifRun = { results: { ruleId: string }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { descriptor: { id: string } }[] }[] };

  it('the demo account: one SARIF result per failing finding, JUnit totals of every finding, exit codes as with json', async () => {
    const [json, sarif, junit] = await Promise.all([demoJsonRun(), ...['sarif', 'junit'].map((format) => runCli(['scan', '--inventory', demo, '--format', format]))]);
    const report = expectValidReport(json!.stdout) as { summary: { pass: number; fail: number }; findings: { ruleId: string; status: string }[] };
    expect(json!.code).toBe(1);
    expect(sarif).toMatchObject({ code: json!.code, stderr: '' });
    expect(junit).toMatchObject({ code: json!.code, stderr: '' });

    const log = JSON.parse(sarif!.stdout) as { version: string; runs: SarifRun[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => r.ruleId).sort()).toEqual(report.findings.filter((f) => f.status === 'fail').map((f) => f.ruleId).sort());
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);

    expect(junit!.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ha-audit"')).toBe(true);
    const suites = junitOf(junit!.stdout);
    expect(suites).toMatchObject({ tests: String(report.findings.length), failures: String(report.summary.fail), errors: '0', skipped: '0' });
    const stickiness = suites.testsuite.find((s) => s.name === 'tg-stickiness')!;
    expect(Number(stickiness.tests)).toBe(report.findings.filter((f) => f.ruleId === 'tg-stickiness').length);
  });

  it('an incomplete audit: exit 3, errors as SARIF notifications of a failed execution and as JUnit errors', async () => {
    const [sarif, junit] = await Promise.all(['sarif', 'junit'].map((format) => runCli(['scan', '--inventory', incomplete, '--format', format])));
    expect(sarif).toMatchObject({ code: 3, stderr: '' });
    expect(junit).toMatchObject({ code: 3, stderr: '' });

    const run = (JSON.parse(sarif!.stdout) as { runs: SarifRun[] }).runs[0]!;
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolExecutionNotifications!.map((n) => n.descriptor.id)).toEqual(expect.arrayContaining(['collectionGap', 'dataMissing']));
    expect(run.results.map((r) => r.ruleId)).not.toContain('tg-stickiness');

    const suites = junitOf(junit!.stdout);
    expect(suites.testsuite.find((s) => s.name === 'tg-stickiness')).toMatchObject({ tests: '1', errors: '1' });
    expect(suites.testsuite.find((s) => s.name === 'data-collection')).toMatchObject({ tests: '1', errors: '1' });
  });

  it('--output writes the SARIF log to a file and nothing to stdout', async () => {
    const file = join(tmp(), 'ha-audit.sarif');
    const run = await runCli(['scan', '--inventory', failing, '--format', 'sarif', '--output', file]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^ha-audit: .*exit 1; report in .*ha-audit\.sarif$/)]);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version).toBe('2.1.0');
  });
});

describe('bad input: exit 2, one line on stderr, no stack trace', () => {
  const dir = tmp();
  const notJson = join(dir, 'broken.json');
  writeFileSync(notJson, '{"format": "ha-audit-inventory", ');
  const wrongShape = join(dir, 'wrong.json');
  const inventory = JSON.parse(readFileSync(failing, 'utf8')) as { accounts: { regions: { elbv2: { targetGroups: { arn?: string }[] } }[] }[] };
  delete inventory.accounts[0]!.regions[0]!.elbv2.targetGroups[1]!.arn;
  writeFileSync(wrongShape, JSON.stringify(inventory));
  const report = join(dir, 'report.json');
  writeFileSync(report, JSON.stringify({ schemaVersion: 1, findings: [] }));

  it.each([
    ['an unknown option', ['scan', '--regoin', 'us-east-1'], /^ha-audit: unknown option '--regoin' \(Did you mean --region\?\); see `ha-audit --help`$/],
    ['an unknown command', ['scna'], /^ha-audit: unknown command 'scna' \(Did you mean scan\?\); see `ha-audit --help`$/],
    ['an unknown --format', ['scan', '--format', 'xml'], /argument 'xml' is invalid. Allowed choices are text, json, sarif, junit, html, markdown; see/],
    ['an unknown --fail-on', ['scan', '--fail-on', 'severe'], /argument 'severe' is invalid/],
    ['an unknown --rule', ['scan', '--inventory', failing, '--rule', 'elb-multiaz'], /^ha-audit: unknown rule "elb-multiaz" \(did you mean elb-multi-az\?\); run `ha-audit rules`/],
    ['a missing --inventory file', ['scan', '--inventory', 'no/such.json'], /^ha-audit: cannot read inventory no\/such.json: no such file;/],
    ['an --inventory that is not JSON', ['scan', '--inventory', notJson], /^ha-audit: inventory .*broken\.json is not valid JSON: /],
    ['an --inventory of the wrong shape', ['scan', '--inventory', wrongShape], /^ha-audit: inventory .*wrong\.json is invalid at \/accounts\/0\/regions\/0\/elbv2\/targetGroups\/1: must have required property 'arn'/],
    ['a report given as --inventory', ['scan', '--inventory', report], /^ha-audit: .*report\.json is an ha-audit report, not an inventory/],
    ['an invalid region name', ['scan', '--region', 'us-east-1a'], /^ha-audit: invalid region "us-east-1a"; that is an Availability Zone; use its region: --region us-east-1$/],
    ['a region that is no region', ['scan', '--region', 'Virginia'], /^ha-audit: invalid region "Virginia"/],
    ['an invalid --endpoint-url', ['scan', '--region', 'us-east-1', '--endpoint-url', 'localhost:4566'], /^ha-audit: invalid --endpoint-url "localhost:4566"/],
    ['--inventory with --save-inventory', ['scan', '--inventory', failing, '--save-inventory', 'x.json'], /^ha-audit: --save-inventory has no effect with --inventory/],
    ['an --output in a missing folder', ['scan', '--inventory', failing, '--output', 'no/such/dir/r.json'], /^ha-audit: cannot write --output no\/such\/dir\/r.json: folder no\/such\/dir does not exist/],
    ['no credentials', ['scan', '--region', 'us-east-1'], /^ha-audit: no usable AWS credentials: .*; set AWS_PROFILE or pass --profile/],
    ['no region', ['scan'], /^ha-audit: no AWS region given; pass --region, set AWS_REGION or AWS_DEFAULT_REGION/],
  ])('%s', async (_, args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(2); // one line and its newline
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('--debug adds the stack trace', async () => {
    const run = await runCli(['scan', '--inventory', 'no/such.json', '--debug']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('never leaves a half-written --output behind', async () => {
    const out = join(dir, 'kept.json');
    await runCli(['scan', '--inventory', notJson, '--output', out]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('ha-audit scan --inventory of an organisation (child process)', () => {
  it('names the accounts and lists those skipped or not scanned, in JSON and text', async () => {
    const dir = tmp();
    const file = join(dir, 'org.json');
    const account = (accountId: string, name: string, regions: unknown[]) => ({ accountId, name, regions });
    writeFileSync(
      file,
      JSON.stringify({
        format: 'ha-audit-inventory',
        formatVersion: 2,
        collectedAt: '2026-12-06T10:00:00.000Z',
        accounts: [account('111111111111', 'prod', [{ region: 'us-east-1' }]), account('333333333333', 'locked', [])],
        gaps: [{ accountId: '333333333333', region: 'global', service: 'sts', operation: 'AssumeRole', code: 'AccessDenied', message: 'not authorized', class: 'denied' }],
        skippedAccounts: [{ accountId: '444444444444', name: 'old', state: 'SUSPENDED' }],
      }),
    );
    const json = await runCli(['scan', '--inventory', file, '--format', 'json']);
    expect(json.code).toBe(3);
    const scan = (expectValidReport(json.stdout) as { scan: Record<string, unknown> }).scan;
    expect(scan.accountNames).toEqual({ '111111111111': 'prod', '333333333333': 'locked' });
    expect(scan.skippedAccounts).toEqual([{ accountId: '444444444444', name: 'old', state: 'SUSPENDED' }]);

    const text = await runCli(['scan', '--inventory', file]);
    const lines = text.stdout.split('\n');
    const leftOut = lines.slice(lines.findIndex((line) => line.includes('ACCOUNTS NOT SCANNED')));
    expect(leftOut.some((line) => line.includes('333333333333 (locked)'))).toBe(true);
    expect(leftOut.some((line) => line.includes('444444444444 (old)'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('No failing result')).join('\n')).not.toContain('333333333333');
  });
});
