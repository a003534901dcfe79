import type { Comparison, IndicatorChange, ScoreChange } from '../core/compare.js';
import type { Rubric } from '../core/types.js';
import { visible } from '../core/visible.js';
import { answerText } from './context.js';
import { inlineMarkdown as md } from './escape.js';
import { oneDecimal } from './format.js';
import { finishHeadings, heading, listItem, table, wrap } from './markdown-wrap.js';
import { columns, padEnd } from './width.js';
import { wrapText } from './wrap.js';

/** A change to one decimal with its sign: "+14.4", "−2.0", "±0.0"; "–" when there is none. */
export function signed(value: number | null): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)}`;
}

const arrow = (c: ScoreChange) => `${oneDecimal(c.before)} → ${oneDecimal(c.after)}`;
/** When a side was assessed: its date, else its file, else "undated". */
export const when = (side: Comparison['before']) => side.assessedOn ?? side.source ?? 'undated';

export function renderCompareJson(c: Comparison): string {
  return `${JSON.stringify({ schemaVersion: 1, ...c }, null, 2)}\n`;
}

/** The terminal view; every line fits `width` columns (default 80). */
export function renderCompareText(c: Comparison, rubric: Rubric, { width = 80 }: { width?: number } = {}): string {
  const out = [...wrapText(`${visible(c.after.council)}: ${visible(when(c.before))} → ${visible(when(c.after))}`, width), ''];
  // A line of figures wider than a (very narrow) terminal wraps between them.
  const fit = (line: string) => (columns(line) <= width ? [line] : wrapText(line, width, '    ').map((l, i) => (i === 0 ? l.trimStart() : l)));
  out.push(...fit(`Overall  ${arrow(c.overall)}  (${signed(c.overall.change)})`), '');
  const titles = c.characteristics.map((ch) => visible(ch.title));
  const titleWidth = Math.max(0, ...titles.map(columns));
  // "  title  before → after  change": the figures take 2 + 13 + 2 + 6 columns.
  const oneLine = 2 + titleWidth + 23 <= width;
  c.characteristics.forEach((ch, i) => {
    const figures = `${arrow(ch).padStart(13)}  ${signed(ch.change).padStart(6)}`;
    if (oneLine) out.push(`  ${padEnd(titles[i]!, titleWidth)}  ${figures}`);
    else out.push(...wrapText(titles[i]!, width, '  '), ...fit(`    ${figures}`));
  });
  const list = (title: string, rows: IndicatorChange[]) => {
    if (rows.length === 0) return;
    out.push('', `${title} (${rows.length}):`);
    for (const r of rows) {
      const line = `${visible(r.key)}: ${visible(answerText(rubric, r.before))} → ${visible(answerText(rubric, r.after))}`;
      out.push(...wrapText(line, width, '    ').map((l, n) => (n === 0 ? `  ${l.trimStart()}` : l)));
    }
  };
  list('Improved', c.improved);
  list('Regressed', c.regressed);
  list('Newly assessed', c.newlyAssessed);
  for (const [title, keys] of versionChanges(c)) {
    out.push('', `${visible(title)} (${keys.length}):`, ...wrapText(keys.map((k) => visible(k)).join(', '), width, '  '));
  }
  return `${out.join('\n')}\n`;
}

/** Questions one version of the rubric asks and the other does not, with a heading for each list. */
export function versionChanges(c: Comparison): [string, string[]][] {
  const out: [string, string[]][] = [];
  if (c.questions.added.length > 0) out.push([`Questions new in version ${c.rubric.after}, not in ${c.rubric.before}`, c.questions.added]);
  if (c.questions.removed.length > 0) out.push([`Questions in version ${c.rubric.before} that version ${c.rubric.after} no longer asks`, c.questions.removed]);
  return out;
}

export function renderCompareMarkdown(c: Comparison, rubric: Rubric): string {
  const out = [heading(1, `Progress: ${md(c.after.council)}`), '', ...wrap(`From ${md(when(c.before))} to ${md(when(c.after))}.`), ''];
  out.push(
    ...table(['', 'Before', 'After', 'Change'], ['l', 'r', 'r', 'r'], [
      ['**Overall**', oneDecimal(c.overall.before), oneDecimal(c.overall.after), signed(c.overall.change)],
      ...c.characteristics.map((ch) => [md(ch.title), oneDecimal(ch.before), oneDecimal(ch.after), signed(ch.change)]),
    ]),
  );
  out.push('');
  const list = (title: string, rows: IndicatorChange[]) => {
    out.push(heading(2, `${title} (${rows.length})`), '');
    if (rows.length === 0) out.push('None.', '');
    for (const r of rows) out.push(...listItem('-', `${md(r.statement)} ${md(answerText(rubric, r.before))} → ${md(answerText(rubric, r.after))}`));
    if (rows.length > 0) out.push('');
  };
  list('Improved', c.improved);
  list('Regressed', c.regressed);
  list('Newly assessed', c.newlyAssessed);
  for (const [title, keys] of versionChanges(c)) {
    out.push(heading(2, `${md(title)} (${keys.length})`), '');
    for (const key of keys) out.push(...listItem('-', md(key)));
    out.push('');
  }
  while (out.at(-1) === '') out.pop();
  return `${finishHeadings(out).join('\n')}\n`;
}
