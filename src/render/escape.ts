// The one place text from a file (council names, evidence, assessors, and every word of a rubric)
// is made safe for output.
import { visible } from '../core/visible.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML (and SVG): markup escaped, control characters other than spacing shown as escapes. */
export function escapeHtml(text: string): string {
  return visible(text, { keepSpacing: true }).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * Text for one markdown line or table cell: whitespace (newlines included) collapsed, control
 * characters shown as escapes, HTML escaped so nothing renders as a tag, and markdown punctuation
 * escaped so it cannot start emphasis, a link, code or a new table cell.
 */
export function inlineMarkdown(text: string): string {
  // Web and e-mail addresses in evidence become proper autolinks (<https://...>, <jo@x.gov.uk>)
  // rather than bare addresses, which markdownlint refuses (MD034).
  return visible(text.replace(/\s+/g, ' ').trim())
    .split(/(https?:\/\/[^\s<>"'`|\\]*[^\s<>"'`|\\.,;:)\]]|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/)
    .map((part, i) => (i % 2 === 1 ? `<${part}>` : part.replace(/[&<>]/g, (c) => HTML[c]!).replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)))
    .join('');
}
