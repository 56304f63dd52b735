import { OUTCOMES_WORST_FIRST } from '../model/resilience.js';
import type { WhatIf, WhatIfItem } from '../model/what-if.js';
import { fit, GITHUB_MARKDOWN_LIMIT, rowsOf, type Block } from './markdown.js';
import { mdCode, mdCodeBlock, mdRow, mdText } from './markdown-text.js';
import { when } from './overview.js';
import { facts, incompleteNote, keptServing, lostLabel, SUBJECT, verdict, where } from './what-if-view.js';

export interface WhatIfMarkdownOptions {
  /** When the loss was played (ISO 8601). */
  at?: string;
  /** Characters at most; the default is GitHub's comment limit. */
  limit?: number;
}

/**
 * `ha-audit what-if --format markdown`, for a job summary or a pull-request comment: the loss, a
 * table of what goes down, needs a person or degrades (worst first, with reason, capacity,
 * recovery and the first fix command), the fixes in full, what is not judged and what keeps
 * serving. Long lists are cut to GitHub's 65,536 characters with a note. Names are code spans and
 * prose escaped: nothing from AWS becomes markup, and a `|` does not split a cell.
 */
export function renderWhatIfMarkdown(w: WhatIf, options: WhatIfMarkdownOptions = {}): string {
  const multiAccount = w.accounts.length > 1;
  const affected = OUTCOMES_WORST_FIRST.flatMap((outcome) => w.affected.filter((i) => i.outcome === outcome));
  const blocks: Block[] = [{ text: summary(w, options.at) }];
  if (affected.length > 0) {
    blocks.push({
      head: ['### Down, needing a person, or degraded', '', mdRow(['Outcome', 'Name', 'Where', 'Reason', 'Capacity and recovery', 'First fix command']), mdRow(['---', '---', '---', '---', '---', '---'])].join('\n'),
      rows: rowsOf(affected, (item) => row(item, multiAccount)),
      tail: '',
      what: 'affected items',
      priority: 0,
    });
    const withFix = affected.filter((i) => i.fix || (i.commands?.length ?? 0) > 0);
    if (withFix.length > 0) blocks.push({ head: '### Fixes\n', rows: rowsOf(withFix, fixText), tail: '', what: 'fixes', priority: 2 });
  } else {
    blocks.push({ text: `Nothing of the scan goes down or degrades when ${mdText(lostLabel(w))} is lost.` });
  }
  if (w.notJudged.length > 0) {
    blocks.push({
      head: ['### Not judged', '', 'Served outside the scan: listed, never guessed about.', '', mdRow(['Name', 'Where', 'Reason']), mdRow(['---', '---', '---'])].join('\n'),
      rows: rowsOf(w.notJudged, (item) => mdRow([mdCode(item.name), mdText(where(item, multiAccount)), mdText(item.reason)])),
      tail: '',
      what: 'entry points not judged',
      priority: 1,
    });
  }
  return fit(blocks, options.limit ?? GITHUB_MARKDOWN_LIMIT);
}

function summary(w: WhatIf, at: string | undefined): string {
  const lost = lostLabel(w);
  const lines = [`## What if ${mdText(lost)} is lost`, '', `**Result:** ${mdText(verdict(w))}: exit ${w.exitCode}  `, `**Keep serving:** ${mdText(keptServing(w))}  `];
  lines.push(`**Accounts:** ${w.accounts.map((a) => mdCode(a, false)).join(', ') || 'none'} · **Regions:** ${mdText(w.regions.join(', ') || 'none')} · **Source:** ${w.source === 'live' ? 'live scan' : 'saved inventory'}${at ? ` · **When:** ${mdText(when(at))}` : ''}  `);
  lines.push(`_${mdText(w.note)}_`);
  const incomplete = incompleteNote(w);
  if (incomplete) lines.push('', `> **${mdText(incomplete)}**`);
  return lines.join('\n');
}

function row(item: WhatIfItem, multiAccount: boolean): string {
  const first = item.commands?.[0];
  const kind = `${SUBJECT[item.subject][0]}${item.kind && item.subject === 'data-store' ? `, ${item.kind}` : ''}`;
  return mdRow([`**${item.outcome}**`, mdCode(item.name), mdText(`${kind} · ${where(item, multiAccount)}`), mdText(item.reason), mdText(facts(item).join(' · ')), first ? mdCode(first) : '']);
}

function fixText(item: WhatIfItem): string {
  const lines = [`**${mdCode(item.name, false)}**${item.fix ? `: ${mdText(item.fix)}` : ''}`];
  // One block a command: a block shows a newline inside a value as an escape, never a line break.
  for (const command of item.commands ?? []) lines.push('', mdCodeBlock(command));
  return lines.join('\n') + '\n';
}
