// SPEC "Action plan", `progress`: where each action of a plan stands on a date, and, given a later
// assessment, whether its indicator moved. Pure: the date comes in as an argument.
import { assessedOnProblem } from './answers.js';
import type { PlanAction, PlanFile, PlanNote } from './plan.js';
import { dueOf, levelIn, STATUSES } from './plan.js';
import type { Assessment, RubricInfo } from './types.js';
import type { ProgressAction, ProgressCounts, ProgressReport } from '../generated/progress-types.js';

export type { ProgressAction, ProgressCounts, ProgressReport };

/** Overdue: due before the date, and not yet done or dropped. Due on the date itself is not overdue. */
export function isOverdue(action: PlanAction, on: string): boolean {
  const due = dueOf(action);
  return (action.status === 'planned' || action.status === 'in-progress') && due !== null && due < on;
}

/**
 * The note with the latest date on or before `on` (a note dated after it was not yet written on that
 * date); of several on that date, the last written.
 */
export function latestNote(notes: readonly PlanNote[] | undefined, on: string): PlanNote | null {
  let latest: PlanNote | null = null;
  for (const note of notes ?? []) if (note.on <= on && (latest === null || note.on >= latest.on)) latest = note;
  return latest;
}

export interface ProgressOptions {
  /** The date progress is reported on, YYYY-MM-DD. */
  on: string;
  /** A later assessment of the same council and rubric: gives each action's `now` and `moved`. */
  later?: Assessment;
}

export function progress(plan: PlanFile, rubric: RubricInfo, options: ProgressOptions): ProgressReport {
  const actions = plan.actions.map((a): ProgressAction => {
    const now = options.later === undefined ? null : levelIn(options.later, a.key);
    // The later answers' own target for the indicator, when they set one: a council that lowered
    // (or raised) it since the plan was made is judged against what it now aims for.
    const answersTarget = options.later?.characteristics.flatMap((c) => c.indicators).find((i) => i.key === a.key)?.target;
    const note = latestNote(a.notes, options.on);
    return {
      key: a.key,
      action: a.action,
      owner: a.owner ?? null,
      due: dueOf(a),
      status: a.status,
      overdue: isOverdue(a, options.on),
      baseline: a.baseline,
      target: a.target,
      ...(answersTarget !== undefined && { answersTarget }),
      now,
      moved: now === null ? null : now - a.baseline,
      latestNote: note === null ? null : { on: note.on, text: note.text },
    };
  });
  const counts = Object.fromEntries([...STATUSES, 'overdue'].map((s) => [s, 0])) as unknown as ProgressCounts;
  for (const a of actions) {
    counts[a.status]++;
    if (a.overdue) counts.overdue++;
  }
  return {
    schemaVersion: 1,
    council: { ...plan.council },
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    on: options.on,
    counts,
    // Overdue first, then the rest; each in the plan's own order (a stable split, not a sort by date).
    actions: [...actions.filter((a) => a.overdue), ...actions.filter((a) => !a.overdue)],
  };
}

/** What is wrong with a date typed on the command line, or undefined when it is a real YYYY-MM-DD date. */
export function dateArgumentProblem(raw: string): string | undefined {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(raw)) return `${JSON.stringify(raw)} is not a date written YYYY-MM-DD, such as 2027-03-31`;
  return assessedOnProblem(raw);
}

/** A local calendar date as YYYY-MM-DD (the caller reads the clock). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
