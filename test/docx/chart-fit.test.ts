// The charts fit: the picture in a Word file is never wider than the text column (shrunk with its
// height in proportion), and the radar's labels, however long the titles, are all inside the picture
// and never run into each other (cut short with "…", the full title kept in the tooltip, alt text and
// table).
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment } from '../../src/core/types.js';
import { CHART_FONT_FILE } from '../../src/render/radar-png.js';
import { renderRadarSvg } from '../../src/render/svg-radar.js';
import { cli, tempDir } from '../helpers.js';
import { readZip, unescapeXml, xmlOf } from './read.js';

const LONG = ' with a really rather long title about partnership working across every tier of local government';
const WORD = 'Supercalifragilistic'.repeat(8);

/** A rubric of `n` characteristics with these titles, two indicators each, and an answers file scoring them. */
function council(titles: string[]): string {
  const dir = tempDir();
  const q = (s: string) => JSON.stringify(s);
  const rubric = [
    'schemaVersion: 1', 'kind: rubric', 'id: long-titles', 'version: 1.0.0', 'title: Long titles',
    'scale:', '  - { value: 0, label: Not yet, description: None. }', '  - { value: 1, label: Partly, description: Some. }', '  - { value: 2, label: Fully, description: All. }',
    'bands:', '  - { min: 0, label: Early }', '  - { min: 50, label: Mid }', '  - { min: 80, label: Strong }', 'characteristics:',
    ...titles.flatMap((t, i) => [`  - id: c${i}`, `    title: ${q(t)}`, '    indicators:', ...[0, 1].flatMap((j) => [`      - id: i${j}`, `        statement: "Statement ${i}.${j}"`, '        question: "Q?"', '        nextSteps:', '          0: "Do step 0"', '          1: "Do step 1"'])]),
  ];
  writeFileSync(join(dir, 'long-titles.rubric.yaml'), `${rubric.join('\n')}\n`);
  const answers = ['schemaVersion: 1', 'kind: answers', 'rubric: long-titles', 'council: { name: Longshire }', 'assessedOn: 2026-05-01', 'answers:', ...titles.flatMap((_, i) => [0, 1].map((j) => `  c${i}.i${j}: { score: ${(i + j) % 3} }`))];
  writeFileSync(join(dir, 'longshire.answers.yaml'), `${answers.join('\n')}\n`);
  return dir;
}

function assessDocx(dir: string): Buffer {
  const out = join(dir, 'report.docx');
  const r = cli(['assess', join(dir, 'longshire.answers.yaml'), '--rubric', join(dir, 'long-titles.rubric.yaml'), '--format', 'docx', '--output', out]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return readFileSync(out);
}

/** 17 cm (the A4 page less its 2 cm margins) in EMU, the unit of wp:extent. */
const TEXT_WIDTH_EMU = (11906 - 2 * 1134) * 635;

describe('the picture in a Word file is never wider than the text column', () => {
  test.each([
    ['one 160-letter title', [WORD, 'Two', 'Three']],
    ['twelve long titles', Array.from({ length: 12 }, (_, i) => `Characteristic ${i + 1}${LONG}`)],
  ])('%s: scaled to fit, its height in proportion to the PNG', (_, titles) => {
    const bytes = assessDocx(council(titles));
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xmlOf(bytes, 'word/document.xml'))!.map(Number) as [number, number, number];
    expect(cx).toBeLessThanOrEqual(TEXT_WIDTH_EMU);
    expect(cx).toBeGreaterThan(TEXT_WIDTH_EMU * 0.5);
    const png = readZip(bytes).get('word/media/image1.png')!;
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(Math.abs(cx / cy - w / h)).toBeLessThan(0.01);
  });

  test('the eight-characteristic examples keep their size (half the PNG, well inside the column)', () => {
    const bytes = readFileSync('examples/reports/eastmoor-county.docx');
    const [, cx] = /<wp:extent cx="(\d+)"/.exec(xmlOf(bytes, 'word/document.xml'))!.map(Number) as [number, number];
    const png = readZip(bytes).get('word/media/image1.png')!;
    expect(cx).toBe((png.readUInt32BE(16) / 2) * 9525);
  });
});

/** A scored assessment with these titles, as the radar chart reads it. */
const assessment = (titles: string[]) =>
  ({ council: { name: 'Longshire' }, characteristics: titles.map((title, i) => ({ id: `c${i}`, title, score: (i * 37) % 101, indicators: [] })) }) as unknown as Assessment;

/** The box of each label of the chart, drawn alone in the chart's own frame, in the bundled font. */
function labelBoxes(svg: string) {
  const open = /<svg [^>]*>/.exec(svg)![0];
  const [x, y, width, height] = /viewBox="([^"]+)"/.exec(open)![1]!.split(' ').map(Number) as [number, number, number, number];
  const boxes = [...svg.matchAll(/<text text-anchor=[^>]*>.*?<\/text>/g)].map((m) => {
    const box = new Resvg(`${open}${m[0]}</svg>`, { font: { loadSystemFonts: false, fontFiles: [CHART_FONT_FILE], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } }).getBBox()!;
    return { text: unescapeXml(m[0].replace(/<tspan[^>]*>/g, ' ').replace(/<[^>]+>/g, '')).trim(), x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height };
  });
  return { frame: { x, y, right: x + width, bottom: y + height }, boxes };
}

describe('radar labels', () => {
  test.each([3, 5, 8, 9, 12])('%i long titles: every label inside the picture, none touching another', (n) => {
    const titles = Array.from({ length: n }, (_, i) => (i === 1 ? WORD : `Characteristic ${i + 1}${LONG}`));
    const svg = renderRadarSvg(assessment(titles));
    const { frame, boxes } = labelBoxes(svg);
    expect(boxes).toHaveLength(n);
    for (const b of boxes) {
      expect({ label: b.text, inside: b.x >= frame.x && b.y >= frame.y && b.right <= frame.right && b.bottom <= frame.bottom }).toEqual({ label: b.text, inside: true });
    }
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        const overlap = a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
        expect({ pair: [a.text, b.text], overlap }).toEqual({ pair: [a.text, b.text], overlap: false });
      }),
    );
    // A label cut short ends with "…"; the point's tooltip keeps the whole title.
    expect(boxes[0]!.text.endsWith('\u2026')).toBe(true);
    expect(svg).toContain(`<title>Characteristic 1${LONG}: 0.0</title>`);
  });

  test('short titles are drawn whole, as before', () => {
    const { boxes } = labelBoxes(renderRadarSvg(assessment(['Intent', 'Approach', 'Knowledge', 'Commissioning', 'Governance', 'Culture', 'Partnership', 'Measurement'])));
    expect(boxes.map((b) => b.text)).toEqual(['Intent', 'Approach', 'Knowledge', 'Commissioning', 'Governance', 'Culture', 'Partnership', 'Measurement']);
  });
});

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

test('chart contrast: the ring values at least 4.5:1 on white and on the blue fill they sit on, the grid at least 3:1 on both', () => {
  const svg = readFileSync('examples/reports/eastmoor-county.svg', 'utf8');
  // The scores' fill, rgba(0,94,165,0.25) over white.
  const fill = /fill="rgba\(0,94,165,0\.25\)"/.test(svg) ? '#bfd7e8' : '';
  expect(fill).toBe('#bfd7e8');
  const rings = [...svg.matchAll(/<text x="[^"]+" y="[^"]+" font-size="10" fill="(#[0-9a-f]{6})"[^>]*>(50|100)<\/text>/g)];
  expect(rings).toHaveLength(2);
  for (const [, colour] of rings) {
    expect(contrast(colour!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour!, fill)).toBeGreaterThanOrEqual(4.5);
  }
  const grid = /<g fill="none" stroke="(#[0-9a-f]{6})"/.exec(svg)![1]!;
  expect(contrast(grid, '#ffffff')).toBeGreaterThanOrEqual(3);
  expect(contrast(grid, fill)).toBeGreaterThanOrEqual(3);
});
