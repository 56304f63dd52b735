import { Chalk, type ChalkInstance } from 'chalk';
import { countOf } from '../engine/plural.js';
import { OUTCOMES_WORST_FIRST, type Outcome, type Refill } from '../model/resilience.js';
import type { WhatIf, WhatIfItem, WhatIfSubject } from '../model/what-if.js';
import { visibleStrings } from '../visible-text.js';
import { duration } from './resilience-view.js';

const HEADING: Partial<Record<Outcome, { symbol: string; style: (c: ChalkInstance) => ChalkInstance }>> = {
  down: { symbol: '✗', style: (c) => c.red.bold },
  'needs-action': { symbol: '✗', style: (c) => c.red.bold },
  degraded: { symbol: '◐', style: (c) => c.yellow.bold },
  unknown: { symbol: '?', style: (c) => c.magenta.bold },
};

const SUBJECT: Record<WhatIfSubject, [string, string]> = {
  'entry-point': ['entry point', 'entry points'],
  'data-store': ['data store', 'data stores'],
  application: ['application', 'applications'],
};

const REFILL: Partial<Record<Refill, string>> = {
  restores: 'Auto Scaling refills it in the surviving zones',
  partly: 'Auto Scaling refills part of it',
  cannot: 'Auto Scaling cannot refill it',
  'no-group': 'no Auto Scaling group refills it',
};

/**
 * `ha-audit what-if` on a terminal: what the loss takes down or degrades, worst first, each with
 * its reason, capacity left, recovery time and the fix that would have prevented it; then what
 * is not judged, and how many keep serving. Names from AWS are shown escaped.
 */
export function renderWhatIfText(whatIf: WhatIf, options: { color: boolean }): string {
  const w = visibleStrings(whatIf);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const accounts = w.accounts.length === 1 ? `account ${w.accounts[0]}` : `${w.accounts.length} accounts`;
  const lost = w.scenario.kind === 'region' ? `all of ${w.scenario.label}` : w.scenario.label;
  const lines = [
    c.bold(`${w.tool.name} ${w.tool.version} · what if ${lost} is lost`) + c.dim(` · ${accounts} · ${w.regions.join(', ') || 'no region'} · ${w.source === 'live' ? 'live scan' : 'saved inventory'}`),
    c.dim(w.note),
    '',
  ];
  for (const outcome of OUTCOMES_WORST_FIRST) {
    const items = w.affected.filter((i) => i.outcome === outcome);
    const heading = HEADING[outcome];
    if (items.length === 0 || !heading) continue;
    lines.push(heading.style(c)(` ${outcome.toUpperCase()} `) + c.dim(` ${items.length}`));
    for (const item of items) lines.push(...itemLines(item, heading.symbol, heading.style(c), c, w.accounts.length > 1));
    lines.push('');
  }
  if (w.notJudged.length > 0) {
    lines.push(c.bold(' NOT JUDGED ') + c.dim(` ${w.notJudged.length} served outside the scan: listed, never guessed about`));
    for (const item of w.notJudged) lines.push(`  ${c.dim('–')} ${c.bold(item.name)} ${c.dim(`[${where(item, w.accounts.length > 1)}]`)}: ${item.reason}`);
    lines.push('');
  }
  if (w.affected.length === 0) lines.push(c.green(`Nothing of the scan goes down or degrades when ${lost} is lost.`), '');

  const kept = (['entry-point', 'data-store', 'application'] as const).filter((s) => w.total[s] > 0).map((s) => survivors(w, s));
  lines.push(`${c.bold('Keep serving:')} ${kept.join('; ') || 'nothing in the scan to judge'}.`);
  if (!w.complete) lines.push(c.magenta(`Incomplete: ${countOf(w.gaps.length, 'call')} the model reads could not be made${w.affected.some((i) => i.outcome === 'unknown') ? ', and some outcomes are unknown' : ''}; run \`ha-audit scan\` to see what closes the gaps.`));
  const failing = w.affected.filter((i) => i.outcome !== 'unknown').length;
  const verdict = w.exitCode === 0 ? c.green('every one keeps serving') : w.exitCode === 1 ? c.red(`${failing} down, degraded or waiting for a person`) : c.magenta('incomplete');
  lines.push(`${c.bold('Result:')} ${verdict}: exit ${w.exitCode}`);
  return lines.join('\n') + '\n';
}

function itemLines(item: WhatIfItem, symbol: string, style: ChalkInstance, c: ChalkInstance, multiAccount: boolean): string[] {
  const facts: string[] = [];
  if (item.capacity) facts.push(item.capacity.after === null ? 'capacity left unknown' : `capacity left ${item.capacity.after} of ${item.capacity.before}${item.capacityLeft ? ` (${item.capacityLeft})` : ''}`);
  facts.push(recovery(item));
  const refill = item.refill ? REFILL[item.refill] : undefined;
  if (refill) facts.push(refill);
  const lines = [`  ${style(symbol)} ${c.bold(item.name)} ${c.dim(`[${SUBJECT[item.subject][0]}${item.kind && item.subject === 'data-store' ? `, ${item.kind}` : ''} · ${where(item, multiAccount)}]`)}`, `      ${item.reason}`, c.dim(`      ${facts.join(' · ')}`)];
  if (item.fix) lines.push(`      ${c.bold('Fix:')} ${item.fix}`);
  for (const command of item.commands ?? []) lines.push(`      ${c.cyan('$ ' + command)}`);
  return lines;
}

function recovery(item: WhatIfItem): string {
  if (item.recoverySeconds === null) {
    if (item.outcome === 'down' || item.outcome === 'needs-action') return 'no recovery until the loss ends or a person acts';
    // A degraded data store keeps serving; an entry point's reason says why no window is computable.
    return item.subject === 'data-store' ? 'keeps serving, with less in reserve' : 'recovery time not computable';
  }
  if (item.recoverySeconds === 0) return 'no interruption';
  return `recovers in ${duration(item.recoverySeconds)} (estimate)`;
}

function where(item: WhatIfItem, multiAccount: boolean): string {
  if (item.subject === 'application') return 'configuration';
  return multiAccount ? `${item.accountId ?? ''} ${item.region ?? ''}`.trim() : (item.region ?? '');
}

/** `9 of 12 entry points (4 unaffected, 5 survive)`. */
function survivors(w: WhatIf, subject: WhatIfSubject): string {
  const s = w.survive[subject];
  const parts = [s.unaffected > 0 ? `${s.unaffected} unaffected` : '', s.survives > 0 ? `${s.survives} survive` : '', s['fails-over'] > 0 ? `${s['fails-over']} fail over` : ''].filter(Boolean);
  return `${s.total} of ${w.total[subject]} ${SUBJECT[subject][1]}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
