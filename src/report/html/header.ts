import type { ScanReport } from '../../model/report.js';
import { countOf } from '../../engine/plural.js';
import { when } from '../overview.js';
import { h } from './escape.js';
import { accountRows, accountsHeadline } from '../accounts.js';

/** One account: its id and name; several: how many, and a link to the table of every one. */
function accountsCell(report: ScanReport): string {
  const rows = accountRows(report);
  if (rows.length === 0) return 'none';
  if (rows.length > 1) return `${h(accountsHeadline(report))}: see <a href="#accounts">Accounts</a>`;
  const [only] = rows;
  return `<span class="mono">${h(only!.accountId)}</span>${only!.name !== undefined ? ` ${h(only!.name)}` : ''}`;
}

/** Who and what was scanned, when, from what, and whether everything could be seen. */
export function headerSection(report: ScanReport): string {
  const { scan, tool } = report;
  const incomplete = [
    scan.gaps.length > 0 ? countOf(scan.gaps.length, 'call') + ' could not be made' : '',
    report.summary.error > 0 ? countOf(report.summary.error, 'result') + ' not evaluated' : '',
  ].filter(Boolean);
  const completeness = scan.complete
    ? '<span class="badge b-ok">complete</span> every call succeeded and every rule ran'
    : `<span class="badge b-unk">incomplete</span> ${h(incomplete.join(', ') || 'some data could not be collected')}: see <a href="#not-evaluated">Not evaluated</a>`;
  const gate = scan.gate;
  const rows: [string, string][] = [
    [scan.accounts.length === 1 ? 'Account' : 'Accounts', accountsCell(report)],
    [scan.regions.length === 1 ? 'Region' : `Regions (${scan.regions.length})`, h(scan.regions.join(', ') || 'none')],
    ['When', `${h(when(scan.startedAt))} to ${h(when(scan.finishedAt))}`],
    ['Source', scan.source === 'live' ? 'live scan of the AWS APIs' : 'saved inventory (no AWS call)'],
    ['Completeness', completeness],
  ];
  if (scan.config) rows.push(['Configuration', `<span class="mono">${h(scan.config)}</span>`]);
  if (gate) rows.push(['Gate', `--fail-on ${h(gate.failOn)}${gate.failOnNewOnly ? ', new only' : ''}: exit ${h(gate.exitCode)} (${gate.exitCode === 0 ? 'passed' : gate.exitCode === 1 ? 'failed' : 'incomplete audit'})`]);
  rows.push(['Tool', `${h(tool.name)} ${h(tool.version)}`]);
  return [
    '<header>',
    '<h1>High-availability audit</h1>',
    `<dl class="meta">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`,
    '</header>',
  ].join('\n');
}
