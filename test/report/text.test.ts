import { describe, expect, it } from 'vitest';
import { aws } from '../../src/engine/command.js';
import { rules } from '../../rules/index.js';
import { buildReport } from '../../src/engine/scan-report.js';
import { GAP_CLASSES, type GapClass } from '../../src/model/gap-class.js';
import type { Gap, Inventory } from '../../src/model/inventory.js';
import type { Result } from '../../src/model/result.js';
import type { Severity } from '../../src/model/severity.js';
import { renderText, renderTextPieces } from '../../src/report/text.js';
import { emptyRegionInventory, emptyRoute53Inventory } from '../../src/model/inventory.js';

const inventory = (accounts: string[], gaps: Inventory['gaps'] = []): Inventory => ({
  format: 'ha-audit-inventory',
  formatVersion: 1,
  collectedAt: '2026-11-20T09:00:00.000Z',
  accounts: accounts.map((accountId) => ({ accountId, route53: emptyRoute53Inventory(), regions: [emptyRegionInventory('us-east-1')] })),
  gaps,
});

function result(ruleId: string, status: Result['status'], severity: Severity, name: string, accountId = '111122223333'): Result {
  const r: Result = {
    ruleId,
    status,
    severity,
    title: `Title of ${ruleId}`,
    messageId: status === 'error' ? 'dataMissing' : 'm',
    message: `${name} is ${status}`,
    resource: { type: 'elbv2:load-balancer', id: `arn:${name}`, arn: `arn:${name}`, name, region: 'us-east-1', accountId },
  };
  if (status === 'fail') r.remediation = { summary: `Fix ${ruleId}.`, commands: [`aws elbv2 fix --name ${name}`], docs: 'https://docs.aws.amazon.com/x' };
  if (status === 'error') r.remediation = { summary: 'Allow the scanning identity x.', commands: [], docs: 'https://docs.aws.amazon.com/iam' };
  return r;
}

const render = (results: Result[], accounts = ['111122223333'], exitCode = 1, color = false) =>
  renderText(buildReport({ inventory: inventory(accounts), results, rules, source: 'inventory', startedAt: new Date(), finishedAt: new Date() }), { color, failOn: 'low', exitCode });

describe('renderText', () => {
  const results = [
    result('tg-stickiness', 'fail', 'medium', 'b-tg'),
    result('elb-multi-az', 'fail', 'high', 'web'),
    result('tg-stickiness', 'fail', 'medium', 'a-tg'),
    result('tg-stickiness', 'pass', 'medium', 'c-tg'),
    result('elb-deletion-protection', 'pass', 'low', 'web'),
    result('asg-multi-az', 'error', 'high', 'region'),
  ];
  const text = render(results, ['111122223333'], 3);

  it('groups failures by severity (most severe first), then rule, resources sorted by name', () => {
    const order = ['HIGH', 'elb-multi-az', '✗ web', 'MEDIUM', 'tg-stickiness', '✗ a-tg', '✗ b-tg', 'PASSED', 'elb-deletion-protection', 'NOT EVALUATED', 'asg-multi-az', 'Summary:'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('shows each failure with its message and fix command, and counts passes per rule', () => {
    expect(text).toContain('  tg-stickiness  Title of tg-stickiness  (2 failed, 1 passed)');
    expect(text).toContain('    Fix: Fix tg-stickiness.');
    expect(text).toContain('      a-tg is fail\n      $ aws elbv2 fix --name a-tg');
    expect(text).toContain('✓ elb-deletion-protection');
  });

  it('shows what a fix costs before its commands, and renders the commands from the steps', () => {
    const fail = result('tg-stickiness', 'fail', 'medium', 'x-tg');
    fail.remediation = {
      ...fail.remediation!,
      commands: ['stale'],
      steps: [aws('elbv2', 'fix', '--name', 'x tg')],
      warning: 'Users are logged out.',
    };
    expect(render([fail])).toContain("      x-tg is fail\n      Warning: Users are logged out.\n      $ aws elbv2 fix --name 'x tg'");
  });

  it('lists what was not evaluated and ends with the summary and the verdict', () => {
    expect(text).toContain('? asg-multi-az [us-east-1] region is error');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Summary: 3 failed (1 high, 2 medium) · 2 passed · 1 not evaluated · incomplete audit: exit 3');
  });

  it('names the account of each resource when there are several', () => {
    const multi = render([result('elb-multi-az', 'fail', 'high', 'web', '111111111111'), result('elb-multi-az', 'fail', 'high', 'web', '222222222222')], ['111111111111', '222222222222']);
    expect(multi).toContain('· 2 accounts ·');
    expect(multi).toContain('✗ web [111111111111 us-east-1]');
    expect(multi).toContain('✗ web [222222222222 us-east-1]');
  });

  it('groups by account when there are several, with counts per account, and names the clean ones', () => {
    const multi = render(
      [
        result('tg-stickiness', 'fail', 'medium', 'b-tg', '222222222222'),
        result('elb-multi-az', 'fail', 'high', 'web', '111111111111'),
        result('elb-multi-az', 'pass', 'high', 'api', '111111111111'),
        result('elb-multi-az', 'fail', 'high', 'web', '222222222222'),
        result('elb-multi-az', 'pass', 'high', 'web', '333333333333'),
      ],
      ['111111111111', '222222222222', '333333333333'],
    );
    const order = ['Account 111111111111  1 failed, 1 passed, 0 not evaluated', 'HIGH', '✗ web [111111111111 us-east-1]', 'Account 222222222222  2 failed, 0 passed', 'HIGH', '✗ web [222222222222 us-east-1]', 'MEDIUM', '✗ b-tg [222222222222 us-east-1]', 'No failing result in 1 account: 333333333333'];
    let at = 0;
    for (const piece of order) {
      const found = multi.indexOf(piece, at);
      expect(found, piece).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    // Pass counts are per account, not across the organisation.
    expect(multi).toContain('  elb-multi-az  Title of elb-multi-az  (1 failed, 1 passed)');
    expect(multi).toContain('  elb-multi-az  Title of elb-multi-az  (1 failed, 0 passed)');
  });

  it('ends with every gap and what closes it: the IAM action to grant, or the cause to fix', () => {
    const gaps: Gap[] = [
      { accountId: '111122223333', region: 'us-east-1', service: 'dynamodb', operation: 'DescribeContinuousBackups', code: 'AccessDeniedException', message: 'not authorized', class: 'denied' },
      { accountId: '111122223333', region: 'global', service: 'route53', operation: 'ListHealthChecks', code: 'Throttling', message: 'Rate exceeded', class: 'throttled' },
      { accountId: '111122223333', region: 'ap-east-1', service: 'elbv2', operation: 'DescribeLoadBalancers', code: 'OptInRequired', message: 'not subscribed', class: 'region-disabled' },
    ];
    const report = buildReport({ inventory: inventory(['111122223333'], gaps), results: [result('dynamodb-pitr', 'error', 'medium', 'region')], rules, source: 'inventory', startedAt: new Date(), finishedAt: new Date() });
    const out = renderText(report, { color: false, failOn: 'low', exitCode: 3 });
    const section = out.slice(out.indexOf('NOT EVALUATED'));
    expect(section).toContain('3 calls could not be made:');
    expect(section).toContain('- dynamodb:DescribeContinuousBackups [us-east-1] AccessDeniedException: not authorized\n      grant dynamodb:DescribeContinuousBackups to the scanning identity');
    expect(section).toContain('- route53:ListHealthChecks [global] Throttling: Rate exceeded\n      AWS throttled the call past every retry');
    expect(section).toContain('- elasticloadbalancing:DescribeLoadBalancers [ap-east-1] OptInRequired: not subscribed\n      the region ap-east-1 is not enabled for the account');
    expect(out.indexOf('NOT EVALUATED')).toBeGreaterThan(out.indexOf('PASSED') === -1 ? 0 : out.indexOf('PASSED'));
  });

  it('advises by the class the collector recorded, not by the error code', () => {
    const gap = (code: string, gapClass: GapClass): Gap => ({ accountId: '111122223333', region: 'us-east-1', service: 'ec2', operation: 'DescribeSubnets', code, message: 'm', class: gapClass });
    const adviceFor = (g: Gap) => {
      const out = renderText(buildReport({ inventory: inventory(['111122223333'], [g]), results: [], rules, source: 'inventory', startedAt: new Date(), finishedAt: new Date() }), { color: false, failOn: 'low', exitCode: 3 });
      return out.split('\n')[out.split('\n').findIndex((line) => line.includes(`] ${g.code}: m`)) + 1]!.trim();
    };
    // AuthFailure is a denial (EC2's word for it): grant, not "network error".
    expect(adviceFor(gap('AuthFailure', 'denied'))).toBe(adviceFor(gap('AccessDenied', 'denied')));
    expect(adviceFor(gap('AuthFailure', 'denied'))).toMatch(/^grant ec2:DescribeSubnets /);
    const advice = GAP_CLASSES.map((c) => adviceFor(gap('SomeCode', c)));
    expect(new Set(advice).size).toBe(GAP_CLASSES.length);
    const assumeRole = { ...gap('AccessDenied', 'denied'), service: 'sts', operation: 'AssumeRole' };
    expect(adviceFor(assumeRole)).not.toBe(adviceFor(gap('AccessDenied', 'denied')));
    expect(adviceFor({ ...assumeRole, code: 'ECONNRESET', class: 'network' })).toBe(adviceFor(gap('ECONNRESET', 'network')));
  });

  it('shows the hints of a failing result under its fix', () => {
    const failing = { ...result('elb-multi-az', 'fail', 'high', 'web'), hints: ['Subnets in other zones: subnet-1 (us-east-1b)', 'second hint'] };
    const lines = render([failing]).split('\n');
    const command = lines.findIndex((line) => line.includes('$ aws elbv2 fix --name web'));
    expect(lines.slice(command + 1, command + 3).map((line) => line.trim())).toEqual(failing.hints);
  });

  it('says when nothing was in scope, and passes the gate', () => {
    const empty = render([], ['111122223333'], 0);
    expect(empty).toContain('No resource in scope');
    expect(empty).toContain('passes the gate (--fail-on low): exit 0');
  });

  it('colours only when asked', () => {
    expect(render(results, undefined, 1, true)).toContain('\u001b[');
    expect(text).not.toContain('\u001b[');
  });

  it('comes in pieces, the failures of one account each, that join into the same text (an organisation has millions of lines)', () => {
    const accounts = ['111122223333', '444455556666', '777788889999'];
    const results = accounts.flatMap((accountId) => [result('elb-multi-az', 'fail', 'high', `web-${accountId}`, accountId), result('tg-stickiness', 'pass', 'low', `tg-${accountId}`, accountId)]);
    const report = buildReport({ inventory: inventory(accounts), results, rules, source: 'inventory', startedAt: new Date(0), finishedAt: new Date(0) });
    const options = { color: false, failOn: 'low' as const, exitCode: 1 };
    const pieces = [...renderTextPieces(report, options)].filter((piece) => piece !== '');
    expect(pieces.join('')).toBe(renderText(report, options));
    expect(pieces.filter((piece) => piece.includes('Account '))).toHaveLength(3);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
  });
});
