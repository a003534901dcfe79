// The sentence that places a council in its cohort, shared by the text, markdown and HTML reports.
import { QUARTER_NAMES } from '../core/cohort.js';
import type { Assessment } from '../core/types.js';
import { oneDecimal } from './format.js';
import { SMALL_GROUP, TOO_SMALL_WORDS } from '../core/groups.js';

/** Where the council stands in the cohort, in a sentence that reads right when either has no score. */
export function cohortLine(cohort: NonNullable<Assessment['cohort']>, score: number | null): string {
  if (cohort.overall.median === null) return 'The cohort has no overall scores (no council in it was scored), so this council cannot be placed in it';
  const of = `Cohort of ${cohort.count} council${cohort.count === 1 ? '' : 's'}: median ${oneDecimal(cohort.overall.median)}`;
  const quartile = cohort.overall.quartile;
  if (score === null || !quartile) return `${of}; this council has no overall score, so it is not placed in it`;
  return `${of}; this council is in the ${QUARTER_NAMES[quartile]}`;
}

/** With assess --cohort --group-by: the council's own group, placed in it only when it has at least 5 councils scored. */
export function groupLine(group: NonNullable<NonNullable<Assessment['cohort']>['group']>, score: number | null): string {
  const name = `Its group, ${group.field} = ${group.value}`;
  const councils = `${group.count} council${group.count === 1 ? '' : 's'} scored`;
  if (group.tooSmall) return `${name}: ${councils}, ${TOO_SMALL_WORDS} (fewer than ${SMALL_GROUP}), so this council is not placed in it`;
  const of = `${name}: ${councils}, median ${oneDecimal(group.overall.median)}`;
  const quartile = group.overall.quartile;
  if (score === null || !quartile) return `${of}; this council has no overall score, so it is not placed in it`;
  return `${of}; this council is in the ${QUARTER_NAMES[quartile]}`;
}

/** Whether the report shows the group's median and quarter per characteristic. */
export function showsGroup(cohort: Assessment['cohort']): boolean {
  return cohort?.group !== undefined && !cohort.group.tooSmall;
}
