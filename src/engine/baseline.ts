import { HaAuditError } from '../model/errors.js';
import { GLOBAL_REGION } from '../model/inventory.js';
import { REPORT_SCHEMA_VERSION, type ResolvedFinding } from '../model/report.js';
import type { ResourceRef, Result } from '../model/result.js';
import { isSeverity, type Severity } from '../model/severity.js';

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
  if (data.format === 'ha-audit-inventory') throw invalid(file, 'it is an ha-audit inventory, not a report');
  if (!('schemaVersion' in data) || !('findings' in data)) throw invalid(file, 'it is not an ha-audit JSON report (no schemaVersion or findings)');
  if (data.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new HaAuditError(
      'baseline-invalid',
      `baseline ${file} has report schemaVersion ${JSON.stringify(data.schemaVersion)}; this ha-audit reads version ${REPORT_SCHEMA_VERSION}`,
      'scan again with this version of ha-audit to make a new baseline',
    );
  }
  if (!Array.isArray(data.findings)) throw invalid(file, 'findings is not a list');
  return { file, findings: data.findings.map((finding: unknown, index) => checkFinding(finding, `findings[${index}]`, file)) };
}

function checkFinding(value: unknown, path: string, file: string): BaselineFinding {
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
  const ref: ResourceRef = { type: resource.type as string, id: resource.id as string, region: resource.region as string, accountId: resource.accountId as string };
  if (typeof resource.arn === 'string') ref.arn = resource.arn;
  if (typeof resource.name === 'string') ref.name = resource.name;
  return {
    ruleId: value.ruleId as string,
    status: value.status as string,
    severity: value.severity,
    title: value.title as string,
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
