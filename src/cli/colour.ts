import type { Style } from '../render/style.js';
import { plain } from '../render/style.js';

export interface ColourContext {
  /** false when --no-color was given. */
  flag: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** What the terminal supports when colour is on (chalk's detection), 1-3. */
  detected: number;
}

/**
 * 0 (none) to 3 (truecolor). Order, as in Node itself: --no-color, then FORCE_COLOR, then NO_COLOR
 * (any non-empty value), then colour only on a terminal. chalk reads FORCE_COLOR but not NO_COLOR.
 */
export function colourLevel({ flag, env, isTTY, detected }: ColourContext): number {
  if (!flag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return Math.max(1, detected);
    const level = Number.parseInt(force, 10);
    if (force === 'false' || level === 0) return 0;
    if (level >= 1 && level <= 3) return level;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return isTTY ? Math.max(1, detected) : 0;
}

/** A Style backed by chalk at the given level; chalk is only loaded when colour is on. */
export async function styleFor(level: number): Promise<Style> {
  if (level === 0) return plain;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: level as 1 | 2 | 3 });
  return {
    bold: (t) => c.bold(t),
    dim: (t) => c.dim(t),
    heading: (t) => c.bold.underline(t),
    warn: (t) => c.yellow(t),
    score: (t, score) => (score === null ? c.dim(t) : score < 25 ? c.red(t) : score < 50 ? c.yellow(t) : score < 75 ? c.cyan(t) : c.green(t)),
  };
}

/** Colour for text going to stdout (never into a file written with --output). */
export async function stdoutStyle(flag: boolean, toFile: boolean): Promise<Style> {
  if (toFile) return plain;
  let detected = 1;
  if (process.stdout.isTTY) {
    const { supportsColor } = await import('chalk');
    detected = supportsColor ? supportsColor.level : 1;
  }
  return styleFor(colourLevel({ flag, env: process.env, isTTY: process.stdout.isTTY === true, detected }));
}
