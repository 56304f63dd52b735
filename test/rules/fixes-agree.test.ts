import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { loadInventory } from '../../src/cli/files.js';
import { runRules } from '../../src/engine/run-rules.js';
import { packageRoot } from '../../src/package-info.js';
import { fixtureInventories } from '../support/rule-cases.js';

// Two fixes for one resource never disagree (issue 11: the demo's legacy-web-asg was given
// --max-size 2 by one rule and 3 by another; RDS backups and Multi-AZ were two calls that
// collide): in the demo and every fixture, every option that two rules' fixes set on the same
// Auto Scaling group or DB instance has one value.
const root = packageRoot();
const inventories = fixtureInventories();

/** The resource a step modifies and the options it sets, for the operations two rules may both give. */
const MODIFIES: Record<string, string> = {
  'autoscaling update-auto-scaling-group': '--auto-scaling-group-name',
  'rds modify-db-instance': '--db-instance-identifier',
  'rds modify-db-cluster': '--db-cluster-identifier',
};

// The app-* rules' capacity fix (two serving instances per zone, so that a zone's loss leaves most
// of the capacity) asks more of a group than these rules by design: it is held to leaving room to
// scale out instead (app-zone-failure.test.ts).
const compared = rules.filter((rule) => rule.level !== 'resilience');

describe('fixes of one resource agree', () => {
  let judged = 0;
  it.each(inventories)('%s', async (file) => {
    const results = runRules(await loadInventory(join(root, 'fixtures', file)), { rules: compared });
    // resource -> option -> value -> the rules that set it so
    const set = new Map<string, Map<string, Map<string, Set<string>>>>();
    for (const result of results.filter((r) => r.status === 'fail')) {
      for (const { argv } of result.remediation?.steps ?? []) {
        const name = MODIFIES[`${argv[1]} ${argv[2]}`];
        if (!name) continue;
        const resource = `${argv[2]} ${argv[argv.indexOf(name) + 1]} ${argv[argv.indexOf('--region') + 1] ?? ''}`;
        const options = set.get(resource) ?? new Map<string, Map<string, Set<string>>>();
        set.set(resource, options);
        for (let i = 3; i < argv.length; i++) {
          if (!argv[i]!.startsWith('--') || argv[i] === name || argv[i] === '--region') continue;
          const value = argv[i + 1]?.startsWith('--') === false ? argv[i + 1]! : '(flag)';
          const values = options.get(argv[i]!) ?? new Map<string, Set<string>>();
          options.set(argv[i]!, values);
          values.set(value, (values.get(value) ?? new Set()).add(result.ruleId));
        }
      }
    }
    for (const [resource, options] of set) {
      for (const [option, values] of options) {
        judged++;
        const given = [...values].map(([value, ruleIds]) => `${value} (${[...ruleIds].join(', ')})`);
        expect(given.length, `${resource} ${option}: ${given.join('; ')}`).toBe(1);
      }
    }
  });

  it('compared some', () => expect(judged).toBeGreaterThan(10));
});
