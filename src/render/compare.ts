import type { Comparison, IndicatorChange, ScoreChange } from '../core/compare.js';
import type { Rubric } from '../core/types.js';
import { answerText } from './context.js';
import { inlineMarkdown as md } from './escape.js';
import { oneDecimal } from './format.js';
import { listItem, wrap } from './markdown-wrap.js';

function signed(value: number | null): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)}`;
}

const arrow = (c: ScoreChange) => `${oneDecimal(c.before)} → ${oneDecimal(c.after)}`;
const when = (side: Comparison['before']) => side.assessedOn ?? side.source ?? 'undated';

export function renderCompareJson(c: Comparison): string {
  return `${JSON.stringify({ schemaVersion: 1, ...c }, null, 2)}\n`;
}

export function renderCompareText(c: Comparison, rubric: Rubric): string {
  const out = [`${c.after.council}: ${when(c.before)} → ${when(c.after)}`, ''];
  out.push(`Overall  ${arrow(c.overall)}  (${signed(c.overall.change)})`, '');
  const width = Math.max(...c.characteristics.map((ch) => ch.title.length));
  for (const ch of c.characteristics) out.push(`  ${ch.title.padEnd(width)}  ${arrow(ch).padStart(13)}  ${signed(ch.change).padStart(6)}`);
  const list = (title: string, rows: IndicatorChange[]) => {
    if (rows.length === 0) return;
    out.push('', `${title} (${rows.length}):`);
    for (const r of rows) out.push(`  ${r.key}: ${answerText(rubric, r.before)} → ${answerText(rubric, r.after)}`);
  };
  list('Improved', c.improved);
  list('Regressed', c.regressed);
  list('Newly assessed', c.newlyAssessed);
  return `${out.join('\n')}\n`;
}

export function renderCompareMarkdown(c: Comparison, rubric: Rubric): string {
  const out = [`# Progress: ${md(c.after.council)}`, '', ...wrap(`From ${md(when(c.before))} to ${md(when(c.after))}.`), ''];
  out.push('| | Before | After | Change |', '| --- | ---: | ---: | ---: |');
  out.push(`| **Overall** | ${oneDecimal(c.overall.before)} | ${oneDecimal(c.overall.after)} | ${signed(c.overall.change)} |`);
  for (const ch of c.characteristics) {
    out.push(`| ${md(ch.title)} | ${oneDecimal(ch.before)} | ${oneDecimal(ch.after)} | ${signed(ch.change)} |`);
  }
  out.push('');
  const list = (title: string, rows: IndicatorChange[]) => {
    out.push(`## ${title} (${rows.length})`, '');
    if (rows.length === 0) out.push('None.', '');
    for (const r of rows) out.push(...listItem('-', `${md(r.statement)} ${answerText(rubric, r.before)} → ${answerText(rubric, r.after)}`));
    if (rows.length > 0) out.push('');
  };
  list('Improved', c.improved);
  list('Regressed', c.regressed);
  list('Newly assessed', c.newlyAssessed);
  while (out.at(-1) === '') out.pop();
  return `${out.join('\n')}\n`;
}
