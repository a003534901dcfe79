// Batch results: one summary row per council (never whole reports), invalid files, cohort statistics.
import type { BatchResult, BatchRow, BatchRubric, Cohort, InvalidFile } from '../generated/batch-types.js';
import type { Stats } from './cohort.js';
import { stats } from './cohort.js';
import { UsageError } from './errors.js';
import { rubricDifference, rubricName } from './rubric-identity.js';
import type { Assessment } from './types.js';

// SPEC "Batch JSON": the types come from schemas/batch.schema.json (scripts/generate.mjs), which
// also checks every batch JSON that merge and assess --cohort read.
export type { BatchResult, BatchRow, BatchRubric, Cohort, InvalidFile };

export function summaryRow(file: string, a: Assessment): BatchRow {
  const characteristics: Record<string, number | null> = {};
  for (const c of a.characteristics) characteristics[c.id] = c.score;
  return { file, council: a.council.name, overall: a.overall.score, band: a.overall.band, coverage: a.overall.coverage, characteristics };
}

/** Paths in code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byFile = (a: { file: string }, b: { file: string }) => comparePaths(a.file, b.file);

/** Rows in path order and the cohort computed from them, so any split of the files merges to the same result. */
export function batchResult(rubric: BatchRubric, characteristicIds: readonly string[], rows: BatchRow[], invalid: InvalidFile[]): BatchResult {
  const councils = [...rows].sort(byFile);
  const characteristics: Record<string, Stats> = {};
  for (const id of characteristicIds) characteristics[id] = stats(councils.map((r) => r.characteristics[id] ?? null));
  return {
    schemaVersion: 1,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title, ...(rubric.hash !== undefined && { hash: rubric.hash }) },
    councils,
    invalid: [...invalid].sort(byFile),
    cohort: {
      count: councils.filter((r) => r.overall !== null).length,
      overall: stats(councils.map((r) => r.overall)),
      characteristics,
    },
  };
}

/** A batch JSON and the file it was read from, for messages. */
export interface BatchPart {
  source: string;
  batch: BatchResult;
}

/**
 * SPEC: merging every shard's output gives exactly the unsharded output. Refuses what cannot be one
 * run: shards of different rubrics (by id, version or content), and a council file in two shards
 * (the same shard given twice would count every council twice).
 */
export function mergeBatches(parts: readonly BatchPart[]): BatchResult {
  const first = parts[0];
  if (!first) throw new RangeError('nothing to merge');
  for (const part of parts.slice(1)) checkSameRubric(first, part);
  const hashless = parts.filter((p) => p.batch.rubric.hash === undefined);
  const hashed = parts.find((p) => p.batch.rubric.hash !== undefined);
  if (hashless.length > 0 && hashed) {
    throw new UsageError(
      `${hashless[0]!.source} has no rubric hash (it was written by an older version of council-resilience), so its rubric cannot be checked against ${hashed.source}'s; run its batch again`,
    );
  }
  checkNoSharedFiles(parts);
  const ids = Object.keys(first.batch.cohort.characteristics);
  return batchResult(first.batch.rubric, ids, parts.flatMap((p) => p.batch.councils), parts.flatMap((p) => p.batch.invalid));
}

function checkSameRubric(a: BatchPart, b: BatchPart): void {
  const [ra, rb] = [a.batch.rubric, b.batch.rubric];
  const why = {
    id: `${a.source} is for rubric "${ra.id}" and ${b.source} for rubric "${rb.id}"`,
    version: `${a.source} was scored with rubric ${rubricName(ra)} and ${b.source} with version ${rb.version}`,
    content: `${a.source} and ${b.source} were scored with two different rubrics that share the id "${ra.id}" and version ${ra.version} (their content differs)`,
  };
  const difference = rubricDifference(ra, rb);
  if (difference === 'id' || difference === 'version' || difference === 'content') {
    throw new UsageError(`${why[difference]}, so they cannot be merged; merge only the shards of one batch run`);
  }
}

/** Paths compare as the batch wrote them, give or take "./". */
function normalisedPath(file: string): string {
  return file.replace(/\/(\.\/)+/g, '/').replace(/^(\.\/)+/, '');
}

function checkNoSharedFiles(parts: readonly BatchPart[]): void {
  const seen = new Map<string, string>();
  const shared: { file: string; first: string; second: string }[] = [];
  for (const { source, batch } of parts) {
    for (const entry of [...batch.councils, ...batch.invalid]) {
      const key = normalisedPath(entry.file);
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, source);
      else shared.push({ file: entry.file, first: earlier, second: source });
    }
  }
  const one = shared[0];
  if (!one) return;
  const more = shared.length > 1 ? ` (and ${shared.length - 1} more file${shared.length === 2 ? '' : 's'} like it)` : '';
  const where = one.first === one.second ? `twice in ${one.first}` : `in both ${one.first} and ${one.second}`;
  throw new UsageError(`the council file ${one.file} is ${where}${more}; each file must be in exactly one shard, so these cannot be merged`);
}

/** --shard I/N keeps the files whose index in the sorted list is congruent to I-1 modulo N. */
export function inShard(index: number, shard: { index: number; count: number }): boolean {
  return index % shard.count === shard.index - 1;
}
