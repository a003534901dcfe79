// Where `moderate` saves the agreed levels: into the combined file itself, after every indicator.
// Only the answer's `score`, `evidence` and `agreed` change, edited where they stand (io/yaml-edit),
// so the views, comments and layout stay exactly as they were. When someone else saved the file
// meanwhile, the edit is made on what they saved, so their changes stay too; and when what they
// saved changed the very answer being saved (they settled it, or combine was run again and its
// views changed), nothing is written over it: the save reports it, and the session shows it.
import { readFileSync } from 'node:fs';
import type { InputProblem } from '../core/errors.js';
import { InputError } from '../core/errors.js';
import type { Answer, AnswerDetail, AnswersFile } from '../core/types.js';
import { FileWriteError, writeFailureWords, writeFileAtomic } from '../io/files.js';
import { answersFromParsed } from '../io/load.js';
import { parseYaml } from '../io/yaml.js';
import type { YamlEdit } from '../io/yaml-edit.js';
import { editYaml } from '../io/yaml-edit.js';
import { scalar } from '../render/answers-file.js';
import { wrapText } from '../render/wrap.js';
import type { SaveOutcome } from './moderation.js';
import type { Prompter } from './prompter.js';
import { ChangedOnDisk, sideFile, whyNotWritable } from './store.js';

/** The fields of an answer that moderation writes, in the order they go in the answer. */
const FIELDS = ['score', 'evidence', 'agreed'] as const;
/** Where a new field goes among an answer's keys. */
const ANSWER_ORDER = ['score', 'evidence', 'confidence', 'target', 'agreed', 'views'];

export interface ModerationStoreOptions {
  path: string;
  /** The file's text when it was read. */
  text: string;
  prompter: Prompter;
  /** The columns what it says is wrapped to (default 78). */
  width?: number;
}

export class ModerationStore {
  readonly #path: string;
  readonly #prompter: Prompter;
  readonly #width: number;
  /** The text last read from or written to the file. */
  #known: string;

  constructor({ path, text, prompter, width = 78 }: ModerationStoreOptions) {
    this.#width = width;
    this.#path = path;
    this.#known = text;
    this.#prompter = prompter;
  }

  /**
   * Writes `file.answers[key]`'s score, evidence and agreed into the file; nothing when the file
   * already says so. When someone else saved the file meanwhile, their answers come into memory,
   * and if their answer at `key` is not the one this session last read or wrote there, it is kept:
   * nothing is written, and the outcome says so.
   */
  async save(file: AnswersFile, key: string): Promise<SaveOutcome> {
    const disk = readIfThere(this.#path);
    let base = this.#known;
    if (disk === null) {
      this.#say(`${this.#path} was deleted while you were moderating; it is saved again, with the levels agreed so far.`);
    } else if (disk !== this.#known) {
      const theirs = await this.#takeTheirs(disk, file, key);
      if (!sameAnswer(this.#known, disk, key)) {
        if (Object.hasOwn(theirs, key)) file.answers[key] = theirs[key]!;
        else delete file.answers[key];
        this.#known = disk;
        return { saved: false, theirs: file.answers[key] };
      }
      base = disk;
    }
    const text = edited(base, file, key);
    if (text === undefined) return this.#stop(file, key, 'could not be edited safely', []);
    if (text === disk) {
      this.#known = text;
      return { saved: true };
    }
    const why = whyNotWritable(this.#path);
    if (why !== undefined) return this.#stop(file, key, `could not be saved (${why})`, []);
    try {
      await writeFileAtomic(this.#path, text);
    } catch (err) {
      if (!(err instanceof FileWriteError)) throw err;
      return this.#stop(file, key, `could not be saved (${whyNotWritable(this.#path) ?? writeFailureWords(err)})`, []);
    }
    this.#known = text;
    return { saved: true };
  }

  /**
   * Someone else saved the file: their answers to every other indicator come into memory (the
   * disk is the truth; this session only ever changes the one it is saving). Returns their answers.
   */
  async #takeTheirs(disk: string, file: AnswersFile, key: string): Promise<Record<string, Answer>> {
    let theirs: AnswersFile;
    try {
      theirs = (await answersFromParsed(parseYaml(this.#path, disk))).answers;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return this.#stop(file, key, 'was changed by someone else while you were moderating and is no longer a valid answers file', err.problems);
    }
    if (theirs.rubric !== file.rubric) {
      return this.#stop(file, key, `was changed by someone else while you were moderating and now names the rubric ${JSON.stringify(theirs.rubric)}`, []);
    }
    for (const k of new Set([...Object.keys(file.answers), ...Object.keys(theirs.answers)])) {
      if (k === key) continue;
      if (Object.hasOwn(theirs.answers, k)) file.answers[k] = theirs.answers[k]!;
      else delete file.answers[k];
    }
    this.#say(`Someone else saved ${this.#path} while you were moderating; what they changed is kept.`);
    return theirs.answers;
  }

  #say(text: string): void {
    this.#prompter.say(wrapText(text, this.#width).join('\n'));
  }

  /** Saves the file as this session has it beside the original, then stops. */
  async #stop(file: AnswersFile, key: string, why: string, problems: readonly InputProblem[]): Promise<never> {
    const copy = sideFile(this.#path);
    const text = edited(this.#known, file, key) ?? this.#known;
    try {
      await writeFileAtomic(copy, text, { replace: false });
    } catch {
      const answer = file.answers[key] as AnswerDetail;
      throw new ChangedOnDisk(
        this.#path,
        '',
        `${why}, and no copy could be saved beside it either; the level agreed for ${key} was ${scalar(answer.score)}, reason: ${JSON.stringify(answer.agreed ?? '')}`,
        problems,
      );
    }
    throw new ChangedOnDisk(this.#path, copy, why, problems);
  }
}

/** `text` with the answer at `key` saying what `file` says of its score, evidence and agreed; undefined if it cannot be done safely. */
function edited(text: string, file: AnswersFile, key: string): string | undefined {
  const want = file.answers[key] as AnswerDetail;
  let onDisk: unknown;
  try {
    onDisk = (parseYaml('', text).data as { answers?: Record<string, unknown> }).answers?.[key];
  } catch {
    return undefined;
  }
  if (onDisk === null || typeof onDisk !== 'object' || Array.isArray(onDisk)) {
    // No longer a mapping there (someone wrote a plain score over it): the whole answer, on one line.
    return editYaml(text, [{ path: ['answers', key], text: JSON.stringify(want) }], order);
  }
  const had = onDisk as Record<string, unknown>;
  const edits: YamlEdit[] = [];
  for (const field of FIELDS) {
    const value = want[field];
    if (JSON.stringify(had[field]) === JSON.stringify(value)) continue;
    edits.push({ path: ['answers', key, field], text: value === undefined ? undefined : field === 'score' ? scalar(value as ScoreText) : JSON.stringify(value) });
  }
  if (edits.length === 0) return text;
  return editYaml(text, edits, order);
}

type ScoreText = string | number | null;

/**
 * Whether two texts of the file hold the same answer at `key`, comments and layout aside (and the
 * order of keys); a text that does not parse holds nothing the same, so nothing is written over it.
 */
function sameAnswer(a: string, b: string, key: string): boolean {
  const at = (text: string): string | undefined => {
    try {
      const answers = (parseYaml('', text).data as { answers?: unknown } | null)?.answers;
      const answer = answers !== null && typeof answers === 'object' && Object.hasOwn(answers, key) ? (answers as Record<string, unknown>)[key] : undefined;
      return canonical(answer);
    } catch {
      return undefined;
    }
  };
  const [x, y] = [at(a), at(b)];
  return x !== undefined && x === y;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function order(path: readonly string[]): number {
  return path.length === 3 ? ANSWER_ORDER.indexOf(path[2]!) : 0;
}

function readIfThere(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
