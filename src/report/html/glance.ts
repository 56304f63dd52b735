import { SEVERITIES } from '../../model/severity.js';
import { percent, type Overview } from '../overview.js';
import type { Survival } from '../resilience-view.js';

/** The figures a reader wants first: what fails and how badly, the pass rate, what survives a zone or region loss. */
export function glanceSection(overview: Overview): string {
  const cards: string[] = [];
  const failing = SEVERITIES.map((s) => `<li><span class="sev sev-${s}">${s}</span> <b>${overview.failing[s]}</b></li>`).join('');
  cards.push(card(`${overview.failed}`, 'failing results', `<ul class="legend">${failing}</ul>`));
  cards.push(card(overview.passRate === null ? '–' : percent(overview.passRate), 'pass rate', `${overview.passed} passed of ${overview.passed + overview.failed + overview.suppressed} evaluated`));
  const resilience = overview.resilience;
  if (resilience) {
    const { count } = resilience;
    cards.push(card(`${count.anyZone.yes} of ${count.entryPoints}`, 'entry points survive the loss of any one zone', unknownNote(count.anyZone)));
    cards.push(card(`${count.region.yes} of ${count.entryPoints}`, 'entry points survive the loss of their region', unknownNote(count.region)));
  }
  if (overview.suppressed > 0) cards.push(card(`${overview.suppressed}`, 'accepted risks', 'suppressed by the configuration, with a reason'));
  if (overview.notEvaluated > 0) cards.push(card(`${overview.notEvaluated}`, 'results not evaluated', '<a href="#not-evaluated">what closes each</a>'));
  if (overview.baseline) {
    const { baseline } = overview;
    cards.push(card(`+${baseline.new} / −${baseline.resolved}`, 'new / resolved since the baseline', `${baseline.existing} already failing`));
  }
  return ['<section id="glance" aria-labelledby="glance-h">', '<h2 id="glance-h">At a glance</h2>', `<div class="cards">${cards.join('')}</div>`, '</section>'].join('\n');
}

function card(figure: string, label: string, detail = ''): string {
  return `<div class="card"><span class="figure">${figure}</span>${label}${detail ? `<div class="muted">${detail}</div>` : ''}</div>`;
}

function unknownNote(count: Record<Survival, number>): string {
  return count.unknown > 0 ? `${count.unknown} not judged: a path leaves the scan, or data is missing` : '';
}
