import type { PlanInReport } from '../core/plan.js';
import type { Assessment, Report } from '../core/types.js';

/** SPEC "JSON report": fixed key order, unrounded numbers, so the same input gives the same bytes. */
export function toReport(a: Assessment, toolVersion: string, plan?: PlanInReport): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'council-resilience', version: toolVersion },
    rubric: { id: a.rubric.id, version: a.rubric.version, title: a.rubric.title },
    council: a.council,
    ...(a.source !== undefined && { source: a.source }),
    overall: { score: a.overall.score, band: a.overall.band, coverage: a.overall.coverage, toTarget: a.overall.toTarget },
    characteristics: a.characteristics.map((c) => ({
      id: c.id,
      title: c.title,
      weight: c.weight,
      score: c.score,
      band: c.band,
      coverage: c.coverage,
      toTarget: c.toTarget,
      indicators: c.indicators.map((i) => ({
        key: i.key,
        statement: i.statement,
        applicable: i.applicable,
        answer: i.answer,
        ...(i.evidence !== undefined && { evidence: i.evidence }),
        ...(i.confidence !== undefined && { confidence: i.confidence }),
        ...(i.target !== undefined && { target: i.target }),
        // A combined file's indicators only (SPEC "Several assessors"): all four, or none.
        ...(i.views !== undefined && {
          views: i.views.map((view) => ({
            assessor: view.assessor,
            score: view.score,
            ...(view.evidence !== undefined && { evidence: view.evidence }),
            ...(view.confidence !== undefined && { confidence: view.confidence }),
          })),
          spread: i.spread ?? null,
          disputed: i.disputed ?? false,
          agreed: i.agreed ?? null,
        }),
      })),
    })),
    gaps: a.gaps.map((g) => ({
      key: g.key,
      characteristic: g.characteristic,
      score: g.score,
      unknown: g.unknown,
      target: g.target,
      priority: g.priority,
      nextStep: g.nextStep,
      // assess --plan only: the plan's action for this gap, or null.
      ...(plan !== undefined && { plan: plan.gaps.get(g.key) ?? null }),
    })),
    notAssessed: [...a.notAssessed],
    ...(a.agreement !== undefined && {
      agreement: {
        assessors: [...a.agreement.assessors],
        withViews: a.agreement.withViews,
        disputed: a.agreement.disputed,
        settled: a.agreement.settled,
      },
    }),
    ...(a.cohort !== undefined && { cohort: a.cohort }),
    ...(plan !== undefined && { plan: { file: plan.file, actions: plan.actions, doneNotMoved: plan.doneNotMoved.map((d) => d.key) } }),
  };
}

export function renderJson(a: Assessment, toolVersion: string, plan?: PlanInReport): string {
  return `${JSON.stringify(toReport(a, toolVersion, plan), null, 2)}\n`;
}
