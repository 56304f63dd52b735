import type { ScanReport } from '../model/report.js';
import { prettyJsonPieces } from '../json-pieces.js';
import { remediationCommands } from '../engine/shell.js';
import type { Remediation, Result } from '../model/result.js';

/** Where the report grows with the organisation: these arrays are written an item at a time. */
const LONG_ARRAYS = ['findings', 'resilience.entryPoints', 'resilience.outcomes', 'resilience.dataStores', 'resilience.applications'];

/**
 * The JSON report: the contract of ARCHITECTURE.md, described by schema/report.schema.json.
 * Exactly `JSON.stringify(report, null, 2)` with each fix's command lines (rendered from its
 * steps: memory holds only those), but in pieces, one finding (or entry point, or
 * scenario outcome) each: the report of a large organisation (hundreds of thousands of findings,
 * as many outcomes) is longer than the longest string V8 can hold.
 */
export function* renderJsonChunks(report: ScanReport): Generator<string> {
  yield* prettyJsonPieces(report, LONG_ARRAYS, (path, item) => (path === 'findings' ? findingForJson(item as Result) : item));
  yield '\n';
}

/** A finding as the contract has it: its fix with the command lines, which memory does not hold. */
function findingForJson(finding: Result): Result {
  return finding.remediation ? { ...finding, remediation: remediationForJson(finding.remediation) } : finding;
}

/** The command lines after the summary, where the contract always had them. */
function remediationForJson(remediation: Remediation): Remediation {
  const { summary, commands: _written, ...rest } = remediation;
  return { summary, commands: remediationCommands(remediation), ...rest };
}

/** The whole JSON report as one string (small reports, tests). */
export function renderJson(report: ScanReport): string {
  return [...renderJsonChunks(report)].join('');
}
