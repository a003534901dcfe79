// The charts as PNGs, for Word documents (assess's radar, compare's bars): the one module that knows
// @resvg/resvg-js (native, so loaded only by `--format docx` of assess and compare, through
// render/docx.ts).
//
// The chart's words are drawn with the font that ships in assets/fonts (DejaVu Sans), never the
// machine's own: a machine without fonts (a bare CI image) would otherwise draw a chart with no
// words at all, and one with other fonts would draw other pixels, so the same report would not be
// the same bytes on every machine. System fonts are not even looked at, which is also quicker.
import { Resvg } from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';

/** The font every word of the chart is drawn in (src/render and dist/render are both two folders down). */
export const CHART_FONT_FILE = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const CHART_FONT = 'DejaVu Sans';

export interface RadarPng {
  png: Uint8Array;
  /** In pixels of the PNG. */
  width: number;
  height: number;
}

/**
 * An SVG from render/svg-radar.ts or render/svg-compare.ts as PNG bytes, `scale` times its own size in pixels (2 gives a
 * chart that prints sharply at the width a Word page gives it), on white.
 */
export function radarPng(svg: string, { scale = 2 }: { scale?: number } = {}): RadarPng {
  const options = {
    font: {
      loadSystemFonts: false,
      fontFiles: [CHART_FONT_FILE],
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
      serifFamily: CHART_FONT,
      monospaceFamily: CHART_FONT,
    },
    fitTo: { mode: 'zoom' as const, value: scale },
    background: 'white',
    shapeRendering: 2 as const,
    textRendering: 1 as const,
    logLevel: 'off' as const,
  };
  const image = new Resvg(svg, options).render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
