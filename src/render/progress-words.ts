// Words every progress format shares, so text, markdown and HTML never say different things.
import type { ProgressAction, ProgressCounts, ProgressReport } from '../core/progress.js';
import type { ActionStatus } from '../core/plan.js';
import type { Rubric } from '../core/types.js';
import { levelLabel } from './context.js';
import { count } from './format.js';

/** What the human-readable progress renderers need besides the report. */
export interface ProgressContext {
  rubric: Rubric;
  /** The later answers file `now` comes from, as the user named it; undefined without --answers. */
  later?: string;
}

export const STATUS_WORDS: Record<ActionStatus, string> = { planned: 'planned', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' };

export const heading = (r: ProgressReport) => `Action plan progress: ${r.council.name}`;

/** "5 actions: 2 planned, 1 in progress, 1 done, 1 dropped; 1 overdue." */
export function countsLine(c: ProgressCounts): string {
  const total = c.planned + c['in-progress'] + c.done + c.dropped;
  return `${count(total, 'action')}: ${c.planned} planned, ${c['in-progress']} in progress, ${c.done} done, ${c.dropped} dropped; ${c.overdue} overdue.`;
}

const level = (rubric: Rubric, value: number) => `${value} ${levelLabel(rubric, value)}`;

/**
 * "Level 1 Emerging when planned, target 3 Embedded, now 2 Developing (up 1)." When the later answers
 * set their own target for the indicator, other than the plan's, it is named and judged against:
 * "target 3 Embedded in the plan, 2 Developing in y2027.yaml, now 2 Developing (up 1, target met)."
 */
export function levelLine(a: ProgressAction, { rubric, later }: ProgressContext): string {
  const other = later !== undefined && a.answersTarget !== undefined && a.answersTarget !== a.target;
  const aim = other ? `target ${level(rubric, a.target)} in the plan, ${level(rubric, a.answersTarget!)} in ${later}` : `target ${level(rubric, a.target)}`;
  const start = `Level ${level(rubric, a.baseline)} when planned, ${aim}`;
  if (later === undefined) return `${start}.`;
  if (a.now === null || a.moved === null) return `${start}, now not scored (not answered, not applicable, or n/a).`;
  const moved = a.moved === 0 ? 'no change' : a.moved > 0 ? `up ${a.moved}` : `down ${-a.moved}`;
  return `${start}, now ${level(rubric, a.now)} (${moved}${a.now >= (a.answersTarget ?? a.target) ? ', target met' : ''}).`;
}

export const ownerText = (a: ProgressAction) => (a.owner === null || a.owner.trim() === '' ? 'not yet named' : a.owner);
export const dueText = (a: ProgressAction) => (a.due === null ? 'no date yet' : a.overdue ? `${a.due}, overdue` : a.due);

/** Overdue first, then the rest, as the report lists them, with a title each. */
export function groups(r: ProgressReport): { title: string; actions: ProgressAction[] }[] {
  const overdue = r.actions.filter((a) => a.overdue);
  const rest = r.actions.filter((a) => !a.overdue);
  return [
    ...(overdue.length > 0 ? [{ title: `Overdue (${overdue.length})`, actions: overdue }] : []),
    ...(rest.length > 0 ? [{ title: `${overdue.length > 0 ? 'Other actions' : 'Actions'} (${rest.length})`, actions: rest }] : []),
  ];
}
