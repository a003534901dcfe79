// `explain --format text`: the working, every line within the terminal's width (80 by default).
import type { Explanation } from '../core/explain.js';
import { visible } from '../core/visible.js';
import {
  bandWords, countedWords, figure, gapWorking, GAPS_HEAD, indicatorWorking, notShownWords, overallLeftOut, overallWorking, scoreWorking, targetWorking, toTargetWorking,
} from './explain-words.js';
import { columns, padEnd } from './width.js';
import { wrapText } from './wrap.js';

const v = (text: string) => visible(text);

export function renderExplainText(e: Explanation, { width = 80 }: { width?: number } = {}): string {
  width = Math.max(20, width);
  const out: string[] = [];
  out.push(...wrapText(`How the scores of ${v(e.council.name)} were worked out`, width));
  out.push(...wrapText(`Rubric: ${v(e.rubric.title)}, version ${v(e.rubric.version)}; levels 0-${e.max}`, width));
  if (e.narrowedTo) out.push(...wrapText(`Only: ${e.narrowedTo.map(v).join(', ')}`, width));
  out.push('');

  for (const c of e.characteristics) {
    out.push(...wrapText(`${v(c.title)} (${v(c.id)}), weight ${c.weight}: weight × level out of weight × ${e.max}`, width));
    const counted = c.indicators.filter((i) => i.level !== null);
    const keyWidth = labelWidth(c.indicators.map((i) => v(i.key)), counted.map(indicatorWorking), width);
    for (const i of c.indicators) {
      out.push(...item(padEnd(v(i.key), keyWidth), indicatorWorking(i), width));
      if (e.targets && i.level !== null) out.push(...wrapText(targetWorking(i, e), width, ' '.repeat(Math.min(keyWidth + 4, Math.floor(width / 2)))));
    }
    if (c.indicators.length === 0) out.push(...wrapText('(no indicators)', width, '  '));
    const hidden = notShownWords(c);
    if (hidden) out.push(...wrapText(`(${hidden})`, width, '  '));
    if (c.score !== null) {
      const sums = `${countedWords(c)}: ${figure(c.sums.points)} out of ${figure(c.sums.possible)}${e.targets ? `; towards targets ${figure(c.sums.reached)} out of ${figure(c.sums.aimed)}` : ''}`;
      out.push(...wrapText(sums, width, '  '));
    }
    out.push(...wrapText(scoreWorking(c), width, '  '));
    out.push(...wrapText(bandWords(c.band, c.score), width, '  '));
    if (e.targets && c.score !== null) out.push(...wrapText(toTargetWorking(c), width, '  '));
    out.push('');
  }

  if (e.overall) {
    out.push(...wrapText('Overall: the weighted mean of the characteristic scores', width));
    out.push(...wrapText(overallWorking(e, 'score'), width, '  '));
    const left = overallLeftOut(e);
    if (left) out.push(...wrapText(v(left), width, '  '));
    out.push(...wrapText(bandWords(e.overall.band, e.overall.score), width, '  '));
    if (e.targets) out.push(...wrapText(overallWorking(e, 'toTarget'), width, '  '));
    out.push('');
  }

  out.push(...wrapText(GAPS_HEAD, width));
  if (e.gaps.length === 0) out.push(...wrapText(e.narrowedTo ? 'None among these indicators.' : 'None: every scored indicator is at its target.', width, '  '));
  const rankWidth = String(Math.max(0, ...e.gaps.map((g) => g.rank))).length;
  const labels = e.gaps.map((g) => `${String(g.rank).padStart(rankWidth)}. ${v(g.key)}`);
  const gapWidth = labelWidth(labels, e.gaps.map(gapWorking), width);
  e.gaps.forEach((g, n) => out.push(...item(padEnd(labels[n]!, gapWidth), gapWorking(g), width)));
  return `${out.join('\n')}\n`;
}

/** The column labels are padded to: the widest label, unless that would push the workings past the width. */
function labelWidth(labels: string[], workings: string[], width: number): number {
  const widest = Math.max(0, ...labels.map(columns));
  const room = width - 4 - Math.max(0, ...workings.map(columns));
  return Math.max(0, Math.min(widest, room));
}

/** "  label  working" on one line when it fits, else the working wrapped under the label. */
function item(label: string, working: string, width: number): string[] {
  const line = `  ${label}  ${working}`;
  if (columns(line) <= width) return [line];
  const head = wrapText(label.trimEnd(), width, '  ');
  return [...head, ...wrapText(working, width, '      ')];
}
