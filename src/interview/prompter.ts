import { visible } from '../core/visible.js';

/**
 * What the interview needs from a terminal; the usual one wraps @inquirer/prompts, --accessible
 * swaps in plain numbered lines (accessible.ts), tests script one.
 */
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

/**
 * Text from the rubric (a title, question, level label or description), safe for any terminal: every
 * control character but tab and line feed shown as an escape, so a rubric can neither colour, hide or
 * clear the screen nor set the window title. Then only the program's own colour reaches the terminal.
 */
export function fromFile(text: string): string;
export function fromFile(text: string | undefined): string | undefined;
export function fromFile(text: string | undefined): string | undefined {
  return text === undefined ? undefined : visible(text.replace(/\r\n?/g, '\n'), { keepSpacing: true });
}

/**
 * The values of the choices that are not answers: going back to the question before, and leaving
 * one for later. Shared, so a prompter can tell them apart (the accessible one gives them b and s).
 */
export const BACK = Symbol('back');
export const SKIP = Symbol('skip');

/** Thrown by a prompter when the person presses Ctrl-C or Ctrl-D. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
