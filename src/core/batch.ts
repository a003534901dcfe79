// Batch results: one summary row per council (never whole reports), invalid files, cohort statistics.
import type { Stats } from './cohort.js';
import { stats } from './cohort.js';
import type { Assessment, RubricInfo } from './types.js';

export interface BatchRow {
  file: string;
  council: string;
  overall: number | null;
  band: string | null;
  coverage: number;
  characteristics: Record<string, number | null>;
}

export interface InvalidFile {
  file: string;
  errors: string[];
}

export interface Cohort {
  count: number;
  overall: Stats;
  characteristics: Record<string, Stats>;
}

/** SPEC "Batch JSON". */
export interface BatchResult {
  schemaVersion: 1;
  rubric: RubricInfo;
  councils: BatchRow[];
  invalid: InvalidFile[];
  cohort: Cohort;
}

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
export function batchResult(rubric: RubricInfo, characteristicIds: readonly string[], rows: BatchRow[], invalid: InvalidFile[]): BatchResult {
  const councils = [...rows].sort(byFile);
  const characteristics: Record<string, Stats> = {};
  for (const id of characteristicIds) characteristics[id] = stats(councils.map((r) => r.characteristics[id] ?? null));
  return {
    schemaVersion: 1,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    councils,
    invalid: [...invalid].sort(byFile),
    cohort: {
      count: councils.filter((r) => r.overall !== null).length,
      overall: stats(councils.map((r) => r.overall)),
      characteristics,
    },
  };
}

/** SPEC: merging every shard's output gives exactly the unsharded output. */
export function mergeBatches(parts: readonly BatchResult[]): BatchResult {
  const first = parts[0];
  if (!first) throw new RangeError('nothing to merge');
  const ids = Object.keys(first.cohort.characteristics);
  return batchResult(first.rubric, ids, parts.flatMap((p) => p.councils), parts.flatMap((p) => p.invalid));
}

/** --shard I/N keeps the files whose index in the sorted list is congruent to I-1 modulo N. */
export function inShard(index: number, shard: { index: number; count: number }): boolean {
  return index % shard.count === shard.index - 1;
}
