// Batch results: one summary row per council (never whole reports), invalid files, cohort statistics.
import { resolve, sep } from 'node:path';
import type { BatchResult, BatchRow, BatchRubric, Cohort, InvalidFile } from '../generated/batch-types.js';
import type { Stats } from './cohort.js';
import { stats } from './cohort.js';
import type { PathSegment, Problem } from './errors.js';
import { UsageError } from './errors.js';
import { groupField, groupStatistics, withGroup } from './groups.js';
import { rubricDifference, rubricName } from './rubric-identity.js';
import type { Assessment } from './types.js';

// SPEC "Batch JSON": the types come from schemas/batch.schema.json (scripts/generate.mjs), which
// also checks every batch JSON that merge and assess --cohort read.
export type { BatchResult, BatchRow, BatchRubric, Cohort, InvalidFile };

/** `groupBy`: a profile field (batch --group-by type): the row carries the council's value of it. */
export function summaryRow(file: string, a: Assessment, groupBy?: string): BatchRow {
  const characteristics: Record<string, number | null> = {};
  for (const c of a.characteristics) characteristics[c.id] = c.score;
  const row: BatchRow = { file, council: a.council.name, overall: a.overall.score, band: a.overall.band, coverage: a.overall.coverage, characteristics };
  if (groupBy === undefined) return row;
  const value = a.council[groupBy];
  return withGroup(row, typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
}

/** Paths in code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byFile = (a: { file: string }, b: { file: string }) => comparePaths(a.file, b.file);

/**
 * Rows in path order and the cohort computed from them, so any split of the files merges to the same
 * result. `groupBy` names the field the rows' `group` values are of (batch --group-by).
 */
export function batchResult(rubric: BatchRubric, characteristicIds: readonly string[], rows: BatchRow[], invalid: InvalidFile[], groupBy?: string): BatchResult {
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
    ...(groupBy !== undefined && { groups: { [groupBy]: groupStatistics(councils, characteristicIds) } }),
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
 * (the same shard given twice would count every council twice), however its path is spelt: the
 * council files' paths are resolved against `cwd`, the folder merge runs in.
 */
export function mergeBatches(parts: readonly BatchPart[], cwd: string): BatchResult {
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
  checkNoSharedFiles(parts, cwd);
  const groupBy = sameGroupField(parts);
  const ids = Object.keys(first.batch.cohort.characteristics);
  return batchResult(first.batch.rubric, ids, parts.flatMap((p) => p.batch.councils), parts.flatMap((p) => p.batch.invalid), groupBy);
}

/**
 * Shards grouped by one field merge to the groups of the whole run: the groups are computed again
 * from the councils' group values. Shards grouped differently (or some not at all) are refused.
 */
function sameGroupField(parts: readonly BatchPart[]): string | undefined {
  const field = groupField(parts[0]!.batch);
  const by = (f: string | undefined) => (f === undefined ? 'has no groups (no --group-by)' : `is grouped by ${f}`);
  for (const part of parts.slice(1)) {
    const theirs = groupField(part.batch);
    if (theirs !== field) {
      throw new UsageError(
        `${parts[0]!.source} ${by(field)} and ${part.source} ${by(theirs)}, so they cannot be merged; run every shard with the same --group-by (and --groups file)`,
      );
    }
  }
  return field;
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

/**
 * One key per council file however its path is spelt (`ex/a.yaml`, `./ex//a.yaml`, `/ci/ex/a.yaml`):
 * resolved against `cwd`, the folder the shards were scored from (merge's own, in a CI matrix).
 */
export function councilFileKey(file: string, cwd: string): string {
  // Most paths are already plain and relative (`ex/a.yaml`): joined without resolve(), which costs
  // more than the rest of the check on 30,000 councils. Anything else is resolved.
  if (sep === '/' && !NOT_PLAIN.test(file)) return cwd.endsWith('/') ? cwd + file : `${cwd}/${file}`;
  return resolve(cwd, file);
}

/** Absolute, empty, a `.` or `..` segment, a doubled or trailing slash, a backslash: resolve() decides. */
const NOT_PLAIN = /^$|^\/|\/\/|\/$|(^|\/)\.\.?(\/|$)|\\/;

function checkNoSharedFiles(parts: readonly BatchPart[], cwd: string): void {
  const seen = new Map<string, { source: string; file: string }>();
  const shared: { file: string; first: { source: string; file: string }; second: string }[] = [];
  for (const { source, batch } of parts) {
    for (const entry of [...batch.councils, ...batch.invalid]) {
      const key = councilFileKey(entry.file, cwd);
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, { source, file: entry.file });
      else shared.push({ file: entry.file, first: earlier, second: source });
    }
  }
  const one = shared[0];
  if (!one) return;
  const more = shared.length > 1 ? ` (and ${shared.length - 1} more file${shared.length === 2 ? '' : 's'} like it)` : '';
  const where = one.first.source === one.second ? `twice in ${one.first.source}` : `in both ${one.first.source} and ${one.second}`;
  const spelt = one.first.file === one.file ? '' : ` (written ${one.first.file} in the first and ${one.file} in the second)`;
  throw new UsageError(`the council file ${one.first.file} is ${where}${spelt}${more}; each file must be in exactly one shard, so these cannot be merged`);
}

/** --shard I/N keeps the files whose index in the sorted list is congruent to I-1 modulo N. */
export function inShard(index: number, shard: { index: number; count: number }): boolean {
  return index % shard.count === shard.index - 1;
}

const STAT_KEYS = ['min', 'q1', 'median', 'q3', 'max', 'mean'] as const;
/** Hand-edited files aside, the statistics are exactly what stats() gives: this only forgives rounding. */
const TOLERANCE = 1e-9;

/** A statistic as a message shows it: exact enough to see a difference, without seventeen digits. */
function figure(n: number | null): string {
  return n === null ? 'null' : String(Number(n.toPrecision(12)));
}

function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * What a batch JSON's cohort says that contradicts itself or its councils, as batchResult would
 * never write it: statistics out of order or partly null, a mean outside the range, a count that is
 * not the number of scored councils, and statistics that are not those of the councils listed.
 * `rowsSound` is false when the councils themselves are in doubt (one listed twice, other
 * characteristics): then only the statistics' own order is checked, as the rows' problems say enough.
 */
export function cohortProblems(batch: BatchResult, rowsSound: boolean): Problem[] {
  const problems: Problem[] = [];
  const { cohort, councils } = batch;
  const objects: { path: PathSegment[]; given: Stats; scores: () => (number | null)[]; what: Scores }[] = [
    { path: ['cohort', 'overall'], given: cohort.overall, scores: () => councils.map((r) => r.overall), what: { one: 'an overall score', many: 'overall scores' } },
    ...Object.entries(cohort.characteristics).map(([id, given]) => ({
      path: ['cohort', 'characteristics', id],
      given,
      scores: () => councils.map((r) => r.characteristics[id] ?? null),
      what: { one: `a score for ${id}`, many: `scores for ${id}` },
    })),
  ];
  const ordered = objects.filter((o) => {
    const found = orderProblem(o.given, o.path);
    if (found) problems.push(found);
    return !found;
  });
  if (!rowsSound) return problems;
  const scored = councils.filter((r) => r.overall !== null).length;
  if (cohort.count !== scored) {
    problems.push({
      path: ['cohort', 'count'],
      message: `${cohort.count} is not the number of councils in this file with an overall score; expected ${scored}`,
    });
  }
  for (const o of ordered) {
    const found = matchProblem(o.given, stats(o.scores()), o.path, o.what);
    if (found) problems.push(found);
  }
  return problems;
}

/** All six null (nothing scored) or all numbers, min <= q1 <= median <= q3 <= max, and the mean between min and max. */
function orderProblem(s: Stats, path: PathSegment[]): Problem | undefined {
  const nulls = STAT_KEYS.filter((k) => s[k] === null);
  if (nulls.length === STAT_KEYS.length) return undefined;
  if (nulls.length > 0) {
    const numbers = STAT_KEYS.filter((k) => s[k] !== null);
    return {
      path,
      message: `has null for ${list(nulls)} but numbers for ${list(numbers)}; expected all six statistics to be numbers, or all null when no council was scored`,
    };
  }
  const order = ['min', 'q1', 'median', 'q3', 'max'] as const;
  const values = order.map((k) => s[k]!);
  for (let i = 1; i < values.length; i++) {
    if (values[i - 1]! > values[i]! + TOLERANCE) {
      const shown = order.map((k) => `${k} ${figure(s[k])}`).join(', ');
      return { path, message: `the statistics are out of order (${shown}); expected min <= q1 <= median <= q3 <= max` };
    }
  }
  if (s.mean! < s.min! - TOLERANCE || s.mean! > s.max! + TOLERANCE) {
    return {
      path: [...path, 'mean'],
      message: `${figure(s.mean)} is outside the range of the scores (min ${figure(s.min)}, max ${figure(s.max)}); expected a mean between them`,
    };
  }
  return undefined;
}

/** The given statistics against those of the councils listed, one line for the object (or for its one wrong statistic). */
/** The scores a statistics object summarises, in words: "an overall score", "overall scores". */
interface Scores {
  one: string;
  many: string;
}

function matchProblem(given: Stats, theirs: Stats, path: PathSegment[], what: Scores): Problem | undefined {
  const differs = (k: (typeof STAT_KEYS)[number]) => {
    const [a, b] = [given[k], theirs[k]];
    return a === null || b === null ? a !== b : Math.abs(a - b) > TOLERANCE * Math.max(1, Math.abs(b));
  };
  const wrong = STAT_KEYS.filter(differs);
  if (wrong.length === 0) return undefined;
  const at = wrong.length === 1 ? [...path, wrong[0]!] : path;
  if (theirs.median === null) {
    return { path: at, message: `has statistics, but no council in this file has ${what.one}; expected all six null` };
  }
  if (given.median === null) {
    return { path: at, message: `is all null, but the councils in this file have ${what.many} (median ${figure(theirs.median)}); expected their statistics` };
  }
  const shown = wrong.map((k) => `${k} ${figure(given[k])} where their scores give ${figure(theirs[k])}`).join(', ');
  return { path: at, message: `does not match the councils' ${what.many} in this file (${shown}); expected the statistics of the councils listed` };
}
