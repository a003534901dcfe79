import type { Comparison } from '../core/compare.js';
import { escapeHtml } from './escape.js';
import { oneDecimal } from './format.js';
import { wrap } from './wrap.js';
import { when } from './compare.js';

const n2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

/** Labels wrap at about this many characters of 12 px sans-serif, right-aligned against the bars. */
const LABEL_CHARS = 26;
const LINE_PX = 14;
const LABEL_RIGHT = 200;
const BAR_X = 212;
/** 100 points of score. */
const BAR_W = 360;
const BAR_H = 14;
const BAR_GAP = 4;
const ROW_GAP = 14;
const TOP = 28;
const WIDTH = 720;

/** Before in grey, after in blue, both at least 3:1 against white; each bar is also labelled in words. */
const COLOURS = { before: '#6f777b', after: '#005ea5' } as const;

/**
 * A bar chart of the scores before and after (0-100), the overall score first, then each
 * characteristic: two bars a row, each with its number and the word "before" or "after" beside it,
 * so neither colour nor position alone tells them apart. A score that is missing has no bar and says
 * "not scored".
 */
export function renderCompareSvg(c: Comparison): string {
  const rows = [{ title: 'Overall', before: c.overall.before, after: c.overall.after, strong: true }, ...c.characteristics.map((ch) => ({ ...ch, strong: false }))];
  const out: string[] = [];
  const body: string[] = [];
  let y = TOP;
  for (const row of rows) {
    const lines = wrap(row.title, LABEL_CHARS);
    const height = Math.max(2 * BAR_H + BAR_GAP, lines.length * LINE_PX);
    const words = (side: 'before' | 'after') => `${side} ${row[side] === null ? 'not scored' : oneDecimal(row[side])}`;
    body.push(`<g class="row"><title>${escapeHtml(row.title)}: ${words('before')}, ${words('after')}</title>`);
    // The label's lines centred on the pair of bars.
    const first = y + height / 2 - ((lines.length - 1) * LINE_PX) / 2 + 4;
    const spans = lines.map((line, k) => `<tspan x="${LABEL_RIGHT}" y="${n2(first + k * LINE_PX)}">${escapeHtml(line)}</tspan>`).join('');
    body.push(`<text text-anchor="end" font-size="12"${row.strong ? ' font-weight="bold"' : ''} fill="#0b0c0c" font-family="sans-serif">${spans}</text>`);
    const barsTop = y + (height - (2 * BAR_H + BAR_GAP)) / 2;
    (['before', 'after'] as const).forEach((side, k) => {
      const value = row[side];
      const top = barsTop + k * (BAR_H + BAR_GAP);
      const length = value === null ? 0 : (BAR_W * Math.max(0, Math.min(100, value))) / 100;
      if (value !== null) body.push(`<rect class="${side}" x="${BAR_X}" y="${n2(top)}" width="${n2(length)}" height="${BAR_H}" fill="${COLOURS[side]}"/>`);
      body.push(`<text x="${n2(BAR_X + length + 6)}" y="${n2(top + BAR_H - 3)}" font-size="11" fill="#0b0c0c" font-family="sans-serif">${words(side)}</text>`);
    });
    body.push('</g>');
    y += height + ROW_GAP;
  }
  const height = y - ROW_GAP + 8;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="compare" width="${WIDTH}" height="${n2(height)}" viewBox="0 0 ${WIDTH} ${n2(height)}" role="img" aria-labelledby="compare-title">`,
    `<title id="compare-title">Scores out of 100 for ${escapeHtml(c.after.council)}, before (${escapeHtml(when(c.before))}) and after (${escapeHtml(when(c.after))})</title>`,
    // The tick lines are decoration (WCAG 1.4.11 does not ask 3:1 of them): every bar has its number in words beside it.
    '<g class="grid" stroke="#c8ccd0" stroke-width="1">',
  );
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = n2(BAR_X + (BAR_W * tick) / 100);
    out.push(`<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${n2(height - 8)}"/>`);
  }
  out.push('</g>');
  for (const tick of [0, 50, 100]) {
    out.push(`<text x="${n2(BAR_X + (BAR_W * tick) / 100)}" y="${TOP - 10}" text-anchor="middle" font-size="10" fill="#505a5f" font-family="sans-serif">${tick}</text>`);
  }
  out.push(...body, '</svg>');
  return `${out.join('\n')}\n`;
}
