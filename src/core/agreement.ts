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
  disputed: boolean;
  agreed: string | null;
}

export function hasViews(file: AnswersFile): boolean {
  return file.assessors !== undefined || Object.values(file.answers).some((answer) => detail(answer)?.views !== undefined);
}

/** An indicator's views as the file gives them (keys in schema order), with SPEC's spread and disputed. */
export function viewFields(answer: Answer | undefined): ViewFields {
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
    disputed: isDisputed(scores),
    agreed: given?.agreed ?? null,
  };
}

/**
 * Settled: disputed, with `agreed` (SPEC: "settled = disputed with agreed"). `moderate` never writes
 * an empty reason for a disputed indicator; a blank one written by hand still settles it, as
 * `moderate` also takes it, and the reports say "no reason given".
 */
export function isSettled(indicator: Pick<IndicatorResult, 'disputed' | 'agreed'>): boolean {
  return indicator.disputed === true && typeof indicator.agreed === 'string';
}

/** Disputed and not settled: what `moderate` still has to go through, and what --strict refuses. */
export function isUnsettled(indicator: Pick<IndicatorResult, 'disputed' | 'agreed'>): boolean {
  return indicator.disputed === true && !isSettled(indicator);
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
