import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/cli/files.js';
import { packageRoot } from '../../src/package-info.js';
import { startFakeAws, type FakeAws } from '../support/fake-aws.js';
import { expectValidReport } from '../support/report-schema.js';
import { runCli } from '../support/run-cli.js';

// The CLI as a child process, in a folder of its own: `.ha-audit.yml` is looked for in the working directory.

const ACCOUNT = '111122223333';
const arnOf = (name: string, suffix: string) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/${name}/${suffix}`;
const LEGACY = arnOf('legacy-tg', '0123456789abcdef');

type Finding = {
  ruleId: string;
  status: string;
  severity: string;
  resource: { id: string; name: string };
  suppression?: { reason: string; expires?: string; matchedBy: string };
  baseline?: string;
};
type Report = {
  scan: {
    regions: string[];
    config?: string;
    suppressions?: { expired: Record<string, unknown>[]; unused: Record<string, unknown>[] };
    baseline?: { file: string; new: number; existing: number; resolved: { ruleId: string; resource: { name: string } }[] };
  };
  summary: { pass: number; fail: number; suppressed: number };
  findings: Finding[];
};

/**
 * A folder with the tg-stickiness fixture (legacy-tg, app-cookie-tg and nlb-tg sticky, clean-tg
 * not), legacy-tg tagged team=legacy, and optionally a `.ha-audit.yml`.
 */
function workspace(config?: string): { dir: string; inventory: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ha-audit-config-cli-'));
  const inventory = JSON.parse(readFileSync(join(packageRoot(), 'fixtures/tg-stickiness/fail.json'), 'utf8'));
  inventory.accounts[0].regions[0].elbv2.targetGroups[0].tags = { team: 'legacy', owner: 'shop' };
  writeFileSync(join(dir, 'inventory.json'), JSON.stringify(inventory));
  if (config !== undefined) writeFileSync(join(dir, '.ha-audit.yml'), config);
  return { dir, inventory: 'inventory.json' };
}

/** A copy of the workspace's inventory with the stickiness of some target groups turned on or off. */
function withStickiness(dir: string, file: string, sticky: Record<string, boolean>): string {
  const inventory = JSON.parse(readFileSync(join(dir, 'inventory.json'), 'utf8'));
  for (const tg of inventory.accounts[0].regions[0].elbv2.targetGroups) {
    if (tg.name in sticky) tg.attributes['stickiness.enabled'] = String(sticky[tg.name]);
  }
  writeFileSync(join(dir, file), JSON.stringify(inventory));
  return file;
}

const scanIn = (dir: string, args: string[]) => runCli(['scan', ...args], { cwd: dir });
const jsonOf = (stdout: string) => expectValidReport(stdout) as unknown as Report;
// The fixture's target groups are also judged by tg-health-check (they all pass it): these tests are about stickiness.
const sticky = (report: Report) => report.findings.filter((f) => f.ruleId === 'tg-stickiness');
const statusOf = (report: Report) => Object.fromEntries(sticky(report).map((f) => [f.resource.name, f.status]));
const yaml = (...lines: string[]) => lines.join('\n') + '\n';

describe('configuration file', () => {
  it('.ha-audit.yml of the working directory applies, and the report names it', async () => {
    const { dir, inventory } = workspace(yaml('rules:', '  tg-stickiness:', '    enabled: false'));
    const run = await scanIn(dir, ['--inventory', inventory, '--format', 'json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = jsonOf(run.stdout);
    expect(report.scan.config).toBe('.ha-audit.yml');
    expect(report.findings.filter((f) => f.ruleId === 'tg-stickiness')).toEqual([]);
  });

  it('--no-config ignores it; --rule runs a rule it turns off', async () => {
    const { dir, inventory } = workspace(yaml('rules:', '  tg-stickiness: false'));
    const ignored = await scanIn(dir, ['--inventory', inventory, '--no-config', '--format', 'json']);
    expect(ignored.code).toBe(1);
    expect(jsonOf(ignored.stdout).scan.config).toBeUndefined();
    expect((await scanIn(dir, ['--inventory', inventory, '--rule', 'tg-stickiness'])).code).toBe(1);
  });

  it('--config names another file; its severity overrides change the results and the gate', async () => {
    const { dir, inventory } = workspace();
    writeFileSync(join(dir, 'strict.yml'), yaml('rules:', '  tg-stickiness:', '    severity: high'));
    expect((await scanIn(dir, ['--inventory', inventory, '--fail-on', 'high'])).code).toBe(0);
    const run = await scanIn(dir, ['--inventory', inventory, '--config', 'strict.yml', '--fail-on', 'high', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = jsonOf(run.stdout);
    expect(report.scan.config).toBe('strict.yml');
    expect(new Set(report.findings.filter((f) => f.ruleId === 'tg-stickiness').map((f) => f.severity))).toEqual(new Set(['high']));
  });

  it('parameters reach the rules', async () => {
    const { dir } = workspace(yaml('rules:', '  elb-multi-az:', '    params: { minAzs: 4 }'));
    const fixture = join(packageRoot(), 'fixtures/elb-multi-az/pass.json');
    expect((await scanIn(dir, ['--inventory', fixture, '--rule', 'elb-multi-az', '--no-config'])).code).toBe(0);
    expect((await scanIn(dir, ['--inventory', fixture, '--rule', 'elb-multi-az'])).code).toBe(1);
  });

  it.each([
    ['an unknown rule', yaml('rules:', '  tg-stickyness: false'), 'ha-audit: .ha-audit.yml:2: unknown rule "tg-stickyness" (did you mean tg-stickiness?); run `ha-audit rules` to list the rule ids\n'],
    [
      'a parameter of the wrong type',
      yaml('# CI settings', 'rules:', '  elb-multi-az:', '    params:', '      minAzs: two'),
      'ha-audit: .ha-audit.yml:5: parameter minAzs of rule elb-multi-az must be an integer from 1 to 10, got "two"\n',
    ],
    ['an unknown parameter', yaml('rules:', '  elb-multi-az: { params: { zones: 3 } }'), 'ha-audit: .ha-audit.yml:2: rule elb-multi-az has no parameter "zones"; its parameters are: minAzs\n'],
    ['an unknown top-level key', yaml('regions: [us-east-1]', 'failOn: high'), 'ha-audit: .ha-audit.yml:2: unknown key "failOn"; the top-level keys are: regions, rules, suppressions, resilience\n'],
    [
      'a suppression without a reason',
      yaml('suppressions:', `  - rule: tg-stickiness`, `    resource: ${LEGACY}`),
      'ha-audit: .ha-audit.yml:2: suppressions[0] needs a reason; say why the risk is accepted, for whoever reads the report\n',
    ],
  ])('an invalid file stops the scan with exit 2 and one line naming file and line: %s', async (_, config, stderr) => {
    const { dir, inventory } = workspace(config);
    expect(await scanIn(dir, ['--inventory', inventory])).toEqual({ code: 2, stdout: '', stderr });
  });

  it('--config with a file that does not exist is exit 2', async () => {
    const { dir, inventory } = workspace();
    expect(await scanIn(dir, ['--inventory', inventory, '--config', 'nope.yml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ha-audit: cannot read configuration nope.yml: no such file; see docs/configuration.md\n',
    });
  });

  describe('default regions', () => {
    let aws: FakeAws | undefined;
    afterEach(async () => {
      await aws?.close();
      aws = undefined;
    });
    const credentials = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

    it('a live scan without --region scans the regions of the configuration; --region wins', async () => {
      aws = await startFakeAws({ inventory: await loadInventory(join(packageRoot(), 'fixtures/demo/inventory.json')) });
      const { dir } = workspace(yaml('regions: [eu-west-1]'));
      const env = { ...credentials, AWS_ENDPOINT_URL: aws.url };
      const configured = await runCli(['scan', '--format', 'json'], { cwd: dir, env });
      expect(configured.stderr).toBe('');
      expect(jsonOf(configured.stdout).scan.regions).toEqual(['eu-west-1']);
      const given = await runCli(['scan', '--format', 'json', '--region', 'us-east-1'], { cwd: dir, env });
      expect(jsonOf(given.stdout).scan.regions).toEqual(['us-east-1']);
    });

    it('a saved inventory is evaluated whole: the configuration regions are for live scans', async () => {
      const { dir, inventory } = workspace(yaml('regions: [eu-west-1]'));
      const run = await scanIn(dir, ['--inventory', inventory, '--format', 'json']);
      expect(jsonOf(run.stdout).scan.regions).toEqual(['us-east-1']);
    });
  });
});

describe('suppressions', () => {
  it('by ARN: the result is suppressed, with its reason, and no longer fails the gate', async () => {
    const { dir, inventory } = workspace(
      yaml('suppressions:', '  - rule: tg-stickiness', `    resource: ${LEGACY}`, '    reason: Sessions move to ElastiCache in Q3 (SHOP-412)', '    expires: 2099-12-31'),
    );
    const run = await scanIn(dir, ['--inventory', inventory, '--format', 'json']);
    expect(run.code).toBe(1); // app-cookie-tg and nlb-tg still fail
    const report = jsonOf(run.stdout);
    expect(statusOf(report)).toEqual({ 'legacy-tg': 'suppressed', 'app-cookie-tg': 'fail', 'nlb-tg': 'fail', 'clean-tg': 'pass' });
    expect(sticky(report).find((f) => f.resource.name === 'legacy-tg')!.suppression).toEqual({
      reason: 'Sessions move to ElastiCache in Q3 (SHOP-412)',
      expires: '2099-12-31',
      matchedBy: `rule=tg-stickiness resource=${LEGACY}`,
    });
    expect(report.summary).toMatchObject({ pass: 5, fail: 2, suppressed: 1 });
    expect(report.scan.suppressions).toEqual({ expired: [], unused: [] });
  });

  it('by glob: every failing result suppressed, the gate passes, the text report lists them with the reason', async () => {
    const { dir, inventory } = workspace(yaml('suppressions:', '  - rule: "*"', '    resource: "arn:aws:elasticloadbalancing:us-east-1:*:targetgroup/*"', '    reason: Accepted until the rewrite'));
    const run = await scanIn(dir, ['--inventory', inventory]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(' SUPPRESSED  3 accepted, not failing the gate');
    expect(run.stdout).toContain('  ~ tg-stickiness legacy-tg [us-east-1]: Accepted until the rewrite');
    expect(run.stdout).toMatch(/Summary: 0 failed · 5 passed · 3 suppressed · 0 not evaluated · passes the gate \(--fail-on low\): exit 0/);
  });

  it('by tag', async () => {
    const { dir, inventory } = workspace(yaml('suppressions:', '  - rule: tg-stickiness', '    tag: team=legacy', '    reason: Owned by the legacy team, retiring'));
    const report = jsonOf((await scanIn(dir, ['--inventory', inventory, '--format', 'json'])).stdout);
    expect(statusOf(report)).toEqual({ 'legacy-tg': 'suppressed', 'app-cookie-tg': 'fail', 'nlb-tg': 'fail', 'clean-tg': 'pass' });
    expect(sticky(report).find((f) => f.resource.name === 'legacy-tg')!.suppression!.matchedBy).toBe('rule=tg-stickiness tag=team=legacy');
  });

  it('expired: the result fails again, and the report warns (in the text report, and on stderr for JSON)', async () => {
    const { dir, inventory } = workspace(
      yaml('suppressions:', '  - rule: "*"', '    resource: "*"', '    reason: Until the migration', '    expires: 2020-01-31'),
    );
    const warning = '.ha-audit.yml:2: suppression rule=* resource=* expired on 2020-01-31: 3 results fail again; renew it with a new date or fix the resource';
    const text = await scanIn(dir, ['--inventory', inventory]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(` WARNINGS \n  ! ${warning}\n`);
    expect(text.stdout).not.toContain('SUPPRESSED');
    const json = await scanIn(dir, ['--inventory', inventory, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe(`ha-audit: warning: ${warning}\n`);
    const report = jsonOf(json.stdout);
    expect(report.summary).toMatchObject({ fail: 3, suppressed: 0 });
    expect(report.scan.suppressions!.expired).toEqual([{ source: '.ha-audit.yml:2', rule: '*', resource: '*', reason: 'Until the migration', expires: '2020-01-31', matches: 3 }]);
  });

  it('a suppression that matches nothing is reported unused', async () => {
    const { dir, inventory } = workspace(
      yaml(
        'suppressions:',
        '  - rule: tg-stickiness',
        `    resource: "${LEGACY}"`,
        '    reason: in use',
        '  - rule: tg-stickiness',
        '    resource: "*:targetgroup/deleted-tg/*"',
        '    reason: the target group was deleted last month',
      ),
    );
    const text = await scanIn(dir, ['--inventory', inventory]);
    expect(text.stdout).toContain('  ! .ha-audit.yml:5: suppression rule=tg-stickiness resource=*:targetgroup/deleted-tg/* matches no failing result; remove it\n');
    const report = jsonOf((await scanIn(dir, ['--inventory', inventory, '--format', 'json'])).stdout);
    expect(report.scan.suppressions!.unused).toEqual([
      { source: '.ha-audit.yml:5', rule: 'tg-stickiness', resource: '*:targetgroup/deleted-tg/*', reason: 'the target group was deleted last month' },
    ]);
  });
});

describe('baseline', () => {
  /**
   * The baseline: legacy-tg and app-cookie-tg sticky, nlb-tg not. Now: legacy-tg fixed,
   * app-cookie-tg still sticky, nlb-tg newly sticky.
   */
  async function scenario() {
    const { dir } = workspace();
    const before = withStickiness(dir, 'before.json', { 'legacy-tg': true, 'app-cookie-tg': true, 'nlb-tg': false });
    const previous = await scanIn(dir, ['--inventory', before, '--format', 'json', '--output', 'previous.json']);
    expect(previous.code).toBe(1);
    const now = withStickiness(dir, 'now.json', { 'legacy-tg': false, 'app-cookie-tg': true, 'nlb-tg': true });
    const unchanged = withStickiness(dir, 'unchanged.json', { 'legacy-tg': true, 'app-cookie-tg': true, 'nlb-tg': false });
    return { dir, now, unchanged };
  }

  it('marks results new or existing and lists what was resolved, in JSON and in text', async () => {
    const { dir, now } = await scenario();
    const json = await scanIn(dir, ['--inventory', now, '--baseline', 'previous.json', '--format', 'json']);
    expect(json.code).toBe(1);
    const report = jsonOf(json.stdout);
    const marks = Object.fromEntries(report.findings.map((f) => [f.resource.name, `${f.status} ${f.baseline ?? '-'}`]));
    expect(marks).toEqual({ 'legacy-tg': 'pass -', 'app-cookie-tg': 'fail existing', 'nlb-tg': 'fail new', 'clean-tg': 'pass -' });
    expect(report.scan.baseline).toMatchObject({ file: 'previous.json', new: 1, existing: 1 });
    expect(report.scan.baseline!.resolved.map((r) => `${r.ruleId} ${r.resource.name}`)).toEqual(['tg-stickiness legacy-tg']);

    const text = await scanIn(dir, ['--inventory', now, '--baseline', 'previous.json']);
    expect(text.stdout).toContain('    ✗ nlb-tg [us-east-1] new\n');
    expect(text.stdout).toContain(' SINCE BASELINE  previous.json: 1 new, 1 existing, 1 fixed\n  New:\n    + tg-stickiness nlb-tg [us-east-1] medium\n  Fixed since baseline:\n    ✓ tg-stickiness legacy-tg [us-east-1] medium\n');
    expect(text.stdout).toMatch(/· 1 new, 1 fixed since baseline · fails the gate \(--fail-on low\): exit 1\n$/);
  });

  it('--fail-on-new-only: exit 1 only for a new failing result at or above --fail-on', async () => {
    const { dir, now, unchanged } = await scenario();
    expect((await scanIn(dir, ['--inventory', unchanged, '--baseline', 'previous.json'])).code).toBe(1);
    const onlyExisting = await scanIn(dir, ['--inventory', unchanged, '--baseline', 'previous.json', '--fail-on-new-only']);
    expect(onlyExisting.code).toBe(0);
    expect(onlyExisting.stdout).toContain('passes the gate (--fail-on low, new only): exit 0');
    expect((await scanIn(dir, ['--inventory', now, '--baseline', 'previous.json', '--fail-on-new-only'])).code).toBe(1);
    expect((await scanIn(dir, ['--inventory', now, '--baseline', 'previous.json', '--fail-on-new-only', '--fail-on', 'high'])).code).toBe(0);
  });

  it('--fail-on-new-only still exits 3 on an incomplete audit', async () => {
    const { dir } = await scenario();
    const incomplete = join(packageRoot(), 'fixtures/cli/incomplete.json');
    expect((await scanIn(dir, ['--inventory', incomplete, '--baseline', 'previous.json', '--fail-on-new-only'])).code).toBe(3);
  });

  it('usage errors: --fail-on-new-only without --baseline; a baseline that is no report', async () => {
    const { dir, inventory } = workspace();
    expect(await scanIn(dir, ['--inventory', inventory, '--fail-on-new-only'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ha-audit: --fail-on-new-only needs --baseline; pass the JSON report of an earlier scan: --baseline previous.json\n',
    });
    const notAReport = await scanIn(dir, ['--inventory', inventory, '--baseline', inventory]);
    expect(notAReport).toMatchObject({ code: 2, stdout: '' });
    expect(notAReport.stderr).toBe(
      'ha-audit: baseline inventory.json is invalid: it is an ha-audit inventory, not a report; pass the JSON report of an earlier scan (`ha-audit scan --format json --output previous.json`)\n',
    );
    expect((await scanIn(dir, ['--inventory', inventory, '--baseline', 'missing.json'])).stderr).toMatch(/^ha-audit: cannot read baseline missing\.json: no such file;/);
  });

  it('suppressions and a baseline together: a suppressed result is still matched against the baseline', async () => {
    const { dir, now } = await scenario();
    writeFileSync(join(dir, '.ha-audit.yml'), yaml('suppressions:', '  - rule: tg-stickiness', '    resource: "*nlb-tg*"', '    reason: NLB clients are pinned on purpose'));
    const run = await scanIn(dir, ['--inventory', now, '--baseline', 'previous.json', '--fail-on-new-only', '--format', 'json']);
    expect(run.code).toBe(0); // the only new failure is suppressed
    const nlb = sticky(jsonOf(run.stdout)).find((f) => f.resource.name === 'nlb-tg')!;
    expect(nlb).toMatchObject({ status: 'suppressed', baseline: 'new' });
  });
});
