// SPEC "Targets": the level a council aims for on each indicator, as the reports speak of it. Pure.
// Scoring itself (t_i = the answer's own target, else --target, else max) is in score.ts.
import { EPSILON } from './score.js';
import type { Assessment } from './types.js';

/** t_i: an indicator's own target where its answer gives one, else the report-wide target. */
export function targetOf(a: Pick<Assessment, 'target'>, indicator: { target?: number }): number {
  return indicator.target ?? a.target;
}

/**
 * Whether a report shows toTarget beside a score: only when the two differ, so a report with no
 * targets (every t_i the top of the scale) reads exactly as it did before targets existed.
 */
export function showsToTarget(score: number | null, toTarget: number | null | undefined): toTarget is number {
  if (score === null || toTarget === null || toTarget === undefined) return false;
  return Math.abs(score - toTarget) > EPSILON;
}

/** True when some indicator of the answers file sets its own target. */
export function hasOwnTargets(a: Pick<Assessment, 'characteristics'>): boolean {
  return a.characteristics.some((c) => c.indicators.some((i) => i.target !== undefined));
}

/** The words after a toTarget figure, the same in every format. */
export const TO_TARGET_WORDS = "of the way to this council's targets";

/** What the markdown and HTML reports add to "About this assessment" when the council set targets. */
export const TARGETS_NOTE =
  'Where the council set a target for a question, its gap is measured against that target. ' +
  '"Of the way to this council\'s targets" is the weighted share of those targets reached, out of 100; ' +
  'a level above its target counts only up to the target.';
