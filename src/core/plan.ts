// SPEC "Action plan": a council's gaps turned into actions, and a plan brought up to date from a
// later assessment without changing anything a person wrote in it. Pure.
import { assessedOnProblem } from './answers.js';
import type { Problem } from './errors.js';
import { indicatorKeys, scaleMax } from './rubric.js';
import { suggestion } from './suggest.js';
import type { Assessment, Gap, Rubric } from './types.js';
import type { ActionStatus, PlanAction, PlanFile, PlanNote } from '../generated/plan-types.js';
import type { GapPlan, ReportPlan } from '../generated/report-types.js';

export type { ActionStatus, GapPlan, PlanAction, PlanFile, PlanNote, ReportPlan };

/** An action's due date, or null until one is agreed: `due:` left empty, or cleared to `''`. */
export function dueOf(action: Pick<PlanAction, 'due'>): string | null {
  return action.due === undefined || action.due === null || action.due === '' ? null : action.due;
}

/** Every status an action can have, in the order they are counted and listed. */
export const STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const satisfies readonly ActionStatus[];

/** The action a gap starts as: the rubric's next step, nobody named yet, nothing done. */
export function actionFor(gap: Gap): PlanAction {
  return { key: gap.key, baseline: gap.score, target: gap.target, action: gap.nextStep, owner: null, due: null, status: 'planned', notes: [] };
}

/** The gaps a plan covers: all of them in gap order, or the first `top`. */
export function plannedGaps(assessment: Assessment, top?: number): Gap[] {
  return top === undefined ? assessment.gaps : assessment.gaps.slice(0, top);
}

export interface PlanSource {
  /** The rubric as the plan file names it: a built-in id, or a path from the plan file's folder. */
  rubric: string;
  /** The answers file as the plan file names it. */
  answers: string;
}

/** A new plan: one action per gap, in gap order (`top`: the first `top` gaps). */
export function newPlan(assessment: Assessment, source: PlanSource, top?: number): PlanFile {
  return {
    schemaVersion: 1,
    kind: 'plan',
    rubric: source.rubric,
    council: { ...assessment.council },
    basedOn: basedOn(assessment, source),
    actions: plannedGaps(assessment, top).map(actionFor),
  };
}

function basedOn(assessment: Assessment, source: PlanSource): PlanFile['basedOn'] {
  return { answers: source.answers, ...(assessment.assessedOn !== undefined && { assessedOn: assessment.assessedOn }) };
}

/**
 * Why an existing action's indicator is no longer a gap in the later assessment: it reached the
 * action's target (`met`); it reached the lower target the later answers set for it (`lowered`, by
 * the answer's own `target` or by --target); it is answered n/a; it does not apply to this council;
 * or it is not answered at all, so whether it is still a gap is not known.
 */
export type NoLongerAGapReason = 'met' | 'lowered' | 'n/a' | 'does-not-apply' | 'not-assessed';

/** An existing action whose indicator is not a gap in the later assessment, and why. */
export interface MetTarget {
  key: string;
  reason: NoLongerAGapReason;
  status: ActionStatus;
  /** The level now (don't know counts 0); null for n/a, not applicable, not assessed. */
  level: number | null;
  /** The action's own target, as the plan says. */
  target: number;
  /** `lowered`: the target the later assessment sets (the answer's own, else --target). */
  newTarget?: number;
  /** `lowered`: the answer sets that target itself (otherwise --target does). */
  ownTarget?: boolean;
}

/** Why the indicator of `key` is not a gap in `assessment`, or undefined when it still is one. */
function noLongerAGap(assessment: Assessment, action: PlanAction): MetTarget | undefined {
  if (assessment.gaps.some((g) => g.key === action.key)) return undefined;
  const indicator = assessment.characteristics.flatMap((c) => c.indicators).find((i) => i.key === action.key);
  if (indicator === undefined) return undefined;
  const base = { key: action.key, status: action.status, target: action.target };
  if (!indicator.applicable) return { ...base, reason: 'does-not-apply', level: null };
  if (indicator.answer === null) return { ...base, reason: 'not-assessed', level: null };
  if (indicator.answer === 'n/a') return { ...base, reason: 'n/a', level: null };
  const level = indicator.answer === 'unknown' ? 0 : indicator.answer;
  if (level >= action.target) return { ...base, reason: 'met', level };
  const newTarget = indicator.target ?? assessment.target ?? level;
  return { ...base, reason: 'lowered', level, newTarget, ownTarget: indicator.target !== undefined };
}

/**
 * The line `plan` prints on stderr for an action whose indicator is no longer a gap, in plain words,
 * with what the person may do about it. `answers`: the later answers file, as the user named it.
 */
export function noLongerAGapLine(m: MetTarget, answers: string): string {
  const state = (finished: string) =>
    ({
      planned: `still planned: ${finished}`,
      'in-progress': `in progress: ${finished}`,
      done: 'marked done',
      dropped: 'dropped',
    })[m.status];
  switch (m.reason) {
    case 'met':
      return `${m.key} now meets its target (level ${m.level}, target ${m.target}); its action is ${state('mark it done if the work is finished')}`;
    case 'lowered': {
      const by = m.ownTarget ? `${answers} now sets its target at ${m.newTarget}` : `--target ${m.newTarget} sets its target`;
      return (
        `${m.key} is no longer a gap: it is at level ${m.level} and ${by}, below the action's target of ${m.target}; ` +
        `its action is ${state('mark it done or dropped if the lower target is agreed')}`
      );
    }
    case 'n/a':
      return `${m.key} is no longer a gap: ${answers} answers it not applicable; its action is ${state('mark it dropped if it is no longer needed')}`;
    case 'does-not-apply':
      return `${m.key} is no longer a gap: it does not apply to this council as ${answers} describes it; its action is ${state('mark it dropped if it is no longer needed')}`;
    case 'not-assessed':
      return `${m.key} is not answered in ${answers}, so whether it is still a gap is not known; its action is left as it is (${STATUS_WORDS_PLAIN[m.status]})`;
  }
}

const STATUS_WORDS_PLAIN: Record<ActionStatus, string> = { planned: 'planned', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' };

export interface PlanUpdate {
  /** The plan with its actions exactly as they were, then the new ones. */
  plan: PlanFile;
  /** The actions added, in gap order. */
  added: PlanAction[];
  /** Existing actions whose indicator is no longer a gap (met its target, lowered target, n/a, ...), in plan order. */
  met: MetTarget[];
  /** basedOn now names the later answers file (or its date changed). */
  basedOnChanged: boolean;
}

/**
 * A plan brought up to date from a later assessment. Nothing a person wrote changes: every existing
 * action (its words, owner, due date, status, notes, and its place in the list) stays as it is; each
 * gap (of the first `top`) that has no action yet is added at the end, as planned. `basedOn` names
 * the answers file the plan was last drawn from, so it follows the later one.
 */
export function updatePlan(existing: PlanFile, assessment: Assessment, source: PlanSource, top?: number): PlanUpdate {
  const planned = new Set(existing.actions.map((a) => a.key));
  const added = plannedGaps(assessment, top).filter((g) => !planned.has(g.key)).map(actionFor);
  const met: MetTarget[] = [];
  for (const action of existing.actions) {
    const closed = noLongerAGap(assessment, action);
    if (closed !== undefined) met.push(closed);
  }
  const nextBasis = basedOn(assessment, source);
  const basedOnChanged = nextBasis.answers !== existing.basedOn.answers || nextBasis.assessedOn !== existing.basedOn.assessedOn;
  return {
    plan: { ...existing, basedOn: basedOnChanged ? nextBasis : existing.basedOn, actions: [...existing.actions, ...added] },
    added,
    met,
    basedOnChanged,
  };
}

/** An indicator's level as scoring uses it (don't know counts 0); null when n/a, not assessed or not applicable. */
export function levelIn(assessment: Assessment, key: string): number | null {
  for (const c of assessment.characteristics) {
    for (const i of c.indicators) {
      if (i.key !== key) continue;
      if (!i.applicable || i.answer === null || i.answer === 'n/a') return null;
      return i.answer === 'unknown' ? 0 : i.answer;
    }
  }
  return null;
}

/** Council names as people write them: spacing and case do not make another council. */
export function sameCouncil(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Why an assessment cannot be set against a plan (another council, another rubric), as a problem
 * located in the answers file; undefined when it can.
 */
export function subjectProblem(plan: { council: { name: string }; rubricId: string }, assessment: Assessment, planName: string): Problem | undefined {
  if (!sameCouncil(plan.council.name, assessment.council.name)) {
    return {
      path: ['council', 'name'],
      message: `this answers file is for ${JSON.stringify(assessment.council.name)}, but ${planName} is the plan of ${JSON.stringify(plan.council.name)}; use an answers file of the same council`,
    };
  }
  if (plan.rubricId !== assessment.rubric.id) {
    return {
      path: ['rubric'],
      message: `this answers file uses rubric ${JSON.stringify(assessment.rubric.id)}, but ${planName} was made with rubric ${JSON.stringify(plan.rubricId)}; use an answers file of the same rubric`,
    };
  }
  return undefined;
}

/**
 * What a schema cannot say about a plan file: keys the rubric does not have, two actions for one
 * indicator, levels off the rubric's scale, dates that are not real. Runs on files the schema may
 * have found fault with, so no type is trusted.
 */
export function checkPlan(data: unknown, rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  if (!isRecord(data)) return problems;
  const max = scaleMax(rubric);
  const keys = indicatorKeys(rubric);
  const known = new Set(keys);
  const date = (value: unknown, path: (string | number)[]) => {
    const message = assessedOnProblem(value);
    if (message !== undefined) problems.push({ path, message });
  };
  if (isRecord(data.basedOn) && data.basedOn.assessedOn !== undefined) date(data.basedOn.assessedOn, ['basedOn', 'assessedOn']);
  // The council's profile (its type) is checked against the rubric's options, as in an answers file.
  if (isRecord(data.council)) {
    for (const field of rubric.profile ?? []) {
      const value = data.council[field.id];
      if (typeof value === 'string' && !field.options.includes(value)) {
        problems.push({ path: ['council', field.id], message: `${JSON.stringify(value)} is not one of: ${field.options.join(', ')}${suggestion(value, field.options)}` });
      }
    }
  }
  if (!Array.isArray(data.actions)) return problems;
  const seen = new Set<string>();
  data.actions.forEach((action: unknown, i) => {
    if (!isRecord(action)) return;
    const at = (...rest: (string | number)[]) => ['actions', i, ...rest];
    if (typeof action.key === 'string') {
      if (!known.has(action.key)) {
        problems.push({ path: at('key'), message: `${JSON.stringify(action.key)} is not an indicator of rubric "${rubric.id}"${suggestion(action.key, keys)}` });
      } else if (seen.has(action.key)) {
        problems.push({
          path: at('key'),
          message: 'an action above is already for this indicator; keep one action per indicator (move what this one says into that one)',
        });
      }
      seen.add(action.key);
    }
    if (typeof action.baseline === 'number' && Number.isInteger(action.baseline) && (action.baseline < 0 || action.baseline > max)) {
      problems.push({ path: at('baseline'), message: `${action.baseline} is not on the scale 0-${max}` });
    }
    if (typeof action.target === 'number' && Number.isInteger(action.target) && (action.target < 1 || action.target > max)) {
      problems.push({ path: at('target'), message: `${action.target} is not a level a target can be; expected a whole number from 1 to ${max}` });
    }
    if (action.due !== undefined && action.due !== null && action.due !== '') date(action.due, at('due'));
    if (Array.isArray(action.notes)) {
      action.notes.forEach((note: unknown, j) => {
        if (isRecord(note) && Object.hasOwn(note, 'on')) date(note.on, at('notes', j, 'on'));
      });
    }
  });
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An action marked done whose indicator is no higher now than when it was planned. */
export interface DoneNotMoved {
  key: string;
  /** The level when planned, as the plan says. */
  baseline: number;
  /** The level now (don't know counts 0). */
  now: number;
  /** The answer now is "don't know" (counted as 0). */
  unknown: boolean;
}

/** A plan set against an assessment (`assess --plan`): what the reports add to each gap, and the check of done actions. */
export interface PlanInReport {
  /** The plan file, as the user named it. */
  file: string;
  /** How many actions the plan has. */
  actions: number;
  /** Each gap's action, by the gap's key: every gap has an entry, null when the plan has no action for it. */
  gaps: Map<string, GapPlan | null>;
  /**
   * Actions marked done whose indicator has not moved above the plan's baseline (level now <=
   * baseline), in plan order. One still below its target but above its baseline has moved, so is
   * not listed (an action is a step, and the next may be planned); nor is one whose indicator is not
   * scored now (n/a, not answered, not applicable), having no level to compare.
   */
  doneNotMoved: DoneNotMoved[];
}

/** The plan's action for each gap of the assessment, and the actions marked done whose level has not moved. */
export function planForGaps(assessment: Assessment, plan: PlanFile, file: string): PlanInReport {
  const byKey = new Map(plan.actions.map((a) => [a.key, a]));
  const gaps = new Map<string, GapPlan | null>();
  for (const gap of assessment.gaps) {
    const a = byKey.get(gap.key);
    gaps.set(gap.key, a === undefined ? null : { action: a.action, owner: a.owner ?? null, due: dueOf(a), status: a.status });
  }
  const doneNotMoved: DoneNotMoved[] = [];
  for (const a of plan.actions) {
    if (a.status !== 'done') continue;
    const now = levelIn(assessment, a.key);
    if (now !== null && now <= a.baseline) doneNotMoved.push({ key: a.key, baseline: a.baseline, now, unknown: answerOf(assessment, a.key) === 'unknown' });
  }
  return { file, actions: plan.actions.length, gaps, doneNotMoved };
}

function answerOf(assessment: Assessment, key: string): unknown {
  return assessment.characteristics.flatMap((c) => c.indicators).find((i) => i.key === key)?.answer;
}
