import type { PlanInReport } from '../core/plan.js';
import type { Rubric } from '../core/types.js';

/** What the human-readable renderers need besides the assessment: the rubric's words. */
export interface ReportContext {
  rubric: Rubric;
  /** How many next steps to show (SPEC default 5). */
  top: number;
  /** assess --plan: each next step's action, and the actions marked done whose level has not moved. */
  plan?: PlanInReport;
}

export function levelLabel(rubric: Rubric, value: number): string {
  return rubric.scale.find((l) => l.value === value)?.label ?? String(value);
}

export function answerText(rubric: Rubric, answer: number | string | null): string {
  if (answer === null) return 'Not assessed';
  if (answer === 'n/a') return 'Not applicable';
  if (answer === 'unknown') return "Don't know";
  return `${answer} ${levelLabel(rubric, Number(answer))}`;
}
