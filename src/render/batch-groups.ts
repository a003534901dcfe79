// The groups of batch --group-by in the terminal and in markdown: each group with its n, the same
// six statistics as the cohort, and groups under five councils flagged in words as too small to compare.
import type { BatchResult } from '../core/batch.js';
import type { Stats } from '../core/cohort.js';
import type { GroupSummary } from '../core/groups.js';
import { groupSummaries, SMALL_GROUP, TOO_SMALL_WORDS } from '../core/groups.js';
import { visible } from '../core/visible.js';
import { inlineMarkdown as md } from './escape.js';
import { count, oneDecimal } from './format.js';
import { columns, padEnd } from './width.js';
import { wrapText } from './wrap.js';

const NUMBERS = ['min', 'q1', 'median', 'q3', 'max', 'mean'];
const figures = (s: Stats) => [s.min, s.q1, s.median, s.q3, s.max, s.mean];

/** "county: 12 councils scored" or "district: 3 councils scored, too small to compare". */
export function groupHeading(g: Pick<GroupSummary, 'value' | 'count' | 'tooSmall'>, show: (s: string) => string = (s) => s): string {
  return `${show(g.value)}: ${count(g.count, 'council')} scored${g.tooSmall ? `, ${TOO_SMALL_WORDS}` : ''}`;
}

const intro = (field: string, n: number) =>
  `Groups by ${field} (${count(n, 'group')}; a group with fewer than ${SMALL_GROUP} councils scored is ${TOO_SMALL_WORDS})`;

/** Lines for the text report (none when the batch is not grouped); every line fits `width`. */
export function groupsText(r: BatchResult, width: number): string[] {
  const summary = groupSummaries(r);
  if (!summary) return [];
  const out = ['', ...wrapText(`${intro(visible(summary.field), summary.groups.length)}:`, width)];
  for (const g of summary.groups) {
    out.push('', ...wrapText(groupHeading(g, (s) => visible(s)), width, '  '));
    const labels = ['overall', ...g.characteristics.map((c) => visible(c.id))];
    const all = [g.overall, ...g.characteristics.map((c) => c.stats)];
    const labelWidth = Math.max(7, ...labels.map(columns));
    const beside = 4 + labelWidth + 2 + 41 <= width;
    const spans: [number, number][] = beside || 6 + 41 <= width ? [[0, 6]] : [[0, 3], [3, 6]];
    for (const [from, to] of spans) {
      out.push(`    ${''.padEnd(beside ? labelWidth : 0)}  ${NUMBERS.slice(from, to).map((h) => h.padStart(6)).join(' ')}`);
      labels.forEach((label, i) => {
        const cells = figures(all[i]!).slice(from, to).map((n) => oneDecimal(n).padStart(6)).join(' ');
        if (beside) out.push(`    ${padEnd(label, labelWidth)}  ${cells}`);
        else out.push(...wrapText(label, width, '    '), `      ${cells}`);
      });
    }
  }
  return out;
}

/** Lines for the markdown report (none when the batch is not grouped). */
export function groupsMarkdown(r: BatchResult): string[] {
  const summary = groupSummaries(r);
  if (!summary) return [];
  const out = ['', `## ${intro(md(summary.field), summary.groups.length)}`, ''];
  out.push('| Group | Councils scored | Median overall | Compare |', '| --- | ---: | ---: | --- |');
  for (const g of summary.groups) out.push(`| ${md(g.value)} | ${g.count} | ${oneDecimal(g.overall.median)} | ${g.tooSmall ? TOO_SMALL_WORDS : 'yes'} |`);
  for (const g of summary.groups) {
    out.push('', `### ${groupHeading(g, md)}`, '', '| | Min | Q1 | Median | Q3 | Max | Mean |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    out.push(`| **Overall** | ${figures(g.overall).map(oneDecimal).join(' | ')} |`);
    for (const c of g.characteristics) out.push(`| ${md(c.id)} | ${figures(c.stats).map(oneDecimal).join(' | ')} |`);
  }
  return out;
}
