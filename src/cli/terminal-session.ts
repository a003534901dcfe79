// What the interview and the moderation workshop share as terminal programs: the prompter (inquirer's,
// or the plain accessible one), and stopping on a signal the way Ctrl-C stops them, with the cursor given back.
import type { Prompter } from '../interview/prompter.js';
import { EXIT } from './exit-codes.js';
import { promptWidth } from './width.js';

/**
 * Signals that stop a session as Ctrl-C does: what is answered is saved, and it says where.
 * SIGQUIT (Ctrl-\\) too: its default is to end the process with no word and the cursor hidden.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** `--accessible`, or ACCESSIBLE in the environment set to anything but nothing, 0, false, no, n or off (in any case). */
export function wantsAccessible(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === true) return true;
  const value = env.ACCESSIBLE?.trim().toLowerCase();
  return value !== undefined && !['', '0', 'false', 'no', 'n', 'off'].includes(value);
}

export interface TerminalOptions {
  /** `--accessible` (ACCESSIBLE=1 counts the same): the plain numbered prompts instead of inquirer's. */
  accessible?: boolean;
  /** false with --no-color; the accessible prompts then write no escape sequence at all (NO_COLOR too). */
  color?: boolean;
}

/**
 * Runs `session` with the injected prompter (tests) or the real one: inquirer's, or with
 * `accessible` the plain one. A signal aborts the prompt on screen (inquirer's then puts the
 * cursor back) and ends where Ctrl-C does; a second one, should the first find no prompt to stop,
 * exits at once. The session does the same whichever prompter it has.
 */
export async function withTerminalPrompter(
  injected: Prompter | undefined,
  session: (prompter: Prompter) => Promise<number>,
  { accessible = false, color = true }: TerminalOptions = {},
): Promise<number> {
  if (injected) return session(injected);
  const plain = wantsAccessible(accessible);
  const stop = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) return stop.abort();
    if (!plain) showCursor();
    process.exit(EXIT.interrupted);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    if (plain) {
      const [{ accessiblePrompter }, { stdoutStyle }] = await Promise.all([import('../interview/accessible.js'), import('./colour.js')]);
      const prompter = accessiblePrompter({ signal: stop.signal, style: await stdoutStyle(color, false), width: promptWidth() });
      try {
        return await session(prompter);
      } finally {
        prompter.close();
      }
    }
    const { inquirerPrompter } = await import('../interview/inquirer.js');
    return await session(inquirerPrompter({ signal: stop.signal }));
  } finally {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
    // The plain prompts never hide the cursor, so they write nothing to show it.
    if (stop.signal.aborted && !plain) showCursor();
  }
}

function showCursor(): void {
  if (process.stdout.isTTY) process.stdout.write('\x1b[?25h');
}
