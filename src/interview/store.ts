// Where the interview's answers live on disk. Every save first looks at the file: when someone else
// changed it since this interview last read or wrote it, their answers are merged in (see merge.ts);
// when the file cannot be written, the answers stay in memory and the person is asked for another file.
import { accessSync, constants, existsSync, lstatSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { InputProblem } from '../core/errors.js';
import { InputError } from '../core/errors.js';
import type { Answer, AnswersFile, Rubric } from '../core/types.js';
import { indicatorKeys } from '../core/rubric.js';
import { builtinRubricIds } from '../io/builtin.js';
import { FileWriteError, isReadOnlyMode, writeFailureWords, writeFileAtomic } from '../io/files.js';
import { count } from '../render/format.js';
import { answersFromParsed } from '../io/load.js';
import { decodeText } from '../io/source.js';
import { parseYaml } from '../io/yaml.js';
import { editYaml } from '../io/yaml-edit.js';
import { answerText, renderAnswersFile, scalar } from '../render/answers-file.js';
import type { Disagreement } from './merge.js';
import { changedFields, mergeAnswers, noteChanges } from './merge.js';
import type { Prompter } from './prompter.js';

/**
 * Why an answers file cannot be saved at `path`, as the end of "cannot save answers to PATH: ...";
 * undefined when it can. Decided on the mode bits as well as access(2): root may write anything, but
 * a file or folder with no write permission for anyone was made read-only on purpose.
 */
export function whyNotWritable(path: string): string | undefined {
  if (/[\\/]$/.test(path)) return 'a name ending in "/" is a folder; give a file name, not a folder';
  const folder = dirname(path);
  let stats;
  try {
    stats = statSync(path);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOTDIR') return `${fileAbove(path)} is a file, not a folder`;
    if (code === 'EACCES') return `you do not have permission to open ${named(folder)}`;
    if (code !== 'ENOENT') return describeFsError(err);
  }
  if (stats) {
    if (stats.isDirectory()) return 'it is a folder';
    if (!stats.isFile()) return 'it is not a regular file';
    const denied = writeDenied(path, stats.mode);
    if (denied) return denied === 'EROFS' ? 'the file system is read-only' : denied === 'mode' ? 'the file is read-only' : 'you do not have permission to change the file';
  }
  return whyFolderNotWritable(folder);
}

/** Why no file can be made in `folder` (as the end of a sentence), or undefined when one can. */
export function whyFolderNotWritable(folder: string): string | undefined {
  let folderStats;
  try {
    folderStats = statSync(folder);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return `${named(folder)} does not exist`;
    if (code === 'ENOTDIR') return `${fileAbove(folder)} is a file, not a folder`;
    return describeFsError(err);
  }
  if (!folderStats.isDirectory()) return `${folder} is not a folder`;
  const denied = writeDenied(folder, folderStats.mode);
  if (denied === 'EROFS') return 'the file system is read-only';
  if (denied === 'mode') return `${named(folder)} is read-only`;
  if (denied) return `you do not have permission to write in ${named(folder)}`;
  return undefined;
}

function named(folder: string): string {
  return folder === '.' || resolve(folder) === process.cwd() ? `the current folder (${process.cwd()})` : `the folder ${folder}`;
}

/** 'mode': no write permission bit for anyone (root included); else what access(2) says. */
function writeDenied(path: string, mode: number): 'mode' | 'EROFS' | 'access' | undefined {
  if (isReadOnlyMode(mode)) return 'mode';
  try {
    accessSync(path, constants.W_OK);
  } catch (err) {
    return errnoCode(err) === 'EROFS' ? 'EROFS' : 'access';
  }
  return undefined;
}

/** The nearest ancestor of `path` that exists and is not a folder (for "x is a file, not a folder"); symbolic links followed. */
function fileAbove(path: string): string {
  let at = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!lstatSync(at).isSymbolicLink()) break;
      at = resolve(dirname(at), readlinkSync(at));
    } catch {
      break;
    }
  }
  const start = at;
  while (dirname(at) !== at) {
    at = dirname(at);
    try {
      if (!statSync(at).isDirectory()) return at;
    } catch {
      // not there, or not reachable: keep climbing
    }
  }
  return dirname(start);
}

function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

function describeFsError(err: unknown): string {
  const code = errnoCode(err);
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'your disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'its folder no longer exists';
    case 'EISDIR':
      return 'it is a folder';
    case 'EIO':
      return 'the disk reported an input/output error';
    case 'ENOTDIR':
      return 'part of its path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'its symbolic links go round in a loop';
    default: {
      // "EXDEV: cross-device link not permitted, rename 'a' -> 'b'" -> "cross-device link not permitted (EXDEV)"
      const message = String((err as Error)?.message ?? err);
      const words = /^[A-Z0-9_]+: ([^,]+)/.exec(message)?.[1] ?? message;
      return code ? `the system refused: ${words} (${code})` : words;
    }
  }
}

/** The file changed on disk into something that cannot be merged; this person's answers went to `copy`. */
export class ChangedOnDisk extends Error {
  constructor(
    readonly path: string,
    readonly copy: string,
    readonly why: string,
    readonly problems: readonly InputProblem[],
  ) {
    super(`${path} ${why}`);
    this.name = 'ChangedOnDisk';
  }
}

export interface StoreOptions {
  path: string;
  rubric: Rubric;
  /** The file as this interview read it (a resumed file), or undefined for a new one. */
  read?: AnswersFile;
  /** The text on disk when the interview started (null: no file), so the first save sees later changes. */
  text: string | null;
  /** The --rubric given to the command, used to re-read the file the same way. */
  rubricOverride?: string;
  prompter: Prompter;
}

export class AnswersStore {
  #path: string;
  readonly #rubric: Rubric;
  readonly #rubricOverride: string | undefined;
  readonly #prompter: Prompter;
  /** The text this interview last read from or wrote to #path; null when there was no file. */
  #known: string | null;
  /** The file as last read or written, the base of a merge. */
  #synced: AnswersFile | undefined;
  /** Every field this interview changed in this session (to tell this person when someone else replaces one). */
  readonly #touched = new Set<string>();
  /** Disagreements already shown, so each is told once. */
  readonly #told = new Set<string>();
  #saved: { path: string; file: AnswersFile } | undefined;

  constructor(options: StoreOptions) {
    this.#path = options.path;
    this.#rubric = options.rubric;
    this.#rubricOverride = options.rubricOverride;
    this.#prompter = options.prompter;
    this.#known = options.text;
    this.#synced = options.read && structuredClone(options.read);
    if (options.read && options.text !== null) this.#saved = { path: options.path, file: structuredClone(options.read) };
  }

  /** Where the answers are being saved now (it changes when the person chooses another file). */
  get path(): string {
    return this.#path;
  }

  /** The last file saved and where, if that file is still there. */
  saved(): { path: string; file: AnswersFile } | undefined {
    return this.#saved && existsSync(this.#saved.path) ? this.#saved : undefined;
  }

  /**
   * Saves the whole file, merging in what someone else saved meanwhile (`file` is updated in place,
   * so the interview sees their answers too). Nothing is written when nothing in the file changed;
   * an existing file is edited in place, so what people wrote in it (comments, notes, layout)
   * stays. When the file cannot be written, asks for another one and saves there; an interrupt at
   * that question leaves the answers unsaved and propagates.
   */
  async save(file: AnswersFile): Promise<void> {
    for (;;) {
      let why: string | undefined;
      try {
        const plan = await this.#plan(file);
        if (plan.text === undefined) {
          this.#synced = structuredClone(file);
          this.#known = plan.disk;
          this.#saved = { path: this.#path, file: structuredClone(file) };
          return;
        }
        why = whyNotWritable(this.#path);
        if (why === undefined) {
          await writeFileAtomic(this.#path, plan.text);
          this.#known = plan.text;
          this.#synced = structuredClone(file);
          this.#saved = { path: this.#path, file: structuredClone(file) };
          if (plan.deleted) this.#prompter.say(`${this.#path} was deleted while you were answering; it is saved again with your answers.`);
          return;
        }
      } catch (err) {
        if (err instanceof FileWriteError) why = whyNotWritable(this.#path) ?? writeFailureWords(err);
        else if (errnoCode(err) !== undefined) why = whyNotWritable(this.#path) ?? describeFsError(err);
        else throw err;
      }
      this.#prompter.say(`Could not save your answers to ${this.#path}: ${why}. They are kept until they can be saved.`);
      const from = this.#path;
      await this.#chooseAnotherFile();
      file.rubric = rebaseRubric(file.rubric, from, this.#path);
    }
  }

  /**
   * Reads the file, merges in what someone else changed, and decides what to write: undefined when
   * the file on disk already says all of `file`; else `file` edited into the text on disk, or the
   * whole file rendered anew when there is none (or it is one the person agreed to replace).
   */
  async #plan(file: AnswersFile): Promise<{ text: string | undefined; disk: string | null; deleted: boolean }> {
    noteChanges(this.#synced, file, this.#touched);
    const bytes = readIfThere(this.#path);
    const disk = bytes === null ? null : bytes.toString('utf8');
    // What the text on disk means, when it is known: undefined for a file being replaced.
    let onDisk = this.#synced;
    let deleted = false;
    if (disk !== this.#known) {
      if (disk === null) {
        deleted = this.#known !== null;
        onDisk = undefined;
      } else onDisk = await this.#mergeFrom(bytes!, file);
    }
    if (disk === null || onDisk === undefined) return { text: this.#render(file), disk, deleted };
    const changes = changedFields(onDisk, file);
    if (changes.length === 0) return { text: undefined, disk, deleted };
    const order = indicatorKeys(this.#rubric);
    const profile = (this.#rubric.profile ?? []).map((f) => f.id);
    const edited = editYaml(
      disk,
      changes.map(({ field, value }) => ({
        path: field.startsWith('answers.') ? ['answers', field.slice('answers.'.length)] : field.startsWith('council.') ? ['council', field.slice('council.'.length)] : [field],
        text: value === undefined ? undefined : field.startsWith('answers.') ? answerText(value as Answer) : scalar(value as string | null),
      })),
      (path) =>
        path[0] === 'answers' && path.length === 2
          ? order.indexOf(path[1]!)
          : path[0] === 'council' && path.length === 2
            ? (path[1] === 'name' ? -1 : profile.indexOf(path[1]!))
            : ROOT_ORDER.indexOf(path[0]!),
    );
    return { text: edited ?? this.#render(file), disk, deleted };
  }

  #render(file: AnswersFile): string {
    return renderAnswersFile(file, this.#rubric);
  }

  /** Merges the file someone else saved into `file`; returns what that file says (the new base). */
  async #mergeFrom(bytes: Buffer, file: AnswersFile): Promise<AnswersFile> {
    let theirs: AnswersFile;
    try {
      theirs = (await answersFromParsed(parseYaml(this.#path, decodeText(this.#path, bytes)), this.#rubricOverride)).answers;
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return this.#stop(file, 'was changed by someone else while you were answering and is no longer a valid answers file', err.problems);
    }
    if (theirs.rubric !== file.rubric) {
      return this.#stop(file, `was changed by someone else while you were answering and now names the rubric ${JSON.stringify(theirs.rubric)}, not ${JSON.stringify(file.rubric)}`, []);
    }
    const merged = mergeAnswers(this.#synced, file, theirs);
    replaceContents(file, merged.file);
    const fresh = merged.disagreements.filter((d) => {
      const id = `${d.field}\0${JSON.stringify(d.theirs)}\0${JSON.stringify(d.mine)}`;
      if (this.#told.has(id)) return false;
      this.#told.add(id);
      return true;
    });
    // An answer this person gave in this interview that the other writer has since replaced: said
    // one by one, so nobody's answer leaves the file unannounced.
    const replaced = merged.taken.filter((t) => this.#touched.has(t.field) && t.mine !== undefined);
    const rest = merged.taken.filter((t) => !replaced.includes(t)).map((t) => t.field);
    // Only what changed the answers is worth a word: a file the other person merely reformatted is not.
    if (merged.taken.length === 0 && fresh.length === 0) return theirs;
    const say = (line: string) => this.#prompter.say(line);
    const answers = rest.filter((f) => f.startsWith('answers.')).length;
    const others = rest.filter((f) => !f.startsWith('answers.'));
    const kept = [
      ...(answers > 0 ? [`their ${count(answers, 'answer')} to questions you have not changed`] : []),
      ...others.map((f) => `their ${f.replace('.', ' ')}`),
    ];
    say('');
    say(
      `Someone else saved answers in ${this.#path} while you were answering` +
        (kept.length > 0 ? `; ${kept.join(' and ')} ${kept.length > 1 || answers > 1 ? 'are' : 'is'} kept.` : '.'),
    );
    for (const t of replaced) say(`  ${this.#replacedLine(t)}`);
    if (fresh.length > 0) {
      say(`They answered ${count(fresh.length, 'question')} differently from you. Your answers are kept in the file; theirs were:`);
      for (const d of fresh) say(`  ${this.#describe(d)}`);
    }
    return theirs;
  }

  /** `alpha.a2: someone else has since answered 1 Some (you said 3 All); theirs is now in the file` */
  #replacedLine(t: Disagreement): string {
    const name = t.field.startsWith('answers.') ? t.field.slice('answers.'.length) : t.field;
    const mine = this.#value(t.field, t.mine);
    if (t.theirs === undefined) return `${name}: someone else has since removed it (you said ${mine}); the file now has no answer there`;
    const verb = t.field.startsWith('answers.') ? 'answered' : 'set it to';
    return `${name}: someone else has since ${verb} ${this.#value(t.field, t.theirs)} (you said ${mine}); theirs is now in the file`;
  }

  #describe(d: Disagreement): string {
    const name = d.field.startsWith('answers.') ? d.field.slice('answers.'.length) : d.field;
    return `${name}: they said ${this.#value(d.field, d.theirs)}; you said ${this.#value(d.field, d.mine)}`;
  }

  #value(field: string, value: unknown): string {
    if (!field.startsWith('answers.')) return value === undefined ? 'nothing' : value === null ? "don't know" : JSON.stringify(value);
    const detail = value !== null && typeof value === 'object' ? (value as { score: unknown; evidence?: string; confidence?: string }) : { score: value };
    const score = detail.score;
    const level = this.#rubric.scale.find((l) => l.value === score);
    let out =
      score === undefined || score === null
        ? 'no answer'
        : level
          ? `${level.value} ${level.label}`
          : score === 'unknown'
            ? "Don't know"
            : score === 'n/a'
              ? 'Not applicable'
              : JSON.stringify(score);
    if (detail.evidence !== undefined) out += ` (evidence: ${JSON.stringify(detail.evidence)})`;
    return out;
  }

  /** Writes this person's answers to a new file beside the original, then stops the interview. */
  async #stop(file: AnswersFile, why: string, problems: readonly InputProblem[]): Promise<never> {
    const original = this.#path;
    this.#path = sideFile(original);
    this.#known = null;
    this.#synced = undefined;
    await this.save(file);
    throw new ChangedOnDisk(original, this.#path, why, problems);
  }

  async #chooseAnotherFile(): Promise<void> {
    for (;;) {
      const typed = (await this.#prompter.input({ message: 'Type the path of another file to save your answers in:', required: true })).trim();
      if (typed === '') continue;
      const path = typed === '~' || typed.startsWith('~/') ? join(homedir(), typed.slice(1)) : typed;
      const why = whyNotWritable(path) ?? (existsSync(path) ? 'it already exists; type the name of a new file, so that nothing in it is replaced' : undefined);
      if (why === undefined) {
        this.#path = path;
        this.#known = null;
        this.#synced = undefined;
        return;
      }
      this.#prompter.say(`Cannot save to ${path}: ${why}.`);
    }
  }
}

/** Where a new top-level field goes, as renderAnswersFile orders them. */
const ROOT_ORDER = ['schemaVersion', 'kind', 'rubric', 'council', 'assessedOn', 'assessor', 'answers'];

/** `leeds.answers.yaml` -> `leeds.answers.copy.yaml`, or `.copy-2.yaml` ... if that exists. */
export function sideFile(path: string): string {
  const name = basename(path);
  const stem = name.replace(/\.ya?ml$/i, '');
  const ext = name.slice(stem.length) || '.yaml';
  for (let n = 1; ; n++) {
    const candidate = join(dirname(path), `${stem}.copy${n === 1 ? '' : `-${n}`}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** A rubric named by a path is relative to the answers file's folder: keep it pointing at the same file. */
function rebaseRubric(ref: string, from: string, to: string): string {
  if (builtinRubricIds().includes(ref) || isAbsolute(ref)) return ref;
  const rel = relative(dirname(resolve(to)), resolve(dirname(from), ref)).split('\\').join('/');
  return isAbsolute(rel) || rel.startsWith('.') ? rel : `./${rel}`;
}

function readIfThere(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw err;
  }
}

function replaceContents(target: AnswersFile, source: AnswersFile): void {
  for (const key of Object.keys(target) as (keyof AnswersFile)[]) if (!(key in source)) delete target[key];
  Object.assign(target, source);
}

