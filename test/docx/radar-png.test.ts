// The radar chart as a PNG for Word: its words are drawn, with the font that ships with the tool,
// whatever fonts the machine has (none, on a bare CI image).
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { CHART_FONT_FILE, radarPng } from '../../src/render/radar-png.js';
import { root } from '../helpers.js';

/** RGBA pixels of an 8-bit RGBA PNG (what resvg writes), decoded by hand. */
function decodePng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  let at = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (at < b.length) {
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    const body = b.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      expect([body[8], body[9]]).toEqual([8, 6]); // 8 bits, RGBA
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const corner = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const paeth = () => {
        const p = left + up - corner;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter]!;
      pixels[y * stride + x] = (v + predictor) & 255;
    }
  }
  return { width, height, pixels };
}

/** Pixels as dark as the labels' ink (#0b0c0c); nothing else in the chart is near black. */
function inkPixels(pixels: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 60 && pixels[i + 1]! < 60 && pixels[i + 2]! < 60) n++;
  return n;
}

const svg = readFileSync(join(root, 'examples', 'reports', 'eastmoor-county.svg'), 'utf8');

describe('radar chart PNG', () => {
  test('twice the SVG size in pixels, on white, with the labels drawn', () => {
    const { png, width, height } = radarPng(svg);
    const [w, hgt] = [Number(/ width="(\d+)"/.exec(svg)![1]), Number(/ height="(\d+)"/.exec(svg)![1])];
    expect([width, height]).toEqual([2 * w, 2 * hgt]);
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([width, height]);
    expect(Array.from(image.pixels.subarray(0, 4))).toEqual([255, 255, 255, 255]); // a corner: white, not transparent
    expect(inkPixels(image.pixels)).toBeGreaterThan(2000); // eight labels of 12 px text, at twice the size
  });

  test('without any font the words would vanish; with the bundled one they do not, whatever the machine has', () => {
    // What a machine with no fonts would draw if the chart relied on system fonts: no words at all.
    const bare = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: 2 }, background: 'white', logLevel: 'off' }).render();
    expect(inkPixels(new Uint8Array(bare.pixels))).toBe(0);
    // Ours never looks at the system's fonts: the same picture as the bundled font alone gives.
    const bundled = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: [CHART_FONT_FILE], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
      fitTo: { mode: 'zoom', value: 2 },
      background: 'white',
      shapeRendering: 2,
      textRendering: 1,
      logLevel: 'off',
    }).render();
    expect(Buffer.compare(Buffer.from(radarPng(svg).png), bundled.asPng())).toBe(0);
  });

  test('every label fits inside the picture in the bundled font (nothing cut off at the sides)', () => {
    for (const name of ['eastmoor-county', 'kestrelmoor-district', 'westholm-london-borough', 'wrenfield-county', 'calderbrook-metropolitan']) {
      const chart = readFileSync(join(root, 'examples', 'reports', `${name}.svg`), 'utf8');
      const [x0, , w] = /viewBox="([^"]+)"/.exec(chart)![1]!.split(' ').map(Number) as [number, number, number];
      const box = new Resvg(chart, { font: { loadSystemFonts: false, fontFiles: [CHART_FONT_FILE], defaultFontFamily: 'DejaVu Sans' } }).getBBox()!;
      expect({ name, left: box.x >= x0, right: box.x + box.width <= x0 + w }).toEqual({ name, left: true, right: true });
    }
  });

  test('the same SVG gives the same bytes every time', () => {
    expect(Buffer.compare(Buffer.from(radarPng(svg).png), Buffer.from(radarPng(svg).png))).toBe(0);
  });
});
