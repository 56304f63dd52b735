import { rules as allRules } from '../../rules/index.js';
import { judge, reportOf, type Evaluation, type Judgement } from '../engine/evaluate.js';
import type { ScanReport } from '../model/report.js';
import { EXIT, type FailOn } from '../engine/summary.js';
import { HaAuditError } from '../model/errors.js';
import { GLOBAL_REGION, type Inventory } from '../model/inventory.js';
import { summaryLine } from '../report/summary-line.js';
import { suppressionWarnings } from '../report/suppression-warnings.js';
import { assertHistoryFormat, type ReportFormat } from '../report/formats.js';
import { buildHistory } from '../report/history.js';
import { renderReport } from '../report/render.js';
import { rulesNamed, rulesToRun } from '../config/apply-config.js';
import { operationsFor } from '../collect/collection-plan.js';
import type { Operation } from '../model/operations.js';
import { assertHistoryDir, loadBaseline, loadConfig, loadHistoryFiles, loadInventories, saveInventory } from './files.js';
import type { ShardSpec } from '../model/shard.js';
import { parseShard, type ShardOptions } from './shard-options.js';
import { assertSeparateFiles, resolveOutput, writeOutput, type InputFile } from './outputs.js';
import { parseRegions } from '../model/regions.js';
import { parseAccountSelection, parseDuration, type LiveScanOptions } from './account-options.js';
import { Progress } from './progress.js';
import { testTimeScale } from './test-time-scale.js';
import { excerpt, visible } from '../visible-text.js';


/** The options of a live collection, shared by `scan` and `what-if`. */
export interface LiveSourceOptions extends LiveScanOptions {
  profile?: string;
  endpointUrl?: string;
  /** `--max-api-rate`, unparsed. */
  maxApiRate?: string;
  quiet?: boolean;
  debug?: boolean;
}

export interface ScanOptions extends LiveSourceOptions, ShardOptions {
  region?: string[];
  /** `--inventory`, repeatable: the shards of one scan are evaluated together. */
  inventory?: string[];
  saveInventory?: string;
  format: ReportFormat;
  output?: string;
  failOn: FailOn;
  rule?: string[];
  /** `--config FILE`; false with `--no-config`; else `.ha-audit.yml` of the working directory. */
  config?: string | false;
  baseline?: string;
  failOnNewOnly?: boolean;
  /** `--history DIR`: earlier JSON reports for the trend of the HTML and Markdown reports. */
  history?: string;
}

export interface ScanIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  debug: (message: string) => void;
  /** Asks the launcher to exit once the output is written, without waiting for abandoned calls. */
  exitWhenDone?: () => void;
}

/** `ha-audit scan`: inventory (live or from a file), rules, report. Returns the exit code. */
export async function scan(options: ScanOptions, io: ScanIo): Promise<number> {
  const config = await loadConfig(options.config, allRules);
  const requested = options.rule ?? [];
  const rules = rulesToRun(allRules, config, requested);
  const regions = parseRegions(options.region ?? []);
  if (options.failOnNewOnly && !options.baseline) throw new HaAuditError('usage', '--fail-on-new-only needs --baseline', 'pass the JSON report of an earlier scan: --baseline previous.json');
  const baseline = options.baseline ? await loadBaseline(options.baseline) : undefined;
  if (options.endpointUrl !== undefined) assertEndpointUrl(options.endpointUrl);
  const shard = parseShard(options, io.env);
  // Without --output, the report goes to standard output.
  const reportTo = await resolveOutput(options.output ?? '-', '--output');
  const inventoryTo = options.saveInventory !== undefined ? await resolveOutput(options.saveInventory, '--save-inventory') : undefined;
  const inputs: InputFile[] = [
    ...(options.inventory ?? []).map((path) => ({ option: '--inventory', path })),
    ...(config ? [{ option: options.config ? '--config' : 'the configuration', path: config.file }] : []),
    ...(options.baseline !== undefined ? [{ option: '--baseline', path: options.baseline }] : []),
  ];
  // A shard writes no report: its inventory may go to standard output.
  await assertSeparateFiles(inventoryTo ? (shard ? [inventoryTo] : [reportTo, inventoryTo]) : [reportTo], inputs);
  if (options.history !== undefined) {
    assertHistoryFormat(options.format);
    await assertHistoryDir(options.history);
  }

  const startedAt = new Date();
  // The configuration's regions are those of a live scan: a saved inventory holds its own.
  const liveRegions = regions.length === 0 && !options.allRegions ? (config?.regions ?? []) : regions;
  // `--rule` narrows the collection to what those rules read: an identity allowed only that (`iam-policy --rule`) completes the scan.
  // The HTML and Markdown reports show the resilience model: it runs, and reads what it needs.
  // The text report shows its matrix whenever the scan is not narrowed (then everything is collected
  // anyway) or an `app-*` rule runs: `--rule tg-stickiness` stays a narrow scan, as `iam-policy --rule` says.
  const model = options.format === 'html' || options.format === 'markdown';
  // A shard's inventory is evaluated later, in whatever format: it collects what the model reads.
  const collects = rulesNamed(requested) ? operationsFor(rules, { model: model || shard !== undefined, tags: config?.suppressions.some((s) => s.tag !== undefined) ?? false }) : undefined;
  if (shard) {
    assertShardable(options, liveRegions, inventoryTo);
    const share = await collectLive(options, liveRegions, io, collects, shard);
    await saveInventory(inventoryTo!, share, io);
    io.stderr.write(`ha-audit: ${shardLine(share)}; inventory in ${visible(inventoryTo!.kind === 'stdout' ? 'standard output' : inventoryTo!.path)}\n`);
    return EXIT.ok;
  }
  const withResilience = model || (options.format === 'text' && collects === undefined);
  const gate = { failOn: options.failOn, failOnNewOnly: options.failOnNewOnly === true };
  const evaluation = { rules, ...(config ? { config } : {}), ...(baseline ? { baseline } : {}), everyRuleRan: !rulesNamed(requested), source: options.inventory ? 'inventory' : 'live', startedAt, gate, withResilience } as const;
  const report = await inventoryReport(async () => {
    const inventory = options.inventory ? onlyRegions(await loadInventories(options.inventory, io.stderr), regions, options.inventory.join(', ')) : await collectLive(options, liveRegions, io, collects);
    if (inventoryTo) await saveInventory(inventoryTo, inventory, io);
    return inventory;
  }, evaluation);
  const exitCode = report.scan.gate!.exitCode;
  // The text report on the terminal shows them; otherwise the CI log must still.
  if (options.format !== 'text' || reportTo.kind !== 'stdout') for (const warning of suppressionWarnings(report)) io.stderr.write(`ha-audit: warning: ${visible(warning)}\n`);

  const color = reportTo.kind === 'stdout' && colorWanted(io.stdout.isTTY === true, io.env);
  const history = options.history !== undefined ? buildHistory(options.history, report, await loadHistoryFiles(options.history)) : undefined;
  const output = await renderReport(report, options.format, { text: { color, ...report.scan.gate! }, ...(history ? { history } : {}) });
  await writeOutput(reportTo, output, io.stdout);
  if (reportTo.kind !== 'stdout') {
    // A CI log shows no report when it goes to a file: one line says how the scan ended.
    if (io.stderr.isTTY) io.stderr.write(`Report written to ${visible(reportTo.path)}\n`);
    else io.stderr.write(`ha-audit: ${summaryLine(report, { failOn: options.failOn, exitCode, failOnNewOnly: options.failOnNewOnly === true })}; report in ${visible(reportTo.path)}\n`);
  }
  return exitCode;
}

/**
 * The inventory judged, and let go before anything else: no frame holds the inventory (a third
 * of an organisation's heap) while the baseline is compared and the report is built and written.
 */
async function inventoryReport(inventoryOf: () => Promise<Inventory>, evaluation: Omit<Evaluation, 'inventory'>): Promise<ScanReport> {
  return reportOf(await judged(inventoryOf, evaluation), evaluation);
}

/** Its own frame: once it returns, nothing refers to the inventory. */
async function judged(inventoryOf: () => Promise<Inventory>, evaluation: Omit<Evaluation, 'inventory'>): Promise<Judgement> {
  return judge(await inventoryOf(), evaluation);
}

/**
 * The SDK is imported only here: `--version`, `rules` and inventory scans never load it.
 * `--timeout` stops the collection and the report shows what was seen (the calls it cut are
 * gaps: exit 3); Ctrl-C stops it and writes nothing (exit 130), a second Ctrl-C at once.
 */
export async function collectLive(options: LiveSourceOptions, regions: string[], io: ScanIo, collects: ReadonlySet<Operation> | undefined, shard?: ShardSpec): Promise<Inventory> {
  const selection = parseAccountSelection(options);
  const timeoutMs = options.timeout !== undefined ? parseDuration(options.timeout) : undefined;
  const maxApiRate = options.maxApiRate !== undefined ? parseMaxApiRate(options.maxApiRate) : undefined;
  const timeScale = testTimeScale(io.env, options.endpointUrl);
  const { collectInventory, ScanStopped } = await import('../collect/collect-inventory.js');
  const controller = new AbortController();
  const timer = timeoutMs !== undefined ? setTimeout(() => controller.abort(new ScanStopped('ScanTimeout', `the scan reached --timeout ${options.timeout}`)), timeoutMs) : undefined;
  timer?.unref();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort(new ScanStopped('Interrupted', 'the scan was interrupted'));
  };
  process.on('SIGINT', onInterrupt);
  const progress = io.stderr.isTTY && !options.quiet && !options.debug ? new Progress(io.stderr) : undefined;
  progress?.start();
  try {
    const inventory = await collectInventory({
      regions,
      ...selection,
      ...(options.allRegions ? { allRegions: true } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
      signal: controller.signal,
      ...(collects ? { collects } : {}),
      ...(shard ? { shard } : {}),
      ...(maxApiRate !== undefined ? { maxApiRate } : {}),
      ...timeScale,
      debug: io.debug,
      warn: (message) => (progress ? progress.note(`ha-audit: warning: ${visible(message)}`) : io.stderr.write(`ha-audit: warning: ${visible(message)}\n`)),
      ...(progress ? { onEvent: (event) => progress.onEvent(event), onCall: (call) => progress.onCall(call) } : {}),
    });
    const reason: unknown = controller.signal.reason;
    // Calls cut by the stop may still be retrying inside the SDK: do not wait for them.
    if (reason) io.exitWhenDone?.();
    if (reason instanceof ScanStopped && reason.code === 'Interrupted') {
      throw new HaAuditError('interrupted', 'interrupted: the scan stopped and no report was written');
    }
    progress?.finish(reason ? 'stopped' : 'done');
    return inventory;
  } catch (error) {
    progress?.finish('stopped');
    if (controller.signal.aborted) io.exitWhenDone?.();
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    process.off('SIGINT', onInterrupt);
  }
}

/**
 * `--shard` splits a scan of several accounts or regions, and its share is worth only with the
 * others': it is saved for the evaluation of every shard together, not judged alone.
 */
function assertShardable(options: ScanOptions, regions: string[], inventoryTo: unknown): void {
  if (!options.org && options.accounts === undefined && !options.allRegions && regions.length < 2) {
    throw new HaAuditError('usage', '--shard splits a scan of several accounts or regions, and this scan is of one account in one region', 'add --org, --accounts, --all-regions or several --region, or leave --shard out');
  }
  if (!inventoryTo) throw new HaAuditError('usage', '--shard needs --save-inventory: a shard saves its share, and one `scan --inventory` of every shard evaluates them together', 'add --save-inventory shard-I.json');
}

/** What a shard says on stderr when its share is saved: its place in the scan and what it collected. */
function shardLine(inventory: Inventory): string {
  const shard = inventory.shard!;
  const pairs = shard.owns.flatMap((a) => a.regions);
  const global = pairs.filter((r) => r === GLOBAL_REGION).length;
  return `shard ${shard.index}/${shard.count} of scan ${shard.scanId}: ${pairs.length - global} account-region pair(s) and Route 53 of ${global} account(s) of ${shard.scope.length}, ${inventory.gaps.length} gap(s) (judged when every shard is evaluated together)`;
}

/** `--region` with `--inventory` narrows the evaluation to those regions, which must be in the file. */
export function onlyRegions(inventory: Inventory, regions: string[], file: string): Inventory {
  if (regions.length === 0) return inventory;
  const present = new Set(inventory.accounts.flatMap((a) => a.regions.map((r) => r.region)));
  const missing = regions.filter((r) => !present.has(r));
  if (missing.length > 0) {
    throw new HaAuditError('usage', `region ${missing.join(', ')} is not in inventory ${file}`, `it holds: ${[...present].sort().join(', ') || 'no region'}`);
  }
  return {
    ...inventory,
    accounts: inventory.accounts.map((a) => ({ ...a, regions: a.regions.filter((r) => regions.includes(r.region)) })),
    // Route 53 is global: its gaps stay whatever the regions.
    gaps: inventory.gaps.filter((g) => g.region === GLOBAL_REGION || regions.includes(g.region)),
  };
}

export function assertEndpointUrl(value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new HaAuditError('usage', `invalid --endpoint-url "${excerpt(value)}"`, 'give a full URL such as http://localhost:4566');
  }
}

/** Colour on a terminal, unless NO_COLOR is set (https://no-color.org); FORCE_COLOR decides otherwise. */
export function colorWanted(isTerminal: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTerminal && env.TERM !== 'dumb';
}

/** `--max-api-rate`: a share of the published rates, more than 0 and at most 1. */
function parseMaxApiRate(value: string): number {
  const factor = Number(value);
  if (value.trim() === '' || !(factor > 0 && factor <= 1)) {
    throw new HaAuditError('usage', `invalid --max-api-rate "${excerpt(value)}"`, 'give a share of the published API rates from 0 (excluded) to 1, e.g. --max-api-rate 0.5');
  }
  return factor;
}
