// Comparison groups (batch --group-by): the cohort statistics of each group of councils, and where
// one council stands in its own group. Pure.
import type { BatchResult, BatchRow } from '../generated/batch-types.js';
import type { GroupStats, Groups } from '../generated/batch-types.js';
import type { Stats } from './cohort.js';
import { quartileOf, stats } from './cohort.js';
import type { Problem } from './errors.js';
import { InputError, UsageError } from './errors.js';
import { suggestion } from './suggest.js';
import type { Assessment, CohortPlacement } from './types.js';

export type { GroupStats, Groups };

/** The group of a council with no value for the field, or not listed in the groups file. */
export const NO_GROUP = '(none)';

/** A group with fewer councils scored than this is too small to compare. */
export const SMALL_GROUP = 5;

/** The words every format uses for a group under SMALL_GROUP councils. */
export const TOO_SMALL_WORDS = 'too small to compare';

/** How a council's name is matched against a groups file: trimmed, ignoring case. */
export function councilKey(name: string): string {
  return name.trim().toLowerCase();
}

/** A key that a JavaScript object keeps first, in numeric order, whatever order it was added in. */
const INDEX_KEY = /^(0|[1-9]\d{0,9})$/;
const isIndexKey = (s: string) => INDEX_KEY.test(s) && Number(s) < 4294967295;

/**
 * Group values in the order they are shown and written: whole numbers (CIPFA cluster 1, 2, 10) in
 * numeric order, then the rest in character order (the same on every machine and locale), `(none)`
 * last. It is also the order JSON keeps, since an object puts whole-number keys first.
 */
export function compareGroupValues(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_GROUP) return 1;
  if (b === NO_GROUP) return -1;
  const [ia, ib] = [isIndexKey(a), isIndexKey(b)];
  if (ia && ib) return Number(a) - Number(b);
  if (ia !== ib) return ia ? -1 : 1;
  return a < b ? -1 : 1;
}

/** A row with its group value just after `council`, so JSON and CSV show it in one stable place. */
export function withGroup<R extends BatchRow>(row: R, value: string | null): R {
  const { file, council, group: _old, ...rest } = row;
  return { file, council, group: value, ...rest } as R;
}

/** A council's group value as the statistics use it: `(none)` for none. */
export function groupOf(row: Pick<BatchRow, 'group'>): string {
  return row.group === undefined || row.group === null ? NO_GROUP : row.group;
}

/** The statistics of each group, as cohort computes them for the whole cohort, groups in order. */
export function groupStatistics(rows: readonly BatchRow[], characteristicIds: readonly string[]): Record<string, GroupStats> {
  const members = new Map<string, BatchRow[]>();
  for (const row of rows) {
    const value = groupOf(row);
    const list = members.get(value);
    if (list) list.push(row);
    else members.set(value, [row]);
  }
  const out: Record<string, GroupStats> = {};
  for (const value of [...members.keys()].sort(compareGroupValues)) out[value] = statisticsOf(members.get(value)!, characteristicIds);
  return out;
}

/** count, overall and characteristics as batchResult gives the cohort: null scores are left out. */
function statisticsOf(rows: readonly BatchRow[], characteristicIds: readonly string[]): GroupStats {
  const characteristics: Record<string, Stats> = {};
  for (const id of characteristicIds) characteristics[id] = stats(rows.map((r) => r.characteristics[id] ?? null));
  let count = 0;
  for (const r of rows) if (r.overall !== null) count++;
  return { count, overall: stats(rows.map((r) => r.overall)), characteristics };
}

/** The one field a batch result is grouped by, if any. */
export function groupField(result: Pick<BatchResult, 'groups'>): string | undefined {
  return result.groups === undefined ? undefined : Object.keys(result.groups)[0];
}

/** One group as the renderers show it. */
export interface GroupSummary {
  value: string;
  /** Councils of the group with an overall score. */
  count: number;
  /** Fewer than SMALL_GROUP councils scored: shown, but flagged as too small to compare. */
  tooSmall: boolean;
  overall: Stats;
  /** In rubric order. */
  characteristics: { id: string; stats: Stats }[];
}

/**
 * The groups of a batch result as data, in order, `(none)` last: for every renderer (text,
 * markdown, the cohort HTML report). Empty when the batch was not grouped.
 */
export function groupSummaries(result: Pick<BatchResult, 'groups'>): { field: string; groups: GroupSummary[] } | undefined {
  const field = groupField(result);
  if (field === undefined) return undefined;
  const byValue = result.groups![field]!;
  return {
    field,
    groups: Object.keys(byValue)
      .sort(compareGroupValues)
      .map((value) => {
        const g = byValue[value]!;
        return {
          value,
          count: g.count,
          tooSmall: g.count < SMALL_GROUP,
          overall: g.overall,
          characteristics: Object.entries(g.characteristics).map(([id, s]) => ({ id, stats: s })),
        };
      }),
  };
}

export type GroupPlacement = NonNullable<CohortPlacement['group']>;

/** Where a council stands in its own group: the group's median and its quarter, overall and per characteristic. */
export function placeInGroup(a: Assessment, field: string, value: string, group: GroupStats | undefined): GroupPlacement {
  const empty = stats([]);
  const g = group ?? { count: 0, overall: empty, characteristics: {} };
  const characteristics: GroupPlacement['characteristics'] = {};
  for (const c of a.characteristics) {
    const s = g.characteristics[c.id] ?? empty;
    characteristics[c.id] = { median: s.median, quartile: quartileOf(c.score, s) };
  }
  return {
    field,
    value,
    count: g.count,
    tooSmall: g.count < SMALL_GROUP,
    overall: { median: g.overall.median, quartile: quartileOf(a.overall.score, g.overall) },
    characteristics,
  };
}

/**
 * What a batch JSON's groups say that its councils do not: a council without its group value (or
 * with one when nothing is grouped), a group no council is in, a council's group missing, and
 * statistics that are not those of the group's councils (checked by `check`, cohort's own check,
 * given a group's councils and statistics).
 */
export function groupProblems(batch: BatchResult, check: (part: BatchResult) => Problem[]): Problem[] {
  const field = groupField(batch);
  const problems: Problem[] = [];
  if (field === undefined) {
    const i = batch.councils.findIndex((r) => r.group !== undefined);
    if (i !== -1) problems.push({ path: ['councils', i, 'group'], at: 'key', message: 'is a group value, but this file has no groups; expected no group values without "groups"' });
    return problems;
  }
  const i = batch.councils.findIndex((r) => r.group === undefined);
  if (i !== -1) {
    problems.push({ path: ['councils', i], message: `has no group value, but this file is grouped by ${field}; expected "group": the council's ${field}, or null` });
    return problems;
  }
  const given = batch.groups![field]!;
  const members = new Map<string, BatchRow[]>();
  for (const row of batch.councils) {
    const value = groupOf(row);
    const list = members.get(value);
    if (list) list.push(row);
    else members.set(value, [row]);
  }
  for (const value of Object.keys(given)) {
    if (!members.has(value)) problems.push({ path: ['groups', field, value], at: 'key', message: `is a group no council in this file is in; expected only the groups of the councils listed` });
  }
  for (const [value, rows] of members) {
    const stated = given[value];
    if (!stated) {
      problems.push({ path: ['groups', field], message: `has no group "${value}", which ${rows.length} council${rows.length === 1 ? ' is' : 's are'} in; expected statistics for it` });
      continue;
    }
    const part = { ...batch, councils: rows, cohort: stated, groups: undefined };
    for (const p of check(part)) {
      problems.push({ ...p, path: p.path[0] === 'cohort' ? ['groups', field, value, ...p.path.slice(1)] : p.path, message: p.message.replace(/in this file/g, 'of this group') });
    }
  }
  return problems;
}

/** What --group-by FIELD names: a column of the --groups file, or a field of the rubric's profile. */
export type GroupSource = { kind: 'column'; field: string } | { kind: 'profile'; field: string };

/** The groups file's columns, where the file is, for messages. */
export interface GroupColumns {
  file: string;
  columns: readonly string[];
}

/** The name among `names` that `field` is: exactly, else ignoring case. */
function named(field: string, names: readonly string[]): string | undefined {
  return names.find((n) => n === field) ?? names.find((n) => n.toLowerCase() === field.toLowerCase());
}

/** A column of the groups file wins over a profile field of the same name: the file was given for it. */
export function groupColumn(field: string, groups: GroupColumns | undefined): GroupSource | undefined {
  const column = groups && named(field, groups.columns);
  return column === undefined ? undefined : { kind: 'column', field: column };
}

/**
 * FIELD as a profile field of the rubric, or the one-line refusal naming what exists: the profile
 * fields and the groups file's columns, with the nearest as a suggestion. With a groups file the
 * refusal is located at its header.
 */
export function profileGroup(field: string, profileIds: readonly string[], rubric: string, groups: GroupColumns | undefined): GroupSource {
  // Exactly: the field is read from each answers file by this name, before the rubric is known.
  if (profileIds.includes(field)) return { kind: 'profile', field };
  const fields = profileIds.length === 0 ? `rubric ${rubric} has no profile fields` : `the profile fields of rubric ${rubric} are ${profileIds.join(', ')}`;
  const near = suggestion(field, [...profileIds, ...(groups?.columns ?? [])]);
  if (groups) {
    const have = groups.columns.length === 0 ? 'it has no column but council' : `its columns are ${groups.columns.join(', ')}`;
    throw new InputError([
      { file: groups.file, line: 1, col: 1, path: '', message: `--group-by ${JSON.stringify(field)} is neither a column of this file nor a profile field: ${have}, and ${fields}${near}` },
    ]);
  }
  throw new UsageError(`--group-by ${JSON.stringify(field)} is not a profile field (${fields}; to group by anything else, give a --groups FILE.csv with it as a column)${near}`);
}
