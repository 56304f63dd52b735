import type { Resilience } from '../../model/resilience.js';
import { outcomeSentence, type EntryPointRow, type ResilienceView } from '../resilience-view.js';
import { h } from './escape.js';
import { entryPointAnchor, outcomeAnchor } from './matrix.js';
import { pathGraph, zoneOutcomeLookup, type PathGraph } from './path-graph.js';
import { ARROW_DEFS, LayoutCache, pathSvg } from './path-svg.js';

/** Up to this many entry points, each gets its own drawing; beyond, those that survive everything share one per shape. */
export const DRAW_EVERY_ENTRY_POINT_UP_TO = 50;

/**
 * At most this many entry points that do not survive some scenario are drawn one by one (the
 * worst first); the others join the drawings per shape. A scan of one region has every entry
 * point fail the loss of that region: ten thousand drawings would make a page no browser opens
 * in seconds and no reader goes through.
 */
export const DRAW_FAILING_ENTRY_POINTS_UP_TO = 300;

/**
 * The path view: for each entry point, how requests travel (DNS records → load balancers →
 * target groups → targets by zone, zones coloured by what losing them does), then what each
 * scenario does to it, which is where the matrix's cells lead. On large scans every entry point
 * that does not survive some scenario is drawn (up to DRAW_FAILING_ENTRY_POINTS_UP_TO, worst
 * first), and the others share one drawing per distinct shape, with the list of those sharing it.
 * Written in pieces, some entry points each: an organisation's section is tens of megabytes.
 */
export function* pathsSection(resilience: Resilience, view: ResilienceView): Generator<string> {
  const scenarios = view.columns.map((c) => c.scenario);
  const outcomesOf = zoneOutcomeLookup(scenarios);
  const layouts = new LayoutCache();
  const everyone = view.rows.length <= DRAW_EVERY_ENTRY_POINT_UP_TO;
  const failing = (row: EntryPointRow) => row.anyZone !== 'yes' || row.region !== 'yes';
  // Rows are worst first: the first failing ones are drawn one by one.
  const alone = new Set<number>();
  view.rows.forEach((row, r) => {
    if (everyone || (failing(row) && alone.size < DRAW_FAILING_ENTRY_POINTS_UP_TO)) alone.add(r);
  });
  const failingCount = view.rows.filter(failing).length;

  // Entry points not drawn alone, by shape (and whether they survive): the first of each is drawn for all of them.
  // Only the graphs drawn are kept: tens of thousands of entry points share a few shapes.
  const graphs = new Map<number, PathGraph>();
  const shapes = new Map<string, number[]>();
  view.rows.forEach((row, r) => {
    const graph = pathGraph(row.entryPoint, outcomesOf(row.cells));
    if (alone.has(r)) {
      graphs.set(r, graph);
      return;
    }
    const key = `${failing(row) ? 'fails' : 'survives'}|${graph.shape}`;
    const members = shapes.get(key);
    if (members) members.push(r);
    else {
      shapes.set(key, [r]);
      graphs.set(r, graph);
    }
  });
  const shapeOf = new Map<number, number>();
  [...shapes.values()].forEach((members, s) => members.forEach((r) => shapeOf.set(r, s)));

  const parts = [
    '<section id="paths" aria-labelledby="paths-h">',
    '<h2 id="paths-h">Paths of each entry point</h2>',
    '<p class="muted">DNS records → load balancers → target groups → serving targets, grouped by zone; each zone is coloured by what losing it does to the entry point. Dashed lines: paths that receive traffic only after a failover.</p>',
    ARROW_DEFS,
  ];
  if (!everyone) {
    const first = failingCount > alone.size ? `the ${alone.size} worst of the ${failingCount} entry points that do not survive some scenario are drawn one by one` : `the ${failingCount} entry points that do not survive some scenario are drawn one by one`;
    parts.push(`<p>${first}; the ${view.rows.length - alone.size} others share ${shapes.size} drawing${shapes.size === 1 ? '' : 's'}, one per shape.</p>`);
    [...shapes.values()].forEach((members, s) => parts.push(shapeArticle(s, members, view, graphs.get(members[0]!)!, layouts, failing(view.rows[members[0]!]!))));
  }
  // The parts so far as one piece, ending where the next begins (the parts are joined by line breaks).
  const flush = () => {
    const piece = parts.join('\n');
    parts.length = 0;
    return piece;
  };
  for (let r = 0; r < view.rows.length; r++) {
    parts.push(entryPointArticle(r, view.rows[r]!, view, alone.has(r) ? graphs.get(r) : undefined, shapeOf.get(r), layouts));
    if (parts.length >= PIECE_ARTICLES) yield `${flush()}\n`;
  }
  parts.push('</section>');
  yield flush();
}

/** Entry points written in one piece. */
const PIECE_ARTICLES = 500;

function entryPointArticle(r: number, row: EntryPointRow, view: ResilienceView, graph: PathGraph | undefined, shape: number | undefined, layouts: LayoutCache): string {
  const ep = row.entryPoint;
  const facts = [
    ep.kind === 'record-group' ? `DNS record group${ep.routingPolicy ? `, ${ep.routingPolicy} routing` : ''}` : 'load balancer reached directly',
    ep.internal ? 'internal' : 'internet-facing',
    `account ${ep.accountId}`,
    ep.region === 'global' ? 'global' : `region ${ep.region}`,
    `${ep.capacity} serving target${ep.capacity === 1 ? '' : 's'} on active paths`,
  ];
  const parts = [`<article class="ep" id="${entryPointAnchor(r)}">`, `<h3>${h(ep.name)}</h3>`, `<p class="muted">${h([...facts, ep.id].join(' · '))}</p>`];
  if (graph) parts.push(`<div class="drawing" tabindex="0">${pathSvg(graph, `Paths of ${ep.name}`, layouts)}</div>`);
  else if (shape !== undefined) parts.push(`<p>Drawn with the entry points of the same shape: <a href="#shape-${shape}">shape ${shape + 1}</a>.</p>`);
  const outcomes = row.cells.flatMap((cell, c) =>
    // One element of plain text each: a scan of ten thousand entry points has forty thousand.
    cell ? [`<li id="${outcomeAnchor(r, c)}" class="o-${cell.outcome}">${h(`${view.columns[c]!.label} lost: ${outcomeSentence(cell)}${cell.fix ? ` Fix: ${cell.fix}` : ''}`)}</li>`] : [],
  );
  const outside = ep.paths.filter((p) => p.outside);
  if (outside.length > 0) outcomes.push(`<li class="muted">${outside.length} path${outside.length === 1 ? ' leaves' : 's leave'} the scan (${h([...new Set(outside.map((p) => p.outside!.kind))].join(', '))}): listed, never guessed about.</li>`);
  parts.push(`<ul class="outcomes">${outcomes.join('')}</ul>`, '</article>');
  return parts.join('');
}

function shapeArticle(s: number, members: number[], view: ResilienceView, graph: PathGraph, layouts: LayoutCache, failing: boolean): string {
  const first = view.rows[members[0]!]!.entryPoint;
  const list = members.map((r) => `<li><a href="#${entryPointAnchor(r)}">${h(view.rows[r]!.entryPoint.name)}</a></li>`).join('');
  return [
    `<article class="ep" id="shape-${s}">`,
    `<h3>Shape ${s + 1}: ${members.length} entry point${members.length === 1 ? '' : 's'} that ${failing ? 'do not survive some scenario' : 'survive every scenario'}</h3>`,
    `<p class="muted">Drawn for ${h(first.name)}; the others differ only in names and target counts.</p>`,
    `<div class="drawing" tabindex="0">${pathSvg(graph, `Paths of ${first.name}, shape ${s + 1}`, layouts)}</div>`,
    `<details><summary>The ${members.length} entry points of this shape</summary><ul>${list}</ul></details>`,
    '</article>',
  ].join('\n');
}
