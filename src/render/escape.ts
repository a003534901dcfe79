// The one place user-supplied text (council names, evidence, assessors) is made safe for output.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * Text for one markdown line or table cell: whitespace (newlines included) collapsed, HTML escaped so
 * nothing renders as a tag, and markdown punctuation escaped so it cannot start emphasis, a link,
 * code or a new table cell.
 */
export function inlineMarkdown(text: string): string {
  // Web addresses in evidence become proper autolinks (<https://...>) rather than bare URLs.
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(https?:\/\/[^\s<>"'`|\\]*[^\s<>"'`|\\.,;:)\]])/)
    .map((part, i) => (i % 2 === 1 ? `<${part}>` : part.replace(/[&<>]/g, (c) => HTML[c]!).replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)))
    .join('');
}
