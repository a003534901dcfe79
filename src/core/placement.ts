import type { Cohort } from './batch.js';
import { quartileOf } from './cohort.js';
import type { Assessment, CohortPlacement } from './types.js';

/** Where one council stands in a cohort: the cohort's median and the council's quarter, overall and per characteristic. */
export function placeInCohort(a: Assessment, cohort: Cohort, source?: string): CohortPlacement {
  const characteristics: CohortPlacement['characteristics'] = {};
  for (const c of a.characteristics) {
    const s = cohort.characteristics[c.id];
    characteristics[c.id] = { median: s?.median ?? null, quartile: s ? quartileOf(c.score, s) : null };
  }
  return {
    ...(source !== undefined && { source }),
    count: cohort.count,
    overall: { median: cohort.overall.median, quartile: quartileOf(a.overall.score, cohort.overall) },
    characteristics,
  };
}
