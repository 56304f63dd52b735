import { Chalk, type ChalkInstance } from 'chalk';
import type { ScanReport } from '../model/report.js';
import type { Result } from '../model/result.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import type { FailOn } from '../engine/summary.js';
import { groupBy, sortBy } from '../collections.js';

export interface TextOptions {
  color: boolean;
  failOn: FailOn;
  exitCode: number;
}

const SEVERITY_STYLE: Record<Severity, (c: ChalkInstance) => ChalkInstance> = {
  critical: (c) => c.bgRed.white.bold,
  high: (c) => c.red.bold,
  medium: (c) => c.yellow.bold,
  low: (c) => c.blue.bold,
  info: (c) => c.gray.bold,
};

/**
 * The terminal report: failing results grouped by severity, then rule, each with its message
 * and the commands that fix it; passing rules in one line each; what could not be evaluated;
 * a summary line with the gate's verdict.
 */
export function renderText(report: ScanReport, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const multiAccount = report.scan.accounts.length > 1;
  const lines: string[] = [header(report, c), ''];

  const failing = report.findings.filter((r) => r.status === 'fail');
  const passing = report.findings.filter((r) => r.status === 'pass');
  const errors = report.findings.filter((r) => r.status === 'error');

  for (const severity of SEVERITIES) {
    const ofSeverity = failing.filter((r) => r.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push(SEVERITY_STYLE[severity](c)(` ${severity.toUpperCase()} `) + c.dim(` ${ofSeverity.length} failing`));
    for (const [ruleId, results] of groupBy(sortBy(ofSeverity, (r) => r.ruleId), (r) => r.ruleId)) {
      const passed = passing.filter((r) => r.ruleId === ruleId).length;
      lines.push(`  ${c.bold(ruleId)}  ${results[0]!.title}` + c.dim(`  (${results.length} failed, ${passed} passed)`));
      lines.push(c.dim(`    Fix: ${results[0]!.remediation?.summary ?? ''}`));
      for (const result of sortByResource(results)) lines.push(...failure(result, c, multiAccount));
      if (results[0]!.remediation?.docs) lines.push(c.dim(`    Docs: ${results[0]!.remediation.docs}`));
      lines.push('');
    }
  }

  const failingRules = new Set(failing.map((r) => r.ruleId));
  const passedRules = groupBy(
    sortBy(
      passing.filter((r) => !failingRules.has(r.ruleId)),
      (r) => r.ruleId,
    ),
    (r) => r.ruleId,
  );
  if (passedRules.size > 0) {
    lines.push(c.green.bold(' PASSED '));
    for (const [ruleId, results] of passedRules) {
      lines.push(`  ${c.green('✓')} ${ruleId.padEnd(26)} ${results[0]!.title}` + c.dim(`  (${results.length} passed)`));
    }
    lines.push('');
  }

  if (errors.length > 0) {
    lines.push(c.magenta.bold(' NOT EVALUATED ') + c.dim(' these results are unknown, not passed'));
    for (const result of errors) {
      lines.push(`  ${c.magenta('?')} ${c.bold(result.ruleId)} ${c.dim(`[${where(result, multiAccount)}]`)} ${result.message}`);
      if (result.remediation?.summary) lines.push(c.dim(`      ${result.remediation.summary}`));
    }
    lines.push('');
  }

  if (report.findings.length === 0) lines.push(c.dim('No resource in scope: no load balancer, target group or Auto Scaling group was found.'), '');
  lines.push(summaryLine(report, options, c));
  return lines.join('\n') + '\n';
}

function header(report: ScanReport, c: ChalkInstance): string {
  const { scan, tool } = report;
  const accounts = scan.accounts.length === 1 ? `account ${scan.accounts[0]}` : `${scan.accounts.length} accounts`;
  const regions = scan.regions.length > 0 ? scan.regions.join(', ') : 'no region';
  const source = scan.source === 'live' ? 'live scan' : 'saved inventory';
  return c.bold(`${tool.name} ${tool.version}`) + c.dim(` · ${accounts} · ${regions} · ${source}`);
}

function failure(result: Result, c: ChalkInstance, multiAccount: boolean): string[] {
  const name = result.resource.name ?? result.resource.id;
  const lines = [`    ${c.red('✗')} ${c.bold(name)} ${c.dim(`[${where(result, multiAccount)}]`)}`, `      ${result.message}`];
  for (const command of result.remediation?.commands ?? []) lines.push(`      ${c.cyan('$ ' + command)}`);
  const candidates = result.evidence?.candidateSubnets;
  if (Array.isArray(candidates) && candidates.length > 0) lines.push(c.dim(`      Subnets in other zones: ${candidates.join(', ')}`));
  return lines;
}

function where(result: Result, multiAccount: boolean): string {
  return multiAccount ? `${result.resource.accountId} ${result.resource.region}` : result.resource.region;
}

function summaryLine(report: ScanReport, options: TextOptions, c: ChalkInstance): string {
  const { summary } = report;
  const bySeverity = SEVERITIES.filter((s) => summary.bySeverity[s] > 0)
    .map((s) => `${summary.bySeverity[s]} ${s}`)
    .join(', ');
  const parts = [
    summary.fail > 0 ? c.red(`${summary.fail} failed`) + (bySeverity ? ` (${bySeverity})` : '') : c.green('0 failed'),
    c.green(`${summary.pass} passed`),
    summary.error > 0 ? c.magenta(`${summary.error} not evaluated`) : '0 not evaluated',
  ];
  const verdict =
    options.exitCode === 3
      ? c.magenta('incomplete audit: exit 3')
      : options.exitCode === 1
        ? c.red(`fails the gate (--fail-on ${options.failOn}): exit 1`)
        : c.green(`passes the gate (--fail-on ${options.failOn}): exit 0`);
  return `${c.bold('Summary:')} ${parts.join(' · ')} · ${verdict}`;
}

function sortByResource(results: Result[]): Result[] {
  return sortBy(results, (r) => `${r.resource.accountId}/${r.resource.region}/${r.resource.name ?? r.resource.id}`);
}
