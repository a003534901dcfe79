// The library API: load a rubric and answers, score, render. Importing it has no side effects.
export { assess, bandFor, EPSILON } from './core/score.js';
export type { AssessOptions } from './core/score.js';
export { isApplicable, normaliseAnswer, checkAnswers } from './core/answers.js';
export type { NormalisedAnswer } from './core/answers.js';
export { checkRubric, indicatorKey, indicatorKeys, indicatorCount, scaleMax } from './core/rubric.js';
export { policyFailures } from './core/policy.js';
export type { Policy } from './core/policy.js';
export { InputError, UsageError, formatProblem } from './core/errors.js';
export type { InputProblem, Problem } from './core/errors.js';
export type * from './core/types.js';
export { loadAnswers, loadRubric, loadRubricFile } from './io/load.js';
export type { LoadedAnswers, LoadedRubric } from './io/load.js';
export { builtinRubricIds, DEFAULT_RUBRIC_ID } from './io/builtin.js';
export { renderText } from './render/text.js';
export type { TextOptions } from './render/text.js';
export { renderJson, toReport } from './render/json.js';
export { renderTemplate } from './render/template.js';
export { plain } from './render/style.js';
export type { Style } from './render/style.js';
export { toolVersion } from './generated/version.js';
// Several assessors, the yearly cycle and the worked arithmetic (SPEC "Several assessors", "Action plan", "Explain").
export { combinedScore, isDisputed, spread } from './core/views.js';
export { explain } from './core/explain.js';
export type { Explanation } from './core/explain.js';
export { newPlan, updatePlan } from './core/plan.js';
export { progress, isOverdue } from './core/progress.js';
