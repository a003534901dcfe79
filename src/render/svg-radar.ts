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
    return { x, y, anchor, lines: wrap(c.title, LABEL_CHARS) };
  });
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

  const out: string[] = [];
  if (standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="radar" width="${width}" height="${size}" viewBox="${-margin} 0 ${width} ${size}" role="img" aria-labelledby="radar-title">`,
    `<title id="radar-title">Scores by characteristic for ${escapeHtml(a.council.name)} (0 to 100)</title>`,
    '<g fill="none" stroke="#c8ccd0" stroke-width="1">',
  );
  for (const ring of [25, 50, 75, 100]) out.push(`<polygon points="${polygon((radius * ring) / 100)}"/>`);
  cs.forEach((_, i) => {
    const [x, y] = at(i, radius);
    out.push(`<line x1="${n2(centre)}" y1="${n2(centre)}" x2="${n2(x)}" y2="${n2(y)}"/>`);
  });
  out.push('</g>');
  for (const ring of [50, 100]) {
    out.push(`<text x="${n2(centre + 3)}" y="${n2(centre - (radius * ring) / 100 - 3)}" font-size="10" fill="#6b7075" font-family="sans-serif">${ring}</text>`);
  }
  const points = cs.map((c, i) => at(i, (radius * (c.score ?? 0)) / 100));
  if (cs.length > 0) {
    out.push(`<polygon class="scores" points="${points.map((p) => p.map(n2).join(',')).join(' ')}" fill="rgba(0,94,165,0.25)" stroke="#005ea5" stroke-width="2"/>`);
  }
  cs.forEach((c, i) => {
    const [x, y] = points[i]!;
    const fill = c.score === null ? 'white' : '#005ea5';
    out.push(`<circle class="point" cx="${n2(x)}" cy="${n2(y)}" r="4" fill="${fill}" stroke="#005ea5" stroke-width="1.5"><title>${escapeHtml(c.title)}: ${c.score === null ? 'not scored' : oneDecimal(c.score)}</title></circle>`);
    const { x: lx, y: ly, anchor, lines } = labels[i]!;
    // Lines stack away from the chart: upwards above it, downwards below it, centred at the sides.
    const first = ly + 4 - (ly < centre - 1 ? lines.length - 1 : Math.abs(ly - centre) < 1 ? (lines.length - 1) / 2 : 0) * LINE_PX;
    const spans = lines.map((line, k) => `<tspan x="${n2(lx)}" y="${n2(first + k * LINE_PX)}">${escapeHtml(line)}</tspan>`).join('');
    out.push(`<text text-anchor="${anchor}" font-size="12" fill="#0b0c0c" font-family="sans-serif">${spans}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
