import { exitCodeFor } from '../engine/summary.js';
import type { RuleInfo, ScanReport } from '../model/report.js';
import { assertHistoryFormat, type ReportFormat } from '../report/formats.js';
import { buildHistory } from '../report/history.js';
import { renderReport } from '../report/render.js';
import { assertHistoryDir, loadHistoryFiles, loadReport } from './files.js';
import { assertSeparateFiles, resolveOutput, writeOutput } from './outputs.js';
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
  // Without --output, the report goes to standard output; never over the report it reads.
  const reportTo = await resolveOutput(options.output ?? '-', '--output');
  await assertSeparateFiles([reportTo], [{ option: 'the report read', path: file }]);
  const report = await loadReport(file);
  if (!report.rules) report.rules = await rulesFromCatalogue(report);
  const gate = report.scan.gate ?? { failOn: 'low', exitCode: exitCodeFor(report.findings, 'low', report.scan.complete), failOnNewOnly: false };
  const color = reportTo.kind === 'stdout' && colorWanted(io.stdout.isTTY === true, io.env);
  const history = options.history !== undefined ? buildHistory(options.history, report, await loadHistoryFiles(options.history)) : undefined;
  const output = await renderReport(report, options.format, { text: { color, ...gate }, ...(history ? { history } : {}) });
  await writeOutput(reportTo, output, io.stdout);
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
