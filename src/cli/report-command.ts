import { exitCodeFor } from '../engine/summary.js';
import type { RuleInfo, ScanReport } from '../model/report.js';
import { assertHistoryFormat, type ReportFormat } from '../report/formats.js';
import { buildHistory } from '../report/history.js';
import { renderReport } from '../report/render.js';
import { assertHistoryDir, assertWritable, batched, loadHistoryFiles, loadReport, writeFileAtomically } from './files.js';
import { colorWanted, type ScanIo } from './scan-command.js';

export interface ReportOptions {
  format: ReportFormat;
  output?: string;
  history?: string;
}

/**
 * `ha-audit report REPORT.json`: any format from a saved JSON report, without calling AWS. It
 * shows the verdict of the scan that wrote the report and never gates again: exit 0, or 2 for a
 * file that is not a report.
 */
export async function rerender(file: string, options: ReportOptions, io: ScanIo): Promise<number> {
  if (options.history !== undefined) {
    assertHistoryFormat(options.format);
    await assertHistoryDir(options.history);
  }
  if (options.output) await assertWritable(options.output, '--output');
  const report = await loadReport(file);
  if (!report.rules) report.rules = await rulesFromCatalogue(report);
  const gate = report.scan.gate ?? { failOn: 'low', exitCode: exitCodeFor(report.findings, 'low', report.scan.complete), failOnNewOnly: false };
  const color = !options.output && colorWanted(io.stdout.isTTY === true, io.env);
  const history = options.history !== undefined ? buildHistory(options.history, report, await loadHistoryFiles(options.history)) : undefined;
  const output = await renderReport(report, options.format, { text: { color, ...gate }, ...(history ? { history } : {}) });
  if (options.output) await writeFileAtomically(options.output, output);
  else for (const piece of typeof output === 'string' ? [output] : batched(output)) io.stdout.write(piece);
  return 0;
}

/**
 * A report written before reports described their rules: the rules this version knows stand in
 * for those it names, and a rule it does not know is described by its findings.
 */
async function rulesFromCatalogue(report: ScanReport): Promise<RuleInfo[]> {
  const [{ rules }, { ruleInfo }] = await Promise.all([import('../../rules/index.js'), import('../engine/scan-report.js')]);
  const known = new Map(rules.map((rule) => [rule.id, rule]));
  const described = new Map<string, RuleInfo>();
  for (const finding of report.findings) {
    if (described.has(finding.ruleId)) continue;
    const rule = known.get(finding.ruleId);
    described.set(
      finding.ruleId,
      rule
        ? { ...ruleInfo(rule), severity: finding.severity }
        : {
            id: finding.ruleId,
            title: finding.title,
            service: finding.resource.type.split(':')[0] ?? 'unknown',
            severity: finding.severity,
            rationale: '',
            remediation: { summary: finding.remediation?.summary ?? '', docs: finding.remediation?.docs ?? 'https://docs.aws.amazon.com/' },
            wellArchitected: [],
          },
    );
  }
  return [...described.values()];
}
