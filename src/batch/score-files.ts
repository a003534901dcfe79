import type { BatchRow, InvalidFile } from '../core/batch.js';
import { comparePaths, summaryRow } from '../core/batch.js';
import { formatProblem, InputError } from '../core/errors.js';
import type { IndicatorTotals } from '../core/indicator-totals.js';
import { addIndicatorTotals, mergeIndicatorTotals } from '../core/indicator-totals.js';
import { rubricKey } from '../core/rubric-identity.js';
import { assess } from '../core/score.js';
import type { Rubric } from '../core/types.js';
import type { RubricCache } from '../io/load.js';
import { loadAnswers } from '../io/load.js';

/** How many answers files a message names for each rubric. */
const EXAMPLES = 3;

export interface RubricUse {
  rubric: Rubric;
  /** rubricHash: two rubrics that share an id and version can still differ in content. */
  hash: string;
  /** The rubric file it was read from. */
  source: string;
  /** How many answers files used it. */
  files: number;
  /** The first few of those files, in path order. */
  examples: string[];
}

export interface ScoredFiles {
  rows: BatchRow[];
  invalid: InvalidFile[];
  /** Rubrics used, by identity (id, version and hash: see core/rubric-identity.ts). */
  rubrics: Record<string, RubricUse>;
  /** Per indicator key, the sum and count of the values scoring used (the cohort report's weakest indicators). */
  indicators: IndicatorTotals;
}

/** Scores files one after another, keeping only a summary row per council (with its value of the profile field `groupBy`). */
export async function scoreFiles(files: Iterable<string>, rubricOverride: string | undefined, onProgress?: (done: number) => void, groupBy?: string): Promise<ScoredFiles> {
  const cache: RubricCache = new Map();
  const out: ScoredFiles = { rows: [], invalid: [], rubrics: {}, indicators: {} };
  let done = 0;
  for (const file of files) {
    try {
      const loaded = await loadAnswers(file, rubricOverride, cache);
      const { rubric, hash, file: source } = loaded.rubric;
      const key = rubricKey({ id: rubric.id, version: rubric.version, hash });
      const seen = out.rubrics[key];
      if (seen) {
        seen.files++;
        if (seen.examples.length < EXAMPLES) seen.examples.push(file);
      } else out.rubrics[key] = { rubric, hash, source, files: 1, examples: [file] };
      const assessment = assess(rubric, loaded.answers);
      out.rows.push(summaryRow(file, assessment, groupBy));
      addIndicatorTotals(out.indicators, assessment);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      out.invalid.push({ file, errors: err.problems.map(formatProblem) });
    }
    onProgress?.(++done);
  }
  return out;
}

/**
 * Each thread claims files in path order, so its first few files of a rubric are its smallest; the
 * smallest few of all threads together are then the same as one thread would keep.
 */
export function combine(parts: readonly ScoredFiles[]): ScoredFiles {
  const out: ScoredFiles = { rows: [], invalid: [], rubrics: {}, indicators: {} };
  for (const part of parts) {
    // A loop, not push(...rows): a spread of a few hundred thousand rows overflows the call stack.
    for (const row of part.rows) out.rows.push(row);
    for (const bad of part.invalid) out.invalid.push(bad);
    mergeIndicatorTotals(out.indicators, part.indicators);
    for (const [key, r] of Object.entries(part.rubrics)) {
      const seen = out.rubrics[key];
      if (seen) {
        seen.files += r.files;
        seen.examples = [...seen.examples, ...r.examples].sort(comparePaths).slice(0, EXAMPLES);
      } else out.rubrics[key] = { ...r, examples: [...r.examples] };
    }
  }
  return out;
}
