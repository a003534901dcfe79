// The sentence that places a council in its cohort, shared by the text, markdown and HTML reports.
import { QUARTER_NAMES } from '../core/cohort.js';
import type { Assessment } from '../core/types.js';
import { oneDecimal } from './format.js';

/** Where the council stands in the cohort, in a sentence that reads right when either has no score. */
export function cohortLine(cohort: NonNullable<Assessment['cohort']>, score: number | null): string {
  if (cohort.overall.median === null) return 'The cohort has no overall scores (no council in it was scored), so this council cannot be placed in it';
  const of = `Cohort of ${cohort.count} council${cohort.count === 1 ? '' : 's'}: median ${oneDecimal(cohort.overall.median)}`;
  const quartile = cohort.overall.quartile;
  if (score === null || !quartile) return `${of}; this council has no overall score, so it is not placed in it`;
  return `${of}; this council is in the ${QUARTER_NAMES[quartile]}`;
}
