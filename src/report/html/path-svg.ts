import { Graph, layout } from '@dagrejs/dagre';
import { h } from './escape.js';
import type { PathGraph } from './path-graph.js';

/** Approximate advance of a character of the drawing's 12 px sans-serif font: Node has no font metrics. */
const CHAR_WIDTH = 6.8;
const LINE_HEIGHT = 15;
const PADDING = 8;
const MAX_CHARS = 40;
const ZONE_LABEL_HEIGHT = 18;
const ZONE_INSET = 3;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The path view of one entry point as inline SVG, laid out by dagre (a layered graph layout:
 * left to right, records, load balancers, target groups, then the targets inside one box per
 * zone). Colours come from CSS classes, so the light, dark and print styles apply; labels are
 * cut to fit, with the full text in a tooltip.
 */
export function pathSvg(graph: PathGraph, title: string): string {
  const g = new Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 44, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const zone of graph.zones) g.setNode(zone.id, { paddingTop: ZONE_LABEL_HEIGHT });
  const zoneLabels = new Map(graph.zones.map((z) => [z.id, `${z.label} · ${z.outcome ?? ''}`]));
  for (const node of graph.nodes) {
    // A zone box is as wide as what it holds: its only target box must fit the zone's label too.
    const label = node.zone ? [zoneLabels.get(node.zone) ?? ''] : [];
    const chars = Math.max(...[...node.lines, ...label].map((l) => Math.min(MAX_CHARS, [...l].length)));
    // Targets in a zone carry a band on top for the zone's label: dagre's zone boxes hold nothing but their nodes.
    const band = node.zone ? ZONE_LABEL_HEIGHT : 0;
    g.setNode(node.id, { width: Math.round(chars * CHAR_WIDTH + 2 * PADDING), height: node.lines.length * LINE_HEIGHT + PADDING + band });
    if (node.zone) g.setParent(node.id, node.zone);
  }
  for (const edge of graph.edges) g.setEdge(edge.from, edge.to);
  layout(g);

  const size = g.graph() as { width?: number; height?: number };
  const width = Math.ceil(size.width ?? 0);
  const height = Math.ceil(size.height ?? 0);
  const parts = [`<svg class="paths" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(title)}"><title>${h(title)}</title>`];
  for (const zone of graph.zones) {
    const box = g.node(zone.id) as Box;
    // Inset, so that neighbouring zones (dagre lays them edge to edge) stay apart.
    const left = box.x - box.width / 2 + ZONE_INSET;
    const top = box.y - box.height / 2 + ZONE_INSET;
    parts.push(
      `<g class="zone o-${zone.outcome ?? 'none'}"><title>${h(`${zone.label}: ${zone.outcome ? `losing this zone leaves the entry point ${zone.outcome}` : 'no outcome played'}`)}</title>`,
      `<rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${(box.width - 2 * ZONE_INSET).toFixed(1)}" height="${(box.height - 2 * ZONE_INSET).toFixed(1)}" rx="6"/>`,
      `<text x="${(left + 5).toFixed(1)}" y="${(top + 13).toFixed(1)}">${h(shortened(zone.label, MAX_CHARS))}${zone.outcome ? ` · ${h(zone.outcome)}` : ''}</text></g>`,
    );
  }
  const standby = new Set(graph.edges.filter((e) => e.standby).map((e) => `${e.from}\u0000${e.to}`));
  for (const edge of g.edges()) {
    const points = (g.edge(edge) as { points?: { x: number; y: number }[] }).points ?? [];
    const dashed = standby.has(`${edge.v}\u0000${edge.w}`);
    parts.push(`<polyline class="edge${dashed ? ' standby' : ''}" points="${points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}" marker-end="url(#arrow)"/>`);
  }
  for (const node of graph.nodes) {
    const box = g.node(node.id) as Box;
    const band = node.zone ? ZONE_LABEL_HEIGHT : 0;
    const left = box.x - box.width / 2;
    const top = box.y - box.height / 2 + band;
    parts.push(`<g class="node ${node.kind}"><title>${h(node.title)}</title><rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${box.width.toFixed(1)}" height="${(box.height - band).toFixed(1)}" rx="4"/>`);
    node.lines.forEach((line, i) => {
      parts.push(`<text x="${(left + PADDING).toFixed(1)}" y="${(top + PADDING / 2 + LINE_HEIGHT * (i + 1) - 3).toFixed(1)}"${i === 0 ? ' class="strong"' : ''}>${h(shortened(line, MAX_CHARS))}</text>`);
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The arrow head every drawing's edges use: defined once per page. */
export const ARROW_DEFS = '<svg class="defs" width="0" height="0" aria-hidden="true"><defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs></svg>';

/** At most `max` characters (an ellipsis ends a cut): labels of a drawing; the full text is in its tooltip. */
function shortened(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, max - 1).join('') + '…';
}
