// What the interview and the moderation workshop share as terminal programs: the prompter, and
// stopping on a signal the way Ctrl-C stops them, with the cursor given back.
import type { Prompter } from '../interview/prompter.js';
import { EXIT } from './exit-codes.js';

/**
 * Signals that stop a session as Ctrl-C does: what is answered is saved, and it says where.
 * SIGQUIT (Ctrl-\\) too: its default is to end the process with no word and the cursor hidden.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/**
 * Runs `session` with the injected prompter (tests) or the real one. A signal aborts the prompt on
 * screen (which puts the cursor back) and ends where Ctrl-C does; a second one, should the first find
 * no prompt to stop, exits at once.
 */
export async function withTerminalPrompter(injected: Prompter | undefined, session: (prompter: Prompter) => Promise<number>): Promise<number> {
  if (injected) return session(injected);
  const stop = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted) return stop.abort();
    showCursor();
    process.exit(EXIT.interrupted);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    const { inquirerPrompter } = await import('../interview/inquirer.js');
    return await session(inquirerPrompter({ signal: stop.signal }));
  } finally {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
    if (stop.signal.aborted) showCursor();
  }
}

function showCursor(): void {
  if (process.stdout.isTTY) process.stdout.write('\x1b[?25h');
}

