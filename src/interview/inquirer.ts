// The one module that knows @inquirer/prompts; only the interview command loads it.
import { styleText } from 'node:util';
import { confirm, input, select } from '@inquirer/prompts';
import { visible } from '../core/visible.js';
import { wrap } from '../render/wrap.js';
import type { Prompter } from './prompter.js';

/**
 * Inquirer breaks long lines at the terminal's edge in the middle of words; statements and level
 * descriptions are sentences, so they are wrapped between words first (to at most 100 columns).
 */
function fit(text: string, reserved: number): string {
  const width = Math.min(process.stdout.columns || 80, 100);
  return wrap(text, Math.max(width - reserved, 30)).join('\n');
}

export interface InquirerOptions {
  /** Aborting it stops the prompt on screen (putting the cursor back); the prompt rejects as an interrupt. */
  signal?: AbortSignal;
  write?: (text: string) => void;
}

export function inquirerPrompter({ signal, write = (t) => process.stdout.write(t) }: InquirerOptions = {}): Prompter {
  const context = signal ? { signal } : {};
  return {
    select: (o) =>
      select(
        {
          message: fit(o.message, 2),
          choices: o.choices.map((c) => (c.description ? { ...c, description: fit(c.description, 1) } : c)),
          default: o.default,
          pageSize: 12,
          loop: false,
        },
        context,
      ),
    input: (o) =>
      input(
        {
          message: fit(o.message, 2),
          default: o.default,
          // A default comes from a file (last year's evidence): shown with its control characters made visible.
          theme: { style: { defaultAnswer: (text: string) => styleText('dim', `(${visible(text, { max: 500 })})`), answer: (text: string) => styleText('cyan', visible(text, { max: 500 })) } },
          validate: o.required ? (v: string) => (v.trim() !== '' || 'Please type an answer') : undefined,
        },
        context,
      ),
    confirm: (o) => confirm({ message: o.message, default: o.default }, context),
    say: (text) => write(`${text}\n`),
  };
}
