import type { BatchRow, InvalidFile } from '../core/batch.js';
import { summaryRow } from '../core/batch.js';
import { formatProblem, InputError } from '../core/errors.js';
import { assess } from '../core/score.js';
import type { Rubric } from '../core/types.js';
import type { RubricCache } from '../io/load.js';
import { loadAnswers } from '../io/load.js';

export interface ScoredFiles {
  rows: BatchRow[];
  invalid: InvalidFile[];
  /** Rubrics used, by id, with how many files used each. */
  rubrics: Record<string, { rubric: Rubric; files: number }>;
}

/** Scores files one after another, keeping only a summary row per council. */
export async function scoreFiles(files: Iterable<string>, rubricOverride: string | undefined, onProgress?: (done: number) => void): Promise<ScoredFiles> {
  const cache: RubricCache = new Map();
  const out: ScoredFiles = { rows: [], invalid: [], rubrics: {} };
  let done = 0;
  for (const file of files) {
    try {
      const loaded = await loadAnswers(file, rubricOverride, cache);
      const { rubric } = loaded.rubric;
      const seen = out.rubrics[rubric.id];
      if (seen) seen.files++;
      else out.rubrics[rubric.id] = { rubric, files: 1 };
      out.rows.push(summaryRow(file, assess(rubric, loaded.answers)));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      out.invalid.push({ file, errors: err.problems.map(formatProblem) });
    }
    onProgress?.(++done);
  }
  return out;
}

export function combine(parts: readonly ScoredFiles[]): ScoredFiles {
  const out: ScoredFiles = { rows: [], invalid: [], rubrics: {} };
  for (const part of parts) {
    out.rows.push(...part.rows);
    out.invalid.push(...part.invalid);
    for (const [id, r] of Object.entries(part.rubrics)) {
      const seen = out.rubrics[id];
      if (seen) seen.files += r.files;
      else out.rubrics[id] = { ...r };
    }
  }
  return out;
}
