import type { Inventory } from '../model/inventory.js';
import { REPORT_SCHEMA_VERSION, type RuleInfo, type ScanReport } from '../model/report.js';
import { bestPractice } from '../model/well-architected.js';
import type { Rule } from './define-rule.js';
import type { Result } from '../model/result.js';
import { TOOL_NAME, toolVersion } from '../package-info.js';
import { summarize } from './summary.js';

type Scan = ScanReport['scan'];

/** Of the inventory, what the report says of the scan: its accounts (names, regions), the accounts skipped, the gaps. */
export interface InventoryScope {
  accounts: { accountId: string; name?: string; regions: { region: string }[] }[];
  skippedAccounts?: Inventory['skippedAccounts'];
  gaps: Inventory['gaps'];
}

export interface ScanFacts {
  /** The inventory, or as much of it as the report reads (`InventoryScope`). */
  inventory: InventoryScope;
  results: Result[];
  /** The rules that ran, described in the report. */
  rules: readonly Rule[];
  source: Scan['source'];
  startedAt: Date;
  finishedAt: Date;
  /** The configuration file applied, when there was one. */
  config?: string;
  baseline?: Scan['baseline'];
  suppressions?: Scan['suppressions'];
}

/** The report of a scan: what was scanned, how completely, and every result. */
export function buildReport({ inventory, results, rules, source, startedAt, finishedAt, config, baseline, suppressions }: ScanFacts): ScanReport {
  const regions = [...new Set(inventory.accounts.flatMap((a) => a.regions.map((r) => r.region)))].sort();
  const named = inventory.accounts.filter((a) => a.name !== undefined);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion() },
    scan: {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      source,
      accounts: inventory.accounts.map((a) => a.accountId),
      ...(named.length > 0 ? { accountNames: Object.fromEntries(named.map((a) => [a.accountId, a.name!])) } : {}),
      ...(inventory.skippedAccounts ? { skippedAccounts: inventory.skippedAccounts } : {}),
      regions,
      complete: inventory.gaps.length === 0 && !results.some((r) => r.status === 'error'),
      gaps: inventory.gaps,
      ...(config !== undefined ? { config } : {}),
      ...(baseline ? { baseline } : {}),
      ...(suppressions ? { suppressions } : {}),
    },
    summary: summarize(results),
    findings: results,
    rules: rules.map(ruleInfo),
  };
}

/** A rule as the report describes it. */
export function ruleInfo(rule: Rule): RuleInfo {
  return {
    id: rule.id,
    title: rule.title,
    service: rule.service,
    severity: rule.severity,
    rationale: rule.rationale,
    remediation: { summary: rule.remediation.summary, docs: rule.remediation.docs },
    wellArchitected: (rule.wellArchitected ?? []).map(bestPractice),
  };
}
