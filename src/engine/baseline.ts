import { HaAuditError } from '../model/errors.js';
import { GLOBAL_REGION } from '../model/inventory.js';
import { REPORT_SCHEMA_VERSION, type ResolvedFinding } from '../model/report.js';
import type { ResourceRef, Result } from '../model/result.js';
import { isSeverity, type Severity } from '../model/severity.js';
import { StringPool } from '../model/string-pool.js';

/** A finding of the baseline report, as far as the comparison reads it. */
export interface BaselineFinding {
  ruleId: string;
  status: string;
  severity: Severity;
  title: string;
  message: string;
  resource: ResourceRef;
}

export interface Baseline {
  file: string;
  /** Its failing and suppressed findings only: nothing else of a baseline is compared. */
  findings: BaselineFinding[];
}

/** What this scan covered: a baseline failure outside it is not known to be resolved. */
export interface Coverage {
  rules: ReadonlySet<string>;
  accounts: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

export interface BaselineComparison {
  /** The results, failing and suppressed ones marked `new` or `existing`. */
  results: Result[];
  new: number;
  existing: number;
  resolved: ResolvedFinding[];
}

/**
 * Compares a scan with a baseline report. Results match on account, rule id and resource id, never
 * on position or message text. A suppressed result counts as failing on both sides: accepting a
 * risk does not make it new when the suppression ends. A baseline failure is resolved when this
 * scan evaluated its rule in its account and region without error and it does not fail: it
 * passes now, or the resource is gone (deleted since).
 */
export function compareWithBaseline(results: readonly Result[], baseline: Baseline, coverage: Coverage): BaselineComparison {
  const failedBefore = new Set(baseline.findings.filter(isFailing).map(matchKey));
  let newCount = 0;
  const marked = results.map((result) => {
    if (!isFailing(result)) return result;
    const state = failedBefore.has(matchKey(result)) ? ('existing' as const) : ('new' as const);
    if (state === 'new') newCount += 1;
    return { ...result, baseline: state };
  });

  const failingNow = new Set(results.filter(isFailing).map(matchKey));
  const notEvaluated = new Set(results.filter((r) => r.status === 'error').map(scopeKey));
  const covered = (finding: BaselineFinding) =>
    coverage.rules.has(finding.ruleId) &&
    coverage.accounts.has(finding.resource.accountId) &&
    (finding.resource.region === GLOBAL_REGION || coverage.regions.has(finding.resource.region)) &&
    !notEvaluated.has(scopeKey(finding));
  const seen = new Set<string>();
  const resolved: ResolvedFinding[] = [];
  for (const finding of baseline.findings) {
    const key = matchKey(finding);
    if (!isFailing(finding) || failingNow.has(key) || seen.has(key) || !covered(finding)) continue;
    seen.add(key);
    const { ruleId, severity, title, message, resource } = finding;
    resolved.push({ ruleId, severity, title, message, resource });
  }
  return { results: marked, new: newCount, existing: results.filter(isFailing).length - newCount, resolved };
}

function isFailing(result: { status: string }): boolean {
  return result.status === 'fail' || result.status === 'suppressed';
}

function matchKey(result: { ruleId: string; resource: { accountId: string; id: string } }): string {
  return `${result.resource.accountId}\n${result.ruleId}\n${result.resource.id}`;
}

/** Where a rule was (or was not) evaluated: account-level rules sit in the `global` region. */
function scopeKey(result: { ruleId: string; resource: { accountId: string; region: string } }): string {
  return `${result.resource.accountId}\n${result.ruleId}\n${result.resource.region}`;
}

export const HOW_TO_MAKE_A_BASELINE = 'pass the JSON report of an earlier scan (`ha-audit scan --format json --output previous.json`)';

/** A JSON report of an earlier scan, checked for what the comparison reads. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HaAuditError('baseline-invalid', `baseline ${file} is not valid JSON: ${(error as Error).message}`, HOW_TO_MAKE_A_BASELINE, { cause: error });
  }
  if (!isRecord(data)) throw invalid(file, 'it is not a JSON report (not an object)');
  checkTop(data, file, true);
  if (!('findings' in data)) throw invalid(file, NOT_A_REPORT);
  if (!Array.isArray(data.findings)) throw invalid(file, 'findings is not a list');
  const findings: BaselineFinding[] = [];
  const pool = new StringPool();
  data.findings.forEach((finding: unknown, index) => keepFailing(findings, checkFinding(finding, `findings[${index}]`, file, pool)));
  return { file, findings };
}

/**
 * A baseline too large to be one string (an organisation's JSON report is gigabytes: V8's longest
 * string is 512 MiB), read as it streams in, a finding at a time, with the same checks and
 * messages but one: `findings` empty, or neither a list nor an object, is "not an ha-audit JSON
 * report" here (the stream hands over only the items of `findings`; in a file this large there are some).
 */
export async function parseBaselineStream(chunks: AsyncIterable<Uint8Array>, file: string): Promise<Baseline> {
  const { JSONParser } = await import('@streamparser/json');
  // Without `keepStack`, a finding is let go once handed over: the findings are never held whole.
  const parser = new JSONParser({ paths: ['$.schemaVersion', '$.format', '$.findings.*'], keepStack: false });
  const top: Record<string, unknown> = {};
  const findings: BaselineFinding[] = [];
  const pool = new StringPool();
  let count = 0;
  let failure: unknown;
  parser.onValue = ({ value, key }) => {
    if (failure !== undefined) return;
    try {
      if (typeof key === 'number') keepFailing(findings, checkFinding(value, `findings[${count++}]`, file, pool));
      else if (key === 'schemaVersion' || key === 'format') {
        top[key] = value;
        checkTop(top, file, false);
      } else throw invalid(file, 'findings is not a list'); // a member of an object `findings`
    } catch (error) {
      failure = error;
    }
  };
  parser.onError = (error) => (failure ??= new HaAuditError('baseline-invalid', `baseline ${file} is not valid JSON: ${error.message}`, HOW_TO_MAKE_A_BASELINE, { cause: error }));
  let firstChunk = true;
  let opened = false;
  for await (const chunk of chunks) {
    // A byte-order mark first (editors on Windows add one), then the report's `{`.
    const bytes = firstChunk && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
    firstChunk = false;
    if (!opened) {
      const first = bytes.findIndex((byte) => !JSON_BLANKS.has(byte));
      if (first >= 0 && bytes[first] !== 0x7b) throw invalid(file, 'it is not a JSON report (not an object)');
      opened = first >= 0;
    }
    parser.write(bytes);
    if (failure !== undefined) throw failure;
  }
  if (!parser.isEnded) parser.end();
  if (failure !== undefined) throw failure;
  checkTop(top, file, true);
  if (count === 0) throw invalid(file, NOT_A_REPORT);
  return { file, findings };
}

/** Space, tab, line feed and carriage return: what JSON allows before a value. */
const JSON_BLANKS: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0d]);

const NOT_A_REPORT = 'it is not an ha-audit JSON report (no schemaVersion or findings)';

/**
 * The members of a report's top that say what it is; `whole` once every one was read (a stream
 * checks each as it comes, and a report's `schemaVersion` comes first).
 */
function checkTop(data: Record<string, unknown>, file: string, whole: boolean): void {
  if (data.format === 'ha-audit-inventory') throw invalid(file, 'it is an ha-audit inventory, not a report');
  if (whole && !('schemaVersion' in data)) throw invalid(file, NOT_A_REPORT);
  if ('schemaVersion' in data && data.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new HaAuditError(
      'baseline-invalid',
      `baseline ${file} has report schemaVersion ${JSON.stringify(data.schemaVersion)}; this ha-audit reads version ${REPORT_SCHEMA_VERSION}`,
      'scan again with this version of ha-audit to make a new baseline',
    );
  }
}

/** Only failing and suppressed findings are kept: nothing else of a baseline is compared. */
function keepFailing(findings: BaselineFinding[], finding: BaselineFinding): void {
  if (isFailing(finding)) findings.push(finding);
}

/**
 * A finding checked and cut to what the comparison reads. The values repeated by every finding
 * (rule, status, type, region, account) are pooled: an organisation's baseline keeps 100,000
 * failing findings through the whole evaluation, and each had its own copies.
 */
function checkFinding(value: unknown, path: string, file: string, pool: StringPool): BaselineFinding {
  if (!isRecord(value)) throw invalid(file, `${path} is not an object`);
  for (const key of ['ruleId', 'status', 'title', 'message'] as const) {
    if (typeof value[key] !== 'string') throw invalid(file, `${path}.${key} is not a string`);
  }
  if (typeof value.severity !== 'string' || !isSeverity(value.severity)) throw invalid(file, `${path}.severity is not a severity`);
  const resource = value.resource;
  if (!isRecord(resource)) throw invalid(file, `${path}.resource is not an object`);
  for (const key of ['type', 'id', 'region', 'accountId'] as const) {
    if (typeof resource[key] !== 'string') throw invalid(file, `${path}.resource.${key} is not a string`);
  }
  const id = resource.id as string;
  const ref: ResourceRef = { type: pool.pooled(resource.type as string), id, region: pool.pooled(resource.region as string), accountId: pool.pooled(resource.accountId as string) };
  if (typeof resource.arn === 'string') ref.arn = resource.arn === id ? id : resource.arn;
  if (typeof resource.name === 'string') ref.name = resource.name;
  return {
    ruleId: pool.pooled(value.ruleId as string),
    status: pool.pooled(value.status as string),
    severity: pool.pooled(value.severity) as Severity,
    title: pool.pooled(value.title as string),
    message: value.message as string,
    resource: ref,
  };
}

function invalid(file: string, detail: string): HaAuditError {
  return new HaAuditError('baseline-invalid', `baseline ${file} is invalid: ${detail}`, HOW_TO_MAKE_A_BASELINE);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
