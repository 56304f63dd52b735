import { rules } from '../../rules/index.js';
import type { Rule } from '../../src/engine/define-rule.js';
import { buildReport } from '../../src/engine/scan-report.js';
import { emptyRegionInventory, emptyRoute53Inventory, type Gap, type Inventory } from '../../src/model/inventory.js';
import type { ScanReport } from '../../src/model/report.js';
import type { Result } from '../../src/model/result.js';

/** Reports built by hand for the report-format tests: one account, one region, fixed times. */
export const REPORT_ACCOUNT = '111122223333';
export const REPORT_STARTED = new Date('2026-11-20T09:00:00.000Z');

export const ruleById = (id: string): Rule => rules.find((r) => r.id === id)!;

/** A result of a real rule (for its metadata), about a target group named `name`. */
export function ruleResult(ruleId: string, status: Result['status'], name: string, overrides: Partial<Result> = {}): Result {
  const rule = ruleById(ruleId);
  const arn = `arn:aws:elasticloadbalancing:us-east-1:${REPORT_ACCOUNT}:targetgroup/${name}/0123456789abcdef`;
  const r: Result = {
    ruleId,
    status,
    severity: rule.severity,
    title: rule.title,
    messageId: status === 'error' ? 'dataMissing' : 'm',
    message: `${name} is ${status}`,
    resource: { type: 'elbv2:target-group', id: arn, arn, name, region: 'us-east-1', accountId: REPORT_ACCOUNT },
  };
  if (status === 'fail' || status === 'suppressed') {
    r.remediation = { summary: rule.remediation.summary, commands: [`aws elbv2 fix --name ${name}`], docs: rule.remediation.docs };
  }
  return { ...r, ...overrides };
}

/** The report of these results and gaps, started at `REPORT_STARTED`, finished at `finishedAt`. */
export function reportOf(results: Result[], gaps: Gap[], finishedAt: Date): ScanReport {
  const inventory: Inventory = {
    format: 'ha-audit-inventory',
    formatVersion: 1,
    collectedAt: REPORT_STARTED.toISOString(),
    accounts: [{ accountId: REPORT_ACCOUNT, route53: emptyRoute53Inventory(), regions: [emptyRegionInventory('us-east-1')] }],
    gaps,
  };
  return buildReport({ inventory, results, rules, source: 'inventory', startedAt: REPORT_STARTED, finishedAt });
}
