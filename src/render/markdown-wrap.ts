import { wrap as wrapWords } from './wrap.js';

export const WIDTH = 80; // markdownlint's default line length

/**
 * Word-wraps for markdown. A wrapped line that starts with "-", "#", "1." and the like would begin
 * a list or heading, so its first mark is escaped.
 */
export function wrap(text: string, width = WIDTH): string[] {
  return wrapWords(text, width).map((line, i) =>
    i === 0 ? line : line.replace(/^([-+*>#=])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2'),
  );
}

/** A list item ("-" or "3.") wrapped to the line length, continuation lines indented under its text. */
export function listItem(marker: string, text: string): string[] {
  const indent = ' '.repeat(marker.length + 1);
  return wrap(text, WIDTH - indent.length).map((line, i) => (i === 0 ? `${marker} ${line}` : `${indent}${line}`));
}
