// Cohort statistics over many councils' scores. Pure.

export interface Stats {
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
}

/** Quantile by linear interpolation between order statistics (R type 7, numpy's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Summary statistics; null scores are left out. */
export function stats(values: readonly (number | null)[]): Stats {
  // A typed array sorts numbers natively, several times faster than a comparator: a cohort of
  // 30,000 councils is sorted once per characteristic, on every merge and assess --cohort.
  let n = 0;
  for (const v of values) if (v !== null) n++;
  const xs = new Float64Array(n);
  n = 0;
  for (const v of values) if (v !== null) xs[n++] = v;
  xs.sort();
  if (xs.length === 0) return { min: null, q1: null, median: null, q3: null, max: null, mean: null };
  let sum = 0;
  for (const x of xs) sum += x;
  return {
    min: xs[0]!,
    q1: quantile(xs, 0.25),
    median: quantile(xs, 0.5),
    q3: quantile(xs, 0.75),
    max: xs[xs.length - 1]!,
    mean: sum / xs.length,
  };
}

/**
 * Which quarter of the cohort a score falls in, 1 (bottom) to 4 (top). A score equal to a quartile
 * boundary counts in the higher quarter: at the median is "top half".
 */
export function quartileOf(score: number | null, s: Stats): 1 | 2 | 3 | 4 | null {
  if (score === null || s.q1 === null || s.median === null || s.q3 === null) return null;
  if (score >= s.q3) return 4;
  if (score >= s.median) return 3;
  if (score >= s.q1) return 2;
  return 1;
}

export const QUARTER_NAMES = { 1: 'bottom quarter', 2: 'lower middle quarter', 3: 'upper middle quarter', 4: 'top quarter' } as const;
