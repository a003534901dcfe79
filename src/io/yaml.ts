import { createRequire } from 'node:module';
import type * as YamlLibrary from 'yaml';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import type { InputProblem, PathSegment, Problem } from '../core/errors.js';
import { formatPath, InputError } from '../core/errors.js';
import { thousands } from '../core/visible.js';
import type { PlainNode, PlainPosition } from './plain-yaml.js';
import { parsePlainYaml, plainPositions } from './plain-yaml.js';

let library: typeof YamlLibrary | undefined;
/**
 * The YAML library, loaded on first use: plain answers files and compiled built-in rubrics never
 * need it, and loading it is a good part of a command's start-up.
 */
function yaml(): typeof YamlLibrary {
  return (library ??= createRequire(import.meta.url)('yaml') as typeof YamlLibrary);
}

/** Far more aliases than any real rubric or answers file needs; a "billion laughs" file hits it at once. */
const MAX_ALIAS_COUNT = 100;

/** Problems listed for one file; past this a line says how many more, so 150,000 mistakes print 101 lines. */
export const MAX_PROBLEMS = 100;

export interface ParsedYaml {
  file: string;
  text: string;
  data: unknown;
}

interface Positioned {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** The full parse of each file, kept only for files that needed it, so positions cost nothing until an error or warning needs one. */
const positionsOf = new WeakMap<ParsedYaml, Positioned>();

function positioned(parsed: ParsedYaml): Positioned {
  let found = positionsOf.get(parsed);
  if (!found) positionsOf.set(parsed, (found = parseFully(parsed.file, parsed.text, false)));
  return found;
}

/**
 * Parses YAML; syntax errors, an empty file or an alias bomb become InputErrors. Plain files take a
 * fast path; anything else (and every position, when one is needed) comes from the full parser.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const plain = parsePlainYaml(text);
  if (plain !== undefined) return { file, text, data: plain };
  const full = parseFully(file, text);
  const parsed: ParsedYaml = { file, text, data: full.data };
  positionsOf.set(parsed, full);
  return parsed;
}

/**
 * The `yaml` library's parse, keeping every node's position. `withData: false` is for a file the
 * plain reader already read, which therefore has no errors, aliases or duplicate keys: only its
 * positions are wanted, and building its data again would double the work on a large file.
 */
function parseFully(file: string, text: string, withData = true): Positioned & { data: unknown } {
  const { isScalar, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    // Checked below in one pass: the library's own check compares each key with every key before
    // it, which takes minutes for a mapping of 150,000 keys.
    uniqueKeys: false,
    strict: true,
    merge: false,
    schema: 'core',
  });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (!withData && doc.errors.length === 0) return { doc, lineCounter, data: undefined };
  const errors = [
    // Nesting too deep stops the library more than once; once is enough to say so.
    ...doc.errors
      .filter((e, i, all) => e.code !== 'RESOURCE_EXHAUSTION' || all.findIndex((f) => f.code === e.code) === i)
      .map((e) => ({ offset: e.pos[0], code: e.code as string, message: e.message })),
    ...duplicateKeys(doc).map(({ offset, path }) => ({ offset, code: 'DUPLICATE_KEY', message: '', path })),
  ].sort((a, b) => a.offset - b.offset);
  if (errors.length > 0) {
    throw new InputError(
      limitProblems(
        errors.map((e) => {
          const { line, col } = at(e.offset);
          // A duplicate key is named by its full path, as every other problem is (a plan's
          // `approach.staff-in-communities.owner`); past the first MAX_PROBLEMS, by the key as written.
          // A bounded slice: the rest of a large file, once per error, would be quadratic.
          const path = 'path' in e ? (e.path as PathSegment[] | undefined) : undefined;
          const key =
            e.code !== 'DUPLICATE_KEY' ? '' : path !== undefined ? duplicateLabel(doc, path) : (/^[^:\n]*/.exec(text.slice(e.offset, e.offset + 2048))?.[0].trim() ?? '');
          return { file, line, col, path: key, message: yamlMessage(e.code, e.message) };
        }),
      ),
    );
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new InputError([{ file, line: 1, col: 1, path: '', message: 'the file is empty; expected a YAML mapping with a "kind:" line' }]);
  }
  const undefinedAlias = firstUndefinedAlias(doc);
  if (undefinedAlias) {
    const { line, col } = at(undefinedAlias.range?.[0] ?? 0);
    const name = undefinedAlias.source;
    throw new InputError([
      {
        file,
        line,
        col,
        path: '',
        message: `the alias *${name} is not defined: no anchor &${name} comes before it (write the value itself, or quote it if * is part of the text)`,
      },
    ]);
  }
  const keyProblems = collectionKeys(doc).map((key) => {
    const { line, col } = at(key.offset);
    return { file, line, col, path: '', message: key.message };
  });
  if (keyProblems.length > 0) throw new InputError(limitProblems(keyProblems));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const alias = firstAlias(doc);
    const { line, col } = at(alias?.range?.[0] ?? 0);
    const message =
      err instanceof ReferenceError
        ? `too many aliases (*name references) to expand safely; this file was not read (limit ${MAX_ALIAS_COUNT})`
        : `cannot be read as data: ${(err as Error).message}`;
    throw new InputError([{ file, line, col, path: '', message }]);
  }
  const tagged = notPlainData(data);
  if (tagged.length > 0) {
    const parsed: ParsedYaml = { file, text, data };
    positionsOf.set(parsed, { doc, lineCounter });
    throw new InputError(locateAll(parsed, tagged.map((path) => ({ path, message: tagMessage(nodeAt(doc, path).node) }))));
  }
  return { doc, lineCounter, data };
}

/**
 * Keys that are not plain text: a list or mapping (`? [a, b]`), which JavaScript objects cannot hold
 * and the library would turn into text with a warning on stderr, or a tagged value (`? !!binary ...`).
 */
function collectionKeys(doc: Document.Parsed): { offset: number; message: string }[] {
  const { isAlias, isCollection, isScalar, visit } = yaml();
  const found: { offset: number; message: string }[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (key === null) return;
      const resolved = isAlias(key) ? key.resolve(doc) : key;
      if (isCollection(resolved)) found.push({ offset: key.range?.[0] ?? 0, message: 'a key must be plain text, not a list or mapping' });
      else if (isScalar(resolved) && resolved.value !== null && typeof resolved.value === 'object') {
        found.push({ offset: key.range?.[0] ?? 0, message: tagMessage(resolved, 'key') });
      }
    },
  });
  return found;
}

/**
 * Paths to values that are not plain data (text, numbers, true/false, empty, mappings and lists):
 * what YAML tags such as !!binary, !!timestamp, !!set and !!omap make (a Buffer, a Date, a Set, a
 * Map). Nothing beneath such a value is looked at. Iterative, and each object once: aliases can
 * share or even enclose a value.
 */
function notPlainData(data: unknown): PathSegment[][] {
  const found: PathSegment[][] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') continue;
    if (typeof value !== 'object') {
      found.push(path);
      continue;
    }
    if (seen.has(value)) continue;
    seen.add(value);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (Array.isArray(value) && proto === Array.prototype) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (proto === Object.prototype || proto === null) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
    } else found.push(path);
  }
  return found;
}

/** `!!binary` for the library's tag:yaml.org,2002:binary; a local tag as written. */
function tagMessage(node: unknown, what: 'value' | 'key' = 'value'): string {
  const tag = node !== null && typeof node === 'object' ? (node as { tag?: unknown }).tag : undefined;
  const shown = typeof tag === 'string' ? tag.replace(/^tag:yaml\.org,2002:/, '!!') : undefined;
  return shown
    ? `a YAML tag (${shown}) is not used in these files; write the ${what} as plain text`
    : `this ${what} is of a kind these files do not use; write it as plain text`;
}

/** YAML's limit on a key written without ? (the library counts the characters before the colon). */
const MAX_IMPLICIT_KEY = 1024;

/** The library's words where they name its own workings; otherwise its message, which says what is wrong. */
function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: it already appears above in the same mapping; keep one';
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (separated by ---) and only one is read; remove this --- and what follows, or put it in a file of its own';
    case 'KEY_OVER_1024_CHARS':
      return `a key may be at most ${thousands(MAX_IMPLICIT_KEY)} characters; this one is longer (or a colon is missing at the end of a line above)`;
    case 'RESOURCE_EXHAUSTION':
      return 'lists or mappings are nested too deeply here (hundreds of levels inside one another); these files need only a few levels';
    default:
      return `invalid YAML: ${first}`;
  }
}

/**
 * Where a key repeats one above it in the same mapping: as the library's uniqueKeys would find
 * them (scalar keys with equal values), but with a set per mapping rather than a search. The first
 * MAX_PROBLEMS + 1 (all that are ever shown) also get their path from the top of the file.
 */
function duplicateKeys(doc: Document.Parsed): { offset: number; path?: PathSegment[] }[] {
  const { isPair, isScalar, isSeq, visit } = yaml();
  const found: { offset: number; path?: PathSegment[] }[] = [];
  visit(doc, {
    Map(_, map, ancestors) {
      const seen = new Set<unknown>();
      let here: PathSegment[] | undefined;
      for (const pair of map.items) {
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (!seen.has(pair.key.value)) {
          seen.add(pair.key.value);
          continue;
        }
        const offset = pair.key.range?.[0] ?? 0;
        if (found.length > MAX_PROBLEMS || (typeof pair.key.value !== 'string' && typeof pair.key.value !== 'number')) {
          found.push({ offset });
          continue;
        }
        if (here === undefined) {
          here = [];
          const chain = [...ancestors, map];
          for (let i = 0; i < chain.length - 1; i++) {
            const node = chain[i];
            const child = chain[i + 1];
            if (isPair(node) && node.value === child && isScalar(node.key)) here.push(String(node.key.value));
            else if (isSeq(node)) here.push(node.items.indexOf(child as never));
          }
        }
        found.push({ offset, path: [...here, typeof pair.key.value === 'number' ? String(pair.key.value) : pair.key.value] });
      }
    },
  });
  return found;
}

/**
 * A duplicate key's path as problems name it: an answer by its indicator key, an action of a plan by
 * its indicator (`approach.staff-in-communities.owner`), a rubric's characteristic or indicator by id.
 */
function duplicateLabel(doc: Document.Parsed, path: PathSegment[]): string {
  const at = (segments: PathSegment[]) => {
    try {
      return doc.getIn(segments);
    } catch {
      return undefined;
    }
  };
  if (path[0] === 'actions' && typeof path[1] === 'number' && path.length > 2 && path[2] !== 'key') {
    const key = at(['actions', path[1], 'key']);
    if (typeof key === 'string' && /^[a-z0-9-]+\.[a-z0-9-]+$/.test(key)) return formatPath(path.slice(2), key);
  }
  // The ids displayPath names a rubric's parts by, read from the document.
  const ids: Record<string, unknown> = {};
  if (path[0] === 'characteristics' && typeof path[1] === 'number') {
    const indicators: Record<number, unknown> = {};
    if (path[2] === 'indicators' && typeof path[3] === 'number') indicators[path[3]] = { id: at(['characteristics', path[1], 'indicators', path[3], 'id']) };
    ids.characteristics = { [path[1]]: { id: at(['characteristics', path[1], 'id']), indicators } };
  }
  return displayPath(path, ids);
}

/** An alias whose anchor is not set before it, in document order (the order the library resolves in). */
function firstUndefinedAlias(doc: Document.Parsed): (Node & { source: string }) | undefined {
  const { isAlias, visit } = yaml();
  const anchors = new Set<string>();
  let found: (Node & { source: string }) | undefined;
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          found = node;
          return visit.BREAK;
        }
      } else if (typeof node.anchor === 'string') anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}

function firstAlias(doc: Document.Parsed): Node | undefined {
  const { visit } = yaml();
  let found: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** Positions of plain files, from the plain reader (null: not plain after all). */
const plainPositionsOf = new WeakMap<ParsedYaml, PlainNode | null>();

/** Where a problem sits in the file: the deepest node its path reaches. */
export function locate(parsed: ParsedYaml, problem: Problem): InputProblem {
  // A plain file is located by the plain reader's positions when it can be, which costs no full parse.
  if (!positionsOf.has(parsed)) {
    const quick = locatePlain(parsed, problem);
    if (quick) return quick;
  }
  return locateWithLibrary(parsed, problem);
}

/** As locateWithLibrary would place it, for a plain file; undefined when unsure (an empty value on the way). */
function locatePlain(parsed: ParsedYaml, problem: Problem): InputProblem | undefined {
  let root = plainPositionsOf.get(parsed);
  if (root === undefined) plainPositionsOf.set(parsed, (root = plainPositions(parsed.text) ?? null));
  if (!root) return undefined;
  let node: PlainNode = root;
  let keyAt: PlainPosition | undefined;
  let reached = 0;
  for (const segment of problem.path) {
    const entry = node.entries?.get(String(segment));
    if (!entry) break;
    keyAt = entry.key;
    node = entry.value;
    reached++;
  }
  let target: PlainPosition;
  if (reached === problem.path.length && (problem.at === 'key' || node.empty) && keyAt) target = keyAt;
  else if (node.empty) return undefined;
  else target = node;
  return { file: parsed.file, line: target.line, col: target.col, path: problem.label ?? displayPath(problem.path, parsed.data), message: problem.message };
}

/** Where a problem sits, by the library's full parse: the authority, and the fallback. Exported for tests. */
export function locateWithLibrary(parsed: ParsedYaml, problem: Problem): InputProblem {
  const { isScalar } = yaml();
  const { doc, lineCounter } = positioned(parsed);
  const { node, pair, reached } = nodeAt(doc, problem.path);
  const complete = reached === problem.path.length;
  const valueNode = node as Node | null | undefined;
  const keyNode = pair?.key as Node | undefined;
  const emptyValue = !valueNode || (isScalar(valueNode) && valueNode.source === '' && valueNode.value === null);
  const target =
    complete && (problem.at === 'key' || emptyValue) && keyNode ? keyNode : (valueNode ?? keyNode);
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  const message = complete && problem.at !== 'key' ? asWritten(valueNode, problem.message) : problem.message;
  return { file: parsed.file, line, col, path: problem.label ?? displayPath(problem.path, parsed.data), message };
}

/** The deepest node a path reaches in the full parse, the pair holding it, and how many steps it took. */
function nodeAt(doc: Document.Parsed, path: readonly PathSegment[]): { node: unknown; pair: Pair | undefined; reached: number } {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  let reached = 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const found = pairFor(node, String(segment), isPair, isScalar);
      if (!found) break;
      pair = found;
      node = found.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      pair = undefined;
      node = node.items[segment];
    } else break;
    reached++;
  }
  if (isAlias(node)) node = node.resolve(doc);
  return { node, pair, reached };
}

/** Longer numbers are cut in messages, as describe() cuts text. */
const NUMBER_SHOWN = 40;

/**
 * A message that starts with a number the file holds, with the number as the user wrote it: 1e400
 * and .nan rather than Infinity and NaN, 9007199254740993 rather than the ...992 it reads as, 0x1F
 * rather than 31. Messages about a value name it first (describe(), the answer checks), so this one
 * place covers them all.
 */
function asWritten(node: Node | null | undefined, message: string): string {
  const { isScalar } = yaml();
  if (!isScalar(node) || typeof node.value !== 'number' || typeof node.source !== 'string') return message;
  const read = String(node.value);
  const written = node.source.trim();
  if (written === read || written === '' || !message.startsWith(`${read} `)) return message;
  const shown = written.length > NUMBER_SHOWN ? `${written.slice(0, NUMBER_SHOWN)}…` : written;
  return `${shown}${message.slice(read.length)}`;
}

/** Each large mapping's pairs by key, built once: locating every one of 150,000 unknown keys by a linear search would be quadratic. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairFor(
  map: YAMLMap,
  key: string,
  isPair: typeof YamlLibrary.isPair,
  isScalar: typeof YamlLibrary.isScalar,
): Pair | undefined {
  const matches = (p: unknown): p is Pair => isPair(p) && isScalar(p.key) && String(p.key.value) === key;
  if (map.items.length < 32) return map.items.find(matches);
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      // The first pair with a key wins, as a linear search would find it.
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    pairIndexes.set(map, index);
  }
  return index.get(key);
}

/**
 * Paths as a person knows them: answers by the key they typed (intent.strategic-plans.score), rubric
 * parts by their ids (intent.strategic-plans.nextSteps) rather than characteristics[0].indicators[0].
 */
export function displayPath(path: readonly PathSegment[], data?: unknown): string {
  if (path[0] === 'answers' && path.length > 1) return path.slice(1).join('.');
  if (path[0] === 'characteristics' && typeof path[1] === 'number') {
    const characteristic = idAt(data, ['characteristics', path[1]]);
    // A problem with the id itself is best shown by position: the id may be the thing that is wrong.
    if (characteristic && !(path.length === 3 && path[2] === 'id')) {
      if (path[2] === 'indicators' && typeof path[3] === 'number') {
        const indicator = idAt(data, ['characteristics', path[1], 'indicators', path[3]]);
        if (indicator && !(path.length === 5 && path[4] === 'id')) return formatPath(path.slice(4), `${characteristic}.${indicator}`);
      }
      return formatPath(path.slice(2), characteristic);
    }
  }
  return formatPath(path);
}

function idAt(data: unknown, path: readonly PathSegment[]): string | undefined {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  const id = node !== null && typeof node === 'object' ? (node as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Sorted by position, so a user reads them top to bottom as in the file; at most MAX_PROBLEMS and a line saying how many more. */
export function locateAll(parsed: ParsedYaml, problems: readonly Problem[]): InputProblem[] {
  return limitProblems(problems.map((p) => locate(parsed, p)).sort((a, b) => a.line - b.line || a.col - b.col));
}

/**
 * The first MAX_PROBLEMS problems (already in file order), then one line, at the first one left
 * out, saying how many more there are: a file with thousands of mistakes is fixed from the top.
 */
export function limitProblems(problems: InputProblem[]): InputProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const next = problems[MAX_PROBLEMS]!;
  const more = thousands(problems.length - MAX_PROBLEMS);
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { file: next.file, line: next.line, col: next.col, path: '', message: `and ${more} more from here on, not listed (only the first ${MAX_PROBLEMS} are shown)` },
  ];
}
