import type { Resilience } from '../../model/resilience.js';
import { cellText, outcomeSentence, subjectOutcomes, type EntryPointRow, type ResilienceView } from '../resilience-view.js';
import { h } from './escape.js';

const LEGEND: [string, string, string][] = [
  ['unaffected', '✓', 'nothing it uses is in the lost zone or region'],
  ['survives', '✓ 67%', 'keeps serving with enough capacity (share left), possibly after a recovery window'],
  ['degraded', '◐ 33%', 'still served, with too little capacity or some requests failing'],
  ['down', '✗', 'no request served until the failure ends or a person acts'],
  ['fails-over', '✓', 'a data store fails over by itself'],
  ['needs-action', '✗', 'a copy elsewhere exists, but a person must promote it'],
  ['unknown', '?', 'not judged: a path leaves the scan, or data it needs was not collected'],
];

/** DOM id of an entry point's block in the path view, and of one of its outcomes. */
export const entryPointAnchor = (row: number) => `ep-${row}`;
export const outcomeAnchor = (row: number, column: number) => `o-${row}-${column}`;

/** Rows per table of the matrix. */
const MATRIX_CHUNK = 250;

/**
 * A long table in tables of MATRIX_CHUNK rows, all but the first folded: a table is laid out
 * whole, and ten thousand rows take seconds. The browser's find, and a link to a row, open them.
 */
function foldedTables(head: string, rows: string[], what: string): string {
  const parts: string[] = [];
  for (let start = 0; start < rows.length; start += MATRIX_CHUNK) {
    const end = Math.min(rows.length, start + MATRIX_CHUNK);
    const table = `<div class="scroll"><table class="matrix">${head}<tbody>${rows.slice(start, end).join('')}</tbody></table></div>`;
    parts.push(start === 0 ? table : `<details class="more"><summary>${what} ${start + 1} to ${end}</summary>${table}</details>`);
  }
  return parts.join('');
}

function matrixRow(row: EntryPointRow, r: number): string {
  const ep = row.entryPoint;
  const cells = row.cells.map((cell, c) => (cell ? `<td class="cell o-${cell.outcome}"><a href="#${outcomeAnchor(r, c)}">${cellText(cell)}</a></td>` : '<td class="cell o-none">·</td>')).join('');
  return `<tr><th scope="row"><a href="#${entryPointAnchor(r)}">${h(ep.name)}</a>${ep.internal ? ' <span class="muted">internal</span>' : ''}</th>${cells}</tr>`;
}

/** The head of a table of the matrix: what is down the side, then each scenario. */
function tableHead(subject: string, view: ResilienceView): string {
  return `<thead><tr><th scope="col">${subject}</th>${view.columns.map((c) => `<th scope="col">${c.scenario.kind === 'region' ? `all of ${h(c.label)}` : h(c.label)}</th>`).join('')}</tr></thead>`;
}

/** The scenario matrix: entry points down, zones and regions across; each cell links to its explanation. */
export function matrixSection(resilience: Resilience, view: ResilienceView): string {
  const parts = [
    '<section id="matrix" aria-labelledby="matrix-h">',
    '<h2 id="matrix-h">What a zone or region loss does</h2>',
    `<p class="muted">${h(resilience.note)} An entry point survives a loss when at least ${Math.round(resilience.minCapacityShare * 100)}% of its serving capacity is left. Each cell links to its explanation.</p>`,
    `<ul class="legend outcome-key">${LEGEND.map(([outcome, symbol, meaning]) => `<li><span class="o-${outcome}">${symbol}</span>${outcome}: ${meaning}</li>`).join('')}</ul>`,
  ];
  if (view.rows.length === 0) {
    parts.push('<p>No entry point: no DNS record of the scan resolves to one of its load balancers, and no load balancer has a listener.</p>', '</section>');
    return parts.join('\n');
  }
  parts.push(`<p class="muted">${view.rows.length} entry points × ${view.columns.length} scenarios, worst first.</p>`);
  parts.push(foldedTables(tableHead('Entry point', view), view.rows.map(matrixRow), 'Entry points'));
  parts.push(otherSubjects(resilience, view), '</section>');
  return parts.join('\n');
}

/** Data stores and applications under the same scenarios; each cell leads to its outcome in a list per subject, in the columns' order. */
function otherSubjects(resilience: Resilience, view: ResilienceView): string {
  const column = new Map(view.columns.map((c, i) => [c.scenario.id, i]));
  const subjects: { kind: 'data-store' | 'application'; id: string; name: string; detail: string }[] = [
    ...resilience.dataStores.map((d) => ({ kind: 'data-store' as const, id: d.id, name: d.name, detail: `${d.kind} · ${d.region}` })),
    ...resilience.applications.map((a) => ({ kind: 'application' as const, id: a.name, name: a.name, detail: 'application' })),
  ];
  if (subjects.length === 0) return '';
  const outcomesOf = subjectOutcomes(resilience);
  const rows: string[] = [];
  const explanations: string[] = [];
  subjects.forEach((subject, s) => {
    const cells = new Array<string>(view.columns.length).fill('<td class="cell o-none">·</td>');
    const items = new Array<string>(view.columns.length).fill('');
    for (const o of outcomesOf(subject.kind, subject.id)) {
      const c = column.get(o.scenarioId);
      if (c === undefined) continue;
      const anchor = `d-${s}-${c}`;
      cells[c] = `<td class="cell o-${o.outcome}"><a href="#${anchor}">${cellText(o)}</a></td>`;
      items[c] = `<li id="${anchor}" class="o-${o.outcome}">${h(`${view.columns[c]!.label} lost: ${outcomeSentence(o)}${o.fix ? ` Fix: ${o.fix}` : ''}`)}</li>`;
    }
    const label = `${h(subject.name)} <span class="muted">${h(subject.detail)}</span>`;
    rows.push(`<tr><th scope="row">${label}</th>${cells.join('')}</tr>`);
    explanations.push(`<li class="subject"><b>${label}</b><ul class="outcomes">${items.join('')}</ul></li>`);
  });
  return ['<h3>Data stores and applications</h3>', foldedTables(tableHead('Data store or application', view), rows, 'Data stores and applications'), `<ul class="subjects">${explanations.join('')}</ul>`].join('\n');
}
