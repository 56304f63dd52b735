import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { REPORT_ACCOUNT, REPORT_STARTED, reportOf as buildReportOf, ruleById, ruleResult } from '../support/report-builders.js';
import type { Rule } from '../../src/engine/define-rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import { buildReport } from '../../src/engine/scan-report.js';
import type { Gap } from '../../src/model/inventory.js';
import { loadInventory } from '../../src/cli/files.js';
import type { ScanReport } from '../../src/model/report.js';
import type { Result } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';
import { packageRoot } from '../../src/package-info.js';
import { buildSarif, FINGERPRINT_KEY, renderSarif, renderSarifPieces } from '../../src/report/sarif.js';
import { commandsOf } from '../support/rule-cases.js';

// The SARIF 2.1.0 schema of Microsoft's SARIF SDK, from the npm package @microsoft/sarif-multitool-linux 5.7.0.
const schema = JSON.parse(readFileSync(join(packageRoot(), 'test', 'fixtures', 'sarif-2.1.0.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats.default(ajv);
const validateSarif = ajv.compile(schema);

function expectValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  validateSarif(log);
  expect(validateSarif.errors ?? [], 'SARIF matches the SARIF 2.1.0 schema').toEqual([]);
  return log;
}

const FINISHED = new Date('2026-11-20T09:00:42.500Z');
const ACCOUNT = REPORT_ACCOUNT;
const STARTED = REPORT_STARTED;


const reportOf = (results: Result[], gaps: Gap[] = []): ScanReport => buildReportOf(results, gaps, FINISHED);


const result = ruleResult;

const gap: Gap = { accountId: ACCOUNT, region: 'us-east-1', service: 'elbv2', operation: 'DescribeTargetGroupAttributes', code: 'AccessDenied', message: 'User is not authorized', class: 'denied' };

describe('renderSarif on the demo account', () => {
  let report: ScanReport;
  let log: Sarif.Log;
  let run: Sarif.Run;

  beforeAll(async () => {
    const demo = await loadInventory(join(packageRoot(), 'fixtures', 'demo', 'inventory.json'));
    report = buildReport({ inventory: demo, results: runRules(demo, { rules }), rules, source: 'inventory', startedAt: STARTED, finishedAt: FINISHED });
    log = expectValidSarif(renderSarif(report, rules));
    run = log.runs[0]!;
  });

  it('is written a result a piece: the log of an organisation is never one string', () => {
    const pieces = [...renderSarifPieces(report, rules)];
    expect(pieces.join('')).toBe(JSON.stringify(buildSarif(report, rules), null, 2) + '\n');
    expect(run.results!.length).toBeGreaterThan(5);
    expect(pieces.filter((piece) => piece.includes('"partialFingerprints"'))).toHaveLength(run.results!.length);
  });

  it('is SARIF 2.1.0 with one run of ha-audit', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'ha-audit', version: report.tool.version, semanticVersion: report.tool.version });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it('describes every rule of the scan, from the rule itself', () => {
    const descriptors = run.tool.driver.rules!;
    expect(descriptors.map((d) => d.id)).toEqual(rules.map((r) => r.id));
    const stickiness = descriptors.find((d) => d.id === 'tg-stickiness')!;
    const rule = ruleById('tg-stickiness');
    expect(stickiness).toMatchObject({
      name: 'TgStickiness',
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.rationale },
      helpUri: rule.remediation.docs,
      defaultConfiguration: { level: 'warning' },
      properties: { severity: 'medium', tags: expect.arrayContaining(['reliability', 'elbv2']) },
    });
    expect(stickiness.help!.text).toContain(rule.remediation.summary);
    expect(stickiness.help!.markdown).toContain(`(${rule.remediation.docs})`);
    expect(descriptors.find((d) => d.id === 'elb-multi-az')!.name).toBe('ElbMultiAz');
    expect(descriptors.every((d) => d.properties?.['security-severity'] === undefined)).toBe(true);
  });

  it('has one result per failing finding, each pointing at its rule descriptor', () => {
    const failing = report.findings.filter((f) => f.status === 'fail');
    expect(run.results).toHaveLength(failing.length);
    for (const r of run.results!) expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(new Set(run.results!.map((r) => r.ruleId))).toEqual(new Set(failing.map((f) => f.ruleId)));
  });

  it('locates each result at its account and region, and names the resource by ARN', () => {
    const finding = report.findings.find((f) => f.status === 'fail' && f.ruleId === 'tg-stickiness')!;
    const sarif = run.results!.find((r) => r.ruleId === 'tg-stickiness' && r.locations![0]!.logicalLocations![0]!.fullyQualifiedName === finding.resource.arn)!;
    expect(sarif.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: `aws/123456789012/${finding.resource.region}` } },
        logicalLocations: [{ fullyQualifiedName: finding.resource.arn, name: finding.resource.name, kind: 'elbv2:target-group' }],
      },
    ]);
    // The message, what the fix costs, then the commands.
    expect(finding.remediation!.warning).toBeDefined();
    expect(sarif.message.text).toBe([finding.message, `Warning: ${finding.remediation!.warning}`, ...commandsOf(finding).map((c) => `$ ${c}`)].join('\n'));
    expect(sarif.properties).toMatchObject({ accountId: '123456789012', region: finding.resource.region, resourceType: 'elbv2:target-group', severity: 'medium' });
  });

  it('gives every result the relative file location GitHub code scanning requires', () => {
    for (const r of run.results!) {
      const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
      expect(uri).toMatch(/^aws\/123456789012\/(us-east-1|eu-west-1|global)$/);
    }
  });

  it('reports a complete scan as successful, with its times and no notification', () => {
    expect(run.invocations).toEqual([{ executionSuccessful: true, startTimeUtc: STARTED.toISOString(), endTimeUtc: FINISHED.toISOString() }]);
  });

  it('gives every finding its own fingerprint', () => {
    const fingerprints = run.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    expect(fingerprints.every((f) => typeof f === 'string' && /^[0-9a-f]{64}$/.test(f))).toBe(true);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('is deterministic: the same report renders to the same bytes', () => {
    expect(renderSarif(report, rules)).toBe(renderSarif(structuredClone(report), rules));
  });
});

describe('renderSarif', () => {
  it('is checked against a schema that rejects what is not SARIF', () => {
    const notSarif = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'critical' }] }] };
    expect(validateSarif(notSarif)).toBe(false);
    expect(validateSarif.errors!.map((e) => e.instancePath)).toContain('/runs/0/results/0/level');
  });

  const render = (results: Result[], gaps: Gap[] = [], ruleSet: readonly Rule[] = rules) => expectValidSarif(renderSarif(reportOf(results, gaps), ruleSet)).runs[0]!;

  it.each<[Severity, Sarif.Result.level]>([
    ['critical', 'error'],
    ['high', 'error'],
    ['medium', 'warning'],
    ['low', 'note'],
    ['info', 'note'],
  ])('a %s finding has level %s', (severity, level) => {
    const run = render([result('tg-stickiness', 'fail', 'a-tg', { severity })]);
    expect(run.results!.map((r) => r.level)).toEqual([level]);
  });

  it('sets each rule default level from its severity', () => {
    const levels = Object.fromEntries(render([]).tool.driver.rules!.map((d) => [d.id, d.defaultConfiguration!.level]));
    expect(levels).toMatchObject({ 'asg-multi-az': 'error', 'tg-stickiness': 'warning', 'elb-deletion-protection': 'note' });
  });

  it('keeps fingerprints across scans whatever the order of the results and the wording of the messages', () => {
    const first = [result('tg-stickiness', 'fail', 'a-tg'), result('tg-stickiness', 'fail', 'b-tg'), result('tg-health-check', 'fail', 'a-tg')];
    const second = [...first].reverse().map((r) => ({ ...r, message: `Reworded: ${r.message}`, messageId: 'reworded' }));
    const fingerprints = (run: Sarif.Run) =>
      Object.fromEntries(run.results!.map((r) => [`${r.ruleId} ${r.locations![0]!.logicalLocations![0]!.name}`, r.partialFingerprints![FINGERPRINT_KEY]]));
    const before = fingerprints(render(first));
    expect(fingerprints(render(second))).toEqual(before);
    expect(Object.keys(before)).toHaveLength(3);
    expect(new Set(Object.values(before)).size).toBe(3);
  });

  it('orders results by rule and resource, not by the order the rules ran in', () => {
    const results = [result('tg-stickiness', 'fail', 'b-tg'), result('asg-multi-az', 'fail', 'z'), result('tg-stickiness', 'fail', 'a-tg')];
    const order = (run: Sarif.Run) => run.results!.map((r) => `${r.ruleId} ${r.locations![0]!.logicalLocations![0]!.name}`);
    expect(order(render(results))).toEqual(['asg-multi-az z', 'tg-stickiness a-tg', 'tg-stickiness b-tg']);
    expect(order(render([...results].reverse()))).toEqual(order(render(results)));
  });

  it('leaves passing results out, and the baseline state out when there is no baseline', () => {
    expect(render([result('tg-stickiness', 'pass', 'a-tg')]).results).toEqual([]);
    const [fail] = render([result('tg-stickiness', 'fail', 'a-tg')]).results!;
    expect(fail!.baselineState).toBeUndefined();
    expect(fail!.properties!.baseline).toBeUndefined();
  });

  it('keeps a suppressed finding as a result with an external suppression and its reason', () => {
    const suppressed = result('tg-stickiness', 'suppressed', 'legacy-tg', {
      suppression: { reason: 'Legacy app keeps sessions in memory until Q3', expires: '2027-06-30', matchedBy: 'rule=tg-stickiness resource=*legacy*' },
      baseline: 'existing',
    });
    const [sarif, ...rest] = render([suppressed, result('tg-stickiness', 'fail', 'other-tg', { baseline: 'new' })]).results!;
    expect(rest).toHaveLength(1);
    expect(sarif!.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Legacy app keeps sessions in memory until Q3',
        properties: { matchedBy: 'rule=tg-stickiness resource=*legacy*', expires: '2027-06-30' },
      },
    ]);
    expect(sarif!.properties).toMatchObject({ baseline: 'existing' });
    expect(sarif!.baselineState).toBe('unchanged');
    expect(rest[0]!.suppressions).toBeUndefined();
    expect(rest[0]!.properties).toMatchObject({ baseline: 'new' });
    expect(rest[0]!.baselineState).toBe('new');
  });

  it('turns error results and gaps into tool execution notifications of a failed execution, not results', () => {
    const region = { type: 'aws:region', id: `${ACCOUNT}/us-east-1`, region: 'us-east-1', accountId: ACCOUNT };
    const missing = result('tg-stickiness', 'error', 'x', {
      message: 'Not evaluated in us-east-1: elasticloadbalancing:DescribeTargetGroupAttributes failed (AccessDenied)',
      resource: region,
      remediation: { summary: 'Allow the scanning identity elasticloadbalancing:DescribeTargetGroupAttributes.', commands: [], docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html' },
    });
    const crashed = result('asg-multi-az', 'error', 'x', { messageId: 'ruleCrashed', message: 'Rule asg-multi-az crashed in us-east-1: TypeError: boom', resource: region, evidence: { error: 'TypeError: boom' } });
    const run = render([missing, crashed, result('elb-multi-az', 'fail', 'a-lb')], [gap]);

    expect(run.results!.map((r) => r.ruleId)).toEqual(['elb-multi-az']);
    const [invocation] = run.invocations!;
    expect(invocation!.executionSuccessful).toBe(false);
    const notifications = invocation!.toolExecutionNotifications!;
    expect(notifications.map((n) => [n.descriptor?.id, n.associatedRule?.id])).toEqual([
      ['collectionGap', undefined],
      ['ruleCrashed', 'asg-multi-az'],
      ['dataMissing', 'tg-stickiness'],
    ]);
    expect(notifications.every((n) => n.level === 'error')).toBe(true);
    const descriptors = run.tool.driver.notifications!;
    for (const n of notifications) expect(descriptors[n.descriptor!.index!]!.id).toBe(n.descriptor!.id);
    for (const n of notifications.slice(1)) expect(run.tool.driver.rules![n.associatedRule!.index!]!.id).toBe(n.associatedRule!.id);
    expect(notifications[0]!.message.text).toBe(`Could not collect elbv2:DescribeTargetGroupAttributes in us-east-1 of account ${ACCOUNT} (AccessDenied): User is not authorized`);
    expect(notifications[0]!.properties).toEqual({ accountId: ACCOUNT, region: 'us-east-1', service: 'elbv2', operation: 'DescribeTargetGroupAttributes', code: 'AccessDenied', class: 'denied' });
    expect(notifications[1]!.properties).toMatchObject({ error: 'TypeError: boom' });
    expect(notifications[2]!.message.text).toContain('Allow the scanning identity elasticloadbalancing:DescribeTargetGroupAttributes');
    expect(notifications[2]!.locations![0]!.logicalLocations).toEqual([{ fullyQualifiedName: `${ACCOUNT}/us-east-1`, name: `${ACCOUNT}/us-east-1`, kind: 'aws:region' }]);
  });

  it('doubles literal braces, which SARIF reserves for placeholders', () => {
    const fail = result('asg-scaling-policy', 'fail', 'web', {
      remediation: { summary: 's', commands: [`aws autoscaling put-scaling-policy --target-tracking-configuration '{"TargetValue":50}'`], docs: 'https://docs.aws.amazon.com/x' },
    });
    expect(render([fail]).results![0]!.message.text).toBe(`web is fail\n$ aws autoscaling put-scaling-policy --target-tracking-configuration '{{"TargetValue":50}}'`);
  });

  it('ends the message of a fail with its hints', () => {
    const fail = { ...result('tg-stickiness', 'fail', 'web'), hints: ['Subnets in other zones: subnet-1 (us-east-1b)'] };
    expect(render([fail]).results![0]!.message.text!.split('\n').at(-1)).toBe('Subnets in other zones: subnet-1 (us-east-1b)');
  });

  it('locates Route 53 findings, which have no ARN, by their id in the global scope', () => {
    const record = result('tg-stickiness', 'fail', 'www', {
      resource: { type: 'route53:record-group', id: 'Z0123456789ABCDEFGHIJ/www.example.com./A', region: 'global', accountId: ACCOUNT },
    });
    expect(render([record]).results![0]!.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: `aws/${ACCOUNT}/global` } },
        logicalLocations: [{ fullyQualifiedName: 'Z0123456789ABCDEFGHIJ/www.example.com./A', name: 'Z0123456789ABCDEFGHIJ/www.example.com./A', kind: 'route53:record-group' }],
      },
    ]);
  });

  it('describes only the rules of the scan, and refuses a result of another rule', () => {
    const only = [ruleById('tg-stickiness')];
    expect(render([result('tg-stickiness', 'fail', 'a-tg')], [], only).tool.driver.rules!.map((d) => d.id)).toEqual(['tg-stickiness']);
    expect(() => renderSarif(reportOf([result('elb-multi-az', 'fail', 'a-lb')]), only)).toThrow(/elb-multi-az/);
  });
});
