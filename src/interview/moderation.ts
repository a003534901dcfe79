// The moderation workshop (SPEC "Several assessors", `moderate`): for each disputed indicator of a
// combined file, every assessor's view side by side, then the level the room agrees and why. Like
// the interview, it talks to a person only through a Prompter and touches the disk only through
// `save`, so tests can drive every path.
import { needsSettling, viewFields } from '../core/agreement.js';
import { isApplicable } from '../core/answers.js';
import { indicatorKey } from '../core/rubric.js';
import type { Answer, AnswerDetail, AnswersFile, Characteristic, Indicator, Rubric, ScoreValue } from '../core/types.js';
import type { View, ViewScore } from '../core/views.js';
import { combinedScore, isDisputed, spread } from '../core/views.js';
import { visible } from '../core/visible.js';
import { asSentence } from '../render/agreement.js';
import { wrapHanging, wrapText } from '../render/wrap.js';
import { BACK, fromFile, SKIP, type Choice, type Prompter } from './prompter.js';

export interface ModerationOptions {
  rubric: Rubric;
  /** A combined answers file; its answers are updated in place as levels are agreed. */
  file: AnswersFile;
  prompter: Prompter;
  /** Every indicator with views, not only the disputed ones; those already settled are offered with their current values. */
  all?: boolean;
  /**
   * Called after `file.answers[key]` changed; must leave the file on disk saying so, unless the
   * file on disk holds another answer there than the one the room was shown (someone else settled
   * it, or its views changed): then it writes nothing, puts their answer in `file`, and says so.
   */
  save: (file: AnswersFile, key: string) => Promise<SaveOutcome>;
  /** The columns every line said must fit in (the CLI passes the terminal's; default 78). */
  width?: number;
}

/**
 * What a save did: written (or nothing needed writing), or not, because the file on disk holds
 * another answer for this indicator than the one the room was shown; `theirs` is that answer
 * (undefined: the indicator is no longer in the file), now also in `file`.
 */
export type SaveOutcome = { saved: true } | { saved: false; theirs: Answer | undefined };

/** One indicator to moderate, in rubric order. */
export interface ModerationItem {
  characteristic: Characteristic;
  indicator: Indicator;
  key: string;
}

/** Where a combined file stands: what the summary and the "Stopped" line count. */
export interface ModerationCount {
  /** Indicators whose answer has views. */
  withViews: number;
  /** Of those, how many have `agreed`. */
  settled: number;
  /** Disputed indicators, and the keys of those not yet settled (rubric order). */
  disputed: number;
  unsettled: string[];
  /** Indicators whose views are far apart but which do not apply to the council, so are not counted as disputed. */
  notApplying: string[];
}

type LevelChoice = ScoreValue | typeof BACK | typeof SKIP;

/** The answer's views, or none when it is not a combined answer. */
export function viewsOf(answer: unknown): View[] {
  if (answer === null || typeof answer !== 'object') return [];
  const views = (answer as AnswerDetail).views;
  return Array.isArray(views) ? views : [];
}

function detail(file: AnswersFile, key: string): AnswerDetail | undefined {
  const answer = file.answers[key];
  return answer !== null && typeof answer === 'object' ? answer : undefined;
}

/** Disputed as the reports count it (core/agreement viewFields): its views disputed, and it applies to the council. */
function disputed(file: AnswersFile, item: ModerationItem): boolean {
  return viewFields(file.answers[item.key], isApplicable(item.indicator, file.council)).disputed;
}

/** Still to be settled: the same rule (core/agreement needsSettling) as the reports and --strict. */
function unsettled(file: AnswersFile, item: ModerationItem): boolean {
  return needsSettling(viewFields(file.answers[item.key], isApplicable(item.indicator, file.council)));
}

/** Has an agreed level: given `agreed`, which for a disputed indicator must be a reason that is not blank. */
function settled(file: AnswersFile, item: ModerationItem): boolean {
  return detail(file, item.key)?.agreed !== undefined && !unsettled(file, item);
}

/** The indicators with views (with `all`) or the disputed ones, in rubric order. */
export function moderationItems(rubric: Rubric, file: AnswersFile, all = false): ModerationItem[] {
  return rubric.characteristics.flatMap((characteristic) =>
    characteristic.indicators
      .map((indicator) => ({ characteristic, indicator, key: indicatorKey(characteristic, indicator) }))
      .filter((item) => viewsOf(file.answers[item.key]).length > 0 && (all || disputed(file, item))),
  );
}

export function countModeration(rubric: Rubric, file: AnswersFile): ModerationCount {
  const withViews = moderationItems(rubric, file, true);
  const disputedItems = withViews.filter((i) => disputed(file, i));
  return {
    withViews: withViews.length,
    settled: withViews.filter((i) => settled(file, i)).length,
    disputed: disputedItems.length,
    unsettled: disputedItems.filter((i) => unsettled(file, i)).map((i) => i.key),
    notApplying: withViews.filter((i) => !isApplicable(i.indicator, file.council) && isDisputed(viewsOf(file.answers[i.key]).map((v) => v.score))).map((i) => i.key),
  };
}

/**
 * Goes through the disputed indicators not yet settled (with `all`: every indicator with views),
 * in rubric order. "Back" returns to the one before, settled or not, with its current values;
 * "Skip for now" leaves one as it is. Returns the file, updated; an interrupt propagates.
 */
export async function runModeration({ rubric, file, prompter, all = false, save, width = 78 }: ModerationOptions): Promise<AnswersFile> {
  const screen = screenOf(prompter, width);
  const items = moderationItems(rubric, file, all);
  const pending = (i: number) => all || unsettled(file, items[i]!);
  const next = (from: number) => {
    for (let i = from; i < items.length; i++) if (pending(i)) return i;
    return items.length;
  };
  const already = items.filter((i) => !unsettled(file, i)).length;
  if (!all && already > 0 && already < items.length) {
    screen.say(`${already} of ${items.length} disputed indicators are already settled; ${items.length - already} to go.`);
  }
  let position = next(0);
  let carried: Typed | undefined;
  while (position < items.length) {
    const result = await moderateOne(items, position, rubric, file, prompter, screen, all, save, carried);
    carried = typeof result === 'object' ? result.again : undefined;
    position = result === 'back' ? position - 1 : carried !== undefined ? position : next(position + 1);
  }
  return file;
}

/** Says text to the person, word-wrapped to the screen's width: a word is split only when it is wider than a line. */
interface Screen {
  say(text: string, indent?: string): void;
  /** The first line starts with `first`, the rest with `rest`. */
  hanging(text: string, first: string, rest: string): void;
}

function screenOf(prompter: Prompter, width: number): Screen {
  return {
    say: (text, indent = '') => prompter.say(text === '' ? '' : wrapText(text, width, indent).join('\n')),
    hanging: (text, first, rest) => prompter.say(wrapHanging(text, width, first, rest, { breakWords: true }).join('\n')),
  };
}

/** What the room chose for an indicator: offered again as the defaults when it is shown again. */
interface Typed {
  score: ScoreValue;
  reason: string;
  evidence?: string | undefined;
}

/** Where to go after an indicator: on, back, or the same one again (its answer changed under the room), with what was typed. */
type Next = 'next' | 'back' | { again: Typed };

async function moderateOne(
  items: ModerationItem[],
  position: number,
  rubric: Rubric,
  file: AnswersFile,
  prompter: Prompter,
  screen: Screen,
  all: boolean,
  save: ModerationOptions['save'],
  carried: Typed | undefined,
): Promise<Next> {
  const { characteristic, indicator, key } = items[position]!;
  const answer = detail(file, key);
  const say = screen.say;
  if (answer === undefined || viewsOf(answer).length === 0) {
    // Someone else's save took the views away (a plain answer written over it, or the indicator removed).
    say(`${visible(key)} no longer holds the assessors' views in the file, so there is nothing to moderate there; it is left as it is.`);
    return 'next';
  }
  const views = viewsOf(answer);
  const scores = views.map((v) => v.score);
  const applies = isApplicable(indicator, file.council);
  const isDisputedHere = disputed(file, items[position]!);

  say('');
  const where = all ? `indicator ${position + 1} of ${items.length}${isDisputedHere ? ' · disputed' : ''}` : `disputed ${position + 1} of ${items.length}`;
  say(`── ${visible(characteristic.title)} · ${where} ──`);
  say(fromFile(indicator.statement));
  say(fromFile(indicator.question));
  say('');
  say('The views:');
  // One view a line, name first: job titles are long, and a column cut short would hide whose view it is.
  for (const view of views) {
    const confidence = view.confidence ? ` (confidence: ${view.confidence})` : '';
    // The level and its label stay on one line (joined by no-break spaces).
    screen.hanging(`${visible(view.assessor, { max: 200 })}: ${levelName(rubric, view.score).replace(/ /g, '\u00a0')}${confidence}`, '  ', '    ');
    if (view.evidence !== undefined && view.evidence.trim() !== '') {
      screen.hanging(`Evidence: ${visible(view.evidence)}`, '    ', '      ');
    }
  }
  const combined = combinedScore(scores);
  say(`Combined score: ${combined === null ? 'none' : levelName(rubric, combined)} (the lower median of the views)${disputeWords(scores, applies)}.`);
  if (answer.agreed !== undefined) {
    const blank = answer.agreed.trim() === '';
    say(
      blank && isDisputedHere
        ? `Not settled yet: its "agreed" gives no reason, and a disputed indicator needs one.`
        : `Settled at ${levelName(rubric, answer.score)}; ${blank ? 'no reason given' : `reason: ${visible(answer.agreed)}`}`,
    );
  }

  const choices: Choice<LevelChoice>[] = rubric.scale.map((level) => ({
    name: `${level.value} ${fromFile(level.label)}`,
    value: level.value,
    description: fromFile(indicator.levels?.[String(level.value)] ?? level.description),
  }));
  choices.push({ name: "Don't know", value: 'unknown', description: 'Counted as 0 and flagged in the report until answered.' });
  choices.push({ name: 'Not applicable', value: 'n/a', description: 'Left out of the scores.' });
  choices.push({ name: 'Skip for now', value: SKIP, description: 'Leave it as it is and come back to it later.' });
  if (position > 0) choices.push({ name: '← Back to the previous indicator', value: BACK });

  const score = await prompter.select<LevelChoice>({ message: 'Agreed level:', choices, default: answer.score });
  if (score === BACK) return 'back';
  if (score === SKIP) return 'next';

  const reason = await askReason(prompter, screen, isDisputedHere ? whyReasonNeeded(scores) : undefined, carried?.reason ?? answer.agreed);
  // Saved as soon as it is settled, before the optional evidence, so an interrupt there loses nothing.
  setSettlement(file, key, score, reason, answer.evidence);
  const first = await save(file, key);
  if (!first.saved) return changedMeanwhile(rubric, screen, key, views, { score, reason }, first.theirs, all);
  const offered = carried?.evidence ?? answer.evidence;
  const evidence = (
    await prompter.input({
      message: 'Evidence for the agreed level (optional; press Enter to skip):',
      ...(offered !== undefined && { default: offered }),
    })
  ).trim();
  const typed: Typed = { score, reason, evidence: evidence === '' ? undefined : evidence };
  setSettlement(file, key, score, reason, typed.evidence);
  const second = await save(file, key);
  if (!second.saved) return changedMeanwhile(rubric, screen, key, views, typed, second.theirs, all);
  return 'next';
}

/**
 * The file on disk holds another answer at `key` than the room was shown, so what the room chose
 * was not saved (and is said here, so nothing typed is lost). Another settlement on the same views
 * is kept, shown, and the session moves on; views that changed (combine run again, or edited), or
 * any other change, show the indicator again as it now is, for the room to decide on that.
 */
function changedMeanwhile(
  rubric: Rubric,
  screen: Screen,
  key: string,
  shown: readonly View[],
  typed: Typed,
  theirs: Answer | undefined,
  all: boolean,
): Next {
  const say = screen.say;
  const ours =
    `the level agreed here (${levelName(rubric, typed.score)}` +
    `${typed.reason.trim() === '' ? '' : `, reason: ${visible(typed.reason)}`}` +
    `${typed.evidence === undefined ? '' : `, evidence: ${visible(typed.evidence)}`}) was not saved`;
  const now = viewsOf(theirs);
  if (now.length === 0) {
    say(`${visible(key)} was changed in the file while you were on it and no longer holds the assessors' views, so ${ours}.`);
    return 'next';
  }
  const answer = theirs as AnswerDetail;
  if (!sameViews(shown, now)) {
    const stillDisputed = isDisputed(now.map((v) => v.score));
    say(
      `The views of ${visible(key)} changed in the file while you were on it (combine was run again, or someone edited them), so ${ours}. ` +
        `Here it is again with the views as they are now${!stillDisputed && !all ? '; it is no longer disputed, so "Skip for now" leaves it as combine left it' : ''}.`,
    );
    return { again: typed };
  }
  if (answer.agreed !== undefined && answer.agreed.trim() !== '') {
    say(
      `Someone else settled ${visible(key)} while you were on it: ${levelName(rubric, answer.score)}, reason: ${asSentence(visible(answer.agreed))} ` +
        `Theirs is kept, and ${ours}; to change it, go back to it or run moderate again with --all.`,
    );
    return 'next';
  }
  const agreed = answer.agreed === undefined ? 'no agreed level' : 'an "agreed" with no reason';
  say(`Someone else changed ${visible(key)} in the file while you were on it (it now has ${levelName(rubric, answer.score)} and ${agreed}), so ${ours}. Here it is again as it is now.`);
  return { again: typed };
}

/** The same views: the same assessors, in order, with the same level, evidence and confidence. */
function sameViews(a: readonly View[], b: readonly View[]): boolean {
  const key = (v: View) => JSON.stringify([v.assessor, v.score, v.evidence ?? null, v.confidence ?? null]);
  return a.length === b.length && a.every((v, i) => key(v) === key(b[i]!));
}

/** The reason, which may not be empty for a disputed indicator (`why` says why it is needed, or is undefined); the prompt says why. */
async function askReason(prompter: Prompter, screen: Screen, why: string | undefined, current: string | undefined): Promise<string> {
  const message =
    why === undefined
      ? 'Reason for the agreed level (optional; it goes in the report):'
      : `Reason for the agreed level (needed, because ${why}; it goes in the report):`;
  for (;;) {
    const typed = (
      await prompter.input({
        message,
        required: why !== undefined,
        ...(current !== undefined && current.trim() !== '' && { default: current }),
      })
    ).trim();
    if (typed !== '' || why === undefined) return typed;
    screen.say(`A reason is needed: ${why}.`);
  }
}

/** Why a disputed indicator needs a reason (SPEC's two ways of being disputed), or undefined. */
export function whyReasonNeeded(scores: readonly ViewScore[]): string | undefined {
  if (!isDisputed(scores)) return undefined;
  if (spread(scores) >= 2) return 'the views differ by two levels or more';
  return 'one view says not applicable and another gives a level';
}

function disputeWords(scores: readonly ViewScore[], applies: boolean): string {
  const gap = spread(scores);
  if (!applies) return `; it does not apply to this council, so it is not scored and not counted as disputed${gap >= 1 ? ` (the views are ${gap} apart)` : ''}`;
  const why = whyReasonNeeded(scores);
  if (why !== undefined) return `; disputed: ${why}${gap >= 2 ? ` (${gap} apart)` : ''}`;
  if (gap === 1) return '; the views differ by one level';
  return '';
}

/** `2 Most`, `Don't know`, `Not applicable`. */
export function levelName(rubric: Rubric, score: ScoreValue): string {
  if (score === 'unknown') return "Don't know";
  if (score === 'n/a') return 'Not applicable';
  const level = rubric.scale.find((l) => l.value === score);
  return level ? `${level.value} ${fromFile(level.label)}` : String(score);
}

/** Score, evidence and agreed written into the answer; views, confidence and anything else kept as they are. */
function setSettlement(file: AnswersFile, key: string, score: ScoreValue, agreed: string, evidence: string | undefined): void {
  const answer: AnswerDetail = { ...detail(file, key)!, score, agreed };
  if (evidence === undefined) delete answer.evidence;
  else answer.evidence = evidence;
  file.answers[key] = answer;
}
