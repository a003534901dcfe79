// User text shown to a person (terminal lines, messages): control characters made visible and
// over-long values cut short, so a file can neither drive the terminal nor forge or split a line.
// Pure, and in core so that formatProblem (core) and the renderers can both use it.

/**
 * Characters that must never reach a terminal as they are: C0 controls, DEL, C1 controls, the
 * line and paragraph separators, the bidi embeddings, overrides and isolates that reorder a line,
 * and lone surrogates.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;
/** The same without tab, line feed and carriage return: for HTML and markdown, where those are spacing. */
const CONTROL_BUT_SPACING = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u000b': '\\v', '\f': '\\f', '\b': '\\b', '\0': '\\0' };

function escapeControl(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** 100000 -> "100,000": fixed, whatever the locale. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface VisibleOptions {
  /** Cut text longer than this many characters, saying how long it was. */
  max?: number;
  /** Leave tab, line feed and carriage return alone (text that will be laid out again, as in HTML). */
  keepSpacing?: boolean;
}

/** Over `max` characters (code points): the first `max`, then "… (N characters)". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text; // UTF-16 length is never less than the count of code points
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max).join('')}… (${thousands(points.length)} characters)`;
}

/**
 * Text from a file, safe to print: every control character shown as an escape (\n, \r, \t, \x1b,
 * \u202e), and, with `max`, cut short. Printable text (accents, CJK, emoji) is untouched.
 */
export function visible(text: string, { max, keepSpacing = false }: VisibleOptions = {}): string {
  const cut = max === undefined ? text : truncate(text, max);
  return cut.replace(keepSpacing ? CONTROL_BUT_SPACING : CONTROL, escapeControl);
}

/** How many characters of a quoted value a message shows. */
export const QUOTED_MAX = 120;

/**
 * Shortens every JSON-quoted string in a message ("kkk…" (100,000 characters)) that is longer than
 * `max` characters inside its quotes, keeping the words around it. Messages quote user values with
 * JSON.stringify, so this is where a 100,000-character key or value is cut.
 */
export function shortenQuoted(message: string, max = QUOTED_MAX): string {
  if (message.length <= max + 2) return message;
  return message.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) => {
    if (quoted.length <= max + 2) return quoted;
    const inner = quoted.slice(1, -1);
    const points = Array.from(inner);
    if (points.length <= max) return quoted;
    let kept = points.slice(0, max).join('');
    // Never end on half an escape: an odd run of backslashes, or \u with fewer than 4 digits.
    kept = kept.replace(/\\u[0-9a-fA-F]{0,3}$/, '');
    const backslashes = /\\*$/.exec(kept)![0].length;
    if (backslashes % 2 === 1) kept = kept.slice(0, -1);
    return `"${kept}…" (${thousands(points.length)} characters)`;
  });
}

/** A message for one line: quoted values shortened, the whole capped, controls visible. */
export function visibleMessage(message: string, max = 1000): string {
  return visible(shortenQuoted(message), { max });
}
