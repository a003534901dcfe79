// The interview itself: which question comes next, back, resume and review. It talks to a person only
// through a Prompter and touches the disk only through `save`, so tests can drive every path.
import { isApplicable, normaliseAnswer } from '../core/answers.js';
import { indicatorKey } from '../core/rubric.js';
import { assess } from '../core/score.js';
import type { Selection } from '../core/selection.js';
import type { Answer, AnswersFile, Characteristic, Indicator, Rubric, ScoreValue } from '../core/types.js';
import { oneDecimal, percent } from '../render/format.js';
import { wrapText } from '../render/wrap.js';
import { BACK, fromFile, type Choice, type Prompter } from './prompter.js';
import { changeLines, startingPoint, type LastYear } from './carry-forward.js';

export interface InterviewOptions {
  rubric: Rubric;
  /** The answers so far: a new file holds only the council's name. */
  file: AnswersFile;
  prompter: Prompter;
  /** Called after every change, with the whole file; must leave a valid answers file on disk. */
  save: (file: AnswersFile) => Promise<void>;
  /** `--only`: just these questions are asked, and counted, and offered in the review. */
  only?: Selection;
  /** `--targets`: after each level (and evidence), ask the level this council aims for, saved as `target`. */
  targets?: boolean;
  /** `--from`: last year's answers, offered as each question's starting point (written only when confirmed). */
  from?: LastYear;
  /** The columns the question text is wrapped to (the CLI passes the terminal's; default 78). */
  width?: number;
}

interface Step {
  characteristic: Characteristic;
  indicator: Indicator;
  key: string;
}

type ScoreChoice = ScoreValue | typeof BACK;

export async function runInterview({ rubric, file, prompter, save, only, from, targets = false, width = 78 }: InterviewOptions): Promise<AnswersFile> {
  await askAssessor(file, prompter, save);
  await askProfile(rubric, file, prompter, save);

  const steps = interviewSteps(rubric, file, only);
  // With --targets, a question is done once it has a level and (unless n/a) a target.
  const isAnswered = (step: Step) => {
    const answer = normaliseAnswer(file.answers[step.key]);
    return answer.value !== null && (!targets || answer.value === 'n/a' || answer.target !== undefined);
  };
  const remaining = steps.filter((s) => !isAnswered(s)).length;
  if (only && steps.length === 0) {
    prompter.say('None of the questions chosen with --only apply to this council, so there is nothing to ask.');
  } else if (remaining < steps.length) {
    prompter.say(`${steps.length - remaining} of ${steps.length} questions are already answered; ${remaining} to go.`);
  }

  const nextUnanswered = (from: number) => {
    for (let i = from; i < steps.length; i++) if (!isAnswered(steps[i]!)) return i;
    return steps.length;
  };
  let position = nextUnanswered(0);
  while (position < steps.length) {
    const result = await askIndicator(steps, position, rubric, file, prompter, save, from, targets, width);
    position = result === 'back' ? position - 1 : nextUnanswered(position + 1);
  }

  for (;;) {
    const choice = await review(rubric, file, prompter, only && steps, from);
    if (choice === 'finish') return file;
    // Revisit one characteristic: every question in it, current answers offered as defaults.
    let i = steps.findIndex((s) => s.characteristic.id === choice);
    while (i >= 0 && i < steps.length && steps[i]!.characteristic.id === choice) {
      const result = await askIndicator(steps, i, rubric, file, prompter, save, from, targets, width);
      i = result === 'back' ? Math.max(i - 1, steps.findIndex((s) => s.characteristic.id === choice)) : i + 1;
    }
  }
}

/** The questions to ask, in rubric order: those that apply to the council and, with `--only`, were chosen. */
function interviewSteps(rubric: Rubric, file: AnswersFile, only: Selection | undefined): Step[] {
  return rubric.characteristics.flatMap((characteristic) =>
    characteristic.indicators
      .filter((indicator) => isApplicable(indicator, file.council))
      .map((indicator) => ({ characteristic, indicator, key: indicatorKey(characteristic, indicator) }))
      .filter((step) => !only || only.has(step.key)),
  );
}

/** The questions `--only` chose that apply to the council, and how many of them are answered. */
export function selectionProgress(rubric: Rubric, file: AnswersFile, only: Selection): { answered: number; total: number } {
  const steps = interviewSteps(rubric, file, only);
  return { answered: steps.filter((s) => normaliseAnswer(file.answers[s.key]).value !== null).length, total: steps.length };
}

/** Who is answering, asked once when the file does not say; Enter leaves it out. */
async function askAssessor(file: AnswersFile, prompter: Prompter, save: InterviewOptions['save']) {
  if (file.assessor !== undefined) return;
  const typed = (
    await prompter.input({ message: 'Who is answering? A name or a job title, such as Head of HR (optional; press Enter to skip):' })
  ).trim();
  if (typed === '') return;
  file.assessor = typed;
  await save(file);
}

async function askProfile(rubric: Rubric, file: AnswersFile, prompter: Prompter, save: InterviewOptions['save']) {
  for (const field of rubric.profile ?? []) {
    if (Object.hasOwn(file.council, field.id)) continue;
    const value = await prompter.select<string | null>({
      message: fromFile(field.question),
      choices: [
        ...field.options.map((option) => ({ name: fromFile(humanise(option)), value: option })),
        { name: "Don't know / prefer not to say", value: null },
      ],
    });
    file.council[field.id] = value;
    await save(file);
  }
}

async function askIndicator(
  steps: Step[],
  position: number,
  rubric: Rubric,
  file: AnswersFile,
  prompter: Prompter,
  save: InterviewOptions['save'],
  from: LastYear | undefined,
  targets: boolean,
  width: number,
): Promise<'next' | 'back'> {
  for (;;) {
    const result = await askLevel(steps, position, rubric, file, prompter, save, from, width);
    if (result === 'back' || !targets) return result;
    const { key } = steps[position]!;
    const current = normaliseAnswer(file.answers[key]);
    if (current.value === 'n/a' || current.value === null) return 'next';
    // The default: this file's target, else last year's (--from), else the top.
    const target = await askTarget(rubric, current.target ?? (from && normaliseAnswer(from.answers.answers[key]).target), prompter);
    // Back from the target goes to this question's level, the prompt before it.
    if (target === BACK) continue;
    setAnswer(file, key, current.value, current.evidence, current.confidence, target);
    await save(file);
    return 'next';
  }
}

/** `--targets`: the level this council aims for on the question just answered; the top by default. */
async function askTarget(rubric: Rubric, current: number | undefined, prompter: Prompter): Promise<number | typeof BACK> {
  const top = Math.max(...rubric.scale.map((l) => l.value));
  const choices: Choice<number | typeof BACK>[] = rubric.scale
    .filter((level) => level.value >= 1)
    .map((level) => ({ name: `${level.value} ${fromFile(level.label)}`, value: level.value, description: fromFile(level.description) }));
  choices.push({ name: '← Back to the level for this question', value: BACK });
  return prompter.select<number | typeof BACK>({
    message: 'Target: the level this council aims for on this indicator',
    choices,
    default: current ?? top,
  });
}

async function askLevel(
  steps: Step[],
  position: number,
  rubric: Rubric,
  file: AnswersFile,
  prompter: Prompter,
  save: InterviewOptions['save'],
  from: LastYear | undefined,
  width: number,
): Promise<'next' | 'back'> {
  const { characteristic, indicator, key } = steps[position]!;
  const current = normaliseAnswer(file.answers[key]);
  prompter.say('');
  prompter.say(`── ${fromFile(characteristic.title)} · question ${position + 1} of ${steps.length} ──`);
  prompter.say(wrapText(fromFile(indicator.question), width).join('\n'));
  if (indicator.guidance) prompter.say(wrapText(`What to look for: ${fromFile(indicator.guidance)}`, width, '  ').join('\n'));
  const offered = startingPoint(rubric, current, from, key); // without --from: this file's answer
  for (const line of offered.said) prompter.say(line);

  const choices: Choice<ScoreChoice>[] = rubric.scale.map((level) => ({
    name: `${level.value} ${fromFile(level.label)}`,
    value: level.value,
    description: fromFile(indicator.levels?.[String(level.value)] ?? level.description),
  }));
  choices.push({ name: "Don't know", value: 'unknown', description: 'Counted as 0 and flagged in the report until answered.' });
  choices.push({ name: 'Not applicable', value: 'n/a', description: 'Left out of the scores.' });
  if (position > 0) choices.push({ name: '← Back to the previous question', value: BACK });

  const score = await prompter.select<ScoreChoice>({
    message: fromFile(indicator.statement),
    choices,
    ...(offered.value !== null && { default: offered.value }),
  });
  if (score === BACK) return 'back';

  // Save the score before asking for evidence, so an interrupt there loses nothing. The target goes
  // with it: this file's, else last year's (--from).
  setAnswer(file, key, score, current.evidence, current.confidence, offered.target);
  await save(file);
  const evidence = (
    await prompter.input({
      message: offered.evidenceMessage ?? 'Evidence (optional; press Enter to skip):',
      ...(offered.evidence !== undefined && { default: offered.evidence }),
    })
  ).trim();
  setAnswer(file, key, score, evidence === '' ? undefined : evidence, current.confidence, offered.target);
  await save(file);
  return 'next';
}

function setAnswer(
  file: AnswersFile,
  key: string,
  score: ScoreValue,
  evidence: string | undefined,
  confidence: 'low' | 'medium' | 'high' | undefined,
  target?: number,
): void {
  // A target set earlier is kept (an interview without --targets never drops one); a short form has none.
  const answer: Answer =
    evidence === undefined && confidence === undefined && target === undefined
      ? score
      : {
          score,
          ...(evidence !== undefined && { evidence }),
          ...(confidence !== undefined && { confidence }),
          ...(target !== undefined && { target }),
        };
  file.answers[key] = answer;
}

/**
 * The end screen: a line per characteristic, then finish or revisit one. With `--only` (`chosen` is
 * the questions asked), only the chosen characteristics, each counting its chosen questions.
 */
async function review(rubric: Rubric, file: AnswersFile, prompter: Prompter, chosen?: Step[], from?: LastYear): Promise<string> {
  const assessment = assess(rubric, file);
  const shown = chosen
    ? assessment.characteristics.filter((c) => chosen.some((s) => s.characteristic.id === c.id))
    : assessment.characteristics;
  const isAnswered = (step: Step) => normaliseAnswer(file.answers[step.key]).value !== null;
  prompter.say('');
  if (chosen) {
    prompter.say(`Your answers so far: ${chosen.filter(isAnswered).length} of ${chosen.length} chosen questions answered.`);
  } else {
    prompter.say('Your answers so far:');
  }
  const width = Math.max(0, ...shown.map((c) => fromFile(c.title).length));
  for (const c of shown) {
    const mine = chosen?.filter((s) => s.characteristic.id === c.id);
    const answered = mine ? `${mine.filter(isAnswered).length} of ${mine.length} answered` : `${percent(c.coverage).padStart(6)} answered`;
    prompter.say(`  ${fromFile(c.title).padEnd(width)}  score ${oneDecimal(c.score).padStart(5)}  ${answered}`);
  }
  for (const line of changeLines(rubric, from, file)) prompter.say(line);
  return prompter.select<string>({
    message: 'Finish, or go back over one characteristic?',
    choices: [
      { name: 'Finish and show the report', value: 'finish' },
      ...shown.filter((c) => c.indicators.some((i) => i.applicable)).map((c) => ({ name: `Revisit ${fromFile(c.title)}`, value: c.id })),
    ],
  });
}

function humanise(option: string): string {
  const text = option.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A file name from a council's name: "Brackenford Borough Council" -> brackenford-borough-council */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'council';
}
