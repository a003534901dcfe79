// SPEC "Scoring", exactly. Pure: a rubric and an answers file in, an Assessment out.
import { agreementSummary, hasViews, viewFields } from './agreement.js';
import { isApplicable, normaliseAnswer } from './answers.js';
import { indicatorKey, scaleMax } from './rubric.js';
import type { AnswersFile, Assessment, CharacteristicResult, CouncilInfo, Gap, IndicatorResult, Rubric } from './types.js';

/** Scores within this distance count as equal, so float rounding never changes a band or an order. */
export const EPSILON = 1e-9;

export interface AssessOptions {
  /** Gaps are indicators scored below this level; defaults to the top of the scale. */
  target?: number;
  /** The answers file's path as the user gave it, recorded in the report. */
  source?: string;
}

export function assess(rubric: Rubric, file: AnswersFile, options: AssessOptions = {}): Assessment {
  const max = scaleMax(rubric);
  const target = options.target ?? max;
  if (!Number.isInteger(target) || target < 1 || target > max) {
    throw new RangeError(`target must be a whole number from 1 to ${max}, not ${target}`);
  }

  const characteristics: CharacteristicResult[] = [];
  const gaps: (Gap & { order: number })[] = [];
  const notAssessed: string[] = [];
  let applicableTotal = 0;
  let answeredTotal = 0;
  let order = 0;
  const withViews = hasViews(file);

  for (const characteristic of rubric.characteristics) {
    const W = characteristic.weight ?? 1;
    let weighted = 0;
    let possible = 0;
    let reached = 0;
    let aimed = 0;
    let scored = 0;
    let applicable = 0;
    let answered = 0;
    const indicators: IndicatorResult[] = [];

    for (const indicator of characteristic.indicators) {
      const key = indicatorKey(characteristic, indicator);
      const w = indicator.weight ?? 1;
      const given = Object.hasOwn(file.answers, key) ? file.answers[key] : undefined;
      const answer = normaliseAnswer(given);
      const applies = isApplicable(indicator, file.council);
      const result: IndicatorResult = { key, statement: indicator.statement, applicable: applies, answer: answer.value };
      if (answer.evidence !== undefined) result.evidence = answer.evidence;
      if (answer.confidence !== undefined) result.confidence = answer.confidence;
      if (answer.target !== undefined) result.target = answer.target;
      if (withViews) Object.assign(result, viewFields(given, applies));
      indicators.push(result);
      order++;
      if (!applies) continue;

      applicable++;
      if (answer.value === null) {
        notAssessed.push(key);
        continue;
      }
      answered++;
      if (answer.value === 'n/a') continue;

      const v = answer.value === 'unknown' ? 0 : answer.value;
      scored++;
      weighted += w * v;
      possible += w * max;
      // SPEC "Targets": the indicator's own target, else --target, else max; the same t_i for toTarget.
      const t = answer.target ?? target;
      reached += w * Math.min(v, t);
      aimed += w * t;
      if (v < t) {
        gaps.push({
          key,
          characteristic: characteristic.id,
          score: v,
          unknown: answer.value === 'unknown',
          target: t,
          priority: W * w * (t - v),
          nextStep: indicator.nextSteps[String(v)] ?? '',
          order,
        });
      }
    }

    const score = scored === 0 ? null : (100 * weighted) / possible;
    characteristics.push({
      id: characteristic.id,
      title: characteristic.title,
      weight: W,
      score,
      band: bandFor(rubric, score),
      coverage: applicable === 0 ? 1 : answered / applicable,
      toTarget: scored === 0 ? null : (100 * reached) / aimed,
      indicators,
    });
    applicableTotal += applicable;
    answeredTotal += answered;
  }

  let weightedSum = 0;
  let weightTotal = 0;
  for (const c of characteristics) {
    if (c.score === null) continue;
    weightedSum += c.weight * c.score;
    weightTotal += c.weight;
  }
  const overallScore = weightTotal === 0 ? null : weightedSum / weightTotal;
  let toTargetSum = 0;
  let toTargetWeight = 0;
  for (const c of characteristics) {
    if (c.toTarget === null) continue;
    toTargetSum += c.weight * c.toTarget;
    toTargetWeight += c.weight;
  }

  gaps.sort((a, b) => (Math.abs(a.priority - b.priority) <= EPSILON ? a.order - b.order : b.priority - a.priority));

  const assessment: Assessment = {
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    council: councilInfo(rubric, file),
    ...(options.source !== undefined && { source: options.source }),
    overall: {
      score: overallScore,
      band: bandFor(rubric, overallScore),
      coverage: applicableTotal === 0 ? 1 : answeredTotal / applicableTotal,
      toTarget: toTargetWeight === 0 ? null : toTargetSum / toTargetWeight,
    },
    characteristics,
    gaps: gaps.map(({ order: _order, ...gap }) => gap),
    notAssessed,
    ...(withViews && { agreement: agreementSummary(file, characteristics.flatMap((c) => c.indicators)) }),
    target,
    ...(file.assessedOn !== undefined && { assessedOn: file.assessedOn }),
    ...(file.assessor !== undefined && { assessor: file.assessor }),
  };
  assertFinite(assessment, 'assessment');
  return assessment;
}

/**
 * The last line of defence: no report, in any format, may show NaN or Infinity. Loading rejects
 * every input that could lead to one (non-numeric scores, weights out of range), so a number that
 * is not finite here is a bug in this program, and it stops rather than print a wrong report.
 */
export function assertFinite(value: unknown, where: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`bug: scoring produced ${value} at ${where}; a report may only hold finite numbers (the input passed every check)`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertFinite(item, `${where}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertFinite(item, `${where}.${key}`);
  } else if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'boolean') {
    throw new Error(`bug: scoring produced a ${typeof value} at ${where}; a report holds only numbers, text, true/false and null`);
  }
}

/** The band with the highest min at or below the score; null for a null score. */
export function bandFor(rubric: Rubric, score: number | null): string | null {
  if (score === null) return null;
  let label: string | null = null;
  for (const band of rubric.bands) if (band.min <= score + EPSILON) label = band.label;
  return label;
}

/** Name first, then profile answers in the rubric's profile order, so output order never depends on the file. */
function councilInfo(rubric: Rubric, file: AnswersFile): CouncilInfo {
  const info: CouncilInfo = { name: file.council.name };
  for (const field of rubric.profile ?? []) {
    if (Object.hasOwn(file.council, field.id)) info[field.id] = file.council[field.id] ?? null;
  }
  return info;
}
