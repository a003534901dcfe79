// Reading back the output of "batch --format json", as merge and assess --cohort need it: checked
// against schemas/batch.schema.json, every mistake a located one-line error.
import type { BatchResult, Cohort } from '../core/batch.js';
import { cohortProblems, councilFileKey } from '../core/batch.js';
import { groupProblems } from '../core/groups.js';
import type { InputProblem, PathSegment, Problem } from '../core/errors.js';
import { formatPath, InputError, UsageError } from '../core/errors.js';
import type { RubricIdentity } from '../core/rubric-identity.js';
import { rubricDifference, rubricName } from '../core/rubric-identity.js';
import { validateBatch } from '../generated/validators.js';
import { rubricSourcePhrase } from './compiled-rubrics.js';
import { schemaProblems } from './schema-errors.js';
import { decodeText, JSON_LIMITS, readRegularFile } from './source.js';
import type { ParsedYaml } from './yaml.js';
import { displayPath, limitProblems, locateAll } from './yaml.js';

export function readBatchJson(file: string): BatchResult {
  const whole = (message: string, line = 1, col = 1) => new InputError([{ file, line, col, path: '', message }]);
  // A regular file of at most 200 MB, or a located error: a FIFO or device would block or never end.
  const buffer = readRegularFile(file, JSON_LIMITS);
  const text = decodeText(file, buffer);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(file, text, (err as Error).message);
  }
  const object = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (!object || !('councils' in object) || !('cohort' in object)) throw whole('not the output of "batch --format json"');
  const valid = validateBatch(data);
  // JSON.parse keeps the last of a repeated key without a word; a repeat is the first thing to fix.
  if (!valid || !keysAllKept(text, data as BatchResult)) {
    const repeated = repeatedKeys(file, text);
    if (repeated.length > 0) throw new InputError(limitProblems(repeated));
  }
  const problems = valid ? consistencyProblems(data as BatchResult) : schemaProblems(validateBatch.errors ?? [], data);
  if (problems.length > 0) throw new InputError(located({ file, text, data }, problems.map(inJsonWords)));
  return data as BatchResult;
}

function colonsIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/**
 * Whether the parsed data has every key the text writes, cheaply: each key in JSON is followed by
 * one colon outside strings, so the text's colons are the data's keys plus the colons inside its
 * strings. Fewer keys than that means a key was repeated (or a colon was written as \u003a, which
 * repeatedKeys then clears). For data the schema has passed, so each council has exactly its six
 * keys: about 10 ms for a cohort of 30,000 councils, of about 400 ms for assess --cohort.
 */
function keysAllKept(text: string, batch: BatchResult): boolean {
  const inString = (s: string) => (s.includes(':') ? colonsIn(s) : 0);
  let counted = 0;
  const inside = (value: unknown) => {
    if (typeof value === 'object' && value !== null) walk(value);
    else if (typeof value === 'string') counted += inString(value);
  };
  const walk = (node: object): void => {
    if (Array.isArray(node)) for (const value of node) inside(value);
    else {
      for (const key in node) {
        counted += 1 + inString(key);
        inside((node as Record<string, unknown>)[key]);
      }
    }
  };
  const { councils, ...rest } = batch;
  inside(rest);
  counted += 1; // "councils" itself
  for (const row of councils) {
    counted += 6 + inString(row.file) + inString(row.council) + (row.band === null ? 0 : inString(row.band));
    if (row.group !== undefined) counted += 1 + (row.group === null ? 0 : inString(row.group));
    for (const id in row.characteristics) counted += 1 + inString(id);
  }
  return colonsIn(text) === counted;
}

/**
 * Every key that repeats one before it in the same object, at the repeat: a scan of text that
 * JSON.parse has already taken, so only strings, brackets and commas need telling apart.
 */
function repeatedKeys(file: string, text: string): InputProblem[] {
  interface Frame {
    keys?: Map<string, number>;
    key?: string;
    index: number;
    expectKey: boolean;
  }
  const stack: Frame[] = [];
  const found: { at: number; first: number; path: PathSegment[] }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const first = top.keys.get(key);
        if (first === undefined) top.keys.set(key, i);
        else found.push({ at: i, first, path: [...stack.slice(0, -1).map((f) => (f.keys ? f.key! : f.index)), key] });
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 0x7b) stack.push({ keys: new Map(), index: 0, expectKey: true });
    else if (c === 0x5b) stack.push({ index: 0, expectKey: false });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  const position = positions(text, found.flatMap((f) => [f.at, f.first]));
  return found.map(({ at, first, path }) => ({
    file,
    ...position(at),
    path: formatPath(path),
    message: `is given twice in the same object (first at line ${position(first).line}); only the last would be read, so keep one`,
  }));
}

/** Line and column of each offset, in one pass over the text. */
function positions(text: string, offsets: readonly number[]): (offset: number) => { line: number; col: number } {
  const at = new Map<number, { line: number; col: number }>();
  let line = 1;
  let lineStart = 0;
  let next = 0;
  for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
    for (let nl = text.indexOf('\n', next); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
      next = nl + 1;
    }
    at.set(offset, { line, col: offset - lineStart + 1 });
  }
  return (offset) => at.get(offset)!;
}

/**
 * Positions come from the YAML parser (JSON is YAML), only now that an error needs one: a batch JSON
 * can be tens of megabytes. Should that parser not take the text, the problems keep their paths.
 */
function located(parsed: ParsedYaml, problems: readonly Problem[]): InputProblem[] {
  try {
    return locateAll(parsed, problems);
  } catch {
    return problems.map((p) => ({ file: parsed.file, line: 1, col: 1, path: p.label ?? displayPath(p.path, parsed.data), message: p.message }));
  }
}

/** The schema's messages speak YAML (answers and rubric files); a batch file is JSON. */
const JSON_WORDS: [string, string][] = [
  ['an empty value', 'null'],
  ['a mapping (key: value lines)', 'an object ({...})'],
  ['a mapping', 'an object'],
  ['a list (lines starting with "- ")', 'an array ([...])'],
  ['a list', 'an array'],
  ['nothing (leave it empty)', 'null'],
];

function inJsonWords(problem: Problem): Problem {
  let message = problem.message;
  for (const [yaml, json] of JSON_WORDS) message = message.split(yaml).join(json);
  return { ...problem, message };
}

/**
 * What the schema cannot say: no council file is listed twice (however its path is spelt), every
 * council has the cohort's characteristics, and the cohort's statistics are those of its councils.
 */
function consistencyProblems(batch: BatchResult): Problem[] {
  const problems: Problem[] = [];
  const cwd = process.cwd();
  const seen = new Map<string, string>();
  const note = (file: string, where: string, path: Problem['path']) => {
    const key = councilFileKey(file, cwd);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, where);
    else problems.push({ path, message: `${JSON.stringify(file)} is listed twice in this file (first at ${first}); each council file is scored once` });
  };
  batch.councils.forEach((row, i) => note(row.file, `councils[${i}]`, ['councils', i, 'file']));
  batch.invalid.forEach((bad, i) => note(bad.file, `invalid[${i}]`, ['invalid', i, 'file']));
  problems.push(...characteristicProblems(batch));
  const rowsSound = problems.length === 0;
  problems.push(...cohortProblems(batch, rowsSound));
  if (rowsSound) problems.push(...groupProblems(batch, (part) => cohortProblems(part, true)));
  return problems;
}

/**
 * Councils whose characteristics are not the cohort's. When every council has the same ones and
 * only the cohort differs, the cohort's entry is what is wrong, and is named once.
 */
function characteristicProblems(batch: BatchResult): Problem[] {
  const ids = Object.keys(batch.cohort.characteristics);
  const setOf = (list: readonly string[]) => JSON.stringify([...list].sort());
  const expected = setOf(ids);
  // Nearly always the same keys in the same order: that is checked without sorting.
  const same = (have: readonly string[]) => (have.length === ids.length && have.every((id, i) => id === ids[i])) || setOf(have) === expected;
  const differing = batch.councils.map((row, i) => ({ i, have: Object.keys(row.characteristics) })).filter((c) => !same(c.have));
  const theirs = differing[0]?.have;
  if (theirs && differing.length === batch.councils.length && differing.every((c) => setOf(c.have) === setOf(theirs))) {
    const problems: Problem[] = ids
      .filter((id) => !theirs.includes(id))
      .map((id) => ({
        path: ['cohort', 'characteristics', id],
        at: 'key',
        message: `is not a characteristic of the councils in this file (they have ${theirs.join(', ') || '(none)'}); expected statistics for theirs only`,
      }));
    const missing = theirs.filter((id) => !ids.includes(id));
    if (missing.length > 0) {
      problems.push({
        path: ['cohort', 'characteristics'],
        message: `has no statistics for ${missing.join(', ')}, which every council in this file has; expected statistics for each of their characteristics`,
      });
    }
    return problems;
  }
  return differing.map(({ i, have }) => ({
    path: ['councils', i, 'characteristics'],
    message: `has the characteristics ${have.join(', ') || '(none)'}; expected those of the cohort: ${ids.join(', ') || '(none)'}`,
  }));
}

function jsonSyntaxError(file: string, text: string, message: string): InputError {
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : /Unexpected end of JSON input/.test(message) ? text.length : undefined;
  const before = text.slice(0, offset ?? 0).split('\n');
  const what = message
    .replace(/, ".*$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the file ends too soon')
    .replace(/^./, (c) => c.toLowerCase());
  return new InputError([
    { file, line: before.length, col: (before.at(-1) ?? '').length + 1, path: '', message: `is not valid JSON (${what}); expected the output of "batch --format json"` },
  ]);
}

/**
 * The cohort of a batch JSON, if it was scored with the same rubric as the council to place in it:
 * the same id, version and content. A batch JSON from before the hash was added is taken on its id
 * and version, with a warning.
 */
export function readCohort(file: string, rubric: RubricIdentity & { file: string }, scoredFrom: string): { cohort: Cohort; batch: BatchResult; warning?: string } {
  const batch = readBatchJson(file);
  const theirs = batch.rubric;
  switch (rubricDifference(theirs, rubric)) {
    case 'id':
      throw new UsageError(`${file} is a cohort scored with rubric "${theirs.id}", but this council was scored with "${rubric.id}"`);
    case 'version':
      throw new UsageError(
        `${file} is a cohort scored with rubric ${rubricName(theirs)}, but ${scoredFrom} was scored with version ${rubric.version}; run the batch again with this version`,
      );
    case 'content':
      throw new UsageError(
        `${file} is a cohort scored with a rubric ${rubricName(theirs)} whose content differs from ${rubricSourcePhrase(rubric.file)}, which ${scoredFrom} was scored with (same id and version, other content), so the council cannot be placed in that cohort`,
      );
    case 'unknown':
      return {
        cohort: batch.cohort,
        batch,
        warning: `warning: ${file} has no rubric hash (it was written by an older version of council-resilience), so only the rubric's id and version were checked; run its batch again to check the content too`,
      };
    case 'same':
      return { cohort: batch.cohort, batch };
  }
}
