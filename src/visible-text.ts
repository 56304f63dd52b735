/*
 * Text for a terminal. Names from AWS and bytes of user files may hold escape sequences, `\r`
 * or `\n` (legal in Auto Scaling group names and Route 53 set identifiers): printed raw, they
 * clear the screen or forge report lines. Every text output and message shows them escaped.
 */

/**
 * C0 and C1 controls, DEL, the Unicode controls that move or reorder what follows (line and
 * paragraph separators, bidirectional marks, embeddings, overrides and isolates: "Trojan
 * Source"), and the invisible ones that make two different names look alike (zero-width
 * characters, word joiners, the byte-order mark).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `a\x1b[2Jb` shown as the eight characters `a\x1b[2Jb`; text without controls is returned as is. */
export function visible(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (ch) => NAMED[ch] ?? escapeCode(ch.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** How much of a user's input a message echoes. */
export const EXCERPT_LENGTH = 200;

/**
 * Input echoed in a message (a value of a file, an option's argument): visible, and cut to
 * `max` characters with an ellipsis, so that a binary file does not print a 7,000-character line.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) {
    const shown = visible(text);
    if (shown.length <= max) return shown;
  }
  // Character by character (code points), so that neither an escape nor a surrogate pair is cut.
  let shown = '';
  for (const ch of text) {
    const piece = visible(ch);
    if (shown.length + piece.length > max - 1) break;
    shown += piece;
  }
  return `${shown}…`;
}

/**
 * A copy of a value (a report) with every string and key made `visible`; parts without a
 * control character are shared, not copied, so that a clean report costs one scan of its text.
 */
export function visibleStrings<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (value === null || typeof value !== 'object') return value;
  // Copied only once something differs: a large clean report is read, not rebuilt.
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const shown = visibleStrings(item);
      if (shown !== item) (copy ??= [...value])[i] = shown;
    }
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const member = record[key];
    const shown = visibleStrings(member);
    const shownKey = visible(key);
    if (shown === member && shownKey === key) continue;
    copy ??= { ...record };
    if (shownKey !== key) delete copy[key];
    copy[shownKey] = shown;
  }
  return (copy ?? value) as T;
}
