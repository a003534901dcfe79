// The plain prompter for screen-reader users (`--accessible` or ACCESSIBLE=1; SPEC "Accessibility"):
// node:readline without its terminal mode, so the terminal's own line editing shows what is typed
// and nothing here moves the cursor, redraws or spins. Each question is printed once, its choices as
// a numbered list (the scale by its own values, so "2" is level 2; letters for Don't know, Not
// applicable, Skip and Back); the answer is typed, then said back in words; `?` gives help. The only
// escape sequences written are colour, and with NO_COLOR (the plain style) none at all.
import { createInterface } from 'node:readline';
import { thousands, visible } from '../core/visible.js';
import type { Style } from '../render/style.js';
import { plain } from '../render/style.js';
import { wrap, wrapHanging } from '../render/wrap.js';
import { BACK, SKIP, type Choice, type Prompter } from './prompter.js';

export interface AccessibleOptions {
  /** Where the answers are typed (process.stdin; a stream of lines in tests). */
  input?: NodeJS.ReadableStream;
  write?: (text: string) => void;
  /** Aborting it stops the question being asked; it rejects as an interrupt, as Ctrl-C does. */
  signal?: AbortSignal;
  /** Colour for the keys and the answer said back; `plain` (NO_COLOR, --no-color) writes no escape sequence at all. */
  style?: Style;
  /** The columns help text is wrapped to (default 78). */
  width?: number;
}

export interface AccessiblePrompter extends Prompter {
  /** Stops reading the input (the program can then end). */
  close(): void;
}

/** A choice with the key that is typed for it. */
export interface KeyedChoice<T> {
  /** `2` (a level, by its value), `1` (the first of a list), `d`, `n`, `s`, `b`. */
  key: string;
  /** What the list shows after the key: `Most` for `2 Most`. */
  label: string;
  /** What is said back: `2 Most`, `Don't know`, `Back to the previous question`. */
  words: string;
  choice: Choice<T>;
}

class PromptError extends Error {
  constructor(name: 'ExitPromptError' | 'AbortPromptError', message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * The keys of a list of choices. A list with numbers in it (a scale) is keyed by the numbers
 * themselves, with d for Don't know and n for Not applicable; any other list is numbered from 1.
 * Back is b, Skip is s, and a `null` choice (Don't know / prefer not to say) is d.
 */
export function keyChoices<T>(choices: readonly Choice<T>[]): KeyedChoice<T>[] {
  const numbers = choices.map((c) => c.value).filter((v): v is T & number => typeof v === 'number' && Number.isFinite(v));
  const scale = numbers.length > 0;
  const letter = (value: unknown): string | undefined => {
    if (value === BACK) return 'b';
    if (value === SKIP) return 's';
    if (value === null || (scale && value === 'unknown')) return 'd';
    if (scale && value === 'n/a') return 'n';
    return undefined;
  };
  const used = new Set<string>();
  const first = choices.map((c) => {
    const key = typeof c.value === 'number' && Number.isFinite(c.value) ? String(c.value) : letter(c.value);
    if (key === undefined || used.has(key)) return undefined;
    used.add(key);
    return key;
  });
  let next = scale ? Math.floor(Math.max(...numbers)) + 1 : 1;
  return choices.map((choice, i) => {
    let key = first[i];
    if (key === undefined) {
      while (used.has(String(next))) next++;
      key = String(next++);
      used.add(key);
    }
    const words = oneLine(choice.name).replace(/^[←→]\s*/, '');
    const label = words.startsWith(`${key} `) ? words.slice(key.length + 1) : words;
    return { key, label, words, choice };
  });
}

/** `0 to 3, d, n or b`: what may be typed. */
export function allowedKeys(keys: readonly string[]): string {
  const numbers = keys.filter((k) => /^-?\d+$/.test(k)).map(Number);
  const others = keys.filter((k) => !/^-?\d+$/.test(k));
  const contiguous = numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
  const parts = [...(contiguous ? [`${numbers[0]} to ${numbers[numbers.length - 1]}`] : numbers.map(String)), ...others];
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** What a key such as an arrow, Home or Delete types into a line: a CSI or SS3 sequence, or ESC and one character. */
const KEY_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|O.|[\s\S])?/g;
/** Other control characters a line can hold (typed with Ctrl-V, or pasted); a tab becomes a space. */
const TYPED_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** A typed line without the escape sequences and control characters keys put in it; `keys` when there were escape sequences. */
export function cleanTyped(line: string): { text: string; keys: boolean } {
  return { text: line.replace(KEY_SEQUENCE, '').replace(/\t/g, ' ').replace(TYPED_CONTROL, ''), keys: line.includes('\x1b') };
}

/**
 * The most a terminal's line holds, in bytes, when it is not in raw mode: Linux keeps 4095 and drops
 * the rest without a word (a letter of several bytes may be cut in half); macOS keeps 1023.
 */
export const LINE_LIMIT = process.platform === 'darwin' ? 1023 : 4095;

/** A line the terminal cut short: as long as it can hold, or ending in half a character (decoded as U+FFFD). */
export function cutByTerminal(line: string, limit = LINE_LIMIT): boolean {
  return line.endsWith('\ufffd') || Buffer.byteLength(line, 'utf8') >= limit;
}

function oneLine(text: string): string {
  return visible(text.replace(/\s*\n\s*/g, ' ')).trim();
}

function dropLeadingBlanks(texts: readonly string[]): string[] {
  const first = texts.findIndex((t) => t.trim() !== '');
  return first < 0 ? [] : texts.slice(first);
}

/**
 * A message without the usual interview's key instructions ("press Enter to skip", "Backspace, then
 * Enter, for none"), which are wrong here where nothing is pre-filled: this prompter states its own.
 */
export function withoutKeys(message: string): string {
  return message.replace(/\s*\(([^)]*)\)/g, (whole, inner: string) => (!/press Enter|Backspace/i.test(inner) ? whole : /last year's/.test(inner) ? " (last year's)" : ''));
}

/** `Evidence (optional; ...):` -> `Evidence`: what a text answer is called when it is read back; undefined for a question (`What is ...?`). */
function answerName(message: string): string | undefined {
  const m = /^([A-Z][A-Za-z' ]*?)\s*(?:\(|:)/.exec(message);
  return m && !/[?]/.test(m[1]!) ? m[1] : undefined;
}

/** `── Alpha · question 1 of 7 ──` -> `Alpha, question 1 of 7`: a screen reader need not read out the rules. */
function plainHeading(line: string): string {
  const m = /^──+ (.*) ──+$/.exec(line);
  return m ? m[1]!.replace(/ · /g, ', ') : line;
}

export function accessiblePrompter({ input = process.stdin, write = (t) => void process.stdout.write(t), signal, style = plain, width = 78 }: AccessibleOptions = {}): AccessiblePrompter {
  const colour = style !== plain;
  /** Lines that came when no question was waiting for them (type-ahead, the rest of a paste): never taken as answers, and said. */
  let setAside: string[] = [];
  let waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | undefined;
  let ended = false;
  // Text typed without Enter before Ctrl-D ends the input was never confirmed: readline would pass
  // it on as a last line when the input ends, so from then on lines are dropped (this listener runs first).
  let ending = false;
  input.once('end', () => {
    ending = true;
  });
  // Lines that arrive in the same turn of the event loop as the one before came in one burst (a paste,
  // or lines typed while the program was busy): only the first answers the question that was waiting.
  let burst = false;
  const reader = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const fail = (error: Error) => {
    const w = waiting;
    waiting = undefined;
    w?.reject(error);
  };
  const eof = () => new PromptError('ExitPromptError', 'User force closed the prompt with Ctrl-D');
  const aborted = () => new PromptError('AbortPromptError', 'Prompt was aborted');
  reader.on('line', (line) => {
    if (ending) return;
    const first = !burst;
    if (first) {
      burst = true;
      setImmediate(() => {
        burst = false;
      });
    }
    if (waiting && first) {
      const w = waiting;
      waiting = undefined;
      w.resolve(line);
    } else setAside.push(line);
  });
  reader.on('close', () => {
    ended = true;
    fail(eof());
  });
  const onAbort = () => fail(aborted());
  signal?.addEventListener('abort', onAbort);

  /** The next line typed after the prompt; Ctrl-D (the end of the input) and the signal reject it as interrupts. */
  const nextLine = (): Promise<string> => {
    if (signal?.aborted) return Promise.reject(aborted());
    if (ended) return Promise.reject(eof());
    return new Promise((resolve, reject) => {
      waiting = { resolve, reject };
    });
  };

  /** Text safe to print: control characters shown as escapes (\r too: it moves the cursor); with `keepColour` (what say() is given: the report) its colour kept when colour is on. */
  const safe = (text: string, keepColour = false): string => {
    const escape = (t: string) => visible(t, { keepSpacing: true }).replace(/\r/g, '\\r');
    if (!colour || !keepColour) return escape(text);
    return text
      .split(/(\x1b\[[0-9;]*m)/)
      .map((part, i) => (i % 2 === 1 ? part : escape(part)))
      .join('');
  };
  const out = (text: string, keepColour = false) => write(safe(text, keepColour));
  const paragraph = (text: string, indent = '') =>
    text
      .split('\n')
      .map((line) => (line.trim() === '' ? '' : wrap(line, width, indent, { breakWords: true }).join('\n')))
      .join('\n');

  /** The arrow-key note is said once. */
  let keysSaid = false;
  /** What was said since the last question was answered: `?` says it again, with the choices' help. */
  let context: string[] = [];
  /** Asks until `settle` accepts a line (returns a value) or the person stops. */
  const ask = async <T>(prompt: string, settle: (line: string) => { value: T } | undefined): Promise<T> => {
    for (;;) {
      reportSetAside();
      out(prompt);
      const typed = await nextLine();
      if (cutByTerminal(typed)) {
        invalid(
          `That line was too long to type here: a line in this terminal holds at most ${thousands(LINE_LIMIT)} bytes (about ${thousands(LINE_LIMIT)} letters, fewer with accents), ` +
            'so its end was cut off, and it was not saved. Type a shorter answer (for long evidence, name the document and page instead), then press Enter.',
        );
        continue;
      }
      const { text: line, keys } = cleanTyped(typed);
      if (keys && !keysSaid) {
        keysSaid = true;
        invalid('Arrow keys do not move within the line here, so what they typed was left out: use Backspace to correct a line, or Ctrl-U to start it again.');
      }
      const settled = settle(line);
      if (settled) {
        context = [];
        return settled.value;
      }
    }
  };
  const invalid = (text: string) => write(`${style.warn(safe(text))}\n`);
  /** Says which lines were set aside (typed before their question was asked), so none is lost unnoticed. */
  const reportSetAside = () => {
    if (setAside.length === 0) return;
    const lines = setAside;
    setAside = [];
    const shown = lines.slice(0, 5).map((l) => (l.trim() === '' ? 'a blank line' : `"${visible(cleanTyped(l).text, { max: 200 })}"`));
    const more = lines.length > 5 ? `, and ${lines.length - 5} more` : '';
    invalid(
      `${lines.length === 1 ? '1 more line you typed was' : `${lines.length} more lines you typed were`} not used (type each answer once its question is asked): ${shown.join(', ')}${more}.`,
    );
  };
  const said = (words: string) => write(`You chose ${style.bold(safe(words))}.\n`);

  return {
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
      reportSetAside();
      const keyed = keyChoices(o.choices);
      const keyWidth = Math.max(...keyed.map((k) => k.key.length));
      const fallback = o.default === undefined ? undefined : keyed.find((k) => Object.is(k.choice.value, o.default));
      const allowed = allowedKeys(keyed.map((k) => k.key));
      out(`${paragraph(o.message)}\n`);
      for (const k of keyed) write(`  ${style.bold(k.key.padEnd(keyWidth))}  ${safe(k.label)}\n`);
      const prompt = `Type ${allowed} and press Enter (${fallback ? `Enter alone: ${fallback.words}; ` : ''}? for help): `;
      return ask(prompt, (line) => {
        const typed = line.trim();
        if (typed === '?') {
          // The question again as it was put (heading, question, guidance), then each choice with its description.
          out('\nHelp:\n');
          for (const text of dropLeadingBlanks(context)) out(`${text}\n`, true);
          out(`${paragraph(o.message)}\n`);
          for (const k of keyed) {
            const description = k.choice.description ? `: ${oneLine(k.choice.description)}` : '';
            out(`${wrapHanging(`${k.key} ${k.label}${description}`, width, '  ', '    ', { breakWords: true }).join('\n')}\n`);
          }
          out(`Type the number or letter of your choice, then press Enter${keyed.some((k) => k.key === 'b') ? '; b goes back' : ''}.\n`);
          return undefined;
        }
        const lower = typed.toLowerCase();
        const chosen =
          typed === ''
            ? fallback
            : (keyed.find((k) => k.key.toLowerCase() === lower) ?? keyed.find((k) => k.words.toLowerCase() === lower || k.label.toLowerCase() === lower));
        if (!chosen) {
          invalid(typed === '' ? `Please type ${allowed}, then press Enter (? for help).` : `"${visible(typed, { max: 40 })}" is not one of the choices: type ${allowed} (? for help).`);
          return undefined;
        }
        said(chosen.words);
        return { value: chosen.choice.value };
      });
    },

    async input(o: { message: string; default?: string; required?: boolean }): Promise<string> {
      reportSetAside();
      const current = o.default !== undefined && o.default !== '' ? o.default : undefined;
      const clears = current !== undefined && !o.required;
      let prompt: string;
      if (current === undefined) {
        prompt = `${paragraph(o.message)} `;
      } else {
        out(`${paragraph(withoutKeys(o.message))}\n`);
        out(`Current answer: ${visible(current, { max: 500 })}\n`);
        prompt = `Press Enter to keep it,${clears ? ' type - for none,' : ''} or type a new answer: `;
      }
      const name = answerName(o.message);
      const readBack = (text: string) => write(`${name ? `${name} saved` : 'You typed'}: ${style.bold(safe(visible(text)))}\n`);
      return ask(prompt, (line) => {
        const typed = line.trim();
        if (typed === '?') {
          out(
            `Type your answer, then press Enter. ${
              current !== undefined ? `Enter alone keeps the current answer${clears ? '; - for none' : ''}.` : o.required ? 'An answer is needed.' : 'Enter alone leaves it empty.'
            }\n`,
          );
          return undefined;
        }
        if (typed === '') {
          if (current !== undefined) {
            write(`Kept: ${style.bold(safe(visible(current, { max: 500 })))}\n`);
            return { value: current };
          }
          if (o.required) {
            invalid('An answer is needed: type it, then press Enter.');
            return undefined;
          }
          write(`${name ? `No ${name.toLowerCase()}` : 'Left empty'}.\n`);
          return { value: '' };
        }
        if (clears && typed === '-') {
          out('Cleared.\n');
          return { value: '' };
        }
        readBack(typed);
        return { value: line };
      });
    },

    async confirm(o: { message: string; default?: boolean }): Promise<boolean> {
      reportSetAside();
      const fallback = o.default === undefined ? '' : `; Enter alone: ${o.default ? 'yes' : 'no'}`;
      return ask(`${paragraph(o.message)} (y or n${fallback}): `, (line) => {
        const typed = line.trim().toLowerCase();
        const value = typed === '' ? o.default : ['y', 'yes'].includes(typed) ? true : ['n', 'no'].includes(typed) ? false : undefined;
        if (typed === '?') {
          out(`Type y for yes or n for no, then press Enter.\n`);
          return undefined;
        }
        if (value === undefined) {
          invalid('Please type y for yes or n for no.');
          return undefined;
        }
        said(value ? 'yes' : 'no');
        return { value };
      });
    },

    say(text: string) {
      reportSetAside();
      const shown = text.split('\n').map(plainHeading).join('\n');
      context.push(shown);
      out(`${shown}\n`, true);
    },

    close() {
      reportSetAside();
      signal?.removeEventListener('abort', onAbort);
      reader.close();
    },
  };
}
