// `moderate <combined.yaml> [--all]`: the workshop where the assessors settle the indicators they disagree on.
import { readFileSync } from 'node:fs';
import { formatProblem, UsageError } from '../../core/errors.js';
import { visible } from '../../core/visible.js';
import type { AnswersFile, Rubric } from '../../core/types.js';
import { loadAnswers } from '../../io/load.js';
import type { ModerationCount } from '../../interview/moderation.js';
import { countModeration, moderationItems, runModeration } from '../../interview/moderation.js';
import { ModerationStore } from '../../interview/moderation-store.js';
import type { Prompter } from '../../interview/prompter.js';
import { isInterrupt } from '../../interview/prompter.js';
import { ChangedOnDisk, whyNotWritable } from '../../interview/store.js';
import { count } from '../../render/format.js';
import { wrapText } from '../../render/wrap.js';
import { EXIT } from '../exit-codes.js';
import { shellQuote } from '../../render/format.js';
import { wantsAccessible, withTerminalPrompter } from '../terminal-session.js';
import { printWarnings, warn } from '../output.js';
import { promptWidth } from '../width.js';

export interface ModerateOptions {
  all?: boolean;
  /** `--accessible` (or ACCESSIBLE=1): plain numbered prompts for a screen reader. */
  accessible?: boolean;
  /** false with --no-color. */
  color?: boolean;
}


export async function runModerate(path: string, options: ModerateOptions = {}, injected?: Prompter): Promise<number> {
  // The file first: a mistake in it, or a file that is not combined, is worth hearing before anything else.
  const loaded = await loadAnswers(path);
  const text = readFileSync(path, 'utf8');
  printWarnings(loaded.warnings);
  const file = loaded.answers;
  const rubric = loaded.rubric.rubric;
  if (moderationItems(rubric, file, true).length === 0) {
    throw new UsageError(
      `${path} holds no assessors' views, so there is nothing to moderate; combine the assessors' files first ` +
        `(council-resilience combine <answers.yaml...> --output combined.yaml), then moderate the combined file`,
    );
  }
  if (!injected && !process.stdin.isTTY) {
    throw new UsageError(
      `moderate needs a terminal to choose the agreed levels in; without one, edit ${path} instead: under each disputed answer ` +
        `write the agreed "score" and "agreed: <reason>", then check it with "council-resilience validate ${path}"`,
    );
  }
  const why = whyNotWritable(path);
  if (why !== undefined) throw new UsageError(`cannot save the agreed levels to ${path}: ${why}`);

  return withTerminalPrompter(injected, (prompter) => moderateWith(path, text, file, rubric, options, prompter), {
    accessible: options.accessible,
    color: options.color !== false,
  });
}

async function moderateWith(path: string, text: string, file: AnswersFile, rubric: Rubric, options: ModerateOptions, prompter: Prompter): Promise<number> {
  const all = options.all === true;
  const width = promptWidth();
  /** Each line of `text` word-wrapped to the terminal's width. */
  const fit = (text: string) => text.split('\n').map((line) => (line === '' ? '' : wrapText(line, width).join('\n'))).join('\n');
  const before = countModeration(rubric, file);
  if (!all && before.unsettled.length === 0) {
    const nothingToDo =
      before.disputed === 0
        ? before.notApplying.length === 0
          ? `No indicator in ${path} is disputed: every one's views are within one level of each other. To go over them anyway: council-resilience moderate ${shellQuote(path)} --all`
          : `No indicator in ${path} is disputed. The views of ${before.notApplying.map((k) => visible(k)).join(', ')} are far apart, but ${before.notApplying.length === 1 ? 'it does' : 'they do'} not apply to this council, so ${before.notApplying.length === 1 ? 'it is' : 'they are'} not scored. To go over them anyway: council-resilience moderate ${shellQuote(path)} --all`
        : `All ${count(before.disputed, 'disputed indicator')} in ${path} ${before.disputed === 1 ? 'is' : 'are'} already settled. To go over every indicator again: council-resilience moderate ${shellQuote(path)} --all`;
    prompter.say(fit(nothingToDo));
    return EXIT.ok;
  }
  const store = new ModerationStore({ path, text, prompter, width });
  prompter.say(fit(`The agreed levels are saved in ${path} after each indicator.`));
  try {
    await runModeration({ rubric, file, prompter, all, width, save: (f, key) => store.save(f, key) });
  } catch (error) {
    if (error instanceof ChangedOnDisk) {
      for (const problem of error.problems) warn(formatProblem(problem));
      warn(
        error.copy === ''
          ? `error: ${error.path} ${error.why}`
          : `error: ${error.path} ${error.why}, so it was left as it is. The levels agreed so far are saved in ${error.copy}; ` +
              `to carry on with them: council-resilience moderate ${shellQuote(error.copy)}`,
      );
      return EXIT.usage;
    }
    if (!isInterrupt(error)) throw error;
    warn(`\n${stoppedMessage(path, countModeration(rubric, file), all, wantsAccessible(options.accessible))}`);
    return EXIT.interrupted;
  }
  prompter.say('');
  prompter.say(fit(summary(path, countModeration(rubric, file), all)));
  return EXIT.ok;
}

/** What is settled and the command to carry on, after Ctrl-C. */
export function stoppedMessage(path: string, c: ModerationCount, all: boolean, accessible = false): string {
  const again = accessible ? ' --accessible' : '';
  const settledDisputed = c.disputed - c.unsettled.length;
  if (c.unsettled.length === 0) {
    return (
      `Stopped. All ${count(c.disputed, 'disputed indicator')} ${c.disputed === 1 ? 'is' : 'are'} settled in ${path}; ` +
      `${c.settled} of ${c.withViews} indicators with views have an agreed level.\n` +
      `To go over every indicator again: council-resilience moderate ${shellQuote(path)} --all${again}`
    );
  }
  return (
    `Stopped. ${settledDisputed} of ${count(c.disputed, 'disputed indicator')} ${settledDisputed === 1 ? 'is' : 'are'} settled in ${path}; ${c.unsettled.length} ${c.unsettled.length === 1 ? 'remains' : 'remain'}.\n` +
    `To carry on where you left off: council-resilience moderate ${shellQuote(path)}${again}` +
    (all ? `\nTo go over every indicator with views again instead: council-resilience moderate ${shellQuote(path)} --all${again}` : '')
  );
}

/** The last words: settled n of m, and what is left. */
export function summary(path: string, c: ModerationCount, all: boolean): string {
  const head = all ? `Settled ${c.settled} of ${count(c.withViews, 'indicator')} with views` : `Settled ${c.disputed - c.unsettled.length} of ${count(c.disputed, 'disputed indicator')}`;
  if (c.unsettled.length === 0) return `${head}. Saved in ${path}.`;
  const shown = c.unsettled.slice(0, 10).map((k) => visible(k)).join(', ');
  const more = c.unsettled.length > 10 ? ` and ${c.unsettled.length - 10} more` : '';
  return (
    `${head}. Saved in ${path}.\n` +
    `Still disputed and not settled: ${shown}${more}. To settle ${c.unsettled.length === 1 ? 'it' : 'them'}: council-resilience moderate ${shellQuote(path)}`
  );
}

/** Shows the cursor again on a terminal (a prompt hides it while a list is on screen). */

