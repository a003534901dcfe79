// combine <answers.yaml...> [--output FILE]: several assessors' answers files of one council -> one
// answers file with every view (SPEC "Several assessors"); the summary goes to stderr.
import { readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, parseDocument, Parser } from 'yaml';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { CombineInput, ExistingCombined } from '../../core/combine.js';
import { combine, combineProblems, existingOutputProblem } from '../../core/combine.js';
import { formatProblem, InputError, UsageError } from '../../core/errors.js';
import { builtinRubricIds } from '../../io/builtin.js';
import { rubricSourcePhrase } from '../../io/compiled-rubrics.js';
import type { LoadedAnswers, RubricCache } from '../../io/load.js';
import { answersFromParsed, loadAnswers, readYamlFile } from '../../io/load.js';
import type { ParsedYaml } from '../../io/yaml.js';
import { locate } from '../../io/yaml.js';
import { COMBINED_HEADER_START, renderCombinedFile, renderCombineSummary } from '../../render/combined-file.js';
import { EXIT } from '../exit-codes.js';
import { emit, ownStream, printWarnings, warn } from '../output.js';
import { refuseOutputOverInput } from '../outputs-safe.js';

export interface CombineCommandOptions {
  output?: string;
}

interface Read {
  parsed: ParsedYaml;
  loaded: LoadedAnswers;
}

export async function runCombine(files: readonly string[], options: CombineCommandOptions): Promise<number> {
  if (files.length < 2) {
    throw new UsageError(
      `combine needs two or more answers files, one from each assessor${files.length === 1 ? `; only ${files[0]} was given` : ''}`,
    );
  }
  const output = [{ file: options.output, option: '--output' }];
  refuseOutputOverInput(
    files.map((file) => ({ file, what: 'one of the answers files' })),
    output,
  );
  const cache: RubricCache = new Map();
  const read = await readAll(files, cache);
  refuseOutputOverInput(
    read.map((r) => ({ file: r.loaded.rubric.file, what: 'the rubric the answers files name' })),
    output,
  );
  const inputs: CombineInput[] = read.map(({ parsed, loaded }) => ({
    file: parsed.file,
    fileId: fileIdentity(parsed.file),
    answers: loaded.answers,
    rubric: { id: loaded.rubric.rubric.id, version: loaded.rubric.rubric.version, hash: loaded.rubric.hash, source: rubricSourcePhrase(loaded.rubric.file) },
    locate: (problem) => locate(parsed, problem),
  }));
  const first = read[0]!.loaded;
  const problems = combineProblems(inputs, first.rubric.rubric);
  if (problems.length > 0) throw new InputError(problems);
  const existing = await existingCombined(options.output, inputs[0]!, cache);
  printWarnings(read.flatMap((r) => r.loaded.warnings));
  const combination = combine(inputs, { rubric: first.rubric.rubric, rubricRef: rubricRefFor(first, options.output), existing });
  const before = existing ? readFileSync(existing.file, 'utf8') : undefined;
  const preamble = before !== undefined ? ownComments(before) : [];
  await emit(renderCombinedFile(combination.answers, first.rubric.rubric, { inputs: files, preamble }), options.output);
  const comments = before !== undefined ? commentPlaces(before) : [];
  for (const line of renderCombineSummary(combination.summary, { output: options.output, comments })) warn(line);
  return EXIT.ok;
}

function fileIdentity(file: string): string | undefined {
  try {
    const { dev, ino } = statSync(file);
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
}

/** Every file is read before any mistake is reported, so the user sees all of them at once, in command-line order. */
async function readAll(files: readonly string[], cache: RubricCache): Promise<Read[]> {
  const results = await Promise.allSettled(
    files.map(async (file) => {
      const parsed = await readYamlFile(file);
      return { parsed, loaded: await answersFromParsed(parsed, undefined, cache) };
    }),
  );
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 0) return results.map((r) => (r as PromiseFulfilledResult<Read>).value);
  const problems = failures.flatMap((e) => (e instanceof InputError ? e.problems : []));
  const other = failures.find((e) => !(e instanceof InputError));
  if (other === undefined) throw new InputError(problems);
  for (const p of problems) warn(formatProblem(p));
  throw other;
}

/**
 * The combined file already at --output: it is updated (its settled answers carried over) when it is
 * a combined file of this council and rubric, and otherwise left alone, with a message saying what to do.
 */
async function existingCombined(output: string | undefined, first: CombineInput, cache: RubricCache): Promise<ExistingCombined | undefined> {
  if (output === undefined || ownStream(output) !== undefined) return undefined;
  try {
    if (!statSync(output).isFile()) return undefined; // a device or FIFO is written to; a folder, writing reports
  } catch {
    return undefined; // not there yet (or not reachable: writing says why)
  }
  const refuse = (why: string, advice = 'choose another --output, or move that file away first') =>
    new UsageError(`--output ${output} already exists and ${why}, so combine will not replace it; ${advice}`);
  let loaded: LoadedAnswers;
  try {
    loaded = await loadAnswers(output, undefined, cache);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problem = error.problems[0];
    throw refuse(
      `cannot be read as a combined answers file${problem ? ` (${formatProblem(problem)})` : ''}`,
      'correct it if it is one (its settled answers are carried over), or choose another --output',
    );
  }
  const why = existingOutputProblem(
    { answers: loaded.answers, rubric: { id: loaded.rubric.rubric.id, version: loaded.rubric.rubric.version, hash: loaded.rubric.hash } },
    first,
  );
  if (why !== undefined) throw refuse(why);
  return { file: output, answers: loaded.answers };
}

/**
 * The comment lines a person wrote at the top of the combined file (above the header combine writes),
 * kept when it is written again. The rest of the file is combine's own and is laid out afresh.
 */
export function ownComments(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const kept: string[] = [];
  for (const line of lines) {
    if (line.startsWith(COMBINED_HEADER_START) || !/^\s*(#|$)/.test(line)) break;
    kept.push(line);
  }
  while (kept.length > 0 && kept.at(-1)!.trim() === '') kept.pop();
  return kept;
}

/** The note combine itself writes beside a disputed answer's key (render/combined-file.ts disputeNote). */
const DISPUTE_NOTE = /^# disputed: (views from -?\d+ to -?\d+|one view says n\/a, another gives a level)$/;

/**
 * Where the existing combined file has comments that are not kept: every comment below the top of
 * the file (the person's own lines and combine's header are above the first key), except combine's
 * own dispute notes, named by where they are: `on council`, `under answers:`, `on alpha.a1`.
 */
export function commentPlaces(text: string): string[] {
  const comments: number[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      if (!DISPUTE_NOTE.test(token.source.trim())) comments.push(token.offset);
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  for (const token of new Parser().parse(text)) walk(token);
  if (comments.length === 0) return [];
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return [];
  const keyed = (map: typeof doc.contents) =>
    map.items.flatMap((pair) => (isScalar(pair.key) && pair.key.range ? [{ name: String(pair.key.value), at: pair.key.range[0], value: pair.value }] : []));
  const top = keyed(doc.contents);
  const places: string[] = [];
  for (const offset of comments.sort((a, b) => a - b)) {
    const owner = top.filter((k) => k.at <= offset).at(-1);
    if (owner === undefined) continue; // the top of the file: kept (a person's lines) or combine's header
    let place = `on ${owner.name}`;
    if (owner.name === 'answers') {
      const answer = isMap(owner.value) ? keyed(owner.value).filter((k) => k.at <= offset).at(-1) : undefined;
      place = answer === undefined ? 'under answers:' : `on ${answer.name}`;
    }
    if (!places.includes(place)) places.push(place);
  }
  return places;
}

/** The combined file's `rubric:`: the first file's built-in id, or the rubric file's path as seen from where the output goes. */
function rubricRefFor(first: LoadedAnswers, output: string | undefined): string {
  const ref = first.answers.rubric;
  if (builtinRubricIds().includes(ref)) return ref;
  const folder = output === undefined || ownStream(output) !== undefined ? process.cwd() : dirname(resolve(output));
  const target = resolve(first.rubric.file);
  const rel = relative(folder, target).split('\\').join('/');
  // Climbing all the way to the root says nothing the absolute path does not, and reads worse.
  const depth = folder.split(/[\\/]/).filter(Boolean).length;
  if (isAbsolute(rel) || rel.split('/').filter((s) => s === '..').length >= depth) return target;
  return rel.startsWith('.') ? rel : `./${rel}`;
}
