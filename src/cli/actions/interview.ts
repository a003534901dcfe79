import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { formatProblem, UsageError } from '../../core/errors.js';
import { assess } from '../../core/score.js';
import { parseSelection, selectionProblemMessage, type Selection } from '../../core/selection.js';
import type { AnswersFile, Rubric } from '../../core/types.js';
import { builtinRubricIds, DEFAULT_RUBRIC_ID } from '../../io/builtin.js';
import { isCombined, sameName } from '../../core/combine.js';
import { loadAnswers, loadRubric, readYamlFile } from '../../io/load.js';
import type { Prompter } from '../../interview/prompter.js';
import { isInterrupt } from '../../interview/prompter.js';
import { runInterview as interview, selectionProgress, slugify } from '../../interview/session.js';
import { AnswersStore, ChangedOnDisk, whyFolderNotWritable, whyNotWritable } from '../../interview/store.js';
import { renderText } from '../../render/text.js';
import { stdoutStyle } from '../colour.js';
import { EXIT } from '../exit-codes.js';
import { shellQuote } from '../../render/format.js';
import { wantsAccessible, withTerminalPrompter } from '../terminal-session.js';
import { warn } from '../output.js';
import { visible } from '../../core/visible.js';
import type { CarriedForward } from '../../interview/carry-forward.js';
import { carryingForwardLines, checkCarriedOn, readLastYear, refuseLastYearsFile } from '../../interview/carry-forward.js';

export interface InterviewCommandOptions {
  rubric?: string;
  answers?: string;
  resume?: boolean;
  /** `--only`: characteristic ids and indicator keys, separated by commas. */
  only?: string;
  /** `--assessor`: who is answering, saved in the file. */
  assessor?: string;
  /** `--targets`: also ask each indicator's target. */
  targets?: boolean;
  /** `--from`: last year's answers file, carried forward. */
  from?: string;
  /** `--accessible` (or ACCESSIBLE=1): plain numbered prompts for a screen reader. */
  accessible?: boolean;
  color: boolean;
}

interface Started {
  path: string;
  file: AnswersFile;
  rubric: Rubric;
  /** The file as read, when carrying on with one. */
  read?: AnswersFile;
  /** The file's text when the interview looked at it (null: there was none). */
  text: string | null;
  only?: Selection;
  /** `--from`: last year's file, read and checked. */
  carried?: CarriedForward;
}

/** Today's date where the person is, YYYY-MM-DD (not in UTC: late in the evening it is still today). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}


export async function runInterviewCommand(
  options: InterviewCommandOptions,
  injected?: Prompter,
  date: () => string = today,
): Promise<number> {
  if (!injected && !process.stdin.isTTY) {
    throw new UsageError(
      'the interview needs a terminal to type answers in. To score a file you already have, run ' +
        '"council-resilience assess <answers.yaml>"; for a blank file to fill in, "council-resilience template".',
    );
  }
  return withTerminalPrompter(injected, (prompter) => interviewWith(options, prompter, date), { accessible: options.accessible, color: options.color });
}

async function interviewWith(options: InterviewCommandOptions, prompter: Prompter, date: () => string): Promise<number> {
  let started: Started | undefined;
  let store: AnswersStore | undefined;
  try {
    started = await start(options, prompter, date);
    if (!started) return EXIT.ok;
    const { rubric, only, carried } = started;
    if (carried) for (const line of carryingForwardLines(carried.last)) prompter.say(line);
    const opened = new AnswersStore({ path: started.path, rubric, read: started.read, text: started.text, rubricOverride: options.rubric, prompter });
    store = opened;
    const save = (file: AnswersFile) => opened.save(file);
    // A new file is written at once; a file carried on with is left exactly as it is until an answer changes it.
    const assessor = options.assessor?.trim();
    if (!started.read) {
      if (assessor !== undefined) started.file.assessor = assessor;
      await save(started.file);
    } else if (assessor !== undefined && (started.file.assessor ?? '').trim() === '') {
      // Only a file that names nobody yet takes the name; one that names someone else was refused in
      // resume, and one that names the same person (in another spelling) keeps its own spelling.
      started.file.assessor = assessor;
      await save(started.file);
    }
    const done = await interview({
      rubric,
      file: started.file,
      prompter,
      save,
      ...(only && { only }),
      ...(carried && { from: carried.last }),
      targets: options.targets === true,
      width: (await import('../width.js')).promptWidth(),
    });
    const path = store.path;
    const report = renderText(assess(rubric, done, { source: path }), {
      style: await stdoutStyle(options.color, false),
      scale: rubric.scale,
      width: (await import('../width.js')).outputWidth(),
      words: wantsAccessible(options.accessible),
    });
    prompter.say('');
    prompter.say(report.trimEnd());
    prompter.say('');
    if (only) {
      const { answered, total } = selectionProgress(rubric, done, only);
      prompter.say(`${answered} of ${total} chosen questions (--only ${only.ids.join(',')}) are answered.`);
    }
    prompter.say(`Your answers are saved in ${path}`);
    if (carried) prompter.say(`Every change from last year: council-resilience compare ${shellQuote(carried.last.file)} ${shellQuote(path)}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ChangedOnDisk) {
      for (const problem of error.problems) warn(formatProblem(problem));
      warn(
        `error: ${error.path} ${error.why}, so it was left as it is. Your answers are saved in ${error.copy}; ` +
          `to carry on with them: council-resilience interview --answers ${shellQuote(error.copy)}`,
      );
      return EXIT.usage;
    }
    if (!isInterrupt(error)) throw error;
    const saved = store?.saved();
    if (!started || !store) {
      warn('\nStopped. Nothing was saved.');
    } else if (!saved) {
      warn(`\nStopped. Your answers are not saved: ${store.path} could not be written.`);
    } else {
      const { answered, total } = progress(started.rubric, saved.file, started.only);
      const only =
        (started.only ? ` --only ${shellQuote(started.only.ids.join(','))}` : '') + (started.carried ? ` --from ${shellQuote(started.carried.last.file)}` : '');
      warn(
        `\nStopped. ${answered} of ${total} answers are saved in ${saved.path}\n` +
          `To carry on where you left off: council-resilience interview --answers ${shellQuote(saved.path)}${only}${options.targets ? ' --targets' : ''}${wantsAccessible(options.accessible) ? ' --accessible' : ''}`,
      );
    }
    return EXIT.interrupted;
  }
}

/** How many of the questions that apply (with --only: that were chosen and apply) are answered. */
function progress(rubric: Rubric, file: AnswersFile, only: Selection | undefined): { answered: number; total: number } {
  if (only) return selectionProgress(rubric, file, only);
  const applicable = assess(rubric, file).characteristics.flatMap((c) => c.indicators).filter((i) => i.applicable);
  return { answered: applicable.filter((i) => i.answer !== null).length, total: applicable.length };
}

/** `--only` read against the rubric; a mistake in it stops the interview before anything is asked or written. */
function select(rubric: Rubric, raw: string | undefined): Selection | undefined {
  if (raw === undefined) return undefined;
  const result = parseSelection(rubric, raw);
  if (!result.selection) throw new UsageError(selectionProblemMessage(result.problems[0]!));
  return result.selection;
}

/** `--assessor` given as nothing but spaces is a mistake, not a way to leave it out. */
function checkAssessor(assessor: string | undefined): void {
  if (assessor !== undefined && assessor.trim() === '') {
    throw new UsageError('--assessor: give the name or job title of who is answering, such as --assessor "Head of HR"');
  }
}

/** Shows the cursor again on a terminal (a prompt hides it while a list is on screen). */

/** Stops before the first question when the answers could not be saved there. */
function checkWritable(path: string): void {
  const why = whyNotWritable(path);
  if (why !== undefined) throw new UsageError(`cannot save answers to ${path}: ${why}; choose another file with --answers`);
}

/** The raw text of a file, or null when there is none (read before it is parsed, to notice later changes). */
function textOf(path: string): string | null {
  try {
    return readFileSync(path).toString('utf8');
  } catch {
    return null;
  }
}

/** Finds or creates the answers file; undefined when the person chose not to go on. */
async function start(options: InterviewCommandOptions, prompter: Prompter, date: () => string): Promise<Started | undefined> {
  checkAssessor(options.assessor);
  const carried = options.from !== undefined ? await readLastYear(options.from, options.rubric) : undefined;
  if (options.answers !== undefined) {
    if (carried) refuseLastYearsFile(options.answers, carried.last, false);
    checkWritable(options.answers);
    if (existsSync(options.answers)) return resume(options.answers, options, prompter, carried);
  } else {
    // The file will be made in the current folder: say so now if it cannot be, before any question.
    const why = whyFolderNotWritable(process.cwd());
    if (why !== undefined) throw new UsageError(`cannot save answers here: ${why}; choose another file with --answers`);
  }
  if (options.resume && options.answers === undefined && !carried) {
    prompter.say('Type the council name you used before, and the interview will carry on from its saved file.');
  }
  const { rubric, file: rubricFile } = carried?.rubric ?? (await loadRubric(options.rubric ?? DEFAULT_RUBRIC_ID));
  const only = select(rubric, options.only);
  const name = carried ? carried.last.answers.council.name : (await prompter.input({ message: "What is the council's name?", required: true })).trim();
  const path = options.answers ?? `${slugify(name)}.answers.yaml`;
  if (carried) refuseLastYearsFile(path, carried.last, options.answers === undefined);
  checkWritable(path);
  const text = textOf(path);
  if (existsSync(path)) {
    if (!options.resume) await refuseCombinedText(path);
    if (options.resume || (await prompter.confirm({ message: `${path} already exists. Carry on from where it stopped?`, default: true }))) {
      return resume(path, options, prompter, carried);
    }
    if (!(await prompter.confirm({ message: `Start again and replace ${path}? Its answers will be lost.`, default: false }))) {
      prompter.say(`Nothing changed. To keep both, choose another file with --answers.`);
      return undefined;
    }
  }
  const ref = carried ? carried.last.answers.rubric : (options.rubric ?? DEFAULT_RUBRIC_ID);
  const rubricRef = builtinRubricIds().includes(ref) ? ref : relativeTo(dirname(resolve(path)), rubricFile);
  const file: AnswersFile = {
    schemaVersion: 1,
    kind: 'answers',
    rubric: rubricRef,
    council: carried ? structuredClone(carried.last.answers.council) : { name },
    assessedOn: date(),
    answers: {},
  };
  prompter.say(`Your answers will be saved in ${path} after every question.`);
  // A file being replaced: its text is what the person agreed to replace, so the first save does.
  return { path, file, rubric, text, ...(only && { only }), ...(carried && { carried }) };
}

async function resume(path: string, options: InterviewCommandOptions, prompter: Prompter, carried?: CarriedForward): Promise<Started> {
  const text = textOf(path);
  const loaded = await loadAnswers(path, options.rubric);
  refuseCombined(path, loaded.answers);
  if (carried) checkCarriedOn(path, loaded, carried);
  refuseOtherAssessor(path, loaded.answers, options.assessor);
  // Checked against the rubric the file names, before anything is asked.
  const only = select(loaded.rubric.rubric, options.only);
  prompter.say(`Carrying on with ${visible(path)} (${visible(loaded.answers.council.name, { max: 200 })}).`);
  return { path, file: loaded.answers, rubric: loaded.rubric.rubric, read: structuredClone(loaded.answers), text, ...(only && { only }), ...(carried && { carried }) };
}

/**
 * A combined file (several assessors' views) is never answered in: the interview would write one
 * person's answer over the views, and the next combine would drop it. Refused before anything is
 * asked or written (issue 13, review entry 3).
 */
function refuseCombined(path: string, file: AnswersFile): void {
  if (isCombined(file)) throw combinedRefusal(path);
}

function combinedRefusal(path: string): UsageError {
  return new UsageError(
    `${visible(path)} is a combined file (it holds several assessors' views), so the interview will not change it; ` +
      `answer in your own file (interview --answers NEW-FILE) and combine again, or settle its answers with: council-resilience moderate ${visible(shellQuote(path))}`,
  );
}

/** The same check on a file about to be offered ("Carry on from where it stopped?"), before that is asked; a file that cannot be read is left to the usual path. */
async function refuseCombinedText(path: string): Promise<void> {
  let data: unknown;
  try {
    data = (await readYamlFile(path)).data;
  } catch {
    return;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
  const { assessors, answers } = data as { assessors?: unknown; answers?: unknown };
  const holdsViews =
    answers !== null &&
    typeof answers === 'object' &&
    Object.values(answers as Record<string, unknown>).some((a) => a !== null && typeof a === 'object' && (a as { views?: unknown }).views !== undefined);
  if (assessors !== undefined || holdsViews) throw combinedRefusal(path);
}

/**
 * A file is one person's view: `--assessor X` on a file whose assessor is someone else would make
 * their answers X's. Refused before anything is written, unless the file names nobody yet (review entry 9).
 */
function refuseOtherAssessor(path: string, file: AnswersFile, assessor: string | undefined): void {
  const theirs = typeof file.assessor === 'string' ? file.assessor.trim() : '';
  const mine = assessor?.trim();
  if (mine === undefined || theirs === '' || sameName(theirs, mine)) return;
  const folder = dirname(path);
  const own = `${folder === '.' ? '' : `${folder}/`}${slugify(mine)}.answers.yaml`;
  throw new UsageError(
    `${visible(path)} holds ${visible(theirs, { max: 200 })}'s answers (its assessor:); to answer as ${visible(mine, { max: 200 })}, ` +
      `start your own file with --answers ${visible(shellQuote(own))}, or leave out --assessor to carry on with ${visible(theirs, { max: 200 })}'s`,
  );
}

function relativeTo(from: string, target: string): string {
  const rel = relative(from, resolve(target)).split('\\').join('/');
  return isAbsolute(rel) || rel.startsWith('.') ? rel : `./${rel}`;
}

