import type { Assessment } from '../core/types.js';
import { escapeHtml } from './escape.js';
import { oneDecimal } from './format.js';
import { wrap } from './wrap.js';

export interface RadarOptions {
  /** Width and height in px. */
  size?: number;
  /** Include the XML declaration, for a standalone .svg file. */
  standalone?: boolean;
}

const n2 = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

type Anchor = 'start' | 'middle' | 'end';

/** Labels wrap at about this many characters, so a long title takes two short lines, not one wide one. */
const LABEL_CHARS = 16;
/**
 * At most this many lines a label, so that neighbouring labels never run into each other (checked
 * for up to 12 characteristics): a longer title is cut short with "…". The full title is in the
 * point's own tooltip, the alt text and the table that follows the chart.
 */
const LABEL_LINES = (count: number) => (count <= 8 ? 3 : 2);
/** Grid rings and spokes: 3:1 against white and against the scores' blue fill (WCAG 1.4.11), as they give the scale. */
const GRID = '#767676';
/** The ring values: 7:1 on white, 4.7:1 on the blue fill, and drawn on a white halo besides. */
const SCALE_TEXT = '#505a5f';
/** A generous width for one character of 12 px sans-serif, so the widening is never too little. */
const CHAR_PX = 7;
const LINE_PX = 14;

/**
 * A radar chart of the characteristic scores (0-100), one axis and one point per characteristic.
 * A characteristic with no score sits at the centre with a hollow point.
 */
export function renderRadarSvg(a: Assessment, { size = 420, standalone = false }: RadarOptions = {}): string {
  const cs = a.characteristics;
  const centre = size / 2;
  const radius = size / 2 - 80;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(cs.length, 1);
  const at = (i: number, r: number) => [centre + r * Math.cos(angle(i)), centre + r * Math.sin(angle(i))] as const;
  const polygon = (r: number) => cs.map((_, i) => at(i, r).map(n2).join(',')).join(' ');

  const labels = cs.map((c, i) => {
    const [x, y] = at(i, radius + 18);
    const anchor: Anchor = Math.abs(x - centre) < 1 ? 'middle' : x > centre ? 'start' : 'end';
    return { x, y, anchor, lines: labelLines(c.title, LABEL_LINES(cs.length)) };
  });
  // Where each label's lines go: upwards above the chart, downwards below it, centred at the sides.
  const firstLine = ({ y, lines }: (typeof labels)[number]) => y + 4 - (y < centre - 1 ? lines.length - 1 : Math.abs(y - centre) < 1 ? (lines.length - 1) / 2 : 0) * LINE_PX;
  // Widen the picture (keeping the chart centred) until the longest side label fits.
  const overflow = Math.max(
    0,
    ...labels.map(({ x, anchor, lines }) => {
      const width = Math.max(...lines.map((l) => l.length)) * CHAR_PX;
      if (anchor === 'start') return x + width - size;
      if (anchor === 'end') return width - x;
      return width / 2 - centre;
    }),
  );
  const margin = overflow > 0 ? Math.ceil(overflow) + 4 : 0;
  const width = size + 2 * margin;
  // Likewise taller, when the lines above the top label or below the bottom one would leave the picture.
  const above = Math.max(0, ...labels.map((l) => 4 - (firstLine(l) - 12)));
  const below = Math.max(0, ...labels.map((l) => firstLine(l) + (l.lines.length - 1) * LINE_PX + 4 + 4 - size));
  const [top, bottom] = [Math.ceil(above), Math.ceil(below)];
  const height = size + top + bottom;

  const out: string[] = [];
  if (standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="radar" width="${width}" height="${height}" viewBox="${-margin} ${-top} ${width} ${height}" role="img" aria-labelledby="radar-title">`,
    `<title id="radar-title">Scores by characteristic for ${escapeHtml(a.council.name)} (0 to 100)</title>`,
    `<g fill="none" stroke="${GRID}" stroke-width="1">`,
  );
  for (const ring of [25, 50, 75, 100]) out.push(`<polygon points="${polygon((radius * ring) / 100)}"/>`);
  cs.forEach((_, i) => {
    const [x, y] = at(i, radius);
    out.push(`<line x1="${n2(centre)}" y1="${n2(centre)}" x2="${n2(x)}" y2="${n2(y)}"/>`);
  });
  out.push('</g>');
  for (const ring of [50, 100]) {
    out.push(`<text x="${n2(centre + 3)}" y="${n2(centre - (radius * ring) / 100 - 3)}" font-size="10" fill="${SCALE_TEXT}" stroke="white" stroke-width="3" paint-order="stroke" font-family="sans-serif">${ring}</text>`);
  }
  const points = cs.map((c, i) => at(i, (radius * (c.score ?? 0)) / 100));
  if (cs.length > 0) {
    out.push(`<polygon class="scores" points="${points.map((p) => p.map(n2).join(',')).join(' ')}" fill="rgba(0,94,165,0.25)" stroke="#005ea5" stroke-width="2"/>`);
  }
  cs.forEach((c, i) => {
    const [x, y] = points[i]!;
    const fill = c.score === null ? 'white' : '#005ea5';
    out.push(`<circle class="point" cx="${n2(x)}" cy="${n2(y)}" r="4" fill="${fill}" stroke="#005ea5" stroke-width="1.5"><title>${escapeHtml(c.title)}: ${c.score === null ? 'not scored' : oneDecimal(c.score)}</title></circle>`);
    const { x: lx, anchor, lines } = labels[i]!;
    const first = firstLine(labels[i]!);
    const spans = lines.map((line, k) => `<tspan x="${n2(lx)}" y="${n2(first + k * LINE_PX)}">${escapeHtml(line)}</tspan>`).join('');
    out.push(`<text text-anchor="${anchor}" font-size="12" fill="#0b0c0c" font-family="sans-serif">${spans}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** A title in at most `max` lines of about LABEL_CHARS characters (a word longer than a line is split), the last cut short with "…" if it does not fit. */
function labelLines(title: string, max: number): string[] {
  const lines = wrap(title, LABEL_CHARS, '', { breakWords: true });
  if (lines.length <= max) return lines;
  const last = lines[max - 1]!;
  if (last.length < LABEL_CHARS) return [...lines.slice(0, max - 1), `${last}\u2026`];
  // Room for the "…": the last line loses its last word (or, one long word, its last letter).
  const cut = last.slice(0, LABEL_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return [...lines.slice(0, max - 1), `${space > LABEL_CHARS / 2 ? cut.slice(0, space) : cut}\u2026`];
}
