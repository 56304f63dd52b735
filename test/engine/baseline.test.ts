import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaseline } from '../../src/cli/files.js';
import { compareWithBaseline, parseBaseline, parseBaselineStream, type Baseline, type Coverage } from '../../src/engine/baseline.js';
import { exitCodeFor } from '../../src/engine/summary.js';
import type { Result, Status } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';

const ACCOUNT = '111122223333';

function result(ruleId: string, name: string, status: Status, options: { severity?: Severity; region?: string; accountId?: string; message?: string } = {}): Result {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? ACCOUNT;
  const arn = `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/${name}/0123456789abcdef`;
  return {
    ruleId,
    status,
    severity: options.severity ?? 'medium',
    title: `Title of ${ruleId}`,
    messageId: 'm',
    message: options.message ?? `${name} is ${status}`,
    resource: { type: 'elbv2:target-group', id: arn, arn, name, region, accountId },
    ...(status === 'fail' || status === 'suppressed' ? { remediation: { summary: 'Fix it.', commands: [], docs: 'https://docs.aws.amazon.com/x' } } : {}),
    ...(status === 'suppressed' ? { suppression: { reason: 'accepted', matchedBy: 'rule=* resource=*' } } : {}),
  };
}

const regionError = (ruleId: string, region: string): Result => ({
  ...result(ruleId, 'x', 'error'),
  messageId: 'dataMissing',
  resource: { type: 'aws:region', id: region, region, accountId: ACCOUNT },
});

const baselineOf = (findings: Result[]): Baseline => parseBaseline(JSON.stringify({ schemaVersion: 1, tool: { name: 'ha-audit', version: '1.0.0' }, findings }), 'previous.json');
const coverage = (rules = ['tg-stickiness', 'tg-health-check'], regions = ['us-east-1'], accounts = [ACCOUNT]): Coverage => ({
  rules: new Set(rules),
  regions: new Set(regions),
  accounts: new Set(accounts),
});
const marks = (results: Result[]) => results.map((r) => `${r.ruleId} ${r.resource.name} ${r.status} ${r.baseline ?? '-'}`);

describe('compareWithBaseline', () => {
  it('marks failing results new or existing, by rule id and resource id, not by message or order', () => {
    const baseline = baselineOf([result('tg-health-check', 'api-tg', 'fail', { message: 'old wording' }), result('tg-stickiness', 'legacy-tg', 'fail')]);
    const now = [
      result('tg-stickiness', 'legacy-tg', 'fail', { message: 'new wording' }),
      result('tg-stickiness', 'web-tg', 'fail'),
      result('tg-health-check', 'legacy-tg', 'fail'),
      result('tg-health-check', 'api-tg', 'fail'),
      result('tg-stickiness', 'clean-tg', 'pass'),
    ];
    const comparison = compareWithBaseline(now, baseline, coverage());
    expect(marks(comparison.results)).toEqual([
      'tg-stickiness legacy-tg fail existing',
      'tg-stickiness web-tg fail new',
      'tg-health-check legacy-tg fail new',
      'tg-health-check api-tg fail existing',
      'tg-stickiness clean-tg pass -',
    ]);
    expect(comparison).toMatchObject({ new: 2, existing: 2, resolved: [] });
  });

  it('the same resource in another account is another result', () => {
    const baseline = baselineOf([result('tg-stickiness', 'legacy-tg', 'fail', { accountId: '444455556666' })]);
    const comparison = compareWithBaseline([result('tg-stickiness', 'legacy-tg', 'fail')], baseline, coverage(undefined, undefined, [ACCOUNT, '444455556666']));
    expect(marks(comparison.results)).toEqual(['tg-stickiness legacy-tg fail new']);
    expect(comparison.resolved.map((r) => r.resource.accountId)).toEqual(['444455556666']);
  });

  it('a suppressed result is failing on both sides: accepted then, failing now, it is existing', () => {
    const baseline = baselineOf([result('tg-stickiness', 'legacy-tg', 'suppressed')]);
    const comparison = compareWithBaseline([result('tg-stickiness', 'legacy-tg', 'fail'), result('tg-stickiness', 'new-tg', 'suppressed')], baseline, coverage());
    expect(marks(comparison.results)).toEqual(['tg-stickiness legacy-tg fail existing', 'tg-stickiness new-tg suppressed new']);
    expect(comparison.resolved).toEqual([]);
  });

  it('resolved: failing in the baseline, passing now or the resource gone', () => {
    const baseline = baselineOf([
      result('tg-stickiness', 'fixed-tg', 'fail', { severity: 'medium', message: 'fixed-tg pins clients' }),
      result('tg-stickiness', 'deleted-tg', 'fail'),
      result('tg-stickiness', 'always-fine-tg', 'pass'),
      result('tg-stickiness', 'still-tg', 'fail'),
    ]);
    const now = [result('tg-stickiness', 'fixed-tg', 'pass'), result('tg-stickiness', 'still-tg', 'fail'), result('tg-stickiness', 'always-fine-tg', 'pass')];
    const comparison = compareWithBaseline(now, baseline, coverage());
    expect(comparison.resolved.map((r) => r.resource.name)).toEqual(['fixed-tg', 'deleted-tg']);
    expect(comparison.resolved[0]).toEqual({
      ruleId: 'tg-stickiness',
      severity: 'medium',
      title: 'Title of tg-stickiness',
      message: 'fixed-tg pins clients',
      resource: baseline.findings[0]!.resource,
    });
    expect(comparison).toMatchObject({ new: 0, existing: 1 });
  });

  it('not resolved when this scan did not look: rule not run, region or account not scanned, or not evaluated', () => {
    const baseline = baselineOf([
      result('elb-multi-az', 'other-rule', 'fail'),
      result('tg-stickiness', 'other-region', 'fail', { region: 'eu-west-1' }),
      result('tg-stickiness', 'other-account', 'fail', { accountId: '444455556666' }),
      result('tg-health-check', 'unknown-now', 'fail', { region: 'ap-south-1' }),
      result('tg-stickiness', 'seen-fixed', 'fail', { region: 'ap-south-1' }),
    ]);
    const comparison = compareWithBaseline([regionError('tg-health-check', 'ap-south-1')], baseline, coverage(undefined, ['us-east-1', 'ap-south-1']));
    expect(comparison.resolved.map((r) => r.resource.name)).toEqual(['seen-fixed']);
  });

  it('account-level results (region global) are covered by the account', () => {
    const record = (status: Status): Result => ({
      ...result('r53-failover-pair', 'x', status),
      resource: { type: 'route53:record-group', id: 'Z1D633PJN98FT9/www.example.com./A', region: 'global', accountId: ACCOUNT },
    });
    const comparison = compareWithBaseline([], baselineOf([record('fail')]), coverage(['r53-failover-pair']));
    expect(comparison.resolved.map((r) => r.resource.id)).toEqual(['Z1D633PJN98FT9/www.example.com./A']);
  });
});

describe('the gate with --fail-on-new-only', () => {
  const baseline = baselineOf([result('tg-stickiness', 'legacy-tg', 'fail', { severity: 'high' })]);

  it('fails only on a new failing result at or above --fail-on', () => {
    const existingOnly = compareWithBaseline([result('tg-stickiness', 'legacy-tg', 'fail', { severity: 'high' })], baseline, coverage()).results;
    expect(exitCodeFor(existingOnly, 'low', true)).toBe(1);
    expect(exitCodeFor(existingOnly, 'low', true, { newOnly: true })).toBe(0);

    const withNewLow = compareWithBaseline([...existingOnly, result('tg-stickiness', 'new-tg', 'fail', { severity: 'low' })], baseline, coverage()).results;
    expect(exitCodeFor(withNewLow, 'low', true, { newOnly: true })).toBe(1);
    expect(exitCodeFor(withNewLow, 'high', true, { newOnly: true })).toBe(0);
  });

  it('a new suppressed result does not fail it; an incomplete audit still exits 3', () => {
    const results = compareWithBaseline([result('tg-stickiness', 'new-tg', 'suppressed')], baseline, coverage()).results;
    expect(exitCodeFor(results, 'low', true, { newOnly: true })).toBe(0);
    const incomplete = compareWithBaseline([result('tg-stickiness', 'new-tg', 'fail'), regionError('tg-health-check', 'us-east-1')], baseline, coverage()).results;
    expect(exitCodeFor(incomplete, 'low', true, { newOnly: true })).toBe(3);
    expect(exitCodeFor(compareWithBaseline([], baseline, coverage()).results, 'low', false, { newOnly: true })).toBe(3);
  });
});

describe('parseBaseline and loadBaseline', () => {
  const reportOf = (findings: unknown, schemaVersion: unknown = 1) => JSON.stringify({ schemaVersion, findings });
  const message = (text: string) => {
    try {
      parseBaseline(text, 'previous.json');
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('reads the findings of a JSON report', () => {
    const finding = result('tg-stickiness', 'legacy-tg', 'fail');
    expect(parseBaseline(reportOf([{ ...finding, evidence: { x: 1 }, futureField: true }]), 'previous.json').findings).toEqual([
      { ruleId: 'tg-stickiness', status: 'fail', severity: 'medium', title: finding.title, message: finding.message, resource: finding.resource },
    ]);
  });

  it('keeps only the failing and suppressed findings: nothing else of a baseline is compared', () => {
    const findings = [result('tg-stickiness', 'a', 'pass'), result('tg-stickiness', 'b', 'fail'), result('tg-stickiness', 'c', 'error'), result('tg-stickiness', 'd', 'suppressed')];
    expect(parseBaseline(reportOf(findings), 'previous.json').findings.map((f) => f.resource.name)).toEqual(['b', 'd']);
  });

  const CASES: [string, string, string | RegExp][] = [
    ['not JSON', '{"schemaVersion": 1,', /^baseline previous\.json is not valid JSON: /],
    ['an array', '[]', 'baseline previous.json is invalid: it is not a JSON report (not an object)'],
    ['an inventory', JSON.stringify({ format: 'ha-audit-inventory', formatVersion: 1, accounts: [] }), 'baseline previous.json is invalid: it is an ha-audit inventory, not a report'],
    ['no schemaVersion', JSON.stringify({ findings: [] }), 'baseline previous.json is invalid: it is not an ha-audit JSON report (no schemaVersion or findings)'],
    ['another schemaVersion', reportOf([], 2), 'baseline previous.json has report schemaVersion 2; this ha-audit reads version 1'],
    ['findings not a list', reportOf({}), 'baseline previous.json is invalid: findings is not a list'],
    ['a finding without a resource id', reportOf([{ ...result('r', 'x', 'fail'), resource: { type: 't', region: 'us-east-1', accountId: ACCOUNT } }]), 'baseline previous.json is invalid: findings[0].resource.id is not a string'],
    ['a bad severity', reportOf([{ ...result('r', 'x', 'fail'), severity: 'urgent' }]), 'baseline previous.json is invalid: findings[0].severity is not a severity'],
  ];
  it.each(CASES)('rejects %s', (_, text, expected) => {
    if (typeof expected === 'string') expect(message(text)).toBe(expected);
    else expect(message(text)).toMatch(expected);
  });

  // An organisation's report is larger than V8's longest string: it streams in, here in 7-byte chunks.
  async function* chunked(text: string, size = 7): AsyncGenerator<Uint8Array> {
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const streamed = (text: string) => parseBaselineStream(chunked(text), 'previous.json');

  it('reads a streamed report as the whole text, across chunks that split a character', async () => {
    const findings = [
      result('tg-stickiness', 'a', 'pass'),
      result('tg-stickiness', 'b', 'fail', { message: 'é, 日本, 🙂 and "quotes" \\ split across chunks' }),
      result('tg-health-check', 'c', 'suppressed', { region: 'eu-west-1' }),
    ];
    const text = reportOf(findings);
    expect(await streamed(text)).toEqual(parseBaseline(text, 'previous.json'));
    expect((await streamed(JSON.stringify(JSON.parse(text), null, 2))).findings).toHaveLength(2);
    // With a byte-order mark, as editors on Windows save it.
    expect(await streamed(`\ufeff  ${text}`)).toEqual(parseBaseline(text, 'previous.json'));
  });

  it.each(CASES.filter(([what]) => what !== 'findings not a list'))('rejects %s streamed, as the whole text', async (_, text, expected) => {
    const rejected = streamed(text);
    if (typeof expected === 'string') await expect(rejected).rejects.toThrow(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    else await expect(rejected).rejects.toThrow(expected);
  });

  it('rejects a streamed report whose findings are not a list, or that has trailing bytes', async () => {
    await expect(streamed(reportOf({ a: result('r', 'x', 'fail') }))).rejects.toThrow('baseline previous.json is invalid: findings is not a list');
    await expect(streamed(`${reportOf([result('r', 'x', 'fail')])} x`)).rejects.toThrow(/^baseline previous\.json is not valid JSON: /);
  });

  it('streams a baseline file larger than one string can hold (here, a limit of 100 characters)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ha-audit-baseline-'));
    const file = join(folder, 'large.json');
    const text = reportOf([result('tg-stickiness', 'a', 'fail'), result('tg-stickiness', 'b', 'pass')]);
    writeFileSync(file, text);
    expect(text.length).toBeGreaterThan(100);
    expect(await loadBaseline(file, 100)).toEqual({ ...parseBaseline(text, file), file });
    writeFileSync(file, `${text.slice(0, 150)}`);
    await expect(loadBaseline(file, 100)).rejects.toMatchObject({ code: 'baseline-invalid', message: expect.stringMatching(/^baseline .*large\.json is not valid JSON: /) });
  });

  it('names a missing file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ha-audit-baseline-'));
    await expect(loadBaseline(join(folder, 'nope.json'))).rejects.toMatchObject({ code: 'baseline-unreadable', message: `cannot read baseline ${join(folder, 'nope.json')}: no such file` });
    writeFileSync(join(folder, 'empty.json'), reportOf([]));
    expect(await loadBaseline(join(folder, 'empty.json'))).toEqual({ file: join(folder, 'empty.json'), findings: [] });
  });
});
