/** What the interview needs from a terminal; the real one wraps @inquirer/prompts, tests script one. */
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  select<T>(options: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  input(options: { message: string; default?: string; required?: boolean }): Promise<string>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
  /** Prints lines of information between questions. */
  say(text: string): void;
}

/** Thrown by a prompter when the person presses Ctrl-C or Ctrl-D. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
