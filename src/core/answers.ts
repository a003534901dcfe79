import type { Problem } from './errors.js';
import { indicatorKey, scaleMax } from './rubric.js';
import { suggestion } from './suggest.js';
import type { Answer, AnswerDetail, AnswersFile, Council, Indicator, Rubric } from './types.js';

export type Confidence = 'low' | 'medium' | 'high';

/** An answer with the short and long forms made one. `value: null` means not assessed. */
export interface NormalisedAnswer {
  value: number | 'n/a' | 'unknown' | null;
  evidence?: string;
  confidence?: Confidence;
  /** The level this council aims for (SPEC "Targets"); only an answer object carries one. */
  target?: number;
}

export function normaliseAnswer(answer: Answer | undefined): NormalisedAnswer {
  if (answer === undefined || answer === null) return { value: null };
  if (typeof answer === 'object') {
    const out: NormalisedAnswer = { value: answer.score };
    if (answer.evidence !== undefined) out.evidence = answer.evidence;
    if (answer.confidence !== undefined) out.confidence = answer.confidence;
    if (answer.target !== undefined) out.target = answer.target;
    return out;
  }
  return { value: answer };
}

/**
 * SPEC: appliesTo holds unless the council's profile gives a value for a named field that is not listed;
 * null or a missing field gives no value.
 */
export function isApplicable(indicator: Indicator, council: Council): boolean {
  for (const [field, options] of Object.entries(indicator.appliesTo ?? {})) {
    const value = Object.hasOwn(council, field) ? council[field] : undefined;
    if (value !== undefined && value !== null && !options.includes(value)) return false;
  }
  return true;
}

export interface AnswersCheck {
  errors: Problem[];
  warnings: Problem[];
}

/** Checks a schema-valid answers file against its rubric for what a schema cannot say. */
export function checkAnswers(file: AnswersFile, rubric: Rubric): AnswersCheck {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const max = scaleMax(rubric);
  const profile = rubric.profile ?? [];

  for (const [field, value] of Object.entries(file.council)) {
    if (field === 'name') continue;
    const spec = profile.find((f) => f.id === field);
    if (!spec) {
      const known = ['name', ...profile.map((f) => f.id)];
      errors.push({
        path: ['council', field],
        at: 'key',
        message: `unknown council field; expected one of: ${known.join(', ')}${suggestion(field, known)}`,
      });
    } else if (typeof value === 'string' && !spec.options.includes(value)) {
      errors.push({
        path: ['council', field],
        message: `"${value}" is not one of: ${spec.options.join(', ')}${suggestion(value, spec.options)}`,
      });
    }
  }

  // This runs on files the schema has already found fault with, so nothing here may trust a type.
  const dateMessage = assessedOnProblem(file.assessedOn as unknown);
  if (dateMessage !== undefined) errors.push({ path: ['assessedOn'], message: dateMessage });

  const indicators = new Map<string, Indicator>();
  for (const c of rubric.characteristics) for (const i of c.indicators) indicators.set(indicatorKey(c, i), i);

  for (const [key, answer] of Object.entries(file.answers)) {
    const indicator = indicators.get(key);
    if (!indicator) {
      errors.push({
        path: ['answers', key],
        at: 'key',
        label: key,
        message: `not an indicator of rubric "${rubric.id}"${suggestion(key, indicators.keys())}`,
      });
      continue;
    }
    const { value } = normaliseAnswer(answer);
    const detailed = typeof answer === 'object' && answer !== null;
    const valuePath = detailed ? ['answers', key, 'score'] : ['answers', key];
    const label = detailed ? `${key}.score` : key;
    if (Array.isArray(answer)) continue; // the schema's message ("a list is not valid here") says it
    if (detailed && Object.hasOwn(answer, 'target')) {
      const message = targetProblem((answer as { target?: unknown }).target, max);
      if (message !== undefined) errors.push({ path: ['answers', key, 'target'], label: `${key}.target`, message });
    }
    if (detailed) checkViews(key, answer, max, errors);
    if (typeof value === 'object' && value !== null) {
      // { score: { score: 2 } }: the schema reports it too, but without the rubric's scale.
      errors.push({
        path: valuePath,
        label,
        message: `${Array.isArray(value) ? 'a list' : 'a mapping'} is not an answer; expected a whole number 0-${max}, n/a, unknown, or nothing if not yet answered`,
      });
    } else if (typeof value === 'number' && !Number.isSafeInteger(value) && (!Number.isFinite(value) || Number.isInteger(value))) {
      // 1e400 reads as Infinity, .nan as NaN, 9007199254740993 as ...992: not numbers to score, nor to echo
      // (the message is located with the number as the user wrote it).
      errors.push({
        path: valuePath,
        label,
        message: `${value} is ${Number.isNaN(value) ? 'not a number' : value > 0 ? 'too large a number' : 'too far below 0'}; expected a whole number 0-${max}`,
      });
    } else if (typeof value === 'number' && (!Number.isInteger(value) || value < 0 || value > max)) {
      errors.push({
        path: valuePath,
        label,
        message: `${value} is not on the scale 0-${max}${Number.isInteger(value) ? '' : ' (whole numbers only)'}`,
      });
    } else if ((typeof value === 'string' && value !== 'n/a' && value !== 'unknown') || typeof value === 'boolean') {
      errors.push({
        path: valuePath,
        label,
        message: `${JSON.stringify(value)} is not an answer; expected a whole number 0-${max}, n/a, unknown, or nothing if not yet answered`,
      });
    } else if ((typeof value === 'number' || value === 'unknown') && !isApplicable(indicator, file.council)) {
      // "n/a" on an indicator that does not apply agrees with the rubric, so it earns no warning.
      warnings.push({
        path: ['answers', key],
        at: 'key',
        label: key,
        message: `does not apply to this council (${describeAppliesTo(indicator)}); its answer is kept but not scored`,
      });
    }
  }
  return { errors, warnings };
}

/** What is wrong with an answer's `target`, or undefined when it is a level from 1 to max. */
export function targetProblem(target: unknown, max: number): string | undefined {
  if (typeof target === 'number') {
    if (Number.isInteger(target) && target >= 1 && target <= max) return undefined;
    if (!Number.isFinite(target)) return `${Number.isNaN(target) ? 'not a number' : 'too large a number'}; a target is a level from 1 to ${max}`;
    if (!Number.isInteger(target)) return `${target} is not a whole number; a target is a level from 1 to ${max}`;
    if (target > max) return `${target} is not a level on the scale 1-${max}`;
    return `${target} is not a target; a target is a level from 1 to ${max}, the level this council aims for`;
  }
  const what = target === null ? 'an empty value' : Array.isArray(target) ? 'a list' : typeof target === 'object' ? 'a mapping' : JSON.stringify(target);
  return `${what} is not a target; expected a whole number from 1 to ${max}`;
}

/**
 * A combined file's views (SPEC "Several assessors"): each on the scale, one per assessor, and a
 * reason agreed only where there are views to settle. Shapes the schema has already faulted are skipped.
 */
function checkViews(key: string, answer: AnswerDetail, max: number, errors: Problem[]): void {
  const views = answer.views as unknown;
  if (typeof answer.agreed === 'string' && (views === undefined || (Array.isArray(views) && views.length === 0))) {
    errors.push({
      path: ['answers', key, 'agreed'],
      at: 'key',
      label: `${key}.agreed`,
      message: "agreed: is the reason assessors' views were settled, but this answer has no views; remove it, or combine the assessors' files (council-resilience combine)",
    });
  }
  if (!Array.isArray(views)) return;
  const seen = new Map<string, number>();
  views.forEach((view: unknown, i) => {
    if (view === null || typeof view !== 'object') return;
    const { assessor, score } = view as { assessor?: unknown; score?: unknown };
    if (typeof score === 'number' && (!Number.isSafeInteger(score) || score < 0 || score > max)) {
      errors.push({
        path: ['answers', key, 'views', i, 'score'],
        label: `${key}.views[${i}].score`,
        message: `${score} is not on the scale 0-${max}${Number.isInteger(score) || !Number.isFinite(score) ? '' : ' (whole numbers only)'}`,
      });
    }
    if (typeof assessor !== 'string') return;
    const name = assessor.trim().toLowerCase();
    const earlier = seen.get(name);
    if (earlier === undefined) seen.set(name, i);
    else {
      errors.push({
        path: ['answers', key, 'views', i, 'assessor'],
        label: `${key}.views[${i}].assessor`,
        message: `${JSON.stringify(assessor)} already gives a view of this indicator (views[${earlier}]); each assessor has one view`,
      });
    }
  });
}

function describeAppliesTo(indicator: Indicator): string {
  return Object.entries(indicator.appliesTo ?? {})
    .map(([field, options]) => `only where ${field} is ${options.join(' or ')}`)
    .join(', ');
}

/** The years a council's self-assessment can plausibly be dated in; outside them it is a typo. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/**
 * What is wrong with `assessedOn`, or undefined when it is a real date (or absent). A string not
 * shaped YYYY-MM-DD is left to the schema's message, which says what the shape is.
 */
export function assessedOnProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    const what = value === null ? 'an empty value' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : String(value);
    return `${what} is not a date; expected a date written YYYY-MM-DD, such as 2026-11-01`;
  }
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return `the year ${match[1]} looks wrong; expected a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}, in a date such as 2026-11-01`;
  }
  if (!isRealDate(year, Number(match[2]), Number(match[3]))) return `${value} is not a real date; expected YYYY-MM-DD`;
  return undefined;
}

/** Plain calendar arithmetic: Date.UTC would read the years 0-99 as 1900-1999. */
export function isRealDate(year: number, month: number, day: number): boolean {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && Number.isInteger(day) && day >= 1 && day <= days;
}
