// `assess --plan`: the words every report format uses for a gap's action in the plan and for the
// actions marked done whose level has not moved, in one place so text, markdown and HTML say the
// same; and each format's few lines, so the renderers only call them. Plain text from the words
// functions: each format escapes it its own way.
import type { DoneNotMoved, GapPlan, PlanInReport } from '../core/plan.js';
import type { Gap, ScaleLevel } from '../core/types.js';
import { visible } from '../core/visible.js';
import { levelText } from './agreement.js';
import { inlineMarkdown as md, escapeHtml as h } from './escape.js';
import { count } from './format.js';
import { listItem, heading, WIDTH, wrap } from './markdown-wrap.js';
import { STATUS_WORDS } from './progress-words.js';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';

/** "Actions from the plan brackenford.plan.yaml (12 actions)." */
export const planIntro = (p: PlanInReport) => `Actions from the plan ${p.file} (${count(p.actions, 'action')}).`;

export const NO_ACTION = 'No action in the plan.';

/** "Action: Set up the working group", or, when the plan's words are the next step's, "Action: as the next step above." */
export function actionLine(plan: GapPlan, gap: Gap): string {
  return plan.action.trim() === gap.nextStep.trim() ? 'Action: as the next step above.' : `Action: ${plan.action}`;
}

/** "Owner: Head of HR. Due: 2027-03-31. Status: in progress." (owner and due as progress says them when missing) */
export function detailsLine(plan: GapPlan): string {
  const owner = plan.owner === null || plan.owner.trim() === '' ? 'not yet named' : plan.owner;
  return `Owner: ${owner}. Due: ${plan.due ?? 'no date yet'}. Status: ${STATUS_WORDS[plan.status]}.`;
}

export const DONE_NOT_MOVED = 'Marked done but the level has not moved';

export const doneNotMovedIntro = (n: number) =>
  `${n === 1 ? 'This action is' : 'These actions are'} marked done in the plan, but the level now is no higher than when ${n === 1 ? 'it was' : 'they were'} planned.`;

const nowText = (d: DoneNotMoved) => (d.unknown ? "don't know, counted as 0" : String(d.now));

/** "approach.co-production (baseline 1, now 1)" */
export const doneNotMovedLine = (d: DoneNotMoved) => `${d.key} (baseline ${d.baseline}, now ${nowText(d)})`;

/** The plan's action for a gap; null when it has none. */
const entry = (p: PlanInReport, gap: Gap) => p.gaps.get(gap.key) ?? null;

// Text: every word from the plan file through visible(), every line within `width`.

export function planTextIntro(p: PlanInReport, width: number, s: Style): string[] {
  return wrapText(visible(planIntro(p)), width, '  ').map(s.dim);
}

/** Under a next step: the action, then owner, due date and status; or "No action in the plan." */
export function planTextLines(p: PlanInReport, gap: Gap, width: number): string[] {
  const plan = entry(p, gap);
  if (plan === null) return wrapText(NO_ACTION, width, '     ');
  return [...wrapText(visible(actionLine(plan, gap)), width, '     '), ...wrapText(visible(detailsLine(plan)), width, '     ')];
}

export function doneNotMovedText(p: PlanInReport, width: number, s: Style): string[] {
  if (p.doneNotMoved.length === 0) return [];
  return [
    '',
    ...wrapText(`${DONE_NOT_MOVED} (${p.doneNotMoved.length}):`, width).map(s.warn),
    ...p.doneNotMoved.flatMap((d) => wrapText(visible(doneNotMovedLine(d)), width, '  ')),
  ];
}

// Markdown: escaped inline text, wrapped to markdownlint's line length.

export function planMarkdownIntro(p: PlanInReport): string[] {
  return [...wrap(md(planIntro(p)), WIDTH), ''];
}

/** Nested items under a next step's item, whose marker (such as "3.") sets their indent. */
export function planMarkdownItems(p: PlanInReport, gap: Gap, marker: string): string[] {
  const plan = entry(p, gap);
  const indent = ' '.repeat(marker.length + 1);
  const item = (text: string) => listItem('-', text).map((line) => indent + line);
  if (plan === null) return item(NO_ACTION);
  return [...item(md(actionLine(plan, gap))), ...item(md(detailsLine(plan)))];
}

export function doneNotMovedMarkdown(p: PlanInReport): string[] {
  if (p.doneNotMoved.length === 0) return [];
  return [
    heading(2, DONE_NOT_MOVED),
    '',
    ...wrap(doneNotMovedIntro(p.doneNotMoved.length), WIDTH),
    '',
    ...p.doneNotMoved.flatMap((d) => listItem('-', md(doneNotMovedLine(d)))),
    '',
  ];
}

// HTML: escaped; the status and the check said in words, the numbers in a table with headers.

export const planHtmlIntro = (p: PlanInReport) => `<p>${h(planIntro(p))}</p>`;

/** Inside a next step's list item. */
export function planHtml(p: PlanInReport, gap: Gap): string {
  const plan = entry(p, gap);
  if (plan === null) return `<p class="plan">${h(NO_ACTION)}</p>`;
  return `<p class="plan">${h(actionLine(plan, gap))}<br>${h(detailsLine(plan))}</p>`;
}

export function doneNotMovedHtml(p: PlanInReport, scale: readonly ScaleLevel[], statement: (key: string) => string | undefined): string[] {
  if (p.doneNotMoved.length === 0) return [];
  return [
    `<h2 id="done-not-moved">${h(DONE_NOT_MOVED)}</h2>`,
    `<p>${h(doneNotMovedIntro(p.doneNotMoved.length))}</p>`,
    '<table class="done-not-moved">',
    '<thead><tr><th scope="col">Indicator</th><th scope="col">Level when planned</th><th scope="col">Level now</th></tr></thead>',
    '<tbody>',
    ...p.doneNotMoved.map((d) => {
      const words = statement(d.key);
      const now = d.unknown ? "Don't know (counted as 0)" : levelText(scale, d.now);
      return `<tr><th scope="row">${words ? `${h(words)} (${h(d.key)})` : h(d.key)}</th><td>${h(levelText(scale, d.baseline))}</td><td>${h(now)}</td></tr>`;
    }),
    '</tbody>',
    '</table>',
  ];
}
