// Year-on-year: two assessments of one council against the same rubric. Pure.
import { UsageError } from './errors.js';
import type { RubricIdentity } from './rubric-identity.js';
import { rubricDifference, rubricName } from './rubric-identity.js';
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
  /**
   * Questions one version of the rubric has and the other does not (empty for one version): added
   * ones are in the later file's rubric only, removed ones in the earlier file's only.
   */
  questions: { added: string[]; removed: string[] };
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

const differentIds = (a: RubricIdentity, b: RubricIdentity) =>
  new UsageError(`the two files use different rubrics ("${a.id}" and "${b.id}"), so their scores cannot be compared`);

/** One side of a comparison, for the rubric check: the answers file and the rubric it was scored with. */
export interface ComparedFile {
  file: string;
  /** `source`: how to name where the rubric came from ("the built-in rubric", "rubric my.yaml"). */
  rubric: RubricIdentity & { source: string };
}

/**
 * Whether two answers files can be compared: the same rubric, or another version of it (worth a
 * note: questions may have changed between versions). Two rubrics with one id and version but other
 * content are different rubrics, and their scores are not comparable.
 */
export function rubricNote(before: ComparedFile, after: ComparedFile): string | undefined {
  const [b, a] = [before.rubric, after.rubric];
  switch (rubricDifference(b, a)) {
    case 'id':
      throw differentIds(b, a);
    case 'content':
      throw new UsageError(
        `${before.file} (${b.source}) and ${after.file} (${a.source}) use two different rubrics that share the id "${b.id}" and version ${b.version} (their content differs), so their scores cannot be compared; give a changed rubric a new version`,
      );
    case 'version':
      return `note: ${before.file} was scored with rubric ${rubricName(b)} and ${after.file} with version ${a.version}; questions the versions do not share are not compared, and changed ones are compared as they stand`;
    default:
      return undefined;
  }
}

export function compare(before: Assessment, after: Assessment): Comparison {
  if (before.rubric.id !== after.rubric.id) throw differentIds(before.rubric, after.rubric);
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
  const afterKeys = new Set(after.characteristics.flatMap((c) => c.indicators.map((i) => i.key)));
  const questions = {
    added: [...afterKeys].filter((key) => !beforeIndicators.has(key)),
    removed: [...beforeIndicators.keys()].filter((key) => !afterKeys.has(key)),
  };
  return {
    rubric: { id: after.rubric.id, before: before.rubric.version, after: after.rubric.version },
    before: side(before),
    after: side(after),
    overall: change(before.overall.score, after.overall.score),
    characteristics: after.characteristics.map((c) => ({ id: c.id, title: c.title, ...change(beforeScores.get(c.id) ?? null, c.score) })),
    improved,
    regressed,
    newlyAssessed,
    questions,
  };
}
