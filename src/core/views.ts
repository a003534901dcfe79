// SPEC "Several assessors": how several views of one indicator make one answer. Pure.
import type { View } from '../generated/answers-types.js';

export type { View };
export type ViewScore = View['score'];

/** The combined score: the lower median of the numeric views; else unknown if any view is; else n/a. */
export function combinedScore(scores: readonly ViewScore[]): ViewScore | null {
  const numbers = numeric(scores);
  if (numbers.length > 0) return numbers[Math.floor((numbers.length - 1) / 2)]!;
  if (scores.includes('unknown')) return 'unknown';
  if (scores.includes('n/a')) return 'n/a';
  return null;
}

/** max - min of the numeric views (unknown is not numeric here); 0 for fewer than two. */
export function spread(scores: readonly ViewScore[]): number {
  const numbers = numeric(scores);
  return numbers.length < 2 ? 0 : numbers[numbers.length - 1]! - numbers[0]!;
}

/** Disputed: the numbers are two or more levels apart, or one view says n/a where another gives a number. */
export function isDisputed(scores: readonly ViewScore[]): boolean {
  return spread(scores) >= 2 || (scores.includes('n/a') && numeric(scores).length > 0);
}

function numeric(scores: readonly ViewScore[]): number[] {
  return scores.filter((s): s is number => typeof s === 'number').sort((a, b) => a - b);
}
