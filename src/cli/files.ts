import { constants } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../config/config-schema.js';
import { HOW_TO_MAKE_A_BASELINE, parseBaseline, parseBaselineStream, type Baseline } from '../engine/baseline.js';
import type { Rule } from '../engine/define-rule.js';
import { HaAuditError, type ErrorCode } from '../model/errors.js';
import type { Inventory } from '../model/inventory.js';
import { parseInventory, serializeInventoryPieces } from '../model/inventory-file.js';
import { mergeInventories } from '../model/merge-inventories.js';
import type { ScanReport } from '../model/report.js';
import { historyReport, parseReport } from '../model/report-file.js';
import type { HistoryFile } from '../report/history.js';
import { writeOutput, type OutputTarget } from './outputs.js';

/*
 * Every file a user names is read here: the inventory (`--inventory`), the configuration, the
 * baseline, the report `ha-audit report` reads, the history folder (`--history`); and
 * `--save-inventory` is written here, through `outputs.ts` as every output is. The parsers they
 * call are pure functions of the text.
 */

/** Reads a saved inventory (`--inventory`): a file written by `--save-inventory`, checked. */
export async function loadInventory(file: string): Promise<Inventory> {
  const text = await readInputFile(file, 'inventory', 'inventory-unreadable', 'pass a file written by `ha-audit scan --save-inventory`', SPLIT_INVENTORY_HINT);
  return parseInventory(text, file);
}

/**
 * `--inventory`, once or per shard: the files read and evaluated as one inventory. A CI log says
 * at once which shard is missing. One file at a time: a shard's text is hundreds of megabytes.
 */
export async function loadInventories(files: readonly string[], stderr: NodeJS.WritableStream): Promise<Inventory> {
  const read: { file: string; inventory: Inventory }[] = [];
  for (const file of files) read.push({ file, inventory: await loadInventory(file) });
  const merged = mergeInventories(read);
  const shards = read.flatMap((r) => (r.inventory.shard ? [r.inventory.shard] : []));
  const count = shards[0]?.count ?? 0;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !shards.some((s) => s.index === index));
  if (missing.length > 0) stderr.write(`ha-audit: warning: shard ${missing.join(', ')} of ${count} of scan ${shards[0]!.scanId} not given: its share is not evaluated (MissingShard gaps, exit 3)\n`);
  return merged;
}

/**
 * Writes `--save-inventory`: the format `loadInventory` reads back (lean, format 2). A file larger
 * than `loadInventory` can read as one (an organisation of about 1,800 small accounts) is written
 * all the same, since it is the scan's record, with a warning on `stderr`.
 */
export async function saveInventory(target: OutputTarget, inventory: Inventory, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }, readable = MAX_TEXT_LENGTH): Promise<void> {
  let bytes = 0;
  const pieces = await serializeInventoryPieces(inventory);
  const counted = function* () {
    for (const piece of pieces) {
      bytes += Buffer.byteLength(piece);
      yield piece;
    }
  };
  await writeOutput(target, counted(), io.stdout);
  if (bytes > readable) {
    io.stderr.write(`ha-audit: warning: the inventory is ${bytes.toLocaleString('en-US')} bytes, more than the ${readable.toLocaleString('en-US')} characters --inventory can read as one file: ${SPLIT_INVENTORY_HINT}\n`);
  }
}

/** How a scan too large for one inventory file is saved instead. */
const SPLIT_INVENTORY_HINT = 'save the scan as shards (--shard I/N --save-inventory FILE), and give every shard with its own --inventory';

/**
 * Reads `--baseline FILE`: a JSON report of an earlier scan, checked for what the comparison reads.
 * One larger than the longest string (an organisation's report: 1.6 GB at 2,000 accounts) is read
 * as it streams in, a finding at a time (`maxText`: that limit, smaller in tests).
 */
export async function loadBaseline(file: string, maxText = MAX_TEXT_LENGTH): Promise<Baseline> {
  const size = await stat(file).then(
    (stats) => stats.size,
    () => 0,
  );
  // A pipe has no size beforehand: read whole, it may still be too long, and then says how to give it.
  if (size <= maxText) return parseBaseline(await readInputFile(file, 'baseline', 'baseline-unreadable', HOW_TO_MAKE_A_BASELINE, 'give the report as a file, not through a pipe: a file this large is read as it streams in'), file);
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    return await parseBaselineStream(stream, file);
  } catch (error) {
    // The file's own errors (EACCES, EIO) only: anything else is a bug, shown as one.
    if (error instanceof HaAuditError || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new HaAuditError('baseline-unreadable', `cannot read baseline ${file}: ${unreadableReason(error)}`, HOW_TO_MAKE_A_BASELINE, { cause: error });
  } finally {
    stream.destroy();
  }
}

/** Reads the JSON report that `ha-audit report` renders. */
export async function loadReport(file: string): Promise<ScanReport> {
  return parseReport(
    await readInputFile(file, 'report', 'report-unreadable', 'give a report written by `ha-audit scan --format json`', 'render it from the inventories instead: ha-audit scan --inventory FILE ... --format FORMAT'),
    file,
  );
}

/** `--history DIR` must be a folder, checked before a long scan. */
export async function assertHistoryDir(dir: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new HaAuditError('usage', `--history ${dir} is not a folder`, 'give the folder that holds the earlier JSON reports (ha-audit scan --format json --output DIR/DATE.json)');
}

/** The JSON files (`*.json`) of the history folder, each read as a report or with the reason it cannot be one. */
export async function loadHistoryFiles(dir: string): Promise<HistoryFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    throw new HaAuditError('usage', `cannot read --history ${dir}: ${unreadableReason(error)}`, undefined, { cause: error });
  }
  const { trendReport } = await import('../report/history.js');
  const files: HistoryFile[] = [];
  for (const file of names) {
    let text: string;
    try {
      text = await readText(join(dir, file));
    } catch (error) {
      files.push({ file, unreadable: `cannot be read (${unreadableReason(error)})` });
      continue;
    }
    const report = historyReport(text);
    // Cut to what the trend reads at once: the whole report goes with the next file's.
    files.push(typeof report === 'string' ? { file, unreadable: report } : { file, report: trendReport(report) });
  }
  return files;
}

/** Looked for in the working directory when `--config` is not given. */
export const CONFIG_FILE = '.ha-audit.yml';

/**
 * The configuration of a scan: `--config FILE` (which must exist), else `.ha-audit.yml` in the
 * working directory if there is one; `--no-config` (false) ignores both.
 */
export async function loadConfig(option: string | false | undefined, rules: readonly Rule[], cwd = process.cwd()): Promise<Config | undefined> {
  if (option === false) return undefined;
  const file = option ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readText(resolve(cwd, file));
  } catch (error) {
    // No configuration file in the working directory is the common case, not an error.
    if (option === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HaAuditError('config-unreadable', `cannot read configuration ${file}: ${unreadableReason(error)}`, 'see docs/configuration.md', { cause: error });
  }
  // The YAML parser is loaded only when there is a file to parse.
  const { parseConfig } = await import('../config/config-schema.js');
  return parseConfig(text, file, rules);
}

/** V8's longest string (about 512 MiB on 64-bit): a larger file cannot be read as one. */
const MAX_TEXT_LENGTH = constants.MAX_STRING_LENGTH;

/**
 * Reads a file the user named, without its byte-order mark (editors on Windows add one);
 * failing, one `HaAuditError` naming what the file was for: `cannot read baseline prev.json:
 * no such file`.
 */
async function readInputFile(file: string, what: string, code: ErrorCode, hint?: string, tooLargeHint = 'split it: scan fewer accounts or regions at a time'): Promise<string> {
  try {
    return await readText(file);
  } catch (error) {
    const tooLarge = isTooLarge(error);
    throw new HaAuditError(code, `cannot read ${what} ${file}: ${unreadableReason(error)}`, tooLarge ? tooLargeHint : hint, { cause: error });
  }
}

/**
 * The text of a file, without its byte-order mark (editors on Windows add one). A file larger
 * than the longest string fails before it is read (`ETOOLARGE`, with its size).
 */
async function readText(path: string): Promise<string> {
  // A UTF-8 file has at least as many bytes as characters: larger than the limit, it cannot fit.
  const { size } = await stat(path);
  if (size > MAX_TEXT_LENGTH) throw Object.assign(new Error('file too large'), { code: 'ETOOLARGE', size });
  const text = await readFile(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Too large to be one string: by its size, or (a pipe has none to check beforehand) as Node found reading it. */
function isTooLarge(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ETOOLARGE' || code === 'ERR_STRING_TOO_LONG';
}

/** Why a file could not be read, in words: `no such file`, `it is a directory`... */
function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (isTooLarge(error)) {
    const size = (error as { size?: number }).size;
    return `${size === undefined ? 'it is' : `${size.toLocaleString('en-US')} bytes is`} more than the ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters one file can hold here`;
  }
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return String(code ?? error);
}
