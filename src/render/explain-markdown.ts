// `explain --format markdown`: the working as a document to hand over; passes markdownlint's default rules.
import type { Explanation } from '../core/explain.js';
import { inlineMarkdown as md } from './escape.js';
import {
  bandWords, countedWords, figure, gapWorking, GAPS_HEAD, indicatorWorking, notShownWords, overallLeftOut, overallWorking, scoreWorking, targetWorking, toTargetWorking,
} from './explain-words.js';
import { finishHeadings, heading, listItem, WIDTH, wrap } from './markdown-wrap.js';

export function renderExplainMarkdown(e: Explanation): string {
  const out: string[] = [];
  const para = (text: string) => out.push(...wrap(text, WIDTH), '');
  out.push(heading(1, `How the scores of ${md(e.council.name)} were worked out`), '');
  para(`Rubric: ${md(e.rubric.title)}, version ${md(e.rubric.version)}; levels 0-${e.max}.`);
  if (e.narrowedTo) para(`Only: ${e.narrowedTo.map((id) => `\`${id}\``).join(', ')}.`);

  for (const c of e.characteristics) {
    out.push(heading(2, `${md(c.title)} (weight ${c.weight})`), '');
    para(`Each counted indicator gives weight × level out of weight × ${e.max}.`);
    for (const i of c.indicators) {
      const target = e.targets && i.level !== null ? `; ${targetWorking(i, e)}` : '';
      out.push(...listItem('-', `\`${i.key}\`: ${md(indicatorWorking(i) + target)}`));
    }
    if (c.indicators.length > 0) out.push('');
    const hidden = notShownWords(c);
    if (hidden) para(`${hidden}.`);
    const lines: string[] = [];
    if (c.score !== null) {
      lines.push(`${countedWords(c)}: ${figure(c.sums.points)} out of ${figure(c.sums.possible)}${e.targets ? `; towards targets ${figure(c.sums.reached)} out of ${figure(c.sums.aimed)}` : ''}.`);
    }
    lines.push(`${scoreWorking(c)}.`, `${bandWords(c.band, c.score)}.`);
    if (e.targets && c.score !== null) lines.push(`${toTargetWorking(c)}.`);
    para(md(lines.join(' ')));
  }

  if (e.overall) {
    out.push(heading(2, 'Overall'), '');
    const left = overallLeftOut(e);
    const lines = [`${overallWorking(e, 'score')}.`, ...(left ? [`${left}.`] : []), `${bandWords(e.overall.band, e.overall.score)}.`];
    if (e.targets) lines.push(`${overallWorking(e, 'toTarget')}.`);
    para(md(lines.join(' ')));
  }

  out.push(heading(2, 'Gaps'), '');
  para(md(`${GAPS_HEAD}.`));
  if (e.gaps.length === 0) para(e.narrowedTo ? 'None among these indicators.' : 'None: every scored indicator is at its target.');
  for (const g of e.gaps) out.push(...listItem(`${g.rank}.`, `\`${g.key}\`: ${md(gapWorking(g))}`));
  while (out.at(-1) === '') out.pop();
  return `${finishHeadings(out).join('\n')}\n`;
}
