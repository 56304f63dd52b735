import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { loadInventory } from '../../src/cli/files.js';
import { runRules } from '../../src/engine/run-rules.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { RemediationStep, Result } from '../../src/model/result.js';
import { packageRoot } from '../../src/package-info.js';
import { fixtureInventories } from '../support/rule-cases.js';
import { applyRoute53Fix, Route53Refusal, writesRoute53 } from '../support/apply-route53-fix.js';

// Every fix that writes a Route 53 record or health check, in the demo and every fixture, applied
// to the inventory it was printed for (as Route 53 would apply it), then every rule run again:
// the finding no longer fails, Route 53 accepted every change, and no other result got worse.
const root = packageRoot();
const inventories = fixtureInventories();

// The app-* rules judge the architecture (zones, capacity, a standby region) that a DNS fix does not
// build: their fixes need a stack the user creates (placeholders outside the scan), and a DNS fix
// that points a record at another load balancer moves that load balancer's outcomes. They are not
// re-judged; their Route 53 fixes are applied all the same (below): Route 53 accepts them and the
// other rules find nothing new.
const rulesApplied = rules.filter((rule) => rule.level !== 'resilience');
const appRules = rules.filter((rule) => rule.level === 'resilience');

const key = (r: Result) => `${r.ruleId} ${r.resource.accountId} ${r.resource.id}`;

/** A step writing to a hosted zone the user picks (a new failover pair for a load balancer no record names): outside the inventory. */
const inZoneOfTheUser = (step: RemediationStep) => step.placeholders.some((p) => p.arg === step.argv.indexOf('--hosted-zone-id') + 1);

describe('Route 53 fixes, applied', () => {
  let fixes = 0;
  it.each(inventories)('%s', async (file) => {
    const inventory: Inventory = await loadInventory(join(root, 'fixtures', file));
    const before = runRules(inventory, { rules: rulesApplied });
    const failing = new Set(before.filter((r) => r.status === 'fail').map(key));
    const erring = new Set(before.filter((r) => r.status === 'error').map(key));
    for (const finding of before.filter((r) => r.status === 'fail' && r.remediation?.steps?.some(writesRoute53))) {
      let after: Result[];
      try {
        after = runRules(applyRoute53Fix(inventory, finding.resource.accountId, finding.remediation!.steps!), { rules: rulesApplied });
      } catch (error) {
        if (error instanceof Route53Refusal) throw new Error(`${key(finding)}: Route 53 refuses its fix: ${error.message}`);
        throw error;
      }
      fixes++;
      // The finding passes, or its record was replaced (a CNAME become an alias) by one that does not fail.
      expect(after.find((r) => key(r) === key(finding))?.status ?? 'replaced', key(finding)).not.toBe('fail');
      // No new failure, no new error anywhere.
      expect(after.filter((r) => r.status === 'fail' && !failing.has(key(r))).map(key), `new failures after the fix of ${key(finding)}`).toEqual([]);
      expect(after.filter((r) => r.status === 'error' && !erring.has(key(r))).map(key), `new errors after the fix of ${key(finding)}`).toEqual([]);
    }
  });

  it('applied some fixes', () => expect(fixes).toBeGreaterThan(20));
});

describe('Route 53 fixes of the app-* rules, applied', () => {
  let fixes = 0;
  let elsewhere = 0;
  it.each(inventories)('%s', async (file) => {
    const inventory: Inventory = await loadInventory(join(root, 'fixtures', file));
    const before = runRules(inventory, { rules: rulesApplied });
    const failing = new Set(before.filter((r) => r.status === 'fail').map(key));
    const erring = new Set(before.filter((r) => r.status === 'error').map(key));
    for (const finding of runRules(inventory, { rules: appRules }).filter((r) => r.status === 'fail' && r.remediation?.steps?.some(writesRoute53))) {
      const steps = finding.remediation!.steps!;
      if (steps.some(inZoneOfTheUser)) {
        elsewhere++;
        continue;
      }
      let after: Result[];
      try {
        after = runRules(applyRoute53Fix(inventory, finding.resource.accountId, steps), { rules: rulesApplied });
      } catch (error) {
        if (error instanceof Route53Refusal) throw new Error(`${key(finding)}: Route 53 refuses its fix: ${error.message}`);
        throw error;
      }
      fixes++;
      expect(after.filter((r) => r.status === 'fail' && !failing.has(key(r))).map(key), `new failures after the fix of ${key(finding)}`).toEqual([]);
      expect(after.filter((r) => r.status === 'error' && !erring.has(key(r))).map(key), `new errors after the fix of ${key(finding)}`).toEqual([]);
    }
  });

  it('applied some fixes, and some in a zone of the user', () => {
    expect(fixes).toBeGreaterThan(5);
    expect(elsewhere).toBeGreaterThan(0);
  });
});
