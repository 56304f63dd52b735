import type { Gap } from './inventory.js';
import type { Result } from './result.js';
import type { Severity } from './severity.js';

/** Bumped whenever a field of the JSON report is renamed or removed (never for an addition). */
export const REPORT_SCHEMA_VERSION = 1;

/** The report every output format renders; as JSON it is the contract of ARCHITECTURE.md. */
export interface ScanReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  scan: {
    startedAt: string;
    finishedAt: string;
    source: 'live' | 'inventory';
    accounts: string[];
    regions: string[];
    /** False when something could not be collected or a rule crashed: the exit code is then 3. */
    complete: boolean;
    gaps: Gap[];
  };
  summary: {
    pass: number;
    fail: number;
    error: number;
    suppressed: number;
    /** Failing results per severity. */
    bySeverity: Record<Severity, number>;
  };
  findings: Result[];
}
