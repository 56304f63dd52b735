import type { Placeholder, PlaceholderKind, RemediationStep } from '../model/result.js';

/**
 * Builders of remediation steps. A rule writes `aws('elbv2', 'set-subnets', '--subnets', id,
 * placeholder('subnet-id', 'subnet-id-in-another-zone'))`; the step records which words the
 * user fills in, so that rendering quotes every value from AWS and tests can run the command.
 */

/** A value the user supplies, shown as `<label>`. */
export interface PlaceholderWord {
  readonly placeholder: PlaceholderKind;
  readonly text: string;
}

/** Placeholders of kinds whose value is a number: inside JSON they stand bare, where the number goes. */
const NUMERIC_KINDS: ReadonlySet<PlaceholderKind> = new Set(['port']);

/** `<label>`; the label is ours, never a value from AWS, and harmless to a shell left bare. */
export function placeholder(kind: PlaceholderKind, label: string = kind): PlaceholderWord {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(label)) throw new Error(`placeholder label "${label}" must be lower-case words joined by hyphens`);
  return { placeholder: kind, text: `<${label}>` };
}

function isPlaceholder(value: unknown): value is PlaceholderWord {
  return typeof value === 'object' && value !== null && 'placeholder' in value && 'text' in value;
}

/** A word made of several parts, some of them placeholders (a comma list, a JSON document). */
export class CompositeWord {
  constructor(
    readonly text: string,
    readonly placeholders: readonly PlaceholderWord[],
  ) {}
}

export type Word = string | number | PlaceholderWord | CompositeWord;

/** `subnet-a,subnet-b,<subnet-id-in-another-zone>`. */
export function joined(separator: string, items: readonly (string | PlaceholderWord)[]): CompositeWord {
  return new CompositeWord(items.map((item) => (isPlaceholder(item) ? item.text : item)).join(separator), items.filter(isPlaceholder));
}

/** A JSON document (a change batch, a health-check configuration) that may hold placeholders. */
export function json(value: unknown): CompositeWord {
  const found: PlaceholderWord[] = [];
  // JSON.stringify's output, with placeholders written where their value goes: a string's
  // placeholder inside quotes, a number's bare (`"Port":<port>`), to be replaced before running.
  const serialize = (v: unknown): string => {
    if (isPlaceholder(v)) {
      found.push(v);
      return NUMERIC_KINDS.has(v.placeholder) ? v.text : JSON.stringify(v.text);
    }
    if (Array.isArray(v)) return `[${v.map(serialize).join(',')}]`;
    if (v !== null && typeof v === 'object') {
      const members = Object.entries(v).filter(([, member]) => member !== undefined);
      return `{${members.map(([key, member]) => `${JSON.stringify(key)}:${serialize(member)}`).join(',')}}`;
    }
    return JSON.stringify(v);
  };
  const text = serialize(value);
  return new CompositeWord(text, found);
}

/** `aws <service> <operation> ...words`: one step, its placeholders located. */
export function aws(...words: Word[]): RemediationStep {
  const argv = ['aws'];
  const placeholders: Placeholder[] = [];
  for (const word of words) {
    const arg = argv.length;
    if (isPlaceholder(word)) {
      argv.push(word.text);
      placeholders.push({ arg, text: word.text, kind: word.placeholder });
    } else if (word instanceof CompositeWord) {
      argv.push(word.text);
      for (const p of word.placeholders) placeholders.push({ arg, text: p.text, kind: p.placeholder });
    } else {
      argv.push(String(word));
    }
  }
  // Exact copies: an array grown by push keeps room for 16 more items, and a report keeps every
  // step of every failing result (an organisation's, tens of thousands).
  return { argv: [...argv], placeholders: [...placeholders] };
}

/** The step run in the resource's region, unless it names one already. */
export function inRegion(step: RemediationStep, region: string): RemediationStep {
  if (step.argv.includes('--region')) return step;
  return { argv: [...step.argv, '--region', region], placeholders: step.placeholders };
}
