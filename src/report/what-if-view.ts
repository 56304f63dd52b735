import { countOf } from '../engine/plural.js';
import type { Refill } from '../model/resilience.js';
import type { WhatIf, WhatIfItem, WhatIfSubject } from '../model/what-if.js';
import { duration } from './resilience-view.js';

/** The words of `ha-audit what-if` every format shares (text, HTML, Markdown): plain text, escaped by each format. */
export const SUBJECT: Record<WhatIfSubject, [string, string]> = {
  'entry-point': ['entry point', 'entry points'],
  'data-store': ['data store', 'data stores'],
  application: ['application', 'applications'],
};

export const REFILL: Partial<Record<Refill, string>> = {
  restores: 'Auto Scaling refills it in the surviving zones',
  partly: 'Auto Scaling refills part of it',
  cannot: 'Auto Scaling cannot refill it',
  'no-group': 'no Auto Scaling group refills it',
};

/** `all of us-east-1` or `use1-az1 (us-east-1a)`. */
export function lostLabel(w: WhatIf): string {
  return w.scenario.kind === 'region' ? `all of ${w.scenario.label}` : w.scenario.label;
}

/** `capacity left 1 of 3 (33%)`, or nothing for a data store. */
export function capacityText(item: WhatIfItem): string | undefined {
  if (!item.capacity) return undefined;
  return item.capacity.after === null ? 'capacity left unknown' : `capacity left ${item.capacity.after} of ${item.capacity.before}${item.capacityLeft ? ` (${item.capacityLeft})` : ''}`;
}

export function recovery(item: WhatIfItem): string {
  if (item.recoverySeconds === null) {
    if (item.outcome === 'down' || item.outcome === 'needs-action') return 'no recovery until the loss ends or a person acts';
    // A degraded data store keeps serving; an entry point's reason says why no window is computable.
    return item.subject === 'data-store' ? 'keeps serving, with less in reserve' : 'recovery time not computable';
  }
  if (item.recoverySeconds === 0) return 'no interruption';
  return `recovers in ${duration(item.recoverySeconds)} (estimate)`;
}

/** Capacity, recovery and refill of one item. */
export function facts(item: WhatIfItem): string[] {
  const refill = item.refill ? REFILL[item.refill] : undefined;
  return [capacityText(item), recovery(item), refill].filter((f): f is string => f !== undefined);
}

export function where(item: WhatIfItem, multiAccount: boolean): string {
  if (item.subject === 'application') return 'configuration';
  return multiAccount ? `${item.accountId ?? ''} ${item.region ?? ''}`.trim() : (item.region ?? '');
}

/** `9 of 12 entry points (4 unaffected, 5 survive)`. */
export function survivors(w: WhatIf, subject: WhatIfSubject): string {
  const s = w.survive[subject];
  const parts = [s.unaffected > 0 ? `${s.unaffected} unaffected` : '', s.survives > 0 ? `${s.survives} survive` : '', s['fails-over'] > 0 ? `${s['fails-over']} fail over` : ''].filter(Boolean);
  return `${s.total} of ${w.total[subject]} ${SUBJECT[subject][1]}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** Every subject judged: `9 of 12 entry points (...); 2 of 2 data stores`. */
export function keptServing(w: WhatIf): string {
  return (['entry-point', 'data-store', 'application'] as const).filter((s) => w.total[s] > 0).map((s) => survivors(w, s)).join('; ') || 'nothing in the scan to judge';
}

/** `2 down, degraded or waiting for a person`, `every one keeps serving`, or `incomplete`. */
export function verdict(w: WhatIf): string {
  const failing = w.affected.filter((i) => i.outcome !== 'unknown').length;
  return w.exitCode === 0 ? 'every one keeps serving' : w.exitCode === 1 ? `${failing} down, degraded or waiting for a person` : 'incomplete';
}

/** The incomplete note, when data the model reads could not be collected. */
export function incompleteNote(w: WhatIf): string | undefined {
  if (w.complete) return undefined;
  return `Incomplete: ${countOf(w.gaps.length, 'call')} the model reads could not be made${w.affected.some((i) => i.outcome === 'unknown') ? ', and some outcomes are unknown' : ''}; run \`ha-audit scan\` to see what closes the gaps.`;
}
