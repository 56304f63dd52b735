import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/cli/files.js';
import type { Resilience } from '../../src/model/resilience.js';
import { packageRoot } from '../../src/package-info.js';
import { buildResilience } from '../../src/resilience/model.js';

// `scan` and `what-if` on the bundled demo must tell the whole story: every outcome RESILIENCE.md lists, somewhere in its scenarios.
describe('the demo inventory (fixtures/demo/inventory.json) in the resilience model', () => {
  let resilience: Resilience;

  beforeAll(async () => {
    resilience = buildResilience(await loadInventory(join(packageRoot(), 'fixtures', 'demo', 'inventory.json')));
  });

  const outcomesOf = (subject: string) => new Set(resilience.outcomes.filter((o) => o.subject === subject).map((o) => o.outcome));

  it('shows every entry-point outcome', () => {
    expect(outcomesOf('entry-point')).toEqual(new Set(['unaffected', 'survives', 'degraded', 'down', 'unknown']));
  });

  it('shows every data-store outcome but unknown', () => {
    // A data store the demo cannot judge would make every `what-if` on its zones incomplete (exit 3), not a game-day story: unknown is left to the fixtures.
    expect(outcomesOf('data-store')).toEqual(new Set(['unaffected', 'fails-over', 'degraded', 'needs-action', 'down']));
  });

  it('plays zones and regions of both regions, and a Route 53 failover that moves to a surviving secondary', () => {
    expect(new Set(resilience.scenarios.map((s) => `${s.kind}:${s.region}`))).toEqual(new Set(['zone:us-east-1', 'zone:eu-west-1', 'region:us-east-1', 'region:eu-west-1']));
    expect(resilience.outcomes.some((o) => o.reasonId === 'failoverToSecondary' && o.outcome === 'survives')).toBe(true);
  });
});
