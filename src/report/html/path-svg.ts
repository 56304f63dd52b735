import { Graph, layout } from '@dagrejs/dagre';
import { h } from './escape.js';
import type { PathGraph } from './path-graph.js';

/** Approximate advance of a character of the drawing's 12 px sans-serif font: Node has no font metrics. */
const CHAR_WIDTH = 6.8;
/** The same in bold (first lines, zone labels): wider, so that a name never touches its box. */
const BOLD_CHAR_WIDTH = 7.5;
const LINE_HEIGHT = 15;
const PADDING = 8;
const MAX_CHARS = 40;
/** Box widths are rounded up to this many characters, so that drawings alike but for names share one layout. */
const WIDTH_STEP = 8;
const ZONE_LABEL_HEIGHT = 18;
const ZONE_INSET = 3;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where dagre put everything, by position in the graph's lists (not by id: drawings alike share it). */
interface Layout {
  width: number;
  height: number;
  nodes: Box[];
  zones: Box[];
  edges: { x: number; y: number }[][];
}

/**
 * Layouts already computed, by the structure of the graph (kinds, box sizes, zones, edges). A
 * large scan has thousands of entry points of a few shapes: dagre runs once per shape.
 */
export class LayoutCache {
  private readonly layouts = new Map<string, Layout>();
  /** How many layouts dagre computed (the others were reused). */
  computed = 0;

  layoutOf(graph: PathGraph): Layout {
    const sizes = nodeSizes(graph);
    const key = structureKey(graph, sizes);
    let found = this.layouts.get(key);
    if (!found) {
      found = computeLayout(graph, sizes);
      this.layouts.set(key, found);
      this.computed++;
    }
    return found;
  }
}

/**
 * The path view of one entry point as inline SVG, laid out by dagre (a layered graph layout:
 * left to right, records, load balancers, target groups, then the targets inside one box per
 * zone). Colours come from CSS classes, so the light, dark and print styles apply; labels are
 * cut to fit, with the full text in a tooltip.
 */
export function pathSvg(graph: PathGraph, title: string, cache = new LayoutCache()): string {
  const { width, height, nodes, zones, edges } = cache.layoutOf(graph);
  const parts = [`<svg class="paths" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(title)}"><title>${h(title)}</title>`];
  graph.zones.forEach((zone, i) => {
    const box = zones[i]!;
    // Inset, so that neighbouring zones (dagre lays them edge to edge) stay apart.
    const left = box.x - box.width / 2 + ZONE_INSET;
    const top = box.y - box.height / 2 + ZONE_INSET;
    parts.push(
      `<g class="zone o-${zone.outcome ?? 'none'}"><title>${h(`${zone.label}: ${zone.outcome ? `losing this zone leaves the entry point ${zone.outcome}` : 'no outcome played'}`)}</title>`,
      `<rect x="${n(left)}" y="${n(top)}" width="${n(box.width - 2 * ZONE_INSET)}" height="${n(box.height - 2 * ZONE_INSET)}" rx="6"/>`,
      `<text x="${n(left + 5)}" y="${n(top + 13)}">${h(shortened(zone.label, charsThatFit(box.width - 2 * ZONE_INSET, true) - (zone.outcome ? zone.outcome.length + 3 : 0)))}${zone.outcome ? ` · ${h(zone.outcome)}` : ''}</text></g>`,
    );
  });
  const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
  graph.edges.forEach((edge, i) => {
    const from = index.get(edge.from)!;
    const to = index.get(edge.to)!;
    const d = edgePath(nodes, zones, from, to, graph.nodes[to]!.zone ? ZONE_LABEL_HEIGHT : 0, edges[i]!);
    parts.push(`<path class="edge${edge.standby ? ' standby' : ''}" d="${d}" marker-end="url(#arrow)"/>`);
  });
  graph.nodes.forEach((node, i) => {
    const box = nodes[i]!;
    const band = node.zone ? ZONE_LABEL_HEIGHT : 0;
    const left = box.x - box.width / 2;
    const top = box.y - box.height / 2 + band;
    parts.push(`<g class="node ${node.kind}"><title>${h(node.title)}</title><rect x="${n(left)}" y="${n(top)}" width="${n(box.width)}" height="${n(box.height - band)}" rx="4"/>`);
    node.lines.forEach((line, l) => {
      parts.push(`<text x="${n(left + PADDING)}" y="${n(top + PADDING / 2 + LINE_HEIGHT * (l + 1) - 3)}"${l === 0 ? ' class="strong"' : ''}>${h(shortened(line, charsThatFit(box.width, l === 0)))}</text>`);
    });
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Width and height of each box: its text (cut at MAX_CHARS), rounded up to a step; targets fit their zone's label too. */
function nodeSizes(graph: PathGraph): { width: number; height: number }[] {
  const zoneLabels = new Map(graph.zones.map((z) => [z.id, `${z.label} · ${z.outcome ?? ''}`]));
  const textWidth = (text: string, bold: boolean) => Math.min(MAX_CHARS, [...text].length) * (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH);
  const step = WIDTH_STEP * CHAR_WIDTH;
  return graph.nodes.map((node) => {
    // A zone box is as wide as what it holds: its only target box must fit the zone's (bold) label too.
    const label = node.zone ? textWidth(zoneLabels.get(node.zone) ?? '', true) : 0;
    const text = Math.max(label, ...node.lines.map((line, l) => textWidth(line, l === 0)));
    const rounded = Math.min(MAX_CHARS * BOLD_CHAR_WIDTH, Math.ceil(text / step) * step);
    // Targets in a zone carry a band on top for the zone's label: dagre's zone boxes hold nothing but their nodes.
    const band = node.zone ? ZONE_LABEL_HEIGHT : 0;
    return { width: Math.round(rounded + 2 * PADDING), height: node.lines.length * LINE_HEIGHT + PADDING + band };
  });
}

function structureKey(graph: PathGraph, sizes: { width: number; height: number }[]): string {
  const nodeIndex = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const zoneIndex = new Map(graph.zones.map((zone, i) => [zone.id, i]));
  const nodes = graph.nodes.map((node, i) => `${node.kind}:${sizes[i]!.width}x${sizes[i]!.height}:${node.zone === undefined ? '' : zoneIndex.get(node.zone)}`);
  const edges = graph.edges.map((e) => `${nodeIndex.get(e.from)}>${nodeIndex.get(e.to)}`);
  return `${graph.zones.length}|${nodes.join(',')}|${edges.join(',')}`;
}

function computeLayout(graph: PathGraph, sizes: { width: number; height: number }[]): Layout {
  const g = new Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 44, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const zone of graph.zones) g.setNode(zone.id, {});
  graph.nodes.forEach((node, i) => {
    g.setNode(node.id, sizes[i]!);
    if (node.zone) g.setParent(node.id, node.zone);
  });
  for (const edge of graph.edges) g.setEdge(edge.from, edge.to);
  layout(g);
  const size = g.graph() as { width?: number; height?: number };
  return {
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    nodes: graph.nodes.map((node) => box(g.node(node.id) as Box)),
    zones: graph.zones.map((zone) => box(g.node(zone.id) as Box)),
    edges: graph.edges.map((e) => (g.edge(e.from, e.to) as { points?: { x: number; y: number }[] }).points ?? []),
  };
}

function box({ x, y, width, height }: Box): Box {
  return { x, y, width, height };
}

/** How many characters a box of this width shows. */
function charsThatFit(width: number, bold = false): number {
  return Math.max(4, Math.floor((width - 2 * PADDING) / (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH)));
}

/**
 * An edge between neighbouring columns as an elbow: out of the right side of its source, down
 * or up in the gap between the columns, into the left side of its target. A straight line from
 * box to box can cross a box of the same column and seem to leave it; the gap holds no box.
 * Longer edges follow dagre's route through the columns between.
 */
function edgePath(nodes: readonly Box[], zones: readonly Box[], from: number, to: number, band: number, route: readonly { x: number; y: number }[]): string {
  const source = nodes[from]!;
  const target = nodes[to]!;
  const between = nodes.some((b) => b.x > source.x + 1 && b.x < target.x - 1);
  if (between && route.length > 1) return `M${route.map((p) => `${n(p.x)},${n(p.y)}`).join('L')}`;
  // The gap: from the right of the source's column to the left of the target's (and of its zone boxes).
  const columnRight = Math.max(...nodes.filter((b) => b.x <= source.x + 1).map((b) => b.x + b.width / 2));
  const columnLeft = Math.min(...[...nodes.filter((b) => b.x >= target.x - 1), ...zones.filter((z) => z.x >= target.x - 1 - z.width / 2)].map((b) => b.x - b.width / 2 + (nodes.includes(b) ? 0 : ZONE_INSET)));
  const sx = source.x + source.width / 2;
  const sy = source.y;
  const tx = target.x - target.width / 2;
  const ty = target.y + band / 2;
  const mid = (columnRight + columnLeft) / 2;
  const dy = ty - sy;
  if (Math.abs(dy) < 1) return `M${n(sx)},${n(sy)}H${n(tx)}`;
  const r = Math.min(6, Math.abs(dy) / 2, Math.max(0, mid - sx), Math.max(0, tx - mid));
  const sign = Math.sign(dy);
  return `M${n(sx)},${n(sy)}H${n(mid - r)}Q${n(mid)},${n(sy)} ${n(mid)},${n(sy + sign * r)}V${n(ty - sign * r)}Q${n(mid)},${n(ty)} ${n(mid + r)},${n(ty)}H${n(tx)}`;
}

/** A coordinate with one decimal: enough for a drawing, and short. */
function n(value: number): string {
  return value.toFixed(1);
}

/** At most `max` characters (an ellipsis ends a cut): labels of a drawing; the full text is in its tooltip. */
function shortened(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, max - 1).join('') + '…';
}

/** The arrow head every drawing's edges use: defined once per page. */
export const ARROW_DEFS = '<svg class="defs" width="0" height="0" aria-hidden="true"><defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs></svg>';
