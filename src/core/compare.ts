// Year-on-year: two assessments of one council against the same rubric. Pure.
import { UsageError } from './errors.js';
import type { Assessment, IndicatorResult } from './types.js';

export interface ScoreChange {
  before: number | null;
  after: number | null;
  /** after - before, when both exist. */
  change: number | null;
}

export interface IndicatorChange {
  key: string;
  statement: string;
  before: number | 'n/a' | 'unknown' | null;
  after: number | 'n/a' | 'unknown' | null;
}

export interface Comparison {
  rubric: { id: string; before: string; after: string };
  before: Side;
  after: Side;
  overall: ScoreChange;
  characteristics: (ScoreChange & { id: string; title: string })[];
  improved: IndicatorChange[];
  regressed: IndicatorChange[];
  newlyAssessed: IndicatorChange[];
}

interface Side {
  council: string;
  source?: string;
  assessedOn?: string;
}

const change = (before: number | null, after: number | null): ScoreChange => ({
  before,
  after,
  change: before === null || after === null ? null : after - before,
});

/** A level for comparing: unknown counts 0, as in scoring; n/a and unanswered have none. */
function level(i: IndicatorResult | undefined): number | null {
  if (!i || !i.applicable) return null;
  if (i.answer === 'unknown') return 0;
  return typeof i.answer === 'number' ? i.answer : null;
}

export function compare(before: Assessment, after: Assessment): Comparison {
  if (before.rubric.id !== after.rubric.id) {
    throw new UsageError(
      `the two files use different rubrics ("${before.rubric.id}" and "${after.rubric.id}"), so their scores cannot be compared`,
    );
  }
  const side = (a: Assessment): Side => ({
    council: a.council.name,
    ...(a.source !== undefined && { source: a.source }),
    ...(a.assessedOn !== undefined && { assessedOn: a.assessedOn }),
  });
  const beforeIndicators = new Map(before.characteristics.flatMap((c) => c.indicators).map((i) => [i.key, i]));
  const improved: IndicatorChange[] = [];
  const regressed: IndicatorChange[] = [];
  const newlyAssessed: IndicatorChange[] = [];
  for (const now of after.characteristics.flatMap((c) => c.indicators)) {
    const then = beforeIndicators.get(now.key);
    const row = { key: now.key, statement: now.statement, before: then?.answer ?? null, after: now.answer };
    if (!now.applicable) continue;
    if ((then === undefined || then.answer === null || !then.applicable) && now.answer !== null) {
      newlyAssessed.push(row);
      continue;
    }
    const [b, a] = [level(then), level(now)];
    if (b !== null && a !== null && a > b) improved.push(row);
    if (b !== null && a !== null && a < b) regressed.push(row);
  }
  const beforeScores = new Map(before.characteristics.map((c) => [c.id, c.score]));
  return {
    rubric: { id: after.rubric.id, before: before.rubric.version, after: after.rubric.version },
    before: side(before),
    after: side(after),
    overall: change(before.overall.score, after.overall.score),
    characteristics: after.characteristics.map((c) => ({ id: c.id, title: c.title, ...change(beforeScores.get(c.id) ?? null, c.score) })),
    improved,
    regressed,
    newlyAssessed,
  };
}
