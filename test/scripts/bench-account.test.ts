import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runSimulatedAccount, SMALL_SHAPE } from '../../scripts/bench-account.mjs';
import { runRules } from '../../src/engine/run-rules.js';
import { OPERATIONS } from '../../src/model/operations.js';
import type { Inventory } from '../../src/model/inventory.js';

// The simulated account of `npm run bench` (issue 14: recovery from throttling at full speed). Its
// figures mean something only for a whole scan: an operation it does not serve is a gap, and the
// bench would time a scan that skipped it (DescribeAvailabilityZones did, unnoticed). Speed is
// the bench's to report, not a test's.

const verdicts = (inventory: Inventory) =>
  runRules(inventory, { rules })
    .map((result) => JSON.stringify(result))
    .sort();

describe('the simulated account of npm run bench', { timeout: 60_000 }, () => {
  it('serves every operation a whole scan calls: no gap', async () => {
    const run = await runSimulatedAccount({ shape: SMALL_SHAPE, timeScale: 100 });
    expect(run.gaps).toEqual([]);
    // Each service's operations but those of --all-regions and --org, and STS (answered apart).
    const expected = Object.entries(OPERATIONS)
      .filter(([service]) => service !== 'sts' && service !== 'organizations')
      .flatMap(([service, names]) => names.filter((name) => name !== 'DescribeRegions').map((name) => `${service}:${name}`));
    const called = run.operations.filter((o) => o.requests > o.failed).map((o) => o.operation);
    expect(new Set(called)).toEqual(new Set(expected));
  });

  it('behind a proxy throttling 30% of the requests at random: no gap, the same verdicts', async () => {
    const [plain, throttled] = [await runSimulatedAccount({ shape: SMALL_SHAPE, timeScale: 100 }), await runSimulatedAccount({ shape: SMALL_SHAPE, timeScale: 100, randomThrottle: 0.3 })];
    expect(throttled.throttled).toBeGreaterThan(0);
    expect(throttled.gaps).toEqual([]);
    expect(verdicts(throttled.inventory)).toEqual(verdicts(plain.inventory));
  });
});
