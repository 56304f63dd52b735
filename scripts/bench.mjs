// npm run bench: start-up and rule-evaluation speed, as ratios to a baseline measured in the
// same run (`node -e 0`), so the figures compare across machines. Nothing here is asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { rules } from '../dist/rules/index.js';
import { evaluate } from '../dist/src/engine/evaluate.js';
import { runRules } from '../dist/src/engine/run-rules.js';
import { loadInventory } from '../dist/src/cli/files.js';
import { renderJsonChunks } from '../dist/src/report/json.js';
import { renderText } from '../dist/src/report/text.js';
import { formatSimulatedAccount, runSimulatedAccount } from './bench-account.mjs';
import { benchOrganization } from './bench-org.mjs';
import { benchRichReports, formatRichReports } from './bench-rich-reports.mjs';
import { buildResilience } from '../dist/src/resilience/model.js';
import { median, timeFn } from './bench-timing.mjs';
import { generateInventory } from './generate-inventory.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const fmt = (ms) => `${ms.toFixed(1)} ms`;

function timeCommand(args, runs = RUNS) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    samples.push(performance.now() - start);
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return median(samples);
}

const renderFailures = [];

function tryTimeFn(fn, what) {
  try {
    return timeFn(fn);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    renderFailures.push(`${what}: ${error.message}`);
    return { error };
  }
}

function evaluateWith(inventory, chosen, withResilience) {
  const now = new Date();
  return evaluate({ inventory, rules: chosen, source: 'inventory', startedAt: now, finishedAt: now, withResilience });
}

/**
 * The resilience model with every zone and region scenario of the account (issue 12: evaluation
 * plus model within 2x of evaluation alone). Alone: every rule but the app-* rules, which read the
 * model; with it: every rule, the model built once and put in the report. Only times are kept: two
 * more reports of this size alive at once would not fit the heap the runs after it need.
 */
function benchModel(inventory) {
  const withoutModel = rules.filter((rule) => rule.level !== 'resilience');
  const alone = timeFn(() => evaluateWith(inventory, withoutModel, false).findings.length).ms;
  let shape = '';
  const withModel = timeFn(() => {
    const { resilience } = evaluateWith(inventory, rules, true);
    shape = `${resilience.entryPoints.length} entry points, ${resilience.dataStores.length} data stores, ${resilience.scenarios.length} scenarios (${resilience.scenarios.map((s) => s.id).join(', ')}), ${resilience.outcomes.length} outcomes`;
  }).ms;
  const model = timeFn(() => buildResilience(inventory).outcomes.length).ms;
  return (
    `\nResilience model of the 10,000-load-balancer account: ${shape}; median of 3:\n` +
    `  evaluation alone (every rule but app-*)   ${fmt(alone).padStart(11)}\n` +
    `  evaluation plus model (every rule)        ${fmt(withModel).padStart(11)}  ${(withModel / alone).toFixed(2)}x evaluation alone (target: at most 2x)\n` +
    `  the model alone (buildResilience)         ${fmt(model).padStart(11)}`
  );
}

function evaluateAll(inventory) {
  const now = new Date();
  return evaluate({ inventory, rules, source: 'inventory', startedAt: now, finishedAt: now });
}

const cli = fileURLToPath(new URL('../bin/ha-audit.js', import.meta.url));
const baseline = timeCommand(['-e', '0']);
const version = timeCommand([cli, '--version']);
const demo = timeCommand([cli, 'scan', '--inventory', 'fixtures/demo/inventory.json', '--format', 'json']);
const demoText = timeCommand([cli, 'scan', '--inventory', 'fixtures/demo/inventory.json']);

console.log(`Start-up (median of ${RUNS} runs; baseline node -e 0 = ${fmt(baseline)})`);
console.log(`  ha-audit --version                      ${fmt(version).padStart(9)}  ${(version / baseline).toFixed(2)}x baseline`);
console.log(`  scan --inventory demo --format json     ${fmt(demo).padStart(9)}  ${(demo / baseline).toFixed(2)}x baseline`);
console.log(`  scan --inventory demo (text)            ${fmt(demoText).padStart(9)}  ${(demoText / baseline).toFixed(2)}x baseline`);

console.log(`\nEvaluation of generated inventories, in process (median of 3): all ${rules.length} rules + report`);
console.log('  load balancers   results   evaluate    per LB     JSON render   text render   growth vs previous size');
let previous;
let loadMs;
let richReports;
let modelLine = '';
const dir = mkdtempSync(join(tmpdir(), 'ha-audit-bench-'));
for (const count of [1_000, 10_000, 50_000]) {
  const inventory = generateInventory(count);
  const evaluation = timeFn(() => evaluateAll(inventory));
  // A renderer that cannot cope with the size (V8's longest string, the call stack) is reported, not fatal.
  // Rendered as the CLI writes it: in pieces, never one string (a large report exceeds V8's longest).
  const json = tryTimeFn(() => {
    let characters = 0;
    for (const piece of renderJsonChunks(evaluation.value)) characters += piece.length;
    return characters;
  }, `JSON render of ${count}`);
  const text = tryTimeFn(() => renderText(evaluation.value, { color: false, failOn: 'low', exitCode: 1 }), `text render of ${count}`);
  const growth = previous ? `${(evaluation.ms / previous.ms).toFixed(1)}x time for ${(count / previous.count).toFixed(0)}x size` : '';
  console.log(
    `  ${String(count).padStart(14)} ${String(evaluation.value.findings.length).padStart(9)} ${fmt(evaluation.ms).padStart(10)} ${`${((evaluation.ms * 1000) / count).toFixed(1)} µs`.padStart(10)} ${(json.error ? 'FAILED' : fmt(json.ms)).padStart(13)} ${(text.error ? 'FAILED' : fmt(text.ms)).padStart(13)}   ${growth}`,
  );
  previous = { ms: evaluation.ms, count };
  if (count === 10_000) modelLine = benchModel(inventory);
  if (count === 10_000) {
    // The HTML and Markdown reports show the resilience model: the report a scan in those formats writes.
    const shown = { ...evaluation.value, resilience: evaluation.value.resilience ?? buildResilience(inventory) };
    richReports = formatRichReports(count, shown, await benchRichReports(shown, dir));
    const file = join(dir, 'inventory-10k.json');
    writeFileSync(file, JSON.stringify(inventory));
    const load = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await loadInventory(file);
      load.push(performance.now() - start);
    }
    loadMs = median(load);
  }
}
for (const failure of renderFailures) console.log(`  FAILED ${failure}`);
console.log(modelLine);
console.log(`\n${richReports}`);
console.log(`\nLoading the 10,000-load-balancer inventory file (parse + schema validation): ${fmt(loadMs)}`);
const offlineScan = timeCommand([cli, 'scan', '--inventory', join(dir, 'inventory-10k.json'), '--format', 'json', '--output', join(dir, 'r.json')], 3);
const mb = (file) => `${(statSync(join(dir, file)).size / 1e6).toFixed(0)} MB`;
console.log(`A full offline scan of it: ${fmt(offlineScan)} (inventory ${mb('inventory-10k.json')}, JSON report ${mb('r.json')})`);
rmSync(dir, { recursive: true, force: true });

// A live scan of a big simulated account: rate limits, not this machine, bound it. Two cases:
// AWS's token buckets alone, and the same behind a proxy throttling 30% of the requests at random.
const simScale = Number(process.env.BENCH_TIME_SCALE ?? 10);
const verdicts = (inventory) =>
  runRules(inventory, { rules })
    .map((result) => JSON.stringify(result))
    .sort();
console.log('');
const buckets = await runSimulatedAccount({ timeScale: simScale });
console.log(formatSimulatedAccount(buckets));
const randomThrottle = 0.3;
const throttled = await runSimulatedAccount({ timeScale: simScale, randomThrottle });
const sameVerdicts = JSON.stringify(verdicts(throttled.inventory)) === JSON.stringify(verdicts(buckets.inventory));
console.log(
  `\n  the same behind a proxy that throttles ${randomThrottle * 100}% of the requests at random: ${throttled.awsWallS.toFixed(1)} s, ${(throttled.awsWallS / buckets.awsWallS).toFixed(2)}× the scan above, ${throttled.ratio.toFixed(2)}× the floor; ${throttled.throttled} throttled request(s), ${throttled.gaps.length} gap(s), verdicts ${sameVerdicts ? 'identical' : 'DIFFERENT'}`,
);
const halfRate = await runSimulatedAccount({ timeScale: simScale, maxApiRate: 0.5 });
console.log(
  `  the same with --max-api-rate 0.5: ${halfRate.awsWallS.toFixed(1)} s, ${halfRate.ratioAtFactor.toFixed(2)}× its floor of ${halfRate.floorAtFactorS.toFixed(1)} s (${halfRate.ratio.toFixed(2)}× the full-rate floor); ${halfRate.throttled} throttled request(s), ${halfRate.gaps.length} gap(s)`,
);


// A simulated organisation (`--org`, 200 accounts × 2 regions): scripts/bench-org.mjs.
// BENCH_ORG_LARGE_ACCOUNTS: the organisation measured whole in one process under a 1 GB heap (2,000; 0 skips it).
console.log(
  `\n${await benchOrganization({ accounts: Number(process.env.BENCH_ORG_ACCOUNTS ?? 200), timeScale: Number(process.env.BENCH_ORG_TIME_SCALE ?? 10), largeAccounts: Number(process.env.BENCH_ORG_LARGE_ACCOUNTS ?? 2000) })}`,
);
