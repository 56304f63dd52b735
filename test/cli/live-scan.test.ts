import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/cli/files.js';
import { READ_ONLY_OPERATION } from '../../src/model/operations.js';
import { startFakeAws, type FakeAws, type FakeAwsScenario } from '../support/fake-aws.js';
import { expectValidReport } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

// The CLI as a child process against a fake AWS on the wire (query protocol, real SDK).
const credentials = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const demoFile = 'fixtures/demo/inventory.json';
let fake: FakeAws | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(scenario: Partial<FakeAwsScenario> = {}): Promise<FakeAws> {
  fake = await startFakeAws({ inventory: await loadInventory(demoFile), ...scenario });
  return fake;
}

let offline: Promise<Report> | undefined;
/** The report of a scan of the demo inventory file, which every live scan below is compared with: one child process for all. */
function offlineReport(): Promise<Report> {
  offline ??= runCli(['scan', '--inventory', demoFile, '--format', 'json']).then((run) => expectValidReport(run.stdout) as Report);
  return offline;
}

type Report = { scan: { source: string; complete: boolean; gaps: { operation: string; code: string; region: string }[] }; findings: { ruleId: string; status: string; messageId: string; resource: { id: string; region: string; type: string } }[] };
const key = (f: Report['findings'][number]) => `${f.ruleId} ${f.status} ${f.messageId} ${f.resource.id}`;

describe('ha-audit scan against a live (fake) AWS', () => {
  it('the demo inventory has DNS and a data layer in both regions (what the scans below cover)', async () => {
    const account = (await loadInventory(demoFile)).accounts[0]!;
    expect(account.route53.hostedZones.map((z) => z.privateZone).sort()).toEqual([false, true]);
    expect(account.route53.hostedZones.flatMap((z) => z.records).some((r) => r.aliasTarget)).toBe(true);
    expect(account.route53.healthChecks.length).toBeGreaterThan(0);
    for (const region of account.regions) {
      expect(region.rds.instances.length + region.rds.clusters.length, region.region).toBeGreaterThan(0);
      expect(region.elasticache.replicationGroups.length, region.region).toBeGreaterThan(0);
      expect(region.dynamodb.tables.length, region.region).toBeGreaterThan(0);
    }
  });

  it('what-if scans live too (--scan-region) and gives what the same loss on the inventory file gives', async () => {
    const aws = await start();
    const [live, offlineRun] = await Promise.all([
      runCli(['what-if', '--zone', 'use1-az1', '--scan-region', 'us-east-1,eu-west-1', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } }),
      runCli(['what-if', '--zone', 'use1-az1', '--inventory', demoFile, '--format', 'json']),
    ]);
    expect(live).toMatchObject({ code: 1, stderr: '' });
    const [liveAnswer, fileAnswer] = [live, offlineRun].map((run) => JSON.parse(run.stdout) as { source: string; affected: unknown[]; survive: unknown; exitCode: number });
    expect(liveAnswer!.source).toBe('live');
    expect(liveAnswer!.affected).toEqual(fileAnswer!.affected);
    expect(liveAnswer!.survive).toEqual(fileAnswer!.survive);
    for (const request of aws.requests) expect(request.action).toMatch(READ_ONLY_OPERATION);
  });

  it('finds AWS through AWS_ENDPOINT_URL alone, keeps stderr clean, and reports what a scan of the same inventory file reports', async () => {
    const aws = await start();
    const live = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(live.stderr).toBe(''); // no NodeVersionSupportWarning either
    expect(live.code).toBe(1);
    const liveReport = expectValidReport(live.stdout) as Report;
    expect(liveReport.scan).toMatchObject({ source: 'live', complete: true, gaps: [] });
    expect(liveReport.findings.map(key).sort()).toEqual((await offlineReport()).findings.map(key).sort());
    // DNS and the data layer were scanned over the wire, and judged.
    const ruleGroups = new Set(liveReport.findings.map((f) => f.ruleId.split('-')[0]));
    for (const group of ['r53', 'rds', 'aurora', 'elasticache', 'dynamodb']) expect(ruleGroups).toContain(group);
    expect(liveReport.findings.filter((f) => f.ruleId.startsWith('r53-')).every((f) => f.resource.region === 'global')).toBe(true);
    expect(new Set(aws.requests.map((r) => r.service))).toEqual(new Set(['sts', 'elasticloadbalancing', 'autoscaling', 'ec2', 'route53', 'rds', 'elasticache', 'dynamodb', 'iam']));
    // Route 53 once for the account, not once per region.
    expect(aws.requests.filter((r) => r.action === 'ListHostedZones')).toHaveLength(1);
    expect(aws.requests.length).toBeGreaterThan(20);
    for (const request of aws.requests) {
      expect(request.action).toMatch(READ_ONLY_OPERATION);
      expect(request.status).toBe(200);
    }
  });

  it('--endpoint-url sets the endpoint, and --save-inventory writes a file that --inventory reads back to the same findings', async () => {
    const aws = await start();
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-live-'));
    const saved = join(dir, 'inventory.json');
    const live = await runCli(['scan', '--region', 'us-east-1', '--region', 'eu-west-1', '--endpoint-url', aws.url, '--save-inventory', saved, '--format', 'json'], {
      env: credentials,
    });
    expect(live.code).toBe(1);
    const replay = await runCli(['scan', '--inventory', saved, '--format', 'json']);
    expect(replay.code).toBe(1);
    expect((expectValidReport(replay.stdout) as Report).findings.map(key).sort()).toEqual((expectValidReport(live.stdout) as Report).findings.map(key).sort());
    expect(readdirSync(dir)).toEqual(['inventory.json']);
  });

  it('an AccessDenied in one region is a gap: exit 3, error results there, every other result still present', async () => {
    const aws = await start({ failures: [{ service: 'elasticloadbalancing', action: 'DescribeTargetHealth', region: 'us-east-1', code: 'AccessDenied' }] });
    const run = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('');
    const report = expectValidReport(run.stdout) as Report;
    expect(report.scan.complete).toBe(false);
    expect(report.scan.gaps.map((g) => `${g.region} ${g.operation} ${g.code}`)).toEqual(['us-east-1 DescribeTargetHealth AccessDenied']);
    // The rules that read target health (elb-zonal-shift: to find an ALB behind an NLB) give error there.
    for (const ruleId of ['elb-targets-multi-az', 'elb-zonal-shift']) {
      const results = report.findings.filter((f) => f.ruleId === ruleId);
      expect(results.filter((f) => f.resource.region === 'us-east-1').map((f) => f.status)).toEqual(['error']);
      expect(results.filter((f) => f.resource.region === 'eu-west-1').every((f) => f.status !== 'error')).toBe(true);
    }
    // The resilience model cannot place the targets of us-east-1: the entry points there are not evaluated, those of eu-west-1 are.
    const app = report.findings.filter((f) => f.ruleId.startsWith('app-'));
    expect(app.filter((f) => f.status === 'error').every((f) => f.messageId === 'notEvaluated')).toBe(true);
    expect(app.some((f) => f.status !== 'error')).toBe(true);
    // Rules that do not read target health are untouched in us-east-1.
    const unaffected = (r: Report) =>
      r.findings.filter((f) => f.ruleId !== 'elb-targets-multi-az' && f.ruleId !== 'elb-zonal-shift' && !f.ruleId.startsWith('app-')).map(key).sort();
    expect(unaffected(report)).toEqual(unaffected(await offlineReport()));
  });

  it('a denied Route 53 list is a gap in region global: exit 3, its rules error, the regions untouched', async () => {
    const aws = await start({ failures: [{ service: 'route53', action: 'ListHealthChecks', code: 'AccessDenied' }] });
    const run = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    const report = expectValidReport(run.stdout) as Report;
    expect(report.scan.gaps.map((g) => `${g.region} ${g.operation} ${g.code}`)).toEqual(['global ListHealthChecks AccessDenied']);
    const errors = report.findings.filter((f) => f.status === 'error');
    // Every DNS rule reads the health checks (to judge them, or for a fix that never replaces a check it could not see),
    // and the resilience model cannot tell whether Route 53 fails over: the record groups it would judge are not evaluated.
    expect(new Set(errors.map((f) => f.resource.region))).toEqual(new Set(['global']));
    const dnsRules = report.findings.filter((f) => f.ruleId.startsWith('r53-')).map((f) => f.ruleId);
    expect(new Set(errors.map((f) => f.ruleId))).toEqual(new Set([...dnsRules, 'app-zone-failure', 'app-region-failure']));
    const unaffected = (r: Report) => r.findings.filter((f) => !f.ruleId.startsWith('r53-') && !(f.ruleId.startsWith('app-') && f.resource.type === 'route53:record-group')).map(key).sort();
    expect(unaffected(report)).toEqual(unaffected(await offlineReport()));
  });

  it('a denied DynamoDB call in one region is a gap there: dynamodb-pitr errors in that region only', async () => {
    const aws = await start({ failures: [{ service: 'dynamodb', action: 'DescribeContinuousBackups', region: 'eu-west-1', code: 'AccessDeniedException' }] });
    const run = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    const report = expectValidReport(run.stdout) as Report;
    expect(report.scan.gaps.map((g) => `${g.region} ${g.operation} ${g.code}`)).toEqual(['eu-west-1 DescribeContinuousBackups AccessDeniedException']);
    const pitr = report.findings.filter((f) => f.ruleId === 'dynamodb-pitr');
    expect(pitr.filter((f) => f.resource.region === 'eu-west-1').map((f) => f.status)).toEqual(['error']);
    expect(pitr.filter((f) => f.resource.region === 'us-east-1').length).toBeGreaterThan(0);
    expect(pitr.filter((f) => f.resource.region === 'us-east-1').every((f) => f.status !== 'error')).toBe(true);
    // One table in eu-west-1: one denied call (JSON 1.0 answers 400), not retried.
    expect(aws.requests.filter((r) => r.action === 'DescribeContinuousBackups' && r.region === 'eu-west-1').map((r) => r.status)).toEqual([400]);
  });

  it('the text report ends with what was not evaluated and the IAM action to grant', async () => {
    const aws = await start({ failures: [{ service: 'autoscaling', action: 'DescribePolicies', code: 'AccessDenied' }] });
    const run = await runCli(['scan', '--region', 'us-east-1'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('NOT EVALUATED');
    // The rule's error line names the call that failed (the engine's test holds the wording).
    expect(run.stdout).toMatch(/asg-scaling-policy \[us-east-1\] .*autoscaling:DescribePolicies.*AccessDenied/);
    expect(run.stdout).toContain('grant autoscaling:DescribePolicies to the scanning identity');
    expect(run.stdout).toContain('incomplete audit: exit 3');
  });

  it('rejected credentials: exit 2, one line, nothing written to --output', async () => {
    const aws = await start({ failures: [{ service: 'sts', action: 'GetCallerIdentity', code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' }] });
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-live-'));
    const run = await runCli(['scan', '--region', 'us-east-1', '--output', join(dir, 'report.txt')], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ha-audit: AWS rejected the credentials (InvalidClientTokenId: The security token included in the request is invalid.); check the access key, the profile, the clock of this machine, and that the region is enabled for the account\n',
    );
    expect(existsSync(join(dir, 'report.txt'))).toBe(false);
    expect(run.stderr).not.toContain(credentials.AWS_SECRET_ACCESS_KEY);
  });

  it('the tests\' time scale must be a number: exit 2, one line, before any call', async () => {
    const aws = await start();
    const run = await runCli(['scan', '--region', 'us-east-1'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url, HA_AUDIT_TEST_TIME_SCALE: 'fast' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ha-audit: HA_AUDIT_TEST_TIME_SCALE must be a number of at least 1, got "fast"; .*\n$/);
    expect(aws.requests).toEqual([]);
  });

  it('asks STS in the next region when the first does not answer (an opt-in region not enabled)', async () => {
    const aws = await start({ failures: [{ service: 'sts', action: 'GetCallerIdentity', region: 'eu-west-1', code: 'InvalidClientTokenId' }] });
    const run = await runCli(['scan', '--region', 'eu-west-1,us-east-1', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(aws.requests.filter((r) => r.action === 'GetCallerIdentity').map((r) => `${r.region} ${r.status}`)).toEqual(['eu-west-1 400', 'us-east-1 200']);
  });

  it('--profile takes the credentials and the default region from the shared files', async () => {
    const aws = await start();
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-profile-'));
    writeFileSync(join(dir, 'config'), '[profile audit]\nregion = eu-west-1\n');
    writeFileSync(join(dir, 'credentials'), `[audit]\naws_access_key_id = ${credentials.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${credentials.AWS_SECRET_ACCESS_KEY}\n`);
    const env = { AWS_ENDPOINT_URL: aws.url, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
    const run = await runCli(['scan', '--profile', 'audit', '--format', 'json'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect((expectValidReport(run.stdout) as { scan: { regions: string[] } }).scan.regions).toEqual(['eu-west-1']);
    // Every regional call in the profile's region; Route 53 is global, and IAM (the account's alias) signed for us-east-1.
    expect(new Set(aws.requests.map((r) => `${r.service === 'route53' || r.service === 'iam' ? r.service : 'regional'} ${r.region}`))).toEqual(new Set(['regional eu-west-1', 'route53 global', 'iam us-east-1']));
    const missing = await runCli(['scan', '--profile', 'nobody', '--region', 'us-east-1'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^ha-audit: no usable AWS credentials for profile nobody: .*aws configure list-profiles.*\n$/);
  });

  it.each([
    ['AWS_DEFAULT_REGION over the profile', { AWS_DEFAULT_REGION: 'eu-west-1' }, [], 'eu-west-1'],
    ['AWS_REGION over AWS_DEFAULT_REGION', { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'eu-west-1' }, [], 'us-east-1'],
    ['--region over both', { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'us-east-1' }, ['--region', 'eu-west-1'], 'eu-west-1'],
  ])('the region as the AWS CLI picks it: %s', async (_, variables, args, region) => {
    const aws = await start();
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-region-'));
    writeFileSync(join(dir, 'config'), '[default]\nregion = ap-southeast-2\n');
    const run = await runCli(['scan', ...args, '--format', 'json'], { env: { ...credentials, ...variables, AWS_ENDPOINT_URL: aws.url, AWS_CONFIG_FILE: join(dir, 'config') } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect((expectValidReport(run.stdout) as { scan: { regions: string[] } }).scan.regions).toEqual([region]);
    expect(new Set(aws.requests.filter((r) => r.service !== 'route53' && r.service !== 'iam').map((r) => r.region))).toEqual(new Set([region]));
  });

  it('--rule collects only what the rule reads: an identity allowed only that completes the scan, and the saved inventory says what it left out', async () => {
    const denied = ['DescribeTags', 'DescribeTargetHealth', 'ListHostedZones', 'DescribeDBInstances', 'ListTables', 'DescribeSubnets'];
    const aws = await start({ failures: denied.map((action) => ({ service: action === 'ListHostedZones' ? 'route53' : action === 'DescribeDBInstances' ? 'rds' : action === 'ListTables' ? 'dynamodb' : action === 'DescribeSubnets' ? 'ec2' : 'elasticloadbalancing', action, code: 'AccessDenied' })) });
    const env = { ...credentials, AWS_ENDPOINT_URL: aws.url };
    const whole = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--format', 'json'], { env });
    expect(whole.code).toBe(3);
    const requestsBefore = aws.requests.length;
    const dir = mkdtempSync(join(tmpdir(), 'ha-audit-rule-'));
    const saved = join(dir, 'inventory.json');
    const narrowed = await runCli(['scan', '--region', 'us-east-1,eu-west-1', '--rule', 'elb-multi-az', '--format', 'json', '--save-inventory', saved], { env });
    expect(narrowed.stderr).toBe('');
    expect(narrowed.code).toBe(1);
    expect(new Set(aws.requests.slice(requestsBefore).map((r) => `${r.service}:${r.action}`))).toEqual(new Set(['sts:GetCallerIdentity', 'elasticloadbalancing:DescribeLoadBalancers', 'iam:ListAccountAliases']));
    const report = expectValidReport(narrowed.stdout) as Report;
    expect(report.scan).toMatchObject({ complete: true, gaps: [] });
    expect(new Set(report.findings.map((f) => f.ruleId))).toEqual(new Set(['elb-multi-az']));
    // The same policy as iam-policy --rule elb-multi-az.
    const policy = JSON.parse((await runCli(['iam-policy', '--rule', 'elb-multi-az'])).stdout) as { Statement: { Action: string[] }[] };
    expect(policy.Statement[0]!.Action).toEqual(['elasticloadbalancing:DescribeLoadBalancers', 'iam:ListAccountAliases', 'sts:GetCallerIdentity']);
    // Evaluated again for the same rule: the same verdicts; for every rule: the others are not evaluated, never passed.
    const again = await runCli(['scan', '--inventory', saved, '--rule', 'elb-multi-az', '--format', 'json']);
    expect(again.code).toBe(1);
    expect((expectValidReport(again.stdout) as Report).findings.map(key).sort()).toEqual(report.findings.map(key).sort());
    const every = await runCli(['scan', '--inventory', saved, '--format', 'json']);
    expect(every.code).toBe(3);
    const everyReport = expectValidReport(every.stdout) as Report;
    expect(everyReport.scan.gaps.length).toBeGreaterThan(0);
    expect(everyReport.scan.gaps.every((g) => g.code === 'NotCollected')).toBe(true);
    expect(everyReport.findings.filter((f) => f.ruleId === 'rds-multi-az').map((f) => f.status)).toEqual(['error', 'error']);
    expect(everyReport.findings.filter((f) => f.ruleId === 'elb-multi-az').map(key).sort()).toEqual(report.findings.map(key).sort());
  });

  it('--timeout takes a compound duration (1h30m)', async () => {
    const aws = await start();
    const run = await runCli(['scan', '--region', 'us-east-1', '--timeout', '1h30m', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect((expectValidReport(run.stdout) as Report).scan.complete).toBe(true);
  });

  it('--debug tells about the AWS SDK warning it filtered and the calls made', async () => {
    const aws = await start();
    const run = await runCli(['scan', '--region', 'us-east-1', '--debug', '--format', 'json'], { env: { ...credentials, AWS_ENDPOINT_URL: aws.url } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^debug: suppressed AWS SDK warning: NodeVersionSupportWarning/m);
    expect(run.stderr).toMatch(/^debug: account \d{12} us-east-1: \d+ calls in \d+ ms, 0 gap\(s\)$/m);
  });
});
