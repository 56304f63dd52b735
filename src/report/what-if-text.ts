import { Chalk, type ChalkInstance } from 'chalk';
import { OUTCOMES_WORST_FIRST, type Outcome } from '../model/resilience.js';
import type { WhatIf, WhatIfItem } from '../model/what-if.js';
import { visibleStrings } from '../visible-text.js';
import { facts, incompleteNote, keptServing, lostLabel, SUBJECT, verdict, where } from './what-if-view.js';

const HEADING: Partial<Record<Outcome, { symbol: string; style: (c: ChalkInstance) => ChalkInstance }>> = {
  down: { symbol: '✗', style: (c) => c.red.bold },
  'needs-action': { symbol: '✗', style: (c) => c.red.bold },
  degraded: { symbol: '◐', style: (c) => c.yellow.bold },
  unknown: { symbol: '?', style: (c) => c.magenta.bold },
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
  const lost = lostLabel(w);
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

  lines.push(`${c.bold('Keep serving:')} ${keptServing(w)}.`);
  const incomplete = incompleteNote(w);
  if (incomplete) lines.push(c.magenta(incomplete));
  lines.push(`${c.bold('Result:')} ${(w.exitCode === 0 ? c.green : w.exitCode === 1 ? c.red : c.magenta)(verdict(w))}: exit ${w.exitCode}`);
  return lines.join('\n') + '\n';
}

function itemLines(item: WhatIfItem, symbol: string, style: ChalkInstance, c: ChalkInstance, multiAccount: boolean): string[] {
  const lines = [`  ${style(symbol)} ${c.bold(item.name)} ${c.dim(`[${SUBJECT[item.subject][0]}${item.kind && item.subject === 'data-store' ? `, ${item.kind}` : ''} · ${where(item, multiAccount)}]`)}`, `      ${item.reason}`, c.dim(`      ${facts(item).join(' · ')}`)];
  if (item.fix) lines.push(`      ${c.bold('Fix:')} ${item.fix}`);
  for (const command of item.commands ?? []) lines.push(`      ${c.cyan('$ ' + command)}`);
  return lines;
}
