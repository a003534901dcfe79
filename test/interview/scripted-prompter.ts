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

/** A script step: what the person types, or something done just before the next prompt. */
export type Step = Keystroke | (() => void | Promise<void>);

/** scriptedPrompter, with functions in the script run (and awaited) just before the next prompt. */
export function hooked(script: Step[], before?: (left: number) => Promise<void>) {
  const keys: Keystroke[] = [];
  const hooks = new Map<number, (() => void | Promise<void>)[]>();
  for (const step of script) {
    if (typeof step === 'function') hooks.set(keys.length, [...(hooks.get(keys.length) ?? []), step]);
    else keys.push(step);
  }
  const inner = scriptedPrompter(keys);
  let asked = 0;
  const next = async () => {
    await before?.(inner.left());
    for (const hook of hooks.get(asked) ?? []) await hook();
    asked++;
  };
  const prompter: Prompter = {
    select: async (o) => (await next(), inner.prompter.select(o)),
    input: async (o) => (await next(), inner.prompter.input(o)),
    confirm: async (o) => (await next(), inner.prompter.confirm(o)),
    say: (text) => inner.prompter.say(text),
  };
  return { ...inner, prompter };
}
