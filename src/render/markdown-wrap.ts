import { columns } from './width.js';
import { wrap as wrapWords } from './wrap.js';

export const WIDTH = 80; // markdownlint's default line length (MD013), headings included

/**
 * Keeps a line from starting a block: "# x" (heading), "- x", "+ x", "* x", "1. x" (lists), "---"
 * (a rule). Only where the line would start one, so "**bold**" is left alone.
 */
function notABlock(line: string): string {
  return line
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([-+*>])(?=\s|$)/, '\\$1')
    .replace(/^([-*_])(?=(?:\s*[-*_]){2,}\s*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Word-wraps for markdown. A wrapped line that starts with "-", "#", "1." and the like would begin
 * a list or heading (and "=" or "-" under a line would underline it), so its first mark is escaped;
 * so is the first line's, when the text itself starts that way (a statement "- like this").
 */
export function wrap(text: string, width = WIDTH): string[] {
  return wrapWords(text, width).map((line, i) =>
    i === 0 ? notABlock(line) : line.replace(/^([-+*>#=])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2'),
  );
}

/** A list item ("-" or "3.") wrapped to the line length, continuation lines indented under its text. */
export function listItem(marker: string, text: string): string[] {
  const indent = ' '.repeat(marker.length + 1);
  return wrap(text, WIDTH - indent.length).map((line, i) => (i === 0 ? `${marker} ${line}` : `${indent}${line}`));
}

/** markdownlint's default trailing punctuation for headings (MD026). */
const TRAILING_PUNCTUATION = /[.,;:!。，；：！]$/u;

/**
 * A heading of escaped inline text (inlineMarkdown). Every character of the text stays: a closing
 * "#" is escaped (it would be taken for the optional closing hashes of the heading and dropped), and
 * closing punctuation becomes a character reference (markdownlint's MD026 rejects it as it is).
 */
export function heading(level: 1 | 2, text: string): string {
  const kept = text
    .replace(/#+$/, (hashes) => '\\#'.repeat(hashes.length))
    .replace(TRAILING_PUNCTUATION, (c, at: number, all: string) => (/&#?\w+;$/.test(all) ? c : `&#${c.codePointAt(0)};`));
  return `${'#'.repeat(level)} ${kept}`;
}

/**
 * The last step of a markdown document made with `heading`. A heading cannot wrap, so when one is
 * longer than the line length every heading becomes a setext heading (text, then a line of "=" or
 * "-"), whose text can take several lines; all of them change, as markdownlint wants one style.
 */
export function finishHeadings(lines: string[]): string[] {
  const isHeading = (line: string) => /^#{1,2} /.test(line);
  if (lines.every((line) => !isHeading(line) || columns(line) <= WIDTH)) return lines;
  return lines.flatMap((line) => {
    const match = /^(#{1,2}) (.*)$/.exec(line);
    if (!match) return [line];
    const text = wrap(match[2]!, WIDTH);
    const underline = (match[1] === '#' ? '=' : '-').repeat(Math.max(3, Math.min(WIDTH, Math.max(...text.map(columns)))));
    return [...text, underline];
  });
}

/**
 * A markdown table, or, when a row would run past the line length (a long characteristic title or
 * band from a council's own rubric: table rows cannot wrap), the same cells as a list, one item a
 * row: "- **Title**: Score 58.3; Band Developing; ...". `align` is "l" or "r" per column.
 */
export function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`.replace(/\|  \|/g, '| |');
  const lines = [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)];
  if (lines.every((l) => columns(l) <= WIDTH)) return lines;
  return rows.flatMap((cells) => {
    const first = cells[0] ?? '';
    const name = /^\*\*.*\*\*$/.test(first) ? first : `**${first}**`;
    const rest = cells.slice(1).map((cell, i) => (header[i + 1] ? `${header[i + 1]} ${cell}` : cell));
    return listItem('-', `${name}: ${rest.join('; ')}`);
  });
}
