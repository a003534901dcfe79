import { chop, columns } from './width.js';

export interface WrapOptions {
  /** Split a word wider than the line (a terminal must never wrap it itself); off for markdown, where a long link must stay whole. */
  breakWords?: boolean;
}

/** Word-wraps text to `width` terminal columns, prefixing every line with `indent`. */
export function wrap(text: string, width: number, indent = '', { breakWords = false }: WrapOptions = {}): string[] {
  const room = Math.max(1, width - columns(indent));
  // A no-break space joins two words into one (a level and its label, say).
  const words = text.replace(/[^\S\u00a0]+/g, ' ').trim().split(' ').flatMap((word) => (breakWords && columns(word) > room ? chop(word, room) : [word]));
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of words) {
    const w = columns(word);
    if (line && used + 1 + w > room) {
      lines.push(indent + line);
      line = word;
      used = w;
    } else {
      line = line ? `${line} ${word}` : word;
      used = line === word ? w : used + 1 + w;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Word-wraps terminal text: words too wide for a line are split, so no line is ever wider than `width`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  return wrap(text, width, indent, { breakWords: true });
}

/** Word-wraps text with a hanging indent: the first line starts with `first`, the rest with `rest` (no wider). */
export function wrapHanging(text: string, width: number, first: string, rest: string, options: WrapOptions = {}): string[] {
  const lines = wrap(text, width, rest, options);
  if (lines.length > 0) lines[0] = first + lines[0]!.slice(rest.length);
  return lines;
}
