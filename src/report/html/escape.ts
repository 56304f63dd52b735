import { visible } from '../../visible-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for an HTML element or a quoted attribute: markup characters become entities and control
 * characters visible escapes, so a name such as `"><img onerror=...>` or `</style>` shows as the
 * text it is.
 */
export function h(value: string | number): string {
  return visible(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An `https:` link from the report (documentation pages); anything else is not linked. */
export function safeUrl(url: string): string | undefined {
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? url : undefined;
}
