// Per-indicator totals across a cohort, for the cohort report's weakest indicators. Pure.
// Each batch thread keeps four numbers per indicator key (never a report per council), and the
// main thread adds the threads' totals together, so memory stays flat however many files there are.
import type { Assessment, Rubric } from './types.js';

export interface IndicatorTotal {
  /** Sum of the values scoring used: the level, or 0 for don't know. */
  sum: number;
  /** How many councils' values are in the sum (a level or don't know). */
  scored: number;
  /** Of those, how many answered don't know. */
  unknown: number;
  /** How many councils the indicator applies to (answered or not). */
  applicable: number;
}

/** Indicator key -> its totals. */
export type IndicatorTotals = Record<string, IndicatorTotal>;

/** Adds one council's assessment to `totals`: n/a, not assessed and not applicable are left out of the sum. */
export function addIndicatorTotals(totals: IndicatorTotals, a: Assessment): void {
  for (const c of a.characteristics) {
    for (const i of c.indicators) {
      if (!i.applicable) continue;
      const t = (totals[i.key] ??= { sum: 0, scored: 0, unknown: 0, applicable: 0 });
      t.applicable++;
      if (typeof i.answer === 'number') {
        t.sum += i.answer;
        t.scored++;
      } else if (i.answer === 'unknown') {
        t.scored++;
        t.unknown++;
      }
    }
  }
}

/** Adds `from` into `into` (another thread's totals, or a shard's). */
export function mergeIndicatorTotals(into: IndicatorTotals, from: IndicatorTotals): void {
  for (const [key, t] of Object.entries(from)) {
    const seen = into[key];
    if (seen) {
      seen.sum += t.sum;
      seen.scored += t.scored;
      seen.unknown += t.unknown;
      seen.applicable += t.applicable;
    } else into[key] = { ...t };
  }
}

export interface WeakIndicator {
  key: string;
  characteristic: { id: string; title: string };
  statement: string;
  /** Mean of the values scoring used, on the rubric's scale (0 to max). */
  mean: number;
  /** The rubric's top level. */
  max: number;
  scored: number;
  unknown: number;
  applicable: number;
}

/** Means within this of each other count as equal, so float rounding never reorders a tie. */
const TIE = 1e-9;

/**
 * The `count` indicators with the lowest mean of the values scoring used (don't know counts 0;
 * n/a, not assessed and not applicable are left out), ties in rubric order. An indicator that no
 * council scored has no mean and is not listed.
 */
export function weakestIndicators(rubric: Rubric, totals: IndicatorTotals, count = 10): WeakIndicator[] {
  const max = Math.max(...rubric.scale.map((l) => l.value));
  const all: WeakIndicator[] = [];
  for (const c of rubric.characteristics) {
    for (const i of c.indicators) {
      const key = `${c.id}.${i.id}`;
      const t = totals[key];
      if (!t || t.scored === 0) continue;
      all.push({ key, characteristic: { id: c.id, title: c.title }, statement: i.statement, mean: t.sum / t.scored, max, scored: t.scored, unknown: t.unknown, applicable: t.applicable });
    }
  }
  // Array sort is stable, so equal means keep rubric order.
  return all.sort((a, b) => (Math.abs(a.mean - b.mean) <= TIE ? 0 : a.mean - b.mean)).slice(0, count);
}
