import type { Choice, Prompter } from '../../src/interview/prompter.js';

/** What a person types, in order: a choice's name (or value) for a select, text for input, y/n for confirm. */
export type Keystroke = string | number | boolean | null;

export class Interrupted extends Error {
  override name = 'ExitPromptError';
}

/**
 * A prompter that answers from a script and records what it was asked; when the script runs out it
 * behaves like a person pressing Ctrl-C.
 */
export function scriptedPrompter(script: Keystroke[]) {
  const asked: string[] = [];
  const said: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    if (script.length === 0) throw new Interrupted('User force closed the prompt with SIGINT');
    return script.shift();
  };
  const prompter: Prompter = {
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
      const want = next(o.message);
      const choice = o.choices.find((c) => c.name === want || c.value === want);
      if (!choice) throw new Error(`script says ${String(want)} but the choices for "${o.message}" are ${o.choices.map((c) => c.name).join(' | ')}`);
      return choice.value;
    },
    async input(o: { message: string; default?: string }): Promise<string> {
      const typed = next(o.message);
      return typed === '' && o.default !== undefined ? o.default : String(typed);
    },
    async confirm(o: { message: string }): Promise<boolean> {
      return next(o.message) === true;
    },
    say: (text) => said.push(text),
  };
  return { prompter, asked, said, left: () => script.length };
}

/**
 * What the command writes to stderr during each test (the interview's "Stopped ..." lines), kept
 * instead of printed: read `.text()` in a test.
 */
export function captureStderr(): { text: () => string } {
  let chunks: string[] = [];
  const original = process.stderr.write;
  beforeEach(() => {
    chunks = [];
    process.stderr.write = ((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
  });
  afterEach(() => {
    process.stderr.write = original;
  });
  return { text: () => chunks.join('') };
}
