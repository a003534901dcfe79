// The one module that knows @inquirer/prompts; only the interview command loads it.
import { confirm, input, select } from '@inquirer/prompts';
import type { Prompter } from './prompter.js';

export function inquirerPrompter(write: (text: string) => void = (t) => process.stdout.write(t)): Prompter {
  return {
    select: (o) => select({ message: o.message, choices: o.choices, default: o.default, pageSize: 12, loop: false }),
    input: (o) =>
      input({
        message: o.message,
        default: o.default,
        validate: o.required ? (v: string) => (v.trim() !== '' || 'Please type an answer') : undefined,
      }),
    confirm: (o) => confirm({ message: o.message, default: o.default }),
    say: (text) => write(`${text}\n`),
  };
}
