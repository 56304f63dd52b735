import type { Rule } from '../engine/define-rule.js';
import { closest } from '../closest.js';
import { HaAuditError } from '../model/errors.js';
import { excerpt } from '../visible-text.js';

/** The rules named by `--rule` (repeatable or comma-separated), or all of them. */
export function selectRules(all: readonly Rule[], requested: readonly string[]): Rule[] {
  const ids = requested.flatMap((v) => v.split(',')).map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) return [...all];
  const known = new Map(all.map((r) => [r.id, r]));
  for (const id of ids) {
    if (known.has(id)) continue;
    const guess = closest(id, [...known.keys()]);
    throw new HaAuditError('usage', `unknown rule "${excerpt(id)}"${guess ? ` (did you mean ${guess}?)` : ''}`, 'run `ha-audit rules` to list the rule ids');
  }
  return all.filter((r) => ids.includes(r.id));
}
