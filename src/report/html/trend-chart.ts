import { h } from './escape.js';

export interface Series {
  label: string;
  /** CSS class that colours its line and marks. */
  className: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 180;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 44 };

/**
 * A line chart as inline SVG (no script, no request): time across, counts up, one line per series.
 * Each point carries its value in a tooltip; the same figures are in a table beside it for
 * readers and printers that do not see the chart.
 */
export function trendChart(title: string, times: readonly string[], series: readonly Series[]): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const epochs = times.map((t) => Date.parse(t));
  const first = Math.min(...epochs);
  const span = Math.max(...epochs) - first;
  const x = (i: number) => MARGIN.left + (span > 0 ? ((epochs[i]! - first) / span) * plotWidth : plotWidth / 2);
  const step = niceStep(Math.max(1, ...series.flatMap((s) => s.values)) / 4);
  const max = step * 4;
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const parts = [`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${h(title)}"><title>${h(title)}</title>`];
  for (let tick = 0; tick <= 4; tick++) {
    const value = step * tick;
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}"/>`);
    parts.push(`<text class="axis" x="${MARGIN.left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end">${formatCount(value)}</text>`);
  }
  const labelled = new Set([0, times.length - 1, Math.floor((times.length - 1) / 2)]);
  times.forEach((time, i) => {
    const anchor = i === 0 ? 'start' : i === times.length - 1 ? 'end' : 'middle';
    if (labelled.has(i)) parts.push(`<text class="axis" x="${x(i).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="${anchor}">${h(time.slice(0, 10))}</text>`);
  });
  for (const s of series) {
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    parts.push(`<g class="${h(s.className)}"><polyline class="line" points="${points}"/>`);
    s.values.forEach((v, i) => parts.push(`<circle class="mark" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3"><title>${h(`${s.label}: ${v} (${times[i]!.slice(0, 10)})`)}</title></circle>`));
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}

/** A whole 1, 2 or 5 × 10ⁿ at or above a gridline's share: counts get round, integer gridlines. */
function niceStep(share: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(share)));
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= share) return factor * magnitude;
  return 10 * magnitude;
}

function formatCount(value: number): string {
  return value.toLocaleString('en');
}
