import { visible } from '../visible-text.js';

/**
 * Prose from AWS values (messages, reasons) for GitHub Markdown. Backslash-escaped (CommonMark
 * allows it for any ASCII punctuation): what opens a link or image (`[ ] ( ) !`), emphasis, code
 * or strike-through (`* _ \` ~`), HTML or an entity (`< > &`), a table cell (`|`), math (`$`), an
 * autolink (`@`, `://`, `www.`), and a block (`# + - =` or `1.`) where the value starts a line.
 * Control characters show as visible escapes, so a newline cannot end a row.
 */
export function mdText(value: string): string {
  return visible(value)
    .replace(/[\\`*_{}[\]()<>!|~&@$]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A name or id as a code span: shown literally (no HTML, no link), with a fence longer than any
 * run of backticks inside. In a table cell a `|` is escaped too: GitHub splits cells before it
 * reads code spans, and shows `\|` there as `|`.
 */
export function mdCode(value: string, inTable = true): string {
  let text = visible(value);
  if (inTable) text = text.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

/** A fenced code block (fix commands), with a fence longer than any run of backticks inside. */
export function mdCodeBlock(text: string, language = 'sh'): string {
  const body = visible(text);
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${body}\n${fence}`;
}

/** Text inside raw HTML (`<summary>`): markup characters become entities. */
export function htmlText(value: string): string {
  return visible(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A table row from cells already escaped for a table. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
