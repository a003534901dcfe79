// assess --cohort F --group-by FIELD [--groups FILE.csv]: the council placed within its own group
// of the cohort. A column of the groups file groups the cohort's councils by name, here; a profile
// field needs the cohort to have been made with batch --group-by FIELD, whose groups are used.
import type { BatchResult } from '../core/batch.js';
import { UsageError } from '../core/errors.js';
import type { GroupPlacement } from '../core/groups.js';
import { groupColumn, groupField, groupStatistics, NO_GROUP, placeInGroup, profileGroup, withGroup } from '../core/groups.js';
import { rubricName } from '../core/rubric-identity.js';
import type { Assessment, Rubric } from '../core/types.js';
import { groupValue, readGroupsFile } from '../io/groups-file.js';

export function placeInOwnGroup(
  a: Assessment,
  rubric: Rubric,
  cohort: { file: string; batch: BatchResult },
  options: { groupBy: string; groups?: string },
): GroupPlacement {
  const file = options.groups === undefined ? undefined : readGroupsFile(options.groups);
  const column = groupColumn(options.groupBy, file);
  const ids = Object.keys(cohort.batch.cohort.characteristics);
  if (column && file) {
    const value = groupValue(file, column.field, a.council.name) ?? NO_GROUP;
    // A cohort grouped by this column keeps its groups: an anonymised one can be grouped no other way,
    // since its councils' names are aliases that the groups file does not hold.
    if (groupField(cohort.batch) === column.field) return placeInGroup(a, column.field, value, cohort.batch.groups![column.field]![value]);
    if (cohort.batch.anonymised) {
      throw new UsageError(
        `${cohort.file} is anonymised, so its councils cannot be found in ${options.groups}; make the cohort with "batch --anonymise --group-by ${column.field} --groups ${options.groups} --format json" to place this council in its group`,
      );
    }
    const grouped = cohort.batch.councils.map((r) => withGroup(r, groupValue(file, column.field, r.council)));
    return placeInGroup(a, column.field, value, groupStatistics(grouped, ids)[value]);
  }
  const { field } = profileGroup(options.groupBy, (rubric.profile ?? []).map((p) => p.id), rubricName(rubric), file);
  const raw = a.council[field];
  const value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : NO_GROUP;
  const theirs = groupField(cohort.batch);
  if (theirs !== field) {
    const has = theirs === undefined ? 'has no groups' : `is grouped by ${theirs}`;
    throw new UsageError(`${cohort.file} ${has}, not by ${field}; make the cohort with "batch --group-by ${field} --format json" to place this council in its group`);
  }
  return placeInGroup(a, field, value, cohort.batch.groups![field]![value]);
}
