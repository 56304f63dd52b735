import type { ScanReport } from '../model/report.js';

const FINDINGS_PLACEHOLDER = '\u0000findings\u0000';

/**
 * The JSON report: the contract of ARCHITECTURE.md, described by schema/report.schema.json.
 * Exactly `JSON.stringify(report, null, 2)`, but in pieces, one finding each: the report of a
 * large organisation (hundreds of thousands of findings) is longer than the longest string V8
 * can hold, so it is written piece by piece, never joined.
 */
export function* renderJsonChunks(report: ScanReport): Generator<string> {
  const frame = JSON.stringify({ ...report, findings: FINDINGS_PLACEHOLDER }, null, 2);
  const [before, after] = frame.split(JSON.stringify(FINDINGS_PLACEHOLDER)) as [string, string];
  if (report.findings.length === 0) {
    yield `${before}[]${after}\n`;
    return;
  }
  yield `${before}[`;
  let first = true;
  for (const finding of report.findings) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(finding, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield `\n  ]${after}\n`;
}

/** The whole JSON report as one string (small reports, tests). */
export function renderJson(report: ScanReport): string {
  return [...renderJsonChunks(report)].join('');
}
