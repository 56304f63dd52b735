import type { ScanReport } from '../model/report.js';

/** The JSON report: the contract of ARCHITECTURE.md, described by schema/report.schema.json. */
export function renderJson(report: ScanReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
