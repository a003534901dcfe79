// SPEC "Several assessors", the report's side: how far a combined file's assessors agree. Pure.
// A file "has views" when it names `assessors` or any answer holds `views` (a combined file);
// only then do indicators carry views, spread, disputed and agreed, and the report `agreement`,
// so the report of an ordinary answers file stays exactly as it was.
import type { Agreement, Answer, AnswersFile, IndicatorResult, IndicatorView } from './types.js';
import { isDisputed, spread } from './views.js';

/** The four fields a combined file's indicators gain in the report. */
export interface ViewFields {
  views: IndicatorView[];
  /** max - min of the numeric views; 0 with one number; null when no view is a number (nothing to measure). */
  spread: number | null;
  /** SPEC's disputed, for an indicator that applies to the council; false for one that does not (it is not scored). */
  disputed: boolean;
  agreed: string | null;
}

export function hasViews(file: AnswersFile): boolean {
  return file.assessors !== undefined || Object.values(file.answers).some((answer) => detail(answer)?.views !== undefined);
}

/**
 * An indicator's views as the file gives them (keys in schema order), with SPEC's spread and disputed.
 * An indicator that does not apply to the council (`applies` false: its appliesTo leaves this
 * council out) is not scored, so whatever its views say it is never disputed: nothing to settle.
 */
export function viewFields(answer: Answer | undefined, applies = true): ViewFields {
  const given = detail(answer);
  const views = (given?.views ?? []).map((view) => {
    const out: IndicatorView = { assessor: view.assessor, score: view.score };
    if (view.evidence !== undefined) out.evidence = view.evidence;
    if (view.confidence !== undefined) out.confidence = view.confidence;
    return out;
  });
  const scores = views.map((view) => view.score);
  return {
    views,
    spread: scores.some((score) => typeof score === 'number') ? spread(scores) : null,
    disputed: applies && isDisputed(scores),
    agreed: given?.agreed ?? null,
  };
}

/** What deciding whether an indicator is settled needs: `disputed` as viewFields gives it, and the answer's `agreed`. */
export type Settling = { disputed?: boolean | undefined; agreed?: string | null | undefined };

/**
 * The one rule for "still to be settled", used by the reports, --strict and `moderate` alike: a
 * disputed indicator (viewFields: it applies, and its views are disputed) whose `agreed` is
 * missing or blank. SPEC: the reason "may not be empty for a disputed indicator", so `agreed: ""`
 * written by hand settles nothing. (An undisputed indicator never needs settling; `moderate --all`
 * may give it `agreed: ""`.)
 */
export function needsSettling(indicator: Settling): boolean {
  return indicator.disputed === true && (typeof indicator.agreed !== 'string' || indicator.agreed.trim() === '');
}

/** Settled: disputed, and not needing settling (SPEC: "settled = disputed with agreed", a reason that is not blank). */
export function isSettled(indicator: Settling): boolean {
  return indicator.disputed === true && !needsSettling(indicator);
}

/** The report's `agreement`: the assessors and the counts, over every indicator of the rubric. */
export function agreementSummary(file: AnswersFile, indicators: readonly IndicatorResult[]): Agreement {
  const named = new Set<string>(file.assessors ?? []);
  if (file.assessors === undefined) for (const i of indicators) for (const view of i.views ?? []) named.add(view.assessor);
  return {
    assessors: [...named],
    withViews: indicators.filter((i) => (i.views?.length ?? 0) > 0).length,
    disputed: indicators.filter((i) => i.disputed === true).length,
    settled: indicators.filter(isSettled).length,
  };
}

function detail(answer: Answer | undefined) {
  return typeof answer === 'object' && answer !== null ? answer : undefined;
}
