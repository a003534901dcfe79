import { QUOTED_MAX, visible, visibleMessage } from './visible.js';

/** A step into parsed data: an object key or an array index. */
export type PathSegment = string | number;

/**
 * A mistake found in a parsed file, before anyone knows where in the text it sits.
 * `at` says which part of the node to point at: the key (an unknown or duplicate key)
 * or the value (a wrong value); a missing key points at the map that should hold it.
 */
export interface Problem {
  path: PathSegment[];
  message: string;
  at?: 'key' | 'value';
  /** Shown instead of the dotted path, when the data has a better name (an indicator key). */
  label?: string;
}

/** One line a user sees: file:line:col: path: message. */
export interface InputProblem {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  /**
   * For a spreadsheet, where instead of line and column: `Answers!H7` (a cell), `Answers!3:3` (a row),
   * `Answers` (a sheet), or '' for the whole file (`file.xlsx: message`).
   */
  cell?: string;
}

/**
 * The one line for a problem. File, path and message come from the user's files, so control
 * characters are made visible (a newline in a key cannot split the line or forge another
 * `file:line:col:`) and over-long keys and values are cut short.
 */
export function formatProblem(p: InputProblem): string {
  const path = p.path ? `${visibleMessage(p.path, QUOTED_MAX + 40)}: ` : '';
  const where = p.cell === undefined ? `:${p.line}:${p.col}` : p.cell === '' ? '' : `:${visible(p.cell)}`;
  return `${visible(p.file)}${where}: ${path}${visibleMessage(p.message)}`;
}

/** Bad input: the CLI prints each problem on one line and exits 2. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** A wrong command line (bad option value, incompatible options): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Dotted path for messages: council.name, characteristics[2].indicators[0].id */
export function formatPath(path: readonly PathSegment[], prefix = ''): string {
  let out = prefix;
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[\w$-]+$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
