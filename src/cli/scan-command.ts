import { rules as allRules } from '../../rules/index.js';
import { runRules } from '../engine/run-rules.js';
import { buildReport } from '../engine/scan-report.js';
import { exitCodeFor, type FailOn } from '../engine/summary.js';
import { HaAuditError } from '../model/errors.js';
import type { Inventory } from '../model/inventory.js';
import { loadInventory } from '../model/inventory-file.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { assertWritable, writeFileAtomically } from './files.js';
import { parseRegions } from './regions.js';
import { selectRules } from './select-rules.js';

export interface ScanOptions {
  region: string[];
  profile?: string;
  endpointUrl?: string;
  inventory?: string;
  saveInventory?: string;
  format: 'text' | 'json';
  output?: string;
  failOn: FailOn;
  rule: string[];
  debug: boolean;
}

export interface ScanIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  debug: (message: string) => void;
}

/** `ha-audit scan`: inventory (live or from a file), rules, report. Returns the exit code. */
export async function scan(options: ScanOptions, io: ScanIo): Promise<number> {
  const rules = selectRules(allRules, options.rule);
  const regions = parseRegions(options.region);
  if (options.endpointUrl !== undefined) assertEndpointUrl(options.endpointUrl);
  if (options.output) await assertWritable(options.output, '--output');
  if (options.saveInventory) await assertWritable(options.saveInventory, '--save-inventory');

  const startedAt = new Date();
  const inventory = options.inventory ? onlyRegions(await loadInventory(options.inventory), regions, options.inventory) : await collectLive(options, regions, io);
  if (options.saveInventory) await writeFileAtomically(options.saveInventory, JSON.stringify(inventory, null, 2) + '\n');

  const results = runRules(inventory, { rules });
  const report = buildReport({ inventory, results, source: options.inventory ? 'inventory' : 'live', startedAt, finishedAt: new Date() });
  const exitCode = exitCodeFor(results, options.failOn, report.scan.complete);

  const color = !options.output && colorWanted(io.stdout.isTTY === true, io.env);
  const text = options.format === 'json' ? renderJson(report) : renderText(report, { color, failOn: options.failOn, exitCode });
  if (options.output) {
    await writeFileAtomically(options.output, text);
    if (io.stderr.isTTY) io.stderr.write(`Report written to ${options.output}\n`);
  } else {
    io.stdout.write(text);
  }
  return exitCode;
}

/** The SDK is imported only here: `--version`, `rules` and inventory scans never load it. */
async function collectLive(options: ScanOptions, regions: string[], io: ScanIo): Promise<Inventory> {
  const { collectInventory } = await import('../collect/collect-inventory.js');
  return collectInventory({
    regions,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    debug: io.debug,
  });
}

/** `--region` with `--inventory` narrows the evaluation to those regions, which must be in the file. */
function onlyRegions(inventory: Inventory, regions: string[], file: string): Inventory {
  if (regions.length === 0) return inventory;
  const present = new Set(inventory.accounts.flatMap((a) => a.regions.map((r) => r.region)));
  const missing = regions.filter((r) => !present.has(r));
  if (missing.length > 0) {
    throw new HaAuditError('usage', `region ${missing.join(', ')} is not in inventory ${file}`, `it holds: ${[...present].sort().join(', ') || 'no region'}`);
  }
  return {
    ...inventory,
    accounts: inventory.accounts.map((a) => ({ ...a, regions: a.regions.filter((r) => regions.includes(r.region)) })),
    gaps: inventory.gaps.filter((g) => regions.includes(g.region)),
  };
}

function assertEndpointUrl(value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new HaAuditError('usage', `invalid --endpoint-url "${value}"`, 'give a full URL such as http://localhost:4566');
  }
}

/** Colour on a terminal, unless NO_COLOR is set (https://no-color.org); FORCE_COLOR decides otherwise. */
export function colorWanted(isTerminal: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTerminal && env.TERM !== 'dumb';
}
