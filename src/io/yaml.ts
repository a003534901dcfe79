import { createRequire } from 'node:module';
import type * as YamlLibrary from 'yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { InputProblem, PathSegment, Problem } from '../core/errors.js';
import { formatPath, InputError } from '../core/errors.js';
import { parsePlainYaml } from './plain-yaml.js';

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
  if (!found) positionsOf.set(parsed, (found = parseFully(parsed.file, parsed.text)));
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

/** The `yaml` library's parse, keeping every node's position. */
function parseFully(file: string, text: string): Positioned & { data: unknown } {
  const { isScalar, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    merge: false,
    schema: 'core',
  });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const { line, col } = at(e.pos[0]);
        const key = e.code === 'DUPLICATE_KEY' ? (/^[^:\n]*/.exec(text.slice(e.pos[0]))?.[0].trim() ?? '') : '';
        return { file, line, col, path: key, message: yamlMessage(e.code, e.message) };
      }),
    );
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    throw new InputError([{ file, line: 1, col: 1, path: '', message: 'the file is empty; expected a YAML mapping with a "kind:" line' }]);
  }
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
  return { doc, lineCounter, data };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'duplicate key: it already appears above in the same mapping; keep one';
  return `invalid YAML: ${first}`;
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

/** Where a problem sits in the file: the deepest node its path reaches. */
export function locate(parsed: ParsedYaml, problem: Problem): InputProblem {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  const { doc, lineCounter } = positioned(parsed);
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  let reached = 0;
  for (const segment of problem.path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const found = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!found) break;
      pair = found;
      node = found.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      pair = undefined;
      node = node.items[segment];
    } else break;
    reached++;
  }
  const complete = reached === problem.path.length;
  const valueNode = node as Node | null | undefined;
  const keyNode = pair?.key as Node | undefined;
  const emptyValue = !valueNode || (isScalar(valueNode) && valueNode.source === '' && valueNode.value === null);
  const target =
    complete && (problem.at === 'key' || emptyValue) && keyNode ? keyNode : (valueNode ?? keyNode);
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { file: parsed.file, line, col, path: problem.label ?? displayPath(problem.path, parsed.data), message: problem.message };
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

/** Sorted by position, so a user reads them top to bottom as in the file. */
export function locateAll(parsed: ParsedYaml, problems: readonly Problem[]): InputProblem[] {
  return problems.map((p) => locate(parsed, p)).sort((a, b) => a.line - b.line || a.col - b.col);
}
