// Loading rubric and answers files: read, parse with positions, check against the schema and the
// rubric, and turn every mistake into a located InputError.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { checkAnswers } from '../core/answers.js';
import type { InputProblem, Problem } from '../core/errors.js';
import { InputError, UsageError } from '../core/errors.js';
import { checkRubric } from '../core/rubric.js';
import { suggestion } from '../core/suggest.js';
import type { AnswersFile, Rubric } from '../core/types.js';
import { validateAnswers, validateRubric } from '../generated/validators.js';
import { builtinRubricIds, builtinRubricPath } from './builtin.js';
import { compiledRubricEntry, rubricHash } from './compiled-rubrics.js';
import { schemaProblems } from './schema-errors.js';
import { readTextFile } from './source.js';
import type { ParsedYaml } from './yaml.js';
import { locate, locateAll, parseYaml } from './yaml.js';

export interface LoadedRubric {
  rubric: Rubric;
  /** Where it was read from, as shown in messages. */
  file: string;
  /** rubricHash: with id and version, what tells this rubric from another that borrows its id. */
  hash: string;
}

export interface LoadedAnswers {
  answers: AnswersFile;
  rubric: LoadedRubric;
  file: string;
  /** Located warnings (answers to indicators that do not apply); the caller prints them. */
  readonly warnings: InputProblem[];
}

/**
 * Warnings are located only when read: finding a line costs a full parse, and a batch never shows
 * them. A class, because a getter written in an object literal gives every file's result a shape of
 * its own, which V8 keeps in the old generation (4 KB a file in a batch).
 */
class LoadedAnswersFile implements LoadedAnswers {
  #located: InputProblem[] | undefined;

  constructor(
    readonly answers: AnswersFile,
    readonly rubric: LoadedRubric,
    private readonly parsed: ParsedYaml,
    private readonly unlocated: readonly Problem[],
  ) {}

  get file(): string {
    return this.parsed.file;
  }

  get warnings(): InputProblem[] {
    return (this.#located ??= locateAll(this.parsed, this.unlocated));
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Reads and parses any YAML file, returning its `kind` so `validate` can dispatch. */
export async function readYamlFile(file: string): Promise<ParsedYaml> {
  return parseYaml(file, readTextFile(file));
}

export function kindOf(parsed: ParsedYaml): unknown {
  const data = parsed.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).kind : undefined;
}

/** A rubric given as a built-in id or a path (relative to `baseDir`). */
export async function loadRubric(ref: string, baseDir = process.cwd()): Promise<LoadedRubric> {
  const file = resolveRubricRef(ref, baseDir);
  if (SLUG.test(ref) && !existsSync(file)) {
    const ids = builtinRubricIds();
    throw new UsageError(`no built-in rubric "${ref}"${suggestion(ref, ids)} (built-in: ${ids.join(', ')}), and no file of that name`);
  }
  return loadRubricFile(file);
}

/** Built-in id first; otherwise a path. Undefined when it is neither. */
export function resolveRubricRef(ref: string, baseDir: string): string {
  if (SLUG.test(ref) && builtinRubricIds().includes(ref)) return builtinRubricPath(ref);
  return displayable(isAbsolute(ref) ? ref : resolve(baseDir, ref));
}

export async function loadRubricFile(file: string): Promise<LoadedRubric> {
  const text = readTextFile(file);
  const compiled = compiledRubricEntry(file, text);
  const rubric = compiled?.rubric ?? rubricFromParsed(parseYaml(file, text));
  return { rubric, file, hash: compiled?.hash ?? rubricHash(rubric) };
}

export function rubricFromParsed(parsed: ParsedYaml): Rubric {
  const problems = rubricProblems(parsed);
  if (problems.length > 0) throw new InputError(locateAll(parsed, problems));
  return parsed.data as Rubric;
}

function rubricProblems(parsed: ParsedYaml): Problem[] {
  const kind = kindProblem(parsed, 'rubric');
  if (kind) return [kind];
  if (!validateRubric(parsed.data)) return schemaProblems(validateRubric.errors ?? [], parsed.data);
  return checkRubric(parsed.data as Rubric);
}

/**
 * Loads an answers file and the rubric it names (or `rubricOverride`), checking one against the other.
 * Every problem in the file is reported together.
 */
export async function loadAnswers(file: string, rubricOverride?: string, cache?: RubricCache): Promise<LoadedAnswers> {
  return answersFromParsed(await readYamlFile(file), rubricOverride, cache);
}

/** Rubrics already read in this run, by path: a batch of many councils parses its rubric once. */
export type RubricCache = Map<string, Promise<LoadedRubric>>;

function cachedRubricFile(path: string, cache?: RubricCache): Promise<LoadedRubric> {
  if (!cache) return loadRubricFile(path);
  const key = resolve(path);
  let loaded = cache.get(key);
  if (!loaded) cache.set(key, (loaded = loadRubricFile(path)));
  return loaded;
}

export async function answersFromParsed(parsed: ParsedYaml, rubricOverride?: string, cache?: RubricCache): Promise<LoadedAnswers> {
  const kind = kindProblem(parsed, 'answers');
  if (kind) throw new InputError([locate(parsed, kind)]);
  const data = parsed.data as Record<string, unknown>;
  let problems = validateAnswers(data) ? [] : schemaProblems(validateAnswers.errors ?? [], data);

  let rubric: LoadedRubric | undefined;
  if (rubricOverride !== undefined) {
    rubric = cache ? await cachedRubricFile(resolveRubricRef(rubricOverride, process.cwd()), cache) : await loadRubric(rubricOverride);
  } else if (typeof data.rubric === 'string' && data.rubric.trim() !== '') {
    const ref = data.rubric;
    const path = resolveRubricRef(ref, dirname(parsed.file));
    if (!cache?.has(resolve(path)) && !existsSync(path)) {
      problems.push({ path: ['rubric'], message: missingRubricMessage(ref, path) });
    } else {
      rubric = await cachedRubricFile(path, cache);
    }
  }

  let unlocated: Problem[] = [];
  if (rubric && isObject(data.answers) && isObject(data.council)) {
    const checked = checkAnswers(data as unknown as AnswersFile, rubric.rubric);
    // A rubric-aware message ("7 is not on the scale 0-3", "not an indicator") beats the schema's
    // generic ones at the same place or beneath it.
    // A set of paths rather than a search through them, and concat rather than push(...): a file
    // with 150,000 unknown keys has as many problems, which would be quadratic or overflow the stack.
    const specific = new Set(checked.errors.map((p) => pathId(p.path)));
    const beaten = (p: Problem) => p.path.some((_, i) => specific.has(pathId(p.path.slice(0, i + 1)))) || specific.has('');
    problems = problems.filter((p) => !beaten(p)).concat(checked.errors);
    unlocated = checked.warnings;
  }
  if (problems.length > 0) throw new InputError(locateAll(parsed, problems));
  if (!rubric) throw new Error('unreachable: a schema-valid answers file always names a rubric');
  return new LoadedAnswersFile(data as unknown as AnswersFile, rubric, parsed, unlocated);
}

function kindProblem(parsed: ParsedYaml, want: 'rubric' | 'answers'): Problem | undefined {
  const data = parsed.data;
  if (!isObject(data)) {
    return { path: [], message: `expected a mapping with "kind: ${want}", but the file holds ${Array.isArray(data) ? 'a list' : 'a single value'}` };
  }
  if (data.kind === want) return undefined;
  if (data.kind === undefined) return { path: [], message: `"kind:" is missing; expected kind: ${want}` };
  return { path: ['kind'], message: `expected kind: ${want}, found ${JSON.stringify(data.kind)}` };
}

/** A path as one string, for sets (segments joined by NUL, which no real key holds). */
function pathId(path: readonly (string | number)[]): string {
  return path.map(String).join('\u0000');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Paths in messages read best relative to where the user is. */
function displayable(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

/** What is wrong with a file's `rubric:` that names nothing: a misspelt built-in id, or a path to no file. */
export function missingRubricMessage(ref: string, path: string): string {
  const ids = builtinRubricIds();
  return SLUG.test(ref)
    ? `no built-in rubric "${ref}"${suggestion(ref, ids)} (built-in: ${ids.join(', ')}); or give a path to a rubric file`
    : `rubric file not found: ${path}`;
}
