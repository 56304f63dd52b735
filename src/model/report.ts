import type { Gap, SkippedAccount } from './inventory.js';
import type { Resilience } from './resilience.js';
import type { ResourceRef, Result } from './result.js';
import type { Severity } from './severity.js';
import type { BestPractice } from './well-architected.js';

/** Bumped whenever a field of the JSON report is renamed or removed (never for an addition). */
export const REPORT_SCHEMA_VERSION = 1;

/** A suppression of the configuration that the report warns about: expired, or unused. */
export interface SuppressionNotice {
  /** Where it is written: `.ha-audit.yml:20`. */
  source: string;
  rule: string;
  resource?: string;
  /** `key=value`, as written. */
  tag?: string;
  reason: string;
  expires?: string;
  /** Expired ones: the failing results it would still match, which fail again. */
  matches?: number;
}

/** A result that failed in the baseline and that this scan saw pass, or saw its resource gone. */
export interface ResolvedFinding {
  ruleId: string;
  severity: Severity;
  title: string;
  /** The baseline's message: what was wrong. */
  message: string;
  resource: ResourceRef;
}

export interface BaselineSummary {
  /** The baseline report, as given to `--baseline`. */
  file: string;
  /** Failing (or suppressed) results that did not fail in the baseline. */
  new: number;
  /** Failing (or suppressed) results that already failed in the baseline. */
  existing: number;
  resolved: ResolvedFinding[];
}

/**
 * What the report says about each rule of the scan, so that any format renders from the report
 * alone (`ha-audit report`), without the rules' code of the version that wrote it.
 */
export interface RuleInfo {
  id: string;
  title: string;
  service: string;
  /** As the scan ran it: the configuration may override the rule's own. */
  severity: Severity;
  rationale: string;
  remediation: { summary: string; docs: string };
  /** The Well-Architected Reliability best practices it gives evidence for. */
  wellArchitected: BestPractice[];
}

/** What the SARIF and JUnit reports need of a rule: a rule of the code, or a rule the report describes. */
export type RuleDescription = Pick<RuleInfo, 'id' | 'title' | 'service' | 'severity' | 'rationale' | 'remediation'>;

/**
 * A gate's verdict: the options it ran with and the exit code it gave. The report records the
 * scan's (`scan.gate`); `ha-audit report` shows it and never gates again.
 */
export interface GateVerdict {
  failOn: Severity | 'none';
  exitCode: number;
  /** `--fail-on-new-only`: only new failing results count. */
  failOnNewOnly?: boolean;
}

/** The report every output format renders; as JSON it is the contract of ARCHITECTURE.md. */
export interface ScanReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  scan: {
    startedAt: string;
    finishedAt: string;
    source: 'live' | 'inventory';
    accounts: string[];
    /** Account id to its name (organisation name or alias), for the accounts of `accounts` that have one. */
    accountNames?: Record<string, string>;
    /** `--org`: the organisation's accounts not scanned because they are not `ACTIVE`, with their state. */
    skippedAccounts?: SkippedAccount[];
    regions: string[];
    /** False when something could not be collected or a rule crashed: the exit code is then 3. */
    complete: boolean;
    gaps: Gap[];
    /** The configuration file applied (`.ha-audit.yml` or `--config`), when there was one. */
    config?: string;
    /** With `--baseline`: how this scan compares with the earlier report. */
    baseline?: BaselineSummary;
    /** When the configuration has suppressions: those the report warns about. */
    suppressions?: { expired: SuppressionNotice[]; unused: SuppressionNotice[] };
    /** The gate's verdict: the options it ran with and the exit code it gave. */
    gate?: Required<GateVerdict>;
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
  /** The resilience model (RESILIENCE.md): computed when an `app-*` rule runs, for the HTML and Markdown reports, and for `what-if`. */
  resilience?: Resilience;
  /** Every rule of the scan, with or without a result (absent in reports written before it existed). */
  rules?: RuleInfo[];
}
