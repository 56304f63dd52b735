import { describe, expect, it } from 'vitest';
import { applySuppressions, globPattern, utcDate, type Suppression, type SuppressionOptions } from '../../src/engine/suppressions.js';
import type { Result, Status } from '../../src/model/result.js';

const ACCOUNT = '111122223333';
const tgArn = (name: string) => `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/${name}/0123456789abcdef`;

function result(ruleId: string, name: string, status: Status = 'fail', tags?: Record<string, string>): Result {
  return {
    ruleId,
    status,
    severity: 'medium',
    title: `Title of ${ruleId}`,
    messageId: status === 'error' ? 'dataMissing' : 'm',
    message: `${name} is ${status}`,
    resource: { type: 'elbv2:target-group', id: tgArn(name), arn: tgArn(name), name, region: 'us-east-1', accountId: ACCOUNT, ...(tags ? { tags } : {}) },
    ...(status === 'fail' ? { remediation: { summary: 'Fix it.', commands: [], docs: 'https://docs.aws.amazon.com/x' } } : {}),
  };
}

const suppression = (fields: Partial<Suppression>, line = 10): Suppression => ({ rule: 'tg-stickiness', reason: 'Q3 migration', source: `.ha-audit.yml:${line}`, ...fields });
const options = (today = '2026-06-15', rulesRun = ['tg-stickiness', 'tg-health-check'], everyRuleRan = true): SuppressionOptions => ({
  today,
  rulesRun: new Set(rulesRun),
  everyRuleRan,
});
const statuses = (results: Result[]) => results.map((r) => `${r.ruleId} ${r.resource.name} ${r.status}`);

describe('applySuppressions: what a suppression matches', () => {
  const results = [
    result('tg-stickiness', 'legacy-tg'),
    result('tg-stickiness', 'legacy-api-tg', 'fail', { team: 'legacy', env: 'prod' }),
    result('tg-stickiness', 'web-tg', 'fail', { team: 'web' }),
    result('tg-health-check', 'legacy-tg'),
    result('tg-stickiness', 'clean-tg', 'pass'),
  ];

  it('by ARN: exactly that resource, of that rule', () => {
    const outcome = applySuppressions(results, [suppression({ resource: tgArn('legacy-tg') })], options());
    expect(statuses(outcome.results)).toEqual([
      'tg-stickiness legacy-tg suppressed',
      'tg-stickiness legacy-api-tg fail',
      'tg-stickiness web-tg fail',
      'tg-health-check legacy-tg fail',
      'tg-stickiness clean-tg pass',
    ]);
    expect(outcome.results[0]!.suppression).toEqual({ reason: 'Q3 migration', matchedBy: `rule=tg-stickiness resource=${tgArn('legacy-tg')}` });
    expect(outcome.results[0]).toMatchObject({ severity: 'medium', message: 'legacy-tg is fail', remediation: { summary: 'Fix it.' } });
  });

  it('by id, when the resource has no ARN (a Route 53 record)', () => {
    const record: Result = { ...result('tg-stickiness', 'x'), resource: { type: 'route53:record', id: 'Z1D633PJN98FT9/www.example.com./A/primary', region: 'global', accountId: ACCOUNT } };
    const outcome = applySuppressions([record], [suppression({ resource: 'Z1D633PJN98FT9/www.example.com./*' })], options());
    expect(outcome.results[0]!.status).toBe('suppressed');
  });

  it('by glob: * spans any characters, / and : included, and the whole value must match', () => {
    const legacy = applySuppressions(results, [suppression({ resource: '*targetgroup/legacy-*' })], options());
    expect(statuses(legacy.results).filter((s) => s.endsWith('suppressed'))).toEqual(['tg-stickiness legacy-tg suppressed', 'tg-stickiness legacy-api-tg suppressed']);
    const unanchored = applySuppressions(results, [suppression({ resource: 'targetgroup/legacy-*' })], options());
    expect(statuses(unanchored.results).filter((s) => s.endsWith('suppressed'))).toEqual([]);
    const everyRule = applySuppressions(results, [suppression({ rule: '*', resource: 'arn:aws:*:us-east-1:*/legacy-tg/*' })], options());
    expect(statuses(everyRule.results).filter((s) => s.endsWith('suppressed'))).toEqual(['tg-stickiness legacy-tg suppressed', 'tg-health-check legacy-tg suppressed']);
  });

  it('by tag: key=value on the resource tags, * in the value a glob', () => {
    const byTag = applySuppressions(results, [suppression({ tag: { key: 'team', value: 'legacy' } })], options());
    expect(statuses(byTag.results).filter((s) => s.endsWith('suppressed'))).toEqual(['tg-stickiness legacy-api-tg suppressed']);
    expect(byTag.results[1]!.suppression!.matchedBy).toBe('rule=tg-stickiness tag=team=legacy');
    const anyTeam = applySuppressions(results, [suppression({ tag: { key: 'team', value: '*' } })], options());
    expect(statuses(anyTeam.results).filter((s) => s.endsWith('suppressed'))).toEqual(['tg-stickiness legacy-api-tg suppressed', 'tg-stickiness web-tg suppressed']);
    const otherKey = applySuppressions(results, [suppression({ tag: { key: 'Team', value: 'legacy' } })], options());
    expect(statuses(otherKey.results).filter((s) => s.endsWith('suppressed'))).toEqual([]);
  });

  it('resource and tag together must both match', () => {
    const both = applySuppressions(results, [suppression({ resource: '*legacy*', tag: { key: 'env', value: 'prod' } })], options());
    expect(statuses(both.results).filter((s) => s.endsWith('suppressed'))).toEqual(['tg-stickiness legacy-api-tg suppressed']);
  });

  it('never touches passing or error results', () => {
    const error = { ...result('tg-stickiness', 'region', 'error'), resource: { type: 'aws:region', id: 'us-east-1', region: 'us-east-1', accountId: ACCOUNT } };
    const outcome = applySuppressions([result('tg-stickiness', 'clean-tg', 'pass'), error], [suppression({ resource: '*' })], options());
    expect(outcome.results.map((r) => r.status)).toEqual(['pass', 'error']);
  });

  it('the first matching suppression gives the reason', () => {
    const outcome = applySuppressions(results, [suppression({ resource: '*legacy-tg*', reason: 'first' }), suppression({ resource: '*', reason: 'second' }, 12)], options());
    expect(outcome.results.map((r) => r.suppression?.reason)).toEqual(['first', 'second', 'second', undefined, undefined]);
    expect(outcome.unused).toEqual([]);
  });

  it('leaves the input untouched', () => {
    const input = [result('tg-stickiness', 'legacy-tg')];
    applySuppressions(input, [suppression({ resource: '*' })], options());
    expect(input[0]!.status).toBe('fail');
  });
});

describe('applySuppressions: expiry', () => {
  const results = [result('tg-stickiness', 'legacy-tg'), result('tg-stickiness', 'web-tg')];
  const expiring = suppression({ resource: '*legacy*', expires: '2026-06-30' });

  it('applies through the day it expires, UTC', () => {
    const outcome = applySuppressions(results, [expiring], options('2026-06-30'));
    expect(outcome.results.map((r) => r.status)).toEqual(['suppressed', 'fail']);
    expect(outcome.results[0]!.suppression).toMatchObject({ expires: '2026-06-30' });
    expect(outcome.expired).toEqual([]);
  });

  it('the day after, the result fails again and the suppression is reported expired', () => {
    const outcome = applySuppressions(results, [expiring], options('2026-07-01'));
    expect(outcome.results.map((r) => r.status)).toEqual(['fail', 'fail']);
    expect(outcome.expired).toEqual([
      { source: '.ha-audit.yml:10', rule: 'tg-stickiness', resource: '*legacy*', reason: 'Q3 migration', expires: '2026-06-30', matches: 1 },
    ]);
    expect(outcome.unused).toEqual([]);
  });

  it('an expired suppression is reported even when it matches nothing; it counts only what fails again', () => {
    const outcome = applySuppressions(results, [suppression({ resource: '*legacy*', expires: '2025-01-31' }), suppression({ resource: '*legacy*' }, 14)], options());
    expect(outcome.results.map((r) => r.status)).toEqual(['suppressed', 'fail']);
    expect(outcome.expired).toMatchObject([{ source: '.ha-audit.yml:10', matches: 0 }]);
  });

  it('utcDate: the day in UTC, whatever the local time zone', () => {
    expect(utcDate(new Date('2026-06-30T23:59:59.999Z'))).toBe('2026-06-30');
    expect(utcDate(new Date('2026-07-01T01:00:00+02:00'))).toBe('2026-06-30');
  });
});

describe('applySuppressions: unused suppressions', () => {
  const results = [result('tg-stickiness', 'legacy-tg'), result('tg-health-check', 'web-tg', 'pass')];

  it('a suppression that matches no failing result is unused (matching a pass does not count)', () => {
    const outcome = applySuppressions(results, [suppression({ resource: '*legacy*' }), suppression({ rule: 'tg-health-check', resource: '*web-tg*', reason: 'fixed since' }, 15)], options());
    expect(outcome.unused).toEqual([{ source: '.ha-audit.yml:15', rule: 'tg-health-check', resource: '*web-tg*', reason: 'fixed since' }]);
  });

  it('is not judged for a rule that did not run, or that could not be evaluated', () => {
    const unusedOf = (results: Result[], s: Suppression, opts: SuppressionOptions) => applySuppressions(results, [s], opts).unused;
    expect(unusedOf(results, suppression({ rule: 'elb-multi-az', resource: '*' }), options())).toEqual([]);
    const error = { ...result('tg-health-check', 'region', 'error'), resource: { type: 'aws:region', id: 'eu-west-1', region: 'eu-west-1', accountId: ACCOUNT } };
    expect(unusedOf([...results, error], suppression({ rule: 'tg-health-check', resource: '*gone*' }), options())).toEqual([]);
    expect(unusedOf([...results, error], suppression({ rule: 'tg-stickiness', resource: '*gone*' }), options())).toHaveLength(1);
  });

  it('a * suppression is judged only when every rule ran and none had an error', () => {
    const everyRule = suppression({ rule: '*', tag: { key: 'team', value: 'legacy' } });
    expect(applySuppressions(results, [everyRule], options()).unused).toHaveLength(1);
    expect(applySuppressions(results, [everyRule], options(undefined, ['tg-stickiness'], false)).unused).toEqual([]);
  });
});

describe('globPattern', () => {
  it.each([
    ['arn:aws:*:targetgroup/legacy-*', 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/legacy-tg/abc', true],
    ['*', '', true],
    ['legacy-tg', 'legacy-tg', true],
    ['legacy-tg', 'legacy-tg2', false],
    ['a.b', 'axb', false],
    ['(web)+[1]?', '(web)+[1]?', true],
    ['*/www.example.com./A', 'Z1/www.example.com./A', true],
  ])('%s on %s: %s', (glob, value, matches) => {
    expect(globPattern(glob).test(value)).toBe(matches);
  });
});
