import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { rulesToRun } from '../../src/config/apply-config.js';
import { parseConfig } from '../../src/config/config-schema.js';
import { paramOverrides } from '../../src/engine/evaluate.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadInventory } from '../../src/cli/files.js';
import { fixturePath } from '../support/rule-cases.js';

const config = parseConfig(
  ['rules:', '  tg-stickiness: { severity: critical }', '  elb-deletion-protection: false', '  elb-multi-az: { params: { minAzs: 3 } }'].join('\n'),
  '.ha-audit.yml',
  rules,
);
const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);

describe('rulesToRun', () => {
  it('runs every rule the configuration leaves on', () => {
    expect(ids(rulesToRun(rules, config, []))).toEqual(ids(rules).filter((id) => id !== 'elb-deletion-protection'));
    expect(ids(rulesToRun(rules, undefined, []))).toEqual(ids(rules));
  });

  it('--rule runs the rules it names, even one the configuration turns off', () => {
    expect(ids(rulesToRun(rules, config, ['elb-deletion-protection,tg-stickiness']))).toEqual(['elb-deletion-protection', 'tg-stickiness']);
  });

  it('gives the rules the severity of the configuration, without changing the registry', () => {
    const stickiness = rulesToRun(rules, config, []).find((r) => r.id === 'tg-stickiness')!;
    expect(stickiness.severity).toBe('critical');
    expect(rules.find((r) => r.id === 'tg-stickiness')!.severity).toBe('medium');
  });
});

describe('paramOverrides', () => {
  it('hands the parameters to the rules, and the results follow them', async () => {
    expect(paramOverrides(config)).toEqual({ 'tg-stickiness': {}, 'elb-deletion-protection': {}, 'elb-multi-az': { minAzs: 3 } });
    const inventory = await loadInventory(fixturePath('elb-multi-az', 'pass.json'));
    const selected = rulesToRun(rules, config, ['elb-multi-az']);
    const statuses = (params: ReturnType<typeof paramOverrides>) => runRules(inventory, { rules: selected, params }).map((r) => r.status);
    expect(statuses({})).not.toContain('fail');
    expect(statuses(paramOverrides(config))).toContain('fail');
  });

  it('severity overrides reach the results', async () => {
    const inventory = await loadInventory(fixturePath('tg-stickiness', 'fail.json'));
    const results = runRules(inventory, { rules: rulesToRun(rules, config, ['tg-stickiness']) });
    expect(new Set(results.map((r) => r.severity))).toEqual(new Set(['critical']));
  });
});
