import { Resvg } from '@resvg/resvg-js';
import { readFileSync, readdirSync } from 'node:fs';
for (const font of ['DejaVuSans', 'DejaVuSansCondensed']) for (const f of readdirSync('examples/reports').filter(f => f.endsWith('.svg'))) {
  const svg = readFileSync('examples/reports/' + f, 'utf8');
  const r = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [`/usr/share/fonts/truetype/dejavu/${font}.ttf`], defaultFontFamily: font.replace('Sans', ' Sans').replace('Condensed',' Condensed') } });
  const b = r.getBBox(); const vb = /viewBox="([^"]+)"/.exec(svg)[1].split(' ').map(Number);
  console.log(font, f, 'bbox', b.x.toFixed(1), (b.x + b.width).toFixed(1), 'viewBox', vb[0], vb[0] + vb[2], b.x >= vb[0] && b.x + b.width <= vb[0] + vb[2] ? 'fits' : 'CLIPPED');
}
