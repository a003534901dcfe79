// Turns ajv's errors into one plain-English Problem per mistake.
import type { PathSegment, Problem } from '../core/errors.js';
import { suggestion } from '../core/suggest.js';
import type { SchemaError } from '../generated/validator-types.js';
import { displayPath } from './yaml.js';

type Json = Record<string, unknown>;

export function schemaProblems(errors: readonly SchemaError[], data: unknown): Problem[] {
  const located = errors.map((error) => ({ error, path: toPath(error.instancePath, data) }));
  const anyOfPaths = new Map<string, SchemaError>();
  // The outermost anyOf at a path is reported last by ajv, so the last one seen wins.
  for (const { error } of located) if (error.keyword === 'anyOf') anyOfPaths.set(error.instancePath, error);

  const problems: Problem[] = [];
  /** Every pointer at or above a reported problem: an anyOf with nothing reported beneath it needs its own line. */
  const covered = new Set<string>();
  const report = (problem: Problem, pointer: string) => {
    problems.push(problem);
    for (let p = pointer; !covered.has(p); p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      covered.add(p);
      if (p === '') break;
    }
  };
  const objectAnyOfs: { error: SchemaError; path: PathSegment[] }[] = [];
  for (const { error, path } of located) {
    // A key failing propertyNames also fails the pattern inside it, reported on the mapping; the propertyNames error says it.
    if (error.keyword === 'if' || error.schemaPath.includes('/propertyNames/')) continue;
    const anyOf = anyOfPaths.get(error.instancePath);
    if (anyOf) {
      // A value matching none of several shapes: an object gets the errors of the object shape;
      // anything else gets one message naming what was expected.
      if (isPlainObject(valueAt(data, path))) {
        if (error === anyOf) objectAnyOfs.push({ error, path });
        if (['type', 'enum', 'anyOf', 'const'].includes(error.keyword)) continue;
      } else {
        if (error !== anyOf) continue;
        report({ path, message: `${describe(valueAt(data, path))} is not valid here; expected ${expected(error)}` }, error.instancePath);
        continue;
      }
    }
    if (insideAnyOfScalar(anyOfPaths, error.instancePath, data)) continue;
    report(problemFor(error, path, data), error.instancePath);
  }
  // A mapping where no shape allows one ({ score: { score: 2 } }) has only type errors, all dropped
  // above: say once what was expected there. Deepest first, so an enclosing anyOf sees it covered.
  objectAnyOfs.sort((a, b) => b.path.length - a.path.length);
  for (const { error, path } of objectAnyOfs) {
    if (covered.has(error.instancePath)) continue;
    report({ path, message: `${describe(valueAt(data, path))} is not valid here; expected ${expected(error)}` }, error.instancePath);
  }
  return dedupe(problems);
}

/** Errors beneath a path whose value is not an object belong to a branch that was never meant. */
function insideAnyOfScalar(anyOfPaths: Map<string, SchemaError>, instancePath: string, data: unknown): boolean {
  // Walk up the pointer rather than through every anyOf: a file with 100,000 bad answers has as many.
  for (let end = instancePath.lastIndexOf('/'); end > 0; end = instancePath.lastIndexOf('/', end - 1)) {
    const p = instancePath.slice(0, end);
    if (anyOfPaths.has(p) && !isPlainObject(valueAt(data, toPath(p, data)))) return true;
  }
  if (instancePath !== '' && anyOfPaths.has('') && !isPlainObject(data)) return true;
  return false;
}

function problemFor(error: SchemaError, path: PathSegment[], data: unknown): Problem {
  const value = valueAt(data, path);
  const params = error.params;
  switch (error.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      const property = properties(error)[key];
      // A key that can hold one value only says what to write; otherwise the schema's description,
      // as the middle of a sentence ("Version of this file format." would read as a pasted title).
      const what =
        property && Object.hasOwn(property, 'const') && ['number', 'string', 'boolean'].includes(typeof property.const)
          ? `; add "${key}: ${String(property.const)}"`
          : property && typeof property.description === 'string'
            ? `; expected ${property.description.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())}`
            : '';
      return { path, label: displayPath([...path, key], data), message: `required key is missing${what}` };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const list = Object.keys(properties(error)).filter((k) => k !== '$schema');
      return {
        path: [...path, key],
        at: 'key',
        message: `unknown key${suggestion(key, list)}${list.length ? ` (expected: ${list.join(', ')})` : ''}`,
      };
    }
    case 'type': {
      return { path, message: `${describe(value)} is not valid here; expected ${typeWords(params.type)}` };
    }
    case 'const':
      return { path, message: `${describe(value)} is not valid here; expected ${JSON.stringify(params.allowedValue)}` };
    case 'enum':
      return {
        path,
        message: `${describe(value)} is not one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}${
          typeof value === 'string' ? suggestion(value, (params.allowedValues as unknown[]).map(String)) : ''
        }`,
      };
    case 'pattern': {
      if (params.pattern === '\\S') return { path, message: 'is blank; expected some text' };
      return { path, message: `${describe(value)} is not valid here; expected ${expected(error, `text matching ${String(params.pattern)}`)}` };
    }
    case 'propertyNames':
      return { path: [...path, String(params.propertyName)], at: 'key', message: 'is not a scale value; expected a whole number from 0 (0, 1, 2, ...)' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `${describe(value)} is out of range; expected a number ${params.comparison} ${params.limit}` };
    case 'minItems':
      return { path, message: `has too few items; expected at least ${params.limit}` };
    default:
      return { path, message: error.message ?? `is not valid (${error.keyword})` };
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.path.join('\u0000')}|${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}


/** JSON pointer -> path segments, with array indexes as numbers. */
function toPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(node) ? Number(key) : key;
    path.push(segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}


/** The words for "expected ...": the failing schema's description. */
function expected(error: SchemaError, fallback = 'another kind of value'): string {
  const description = error.parentSchema?.description;
  return typeof description === 'string' ? description : fallback;
}

function properties(error: SchemaError): Record<string, Json> {
  const props = error.parentSchema?.properties;
  return props !== null && typeof props === 'object' ? (props as Record<string, Json>) : {};
}

function typeWords(type: unknown): string {
  const words: Record<string, string> = {
    object: 'a mapping (key: value lines)',
    array: 'a list (lines starting with "- ")',
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'nothing (leave it empty)',
  };
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => words[String(t)] ?? String(t)).join(' or ');
}

/** How a value reads in a message: "high", 1.5, a list, a mapping, nothing. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
