// Every option shared by more than one command, declared once.
import { InvalidArgumentError, Option } from 'commander';

export const FORMATS = {
  assess: ['text', 'json', 'markdown', 'html', 'docx'],
  rubrics: ['text', 'json'],
  compare: ['text', 'markdown', 'json', 'html', 'docx'],
  batch: ['text', 'csv', 'json', 'markdown', 'html'],
  progress: ['text', 'markdown', 'csv', 'json', 'html', 'docx'],
  template: ['yaml', 'xlsx', 'csv'],
} as const;

export function formatOption(formats: readonly string[]): Option {
  return new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]);
}

/** Taken by every command, so it is the program's own option. */
export const noColorOption = () =>
  new Option('--no-color', 'plain text, without colour (NO_COLOR and FORCE_COLOR are honoured too; --no-color wins)');

/** `--accessible` (interview, moderate): SPEC "Accessibility". */
export const accessibleOption = () =>
  new Option(
    '--accessible',
    'plain prompts for a screen reader: each question printed once and answered by typing a number or letter, the answer said back, nothing redrawn (ACCESSIBLE=1 does the same)',
  );

export const outputOption = () =>
  new Option('-o, --output <file>', 'write to this file instead of the screen (replaced in one step, never half-written)');

export const rubricOption = (what: string) =>
  new Option('-r, --rubric <id|path>', `rubric to use: a built-in id (see "rubrics") or a path to a rubric file${what}`);

/** `--only`: part of the rubric, for one assessor (interview, template). Read by core/selection.ts. */
export const onlyOption = (verb: string, after = '') =>
  new Option(
    '--only <ids>',
    `${verb} only these characteristics and indicators: ids and keys separated by commas, such as approach,culture.appraisals-and-targets${after}`,
  );

export function wholeNumber(min: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^\s*-?\d+\s*$/.test(raw) || value < min) throw new InvalidArgumentError(`expected a whole number from ${min} up, got "${raw}"`);
    return value;
  };
}

export function percentage(raw: string): number {
  const value = Number(raw);
  // Number() also takes 0x10, 1e1 and "Infinity"; a score is written in decimals.
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw) || value > 100) {
    throw new InvalidArgumentError(`expected a number from 0 to 100, got "${raw}"`);
  }
  return value;
}

export function shard(raw: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`expected I/N with 1 <= I <= N, such as 2/4, got "${raw}"`);
  return { index, count };
}
