import { describe, expect, it } from 'vitest';
import { rules as allRules } from '../../rules/index.js';
import { parseBaseline } from '../../src/engine/baseline.js';
import { evaluate, type EvaluationConfig } from '../../src/engine/evaluate.js';
import { runRules } from '../../src/engine/run-rules.js';
import type { Suppression } from '../../src/engine/suppressions.js';
import { loadInventory } from '../../src/cli/files.js';
import { fixturePath } from '../support/rule-cases.js';

const rules = allRules.filter((r) => r.id === 'tg-stickiness' || r.id === 'elb-multi-az');
const inventory = await loadInventory(fixturePath('tg-stickiness', 'fail.json'));
const startedAt = new Date('2026-03-01T10:00:00Z');
const finishedAt = new Date('2026-03-01T10:00:05Z');
const LEGACY = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/legacy-tg/0123456789abcdef';

const suppression = (fields: Partial<Suppression>): Suppression => ({ rule: 'tg-stickiness', resource: LEGACY, reason: 'moving to ElastiCache', source: '.ha-audit.yml:3', ...fields });
const config = (fields: Partial<EvaluationConfig> = {}): EvaluationConfig => ({ file: '.ha-audit.yml', rules: {}, suppressions: [], ...fields });
const statusOf = (report: ReturnType<typeof evaluate>, name: string) => report.findings.find((r) => r.resource.name === name)?.status;

describe('evaluate', () => {
  it('without configuration or baseline: the rules results, and only the facts of the scan', () => {
    const report = evaluate({ inventory, rules, source: 'inventory', startedAt, finishedAt });
    expect(report.findings).toEqual(runRules(inventory, { rules }));
    expect(report.scan).toEqual({
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      source: 'inventory',
      accounts: ['111122223333'],
      regions: ['us-east-1'],
      complete: true,
      gaps: [],
    });
    expect(report.summary).toMatchObject({ fail: 3, suppressed: 0 });
  });

  it('gives the rules the parameters of the configuration and records the file', async () => {
    const zones = await loadInventory(fixturePath('elb-multi-az', 'fail.json'));
    const strict = evaluate({ inventory: zones, rules, config: config({ rules: { 'elb-multi-az': { params: { minAzs: 3 } } } }), source: 'inventory', startedAt });
    expect(statusOf(strict, 'pair-alb')).toBe('fail');
    expect(strict.scan.config).toBe('.ha-audit.yml');
    expect(statusOf(evaluate({ inventory: zones, rules, source: 'inventory', startedAt }), 'pair-alb')).toBe('pass');
  });

  it('applies the suppressions, with their notices, expiring at the end of the UTC day of the start', () => {
    const unused = suppression({ resource: 'arn:aws:elasticloadbalancing:*:targetgroup/none-*', source: '.ha-audit.yml:9' });
    const report = evaluate({ inventory, rules, config: config({ suppressions: [suppression({ expires: '2026-03-01' }), unused] }), source: 'inventory', startedAt });
    expect(statusOf(report, 'legacy-tg')).toBe('suppressed');
    expect(report.summary).toMatchObject({ fail: 2, suppressed: 1 });
    expect(report.scan.suppressions).toEqual({ expired: [], unused: [expect.objectContaining({ source: '.ha-audit.yml:9' })] });

    const nextDay = evaluate({ inventory, rules, config: config({ suppressions: [suppression({ expires: '2026-02-28' })] }), source: 'inventory', startedAt });
    expect(statusOf(nextDay, 'legacy-tg')).toBe('fail');
    expect(nextDay.scan.suppressions?.expired).toEqual([expect.objectContaining({ expires: '2026-02-28', matches: 1 })]);
  });

  it('a `*` suppression is not judged unused when --rule narrowed the scan', () => {
    const everything = config({ suppressions: [suppression({ rule: '*', resource: 'nothing-*' })] });
    expect(evaluate({ inventory, rules, config: everything, source: 'inventory', startedAt }).scan.suppressions?.unused).toHaveLength(1);
    expect(evaluate({ inventory, rules, config: everything, everyRuleRan: false, source: 'inventory', startedAt }).scan.suppressions?.unused).toEqual([]);
  });

  it('compares with the baseline after the suppressions: a suppressed result still counts as failing', () => {
    const before = evaluate({ inventory, rules, source: 'inventory', startedAt });
    const legacyOnly = before.findings.filter((r) => r.status !== 'fail' || r.resource.name === 'legacy-tg');
    const baseline = parseBaseline(JSON.stringify({ ...before, findings: legacyOnly }), 'previous.json');
    const report = evaluate({ inventory, rules, config: config({ suppressions: [suppression({})] }), baseline, source: 'inventory', startedAt });
    const legacy = report.findings.find((r) => r.resource.name === 'legacy-tg');
    expect(legacy).toMatchObject({ status: 'suppressed', baseline: 'existing' });
    expect(report.scan.baseline).toEqual({ file: 'previous.json', new: 2, existing: 1, resolved: [] });
    expect(Object.keys(report.scan)).toEqual(['startedAt', 'finishedAt', 'source', 'accounts', 'regions', 'complete', 'gaps', 'config', 'baseline', 'suppressions']);
  });
});
