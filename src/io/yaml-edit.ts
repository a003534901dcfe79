// Changing a few fields of a YAML file a person may have written in, without touching the rest: every
// comment, blank line and the spacing of the lines not changed stay exactly as they were.
import { createRequire } from 'node:module';
import type * as YamlLibrary from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';

let library: typeof YamlLibrary | undefined;
/** Loaded on first use, as src/io/yaml.ts does: most commands never edit a file. */
export function yaml(): typeof YamlLibrary {
  return (library ??= createRequire(import.meta.url)('yaml') as typeof YamlLibrary);
}

export interface YamlEdit {
  /** The key, and the keys inside it: `['assessor']`, `['answers', 'alpha.a1']`, `['answers', 'alpha.a1', 'agreed']`. */
  path: readonly [string, ...string[]];
  /** The new value as one line of YAML (`2`, `{ score: 2, evidence: "..." }`); undefined removes the key. */
  text: string | undefined;
}

/** How a file is parsed for editing: the same YAML as it is read with, keys kept as written. */
export const OPTIONS = { strict: true, merge: false, schema: 'core', uniqueKeys: false } as const;

/**
 * `text` with the edits made, or undefined when it cannot be done safely (the text does not parse,
 * or the result would not read back as the old data with exactly these changes). A value is replaced
 * where it stands; a new key goes on a line of its own, after the key `order` puts before it.
 * When the text cannot be spliced, the library's own editing is tried (it keeps every comment but
 * may respace some lines).
 */
export function editYaml(text: string, edits: readonly YamlEdit[], order: (path: readonly string[]) => number = () => 0): string | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const { parseDocument } = yaml();
  const doc = parseDocument(body, OPTIONS);
  if (doc.errors.length > 0) return undefined;
  let expected: unknown;
  try {
    expected = expectedData(doc.toJS({ maxAliasCount: 100 }), edits);
  } catch {
    return undefined;
  }
  if (expected === undefined) return undefined;
  for (const attempt of [() => splice(body, doc, edits, order), () => viaLibrary(body, edits)]) {
    let out: string | undefined;
    try {
      out = attempt();
    } catch {
      out = undefined;
    }
    if (out !== undefined && readsAs(out, expected)) return bom + out;
  }
  return undefined;
}

function expectedData(data: unknown, edits: readonly YamlEdit[]): unknown {
  if (!isRecord(data)) return undefined;
  // Copies of the mappings edited, nothing deeper: the rest is compared, never changed.
  const out: Record<string, unknown> = { ...data };
  const copied = new Set<Record<string, unknown>>([out]);
  for (const { path, text } of edits) {
    let parent: Record<string, unknown> = out;
    for (const step of path.slice(0, -1)) {
      const inner = parent[step];
      if (!isRecord(inner)) return undefined;
      if (!copied.has(inner)) {
        const copy = { ...inner };
        parent[step] = copy;
        copied.add(copy);
        parent = copy;
      } else parent = inner;
    }
    const key = path[path.length - 1]!;
    if (text === undefined) delete parent[key];
    else parent[key] = valueOf(text);
  }
  return out;
}

function valueOf(text: string): unknown {
  const doc = yaml().parseDocument(text, OPTIONS);
  if (doc.errors.length > 0) throw new Error(`not YAML: ${text}`);
  return doc.toJS();
}

/** Whether an edited text reads back as exactly the data it should hold (else the edit is not used). */
export function readsAs(text: string, expected: unknown): boolean {
  const doc = yaml().parseDocument(text, OPTIONS);
  return doc.errors.length === 0 && sameData(doc.toJS({ maxAliasCount: 100 }), expected);
}

/** Deep equality of parsed YAML data; mappings compared key by key, in any order (a key holding undefined is no key). */
function sameData(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
  }
  return Object.is(a, b);
}

interface Splice {
  at: number;
  end: number;
  text: string;
}

/** The edits as changes to the text itself; undefined for a shape this does not handle. */
function splice(text: string, doc: YamlLibrary.Document.Parsed, edits: readonly YamlEdit[], order: (path: readonly string[]) => number): string | undefined {
  const { isMap } = yaml();
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const splices: Splice[] = [];
  /** New keys, by the map they go in. */
  const additions = new Map<YAMLMap, YamlEdit[]>();
  /** The pair in a block mapping whose value each inner mapping is. */
  const owners = new Map<YAMLMap, Pair>();
  for (const edit of edits) {
    let map: YAMLMap = root;
    for (const step of edit.path.slice(0, -1)) {
      const pair = pairOf(map, step);
      const inner = pair?.value;
      if (!isMap(inner)) return undefined;
      if (!map.flow) owners.set(inner, pair!);
      map = inner;
    }
    const key = edit.path[edit.path.length - 1]!;
    const pair = pairOf(map, key);
    if (pair) {
      const change = changePair(text, map, pair, edit.text);
      if (!change) return undefined;
      splices.push(change);
    } else if (edit.text !== undefined) {
      additions.set(map, [...(additions.get(map) ?? []), edit]);
    }
  }
  for (const [map, added] of additions) {
    const made = addToMap(text, map, added, order, eol, owners.get(map));
    if (!made) return undefined;
    splices.push(...made);
  }
  // From the end backwards, so each splice's offsets are still those of the original text.
  splices.sort((a, b) => b.at - a.at || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const s of splices) {
    if (s.end > limit) return undefined; // overlapping changes: not a shape this handles
    out = out.slice(0, s.at) + s.text + out.slice(s.end);
    limit = s.at;
  }
  return out;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  const { isScalar } = yaml();
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function range(node: unknown): [number, number, number] | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? [r[0], r[1], r[2]] : undefined;
}

/** Replaces a value where it stands, or removes a key's whole line from a block mapping. */
function changePair(text: string, map: YAMLMap, pair: Pair, value: string | undefined): Splice | undefined {
  const key = range(pair.key);
  if (!key) return undefined;
  if (value === undefined) {
    if (map.flow) return undefined;
    const start = lineStart(text, key[0]);
    if (text.slice(start, key[0]).trim() !== '') return undefined;
    const last = range(pair.value)?.[1] ?? key[1];
    return { at: start, end: afterLine(text, last), text: '' };
  }
  const at = range(pair.value);
  let colon = key[1];
  while (text[colon] === ' ' || text[colon] === '\t') colon++;
  if (at && at[1] > at[0]) {
    // A block value (a mapping on the lines below) ends with its last newline, which stays.
    const newline = /\r?\n$/.exec(text.slice(at[0], at[1]))?.[0] ?? '';
    const between = text.slice(colon + 1, at[0]);
    // A value on the lines below comes up onto the key's line, unless a comment stands between.
    if (text[colon] === ':' && between.includes('\n') && between.trim() === '') return { at: colon + 1, end: at[1], text: ` ${value}${newline}` };
    return { at: at[0], end: at[1], text: `${value}${newline}` };
  }
  // An empty value (`alpha.a1:`): written just after the colon, before any comment on the line.
  if (text[colon] !== ':') return undefined;
  return { at: colon + 1, end: colon + 1, text: ` ${value}` };
}

/** New keys in a mapping: a line each in a block mapping (after the key `order` puts before it), or items in a flow one. */
function addToMap(
  text: string,
  map: YAMLMap,
  added: YamlEdit[],
  order: (path: readonly string[]) => number,
  eol: string,
  /** The pair in a block mapping whose value `map` is, if it is. */
  owner?: Pair,
): Splice[] | undefined {
  const { isScalar } = yaml();
  const line = (e: YamlEdit) => `${keyText(e.path[e.path.length - 1]!)}: ${e.text}`;
  const sorted = [...added].sort((a, b) => order(a.path) - order(b.path));
  if (map.flow) {
    const r = range(map);
    if (!r) return undefined;
    const items = sorted.map(line).join(', ');
    const last = map.items.at(-1);
    const ownerKey = range(owner?.key);
    if (!last && ownerKey) {
      // `answers: {}` in a block mapping becomes a block of its own, a line an answer, as the interview writes it.
      const indent = text.slice(lineStart(text, ownerKey[0]), ownerKey[0]);
      let colon = ownerKey[1];
      while (text[colon] === ' ' || text[colon] === '\t') colon++;
      if (indent.trim() === '' && text[colon] === ':' && text.slice(colon + 1, r[0]).trim() === '') {
        return [{ at: colon + 1, end: r[1], text: sorted.map((e) => `${eol}${indent}  ${line(e)}`).join('') }];
      }
    }
    if (!last) return [{ at: r[0], end: r[1], text: `{ ${items} }` }];
    const end = range(last.value)?.[1] ?? range(last.key)?.[1];
    if (end === undefined || range(last.value)?.[1] === range(last.value)?.[0]) return undefined;
    return [{ at: end, end, text: `, ${items}` }];
  }
  const first = map.items[0];
  const firstKey = range(first?.key);
  if (!first || !firstKey) return undefined;
  const indent = text.slice(lineStart(text, firstKey[0]), firstKey[0]);
  if (indent.trim() !== '') return undefined;
  const parent = sorted[0]!.path.slice(0, -1);
  const existing = map.items.flatMap((p) => (isScalar(p.key) ? [{ pair: p as Pair, order: order([...parent, String(p.key.value)]) }] : []));
  const out: Splice[] = [];
  for (const edit of sorted) {
    const mine = order(edit.path);
    // The last key, in the file's order, that comes before this one in `order`.
    let after: Pair | undefined;
    let best = -Infinity;
    for (const e of existing) {
      if (e.order <= mine && e.order >= best) {
        after = e.pair;
        best = e.order;
      }
    }
    let at: number;
    let newline = '';
    if (after) {
      const end = Math.max(range(after.value)?.[1] ?? 0, range(after.key)?.[1] ?? 0);
      at = afterLine(text, end);
      if (at === text.length && !text.endsWith('\n')) newline = eol;
    } else {
      at = lineStart(text, firstKey[0]);
    }
    out.push({ at, end: at, text: `${newline}${indent}${line(edit)}${eol}` });
  }
  // Several keys at one place: one splice, in order.
  const merged = new Map<number, Splice>();
  for (const s of out) {
    const there = merged.get(s.at);
    if (there) there.text += s.text.replace(/^\r?\n/, '');
    else merged.set(s.at, { ...s });
  }
  return [...merged.values()];
}

function keyText(key: string): string {
  return /^[A-Za-z0-9_][\w.-]*$/.test(key) && !/^(null|true|false|yes|no|on|off|y|n|~)$/i.test(key) ? key : JSON.stringify(key);
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the end of the line holding `offset` (its newline included). */
export function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** The library's own editing: keeps the comments, though it may respace lines it did not change. */
function viaLibrary(text: string, edits: readonly YamlEdit[]): string {
  const { parseDocument } = yaml();
  const doc = parseDocument(text, OPTIONS);
  for (const { path, text: value } of edits) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, parseDocument(value, OPTIONS).contents);
  }
  return doc.toString({ lineWidth: 0 });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
