import { rules as allRules } from '../../rules/index.js';
import { fixSteps } from '../../rules/support/resilience.js';
import { rulesToRun } from '../config/apply-config.js';
import { evaluate } from '../engine/evaluate.js';
import { ResilienceScope } from '../engine/resilience-scope.js';
import { commandLine, remediationCommands } from '../engine/shell.js';
import { buildWhatIf, findScenario } from '../engine/what-if.js';
import { HaAuditError } from '../model/errors.js';
import { parseRegions } from '../model/regions.js';
import type { ScenarioOutcome } from '../model/resilience.js';
import type { WhatIf } from '../model/what-if.js';
import { toolVersion } from '../package-info.js';
import type { ReportFormat } from '../report/formats.js';
import { excerpt, visible } from '../visible-text.js';
import { loadConfig, loadInventories, saveInventory } from './files.js';
import { assertSeparateFiles, resolveOutput, writeOutput, type InputFile } from './outputs.js';
import { assertEndpointUrl, collectLive, colorWanted, onlyRegions, type LiveSourceOptions, type ScanIo } from './scan-command.js';

/** The rules whose fix keeps a data store serving through the loss of its zone. */
const DATA_STORE_RULES: ReadonlySet<string> = new Set(['rds-multi-az', 'aurora-multi-az', 'elasticache-failover']);

export interface WhatIfOptions extends LiveSourceOptions {
  /** The zone lost: a zone id (`use1-az1`), or a name (`us-east-1a`) in a scan of one account. */
  zone?: string;
  /** The region lost. */
  region?: string;
  /** The regions to scan (`scan --region`): `--region` names the loss here. */
  scanRegion?: string[];
  /** Once, or the shards of one scan. */
  inventory?: string[];
  saveInventory?: string;
  format: ReportFormat;
  output?: string;
  config?: string | false;
}

/**
 * `ha-audit what-if --zone ID|NAME` / `--region NAME`: the inventory (live or saved), the
 * resilience model, and what that one loss takes down or degrades, worst first with the fixes.
 * Exit 0 when everything keeps serving, 1 otherwise (a game-day gate), 2 usage, 3 incomplete.
 */
export async function whatIf(options: WhatIfOptions, io: ScanIo): Promise<number> {
  if ((options.zone === undefined) === (options.region === undefined)) {
    throw new HaAuditError('usage', options.zone === undefined ? 'what-if needs the loss to play: --zone or --region' : 'what-if plays one loss: give --zone or --region, not both', 'e.g. ha-audit what-if --zone use1-az1 --inventory inventory.json');
  }
  if (options.format === 'sarif' || options.format === 'junit') {
    // Findings formats: the scan's findings already carry every loss (the matrix rules).
    throw new HaAuditError('usage', `what-if has no --format ${options.format}: it writes text, json, html or markdown`, `for findings in ${options.format}, run ha-audit scan --format ${options.format}`);
  }
  const config = await loadConfig(options.config, allRules);
  const regions = parseRegions(options.scanRegion ?? []);
  if (options.endpointUrl !== undefined) assertEndpointUrl(options.endpointUrl);
  const reportTo = await resolveOutput(options.output ?? '-', '--output');
  const inventoryTo = options.saveInventory !== undefined ? await resolveOutput(options.saveInventory, '--save-inventory') : undefined;
  const inputs: InputFile[] = [
    ...(options.inventory ?? []).map((path) => ({ option: '--inventory', path })),
    ...(config ? [{ option: options.config ? '--config' : 'the configuration', path: config.file }] : []),
  ];
  await assertSeparateFiles(inventoryTo ? [reportTo, inventoryTo] : [reportTo], inputs);

  const startedAt = new Date();
  const liveRegions = regions.length === 0 && !options.allRegions ? (config?.regions ?? []) : regions;
  // The model reads everything it needs; no rule narrows the collection.
  const inventory = options.inventory ? onlyRegions(await loadInventories(options.inventory, io.stderr), regions, options.inventory.join(', ')) : await collectLive(options, liveRegions, io, undefined);
  if (inventoryTo) await saveInventory(inventoryTo, inventory, io);

  // The model with the configuration's settings (`resilience:`), through the same evaluation as `scan`,
  // with the data-layer rules whose fixes prevent a data store's zone loss.
  const dataRules = rulesToRun(allRules, config, []).filter((rule) => DATA_STORE_RULES.has(rule.id));
  const report = evaluate({ inventory, rules: dataRules, ...(config ? { config } : {}), source: options.inventory ? 'inventory' : 'live', startedAt, withResilience: true });
  const resilience = report.resilience;
  if (!resilience) throw new HaAuditError('usage', 'the resilience model could not be built from this inventory', 'run ha-audit scan to see why');
  const scenario = findScenario(resilience, inventory, { ...(options.zone !== undefined ? { zone: excerpt(options.zone) } : {}), ...(options.region !== undefined ? { region: excerpt(options.region) } : {}) });
  const scope = ResilienceScope.of(resilience, inventory);
  const entries = new Map(resilience.entryPoints.map((e) => [e.id, e]));
  const dataFixes = new Map(report.findings.filter((r) => r.status === 'fail' && r.resource.arn && r.remediation).map((r) => [r.resource.arn!, remediationCommands(r.remediation!)]));
  const commandsOf = (outcome: ScenarioOutcome) => {
    const entry = outcome.subject === 'entry-point' ? entries.get(outcome.id) : undefined;
    if (entry) return fixSteps(scope, entry, outcome).map(commandLine);
    // A data store lost with its zone: the rule's fix (Multi-AZ, a reader or replica elsewhere) prevents it; a region loss needs a copy elsewhere, which no rule builds.
    return outcome.subject === 'data-store' && scenario.kind === 'zone' && outcome.fix ? (dataFixes.get(outcome.id) ?? []) : [];
  };
  const result = buildWhatIf({
    resilience,
    inventory,
    scenario,
    asked: { ...(options.zone !== undefined ? { zone: options.zone } : {}), ...(options.region !== undefined ? { region: options.region } : {}) },
    source: report.scan.source,
    tool: { name: 'ha-audit', version: toolVersion() },
    commandsOf,
  });

  const color = reportTo.kind === 'stdout' && colorWanted(io.stdout.isTTY === true, io.env);
  await writeOutput(reportTo, await render(result, options.format, { color, at: startedAt.toISOString() }), io.stdout);
  if (reportTo.kind !== 'stdout') io.stderr.write(`ha-audit: what-if ${visible(result.scenario.label)}: exit ${result.exitCode}; written to ${visible(reportTo.path)}\n`);
  return result.exitCode;
}

/** The text, HTML and Markdown renderers load only for their format (start-up time). */
async function render(result: WhatIf, format: ReportFormat, options: { color: boolean; at: string }): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'html':
      return (await import('../report/html/what-if.js')).renderWhatIfHtml(result, { at: options.at });
    case 'markdown':
      return (await import('../report/what-if-markdown.js')).renderWhatIfMarkdown(result, { at: options.at });
    default:
      return (await import('../report/what-if-text.js')).renderWhatIfText(result, { color: options.color });
  }
}
