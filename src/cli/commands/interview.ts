import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { assess } from '../../core/score.js';
import type { AnswersFile, Rubric } from '../../core/types.js';
import { builtinRubricIds, DEFAULT_RUBRIC_ID } from '../../io/builtin.js';
import { writeFileAtomic } from '../../io/files.js';
import { loadAnswers, loadRubric } from '../../io/load.js';
import type { Prompter } from '../../interview/prompter.js';
import { isInterrupt } from '../../interview/prompter.js';
import { runInterview as interview, slugify } from '../../interview/session.js';
import { renderAnswersFile } from '../../render/answers-file.js';
import { renderText } from '../../render/text.js';
import { stdoutStyle } from '../colour.js';
import { EXIT } from '../exit-codes.js';
import { warn } from '../output.js';

export interface InterviewCommandOptions {
  rubric?: string;
  answers?: string;
  resume?: boolean;
  color: boolean;
}

interface Started {
  path: string;
  file: AnswersFile;
  rubric: Rubric;
}

export async function runInterviewCommand(options: InterviewCommandOptions, injected?: Prompter): Promise<number> {
  if (!injected && !process.stdin.isTTY) {
    throw new UsageError(
      'the interview needs a terminal to type answers in. To score a file you already have, run ' +
        '"council-resilience assess <answers.yaml>"; for a blank file to fill in, "council-resilience template".',
    );
  }
  const prompter = injected ?? (await import('../../interview/inquirer.js')).inquirerPrompter();
  let started: Started | undefined;
  try {
    started = await start(options, prompter);
    if (!started) return EXIT.ok;
    const { path, rubric } = started;
    const save = (file: AnswersFile) => writeFileAtomic(path, renderAnswersFile(file, rubric));
    await save(started.file);
    const done = await interview({ rubric, file: started.file, prompter, save });
    const report = renderText(assess(rubric, done, { source: path }), {
      style: await stdoutStyle(options.color, false),
      scale: rubric.scale,
      width: (await import('../width.js')).outputWidth(),
    });
    prompter.say('');
    prompter.say(report.trimEnd());
    prompter.say('');
    prompter.say(`Your answers are saved in ${path}`);
    return EXIT.ok;
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    if (!started) {
      warn('\nStopped. Nothing was saved.');
    } else {
      const indicators = assess(started.rubric, started.file).characteristics.flatMap((c) => c.indicators);
      const applicable = indicators.filter((i) => i.applicable);
      const answered = applicable.filter((i) => i.answer !== null).length;
      warn(
        `\nStopped. ${answered} of ${applicable.length} answers are saved in ${started.path}\n` +
          `To carry on where you left off: council-resilience interview --answers ${quote(started.path)}`,
      );
    }
    return EXIT.interrupted;
  }
}

/** Finds or creates the answers file; undefined when the person chose not to go on. */
async function start(options: InterviewCommandOptions, prompter: Prompter): Promise<Started | undefined> {
  if (options.answers !== undefined && existsSync(options.answers)) return resume(options.answers, options.rubric, prompter);
  if (options.resume && options.answers === undefined) {
    prompter.say('Type the council name you used before, and the interview will carry on from its saved file.');
  }
  const { rubric, file: rubricFile } = await loadRubric(options.rubric ?? DEFAULT_RUBRIC_ID);
  const name = (await prompter.input({ message: "What is the council's name?", required: true })).trim();
  const path = options.answers ?? `${slugify(name)}.answers.yaml`;
  if (existsSync(path)) {
    if (options.resume || (await prompter.confirm({ message: `${path} already exists. Carry on from where it stopped?`, default: true }))) {
      return resume(path, options.rubric, prompter);
    }
    if (!(await prompter.confirm({ message: `Start again and replace ${path}? Its answers will be lost.`, default: false }))) {
      prompter.say(`Nothing changed. To keep both, choose another file with --answers.`);
      return undefined;
    }
  }
  const ref = options.rubric ?? DEFAULT_RUBRIC_ID;
  const rubricRef = builtinRubricIds().includes(ref) ? ref : relativeTo(dirname(resolve(path)), rubricFile);
  const file: AnswersFile = {
    schemaVersion: 1,
    kind: 'answers',
    rubric: rubricRef,
    council: { name },
    assessedOn: new Date().toISOString().slice(0, 10),
    answers: {},
  };
  prompter.say(`Your answers will be saved in ${path} after every question.`);
  return { path, file, rubric };
}

async function resume(path: string, rubricOverride: string | undefined, prompter: Prompter): Promise<Started> {
  const loaded = await loadAnswers(path, rubricOverride);
  prompter.say(`Carrying on with ${path} (${loaded.answers.council.name}).`);
  return { path, file: loaded.answers, rubric: loaded.rubric.rubric };
}

function relativeTo(from: string, target: string): string {
  const rel = relative(from, resolve(target)).split('\\').join('/');
  return isAbsolute(rel) || rel.startsWith('.') ? rel : `./${rel}`;
}

function quote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
