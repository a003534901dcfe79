// A fast reader for the plain YAML that answers files are written in: block mappings of scalars,
// one-line flow mappings and comments. The full `yaml` library spends ~250 µs on a typical answers
// file, which is nearly all of a batch's time; this reads the same file in a small fraction of that.
//
// It is only a shortcut. At the first thing outside that plain subset (anchors, tags, lists,
// multi-line or escaped-in-YAML-only strings, numbers other than small decimals, duplicate keys,
// anything odd) it gives up and returns undefined, and the caller parses with the full library,
// which stays the authority: every error message and every line:column comes from it.
// test/io/plain-yaml.test.ts checks that whatever this returns equals what the library returns.

type Mapping = Record<string, unknown>;

/** Characters that YAML forbids or that the library might read differently: give up on sight. */
// eslint-disable-next-line no-control-regex
const AWKWARD_CHARACTERS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|\p{Cs}/u;
/** A plain key: letters, digits and . _ / - (every indicator key in a rubric is one). */
const BLOCK_KEY = /^([A-Za-z_][\w./-]*):(?: +|$)/;
const FLOW_KEY = /^([A-Za-z_][\w./-]*): +/;
/** Plain words the core schema reads as null or booleans, which cannot be keys here. */
const SPECIAL_WORD = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const NUMBER_LIKE = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;
/** The first characters of a plain scalar that mean something else in YAML. */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '.', '+']);
/** Escapes that mean the same in YAML double quotes and in JSON; any other escape gives up. */
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;
/** Only spaces: String.trimEnd would also take Unicode spaces, which YAML keeps as text. */
const TRAILING_SPACES = / +$/;
/**
 * YAML limits an implicit key to 1024 characters, but the library sometimes counts the line break
 * and indentation before it too; well below that, no key is in doubt.
 */
const MAX_KEY_LENGTH = 1000;

/** Where a node starts, 1-based, as the library's LineCounter gives it. */
export interface PlainPosition {
  line: number;
  col: number;
}

/**
 * Positions for a plain file, mirroring its data: each mapping's entries by key, with where the key
 * and the value start. `empty` marks a value with no text (`key:` and nothing after), which the
 * library places at a position of its own choosing; locating gives up there and asks the library.
 */
export interface PlainNode extends PlainPosition {
  empty?: boolean;
  entries?: Map<string, { key: PlainPosition; value: PlainNode }>;
}

class NotPlain extends Error {}
const giveUp = (): never => {
  throw new NotPlain();
};

/** The data of `text` when it is plain YAML, as the `yaml` library's toJS would give it; otherwise undefined. */
export function parsePlainYaml(text: string): Mapping | undefined {
  return readPlain(text)?.data;
}

/**
 * The positions of a file parsePlainYaml reads (undefined for any other), found by the same reading:
 * locating a mistake in a plain file then needs no second parse by the library, whose parse of a
 * mapping of 150,000 keys takes seconds. test/cli/hardening-input.test.ts checks they agree.
 */
export function plainPositions(text: string): PlainNode | undefined {
  return readPlain(text, true)?.positions;
}

function readPlain(text: string, withPositions = false): { data: Mapping; positions: PlainNode | undefined } | undefined {
  if (AWKWARD_CHARACTERS.test(text) || (text.includes('\r') && /\r(?!\n)/.test(text))) return undefined;
  try {
    return readDocument(text.split(/\r?\n/), withPositions);
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}

type Recorder = ((key: string, keyAt: PlainPosition, value: PlainNode) => void) | undefined;

function readDocument(lines: string[], withPositions: boolean): { data: Mapping; positions: PlainNode | undefined } | undefined {
  const root: Mapping = {};
  let rootNode: PlainNode | undefined;
  const open: { indent: number; mapping: Mapping; node: PlainNode | undefined }[] = [{ indent: 0, mapping: root, node: undefined }];
  // A key with nothing after its colon: a nested mapping if the next line is indented more, else null.
  let waiting: { indent: number; mapping: Mapping; key: string; node: PlainNode | undefined } | undefined;
  let empty = true;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === '#') continue;
    empty = false;
    if (withPositions && !rootNode) open[0]!.node = rootNode = { line: n + 1, col: indent + 1, entries: new Map() };
    if (waiting) {
      if (indent > waiting.indent) {
        const child: Mapping = {};
        waiting.mapping[waiting.key] = child;
        let childNode: PlainNode | undefined;
        if (waiting.node) {
          // The library starts a block mapping at its first key.
          childNode = Object.assign(waiting.node, { line: n + 1, col: indent + 1, entries: new Map() });
          delete childNode.empty;
        }
        open.push({ indent, mapping: child, node: childNode });
      }
      waiting = undefined;
    }
    while (open.length > 1 && open.at(-1)!.indent > indent) open.pop();
    const { mapping, indent: expected, node } = open.at(-1)!;
    if (indent !== expected) giveUp();

    const rest = line.slice(indent);
    const match = BLOCK_KEY.exec(rest);
    if (!match) return giveUp();
    const key = checkedKey(match[1]!, mapping);
    const value = rest.slice(match[0].length);
    // Keys go in when they are read, so the order of keys is the file's order, as in the library.
    mapping[key] = null;
    const valueCol = indent + match[0].length + 1;
    let valueNode: PlainNode | undefined;
    if (node) {
      valueNode = { line: n + 1, col: valueCol };
      node.entries!.set(key, { key: { line: n + 1, col: indent + 1 }, value: valueNode });
    }
    if (value === '' || value[0] === '#') {
      if (valueNode) valueNode.empty = true;
      waiting = { indent, mapping, key, node: valueNode };
    } else mapping[key] = inlineValue(value, valueNode && recorderFor(valueNode, n + 1, valueCol));
  }
  return empty ? undefined : { data: root, positions: rootNode };
}

/** Records the entries of a flow mapping that starts at `node`, in column `base`; columns inside are offsets from it. */
function recorderFor(node: PlainNode, line: number, base: number): Recorder {
  return (key, keyAt, value) => {
    node.entries ??= new Map();
    node.entries.set(key, { key: { line, col: base + keyAt.col }, value: { line, col: base + value.col } });
  };
}

function checkedKey(key: string, mapping: Mapping): string {
  if (key.length > MAX_KEY_LENGTH || key === '__proto__' || SPECIAL_WORD.test(key) || Object.hasOwn(mapping, key)) giveUp();
  return key;
}

/** A value after `key: `, up to the end of the line. */
function inlineValue(text: string, record?: Recorder): unknown {
  const first = text[0]!;
  if (first === '"' || first === "'") {
    const { value, end } = quoted(text, 0);
    endOfLine(text.slice(end));
    return value;
  }
  if (first === '{') {
    const { value, end } = flowMapping(text, record);
    endOfLine(text.slice(end));
    return value;
  }
  const comment = text.indexOf(' #');
  const plain = (comment === -1 ? text : text.slice(0, comment)).replace(TRAILING_SPACES, '');
  if (plain.includes(': ') || plain.endsWith(':')) giveUp();
  return plainScalar(plain);
}

/** After a quoted string or flow mapping, only spaces and a comment may follow. */
function endOfLine(tail: string): void {
  if (!/^(?: +(?:#.*)?)?$/.test(tail)) giveUp();
}

function quoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  if (quote === "'") {
    let i = start + 1;
    for (;;) {
      const close = text.indexOf("'", i);
      if (close === -1) return giveUp();
      if (text[close + 1] === "'") i = close + 2;
      else return { value: text.slice(start + 1, close).replaceAll("''", "'"), end: close + 1 };
    }
  }
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  if (i >= text.length) giveUp();
  const body = text.slice(start + 1, i);
  if (body.replace(JSON_ESCAPE, '').includes('\\')) giveUp();
  return { value: JSON.parse(`"${body}"`) as string, end: i + 1 };
}

/** `{ score: 2, evidence: "...", confidence: high }` on one line; nothing nested. */
function flowMapping(text: string, record?: Recorder): { value: Mapping; end: number } {
  const mapping: Mapping = {};
  let i = 1;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  skipSpaces();
  if (text[i] === '}') return { value: mapping, end: i + 1 };
  for (;;) {
    const match = FLOW_KEY.exec(text.slice(i));
    if (!match) return giveUp();
    const key = checkedKey(match[1]!, mapping);
    // Columns from 0 within `text`; the recorder adds where `text` starts in its line.
    record?.(key, { line: 0, col: i }, { line: 0, col: i + match[0].length });
    i += match[0].length;
    if (text[i] === '"' || text[i] === "'") {
      const { value, end } = quoted(text, i);
      mapping[key] = value;
      i = end;
    } else {
      let end = i;
      while (end < text.length && !',{}[]'.includes(text[end]!)) end++;
      const plain = text.slice(i, end).replace(TRAILING_SPACES, '');
      if (plain === '' || plain.includes(': ') || plain.endsWith(':') || plain.includes(' #')) giveUp();
      mapping[key] = plainScalar(plain);
      i = end;
    }
    skipSpaces();
    if (text[i] === '}') return { value: mapping, end: i + 1 };
    if (text[i] !== ',') giveUp();
    i++;
    skipSpaces();
  }
}

/** The core schema's reading of a plain scalar, for the forms this reader accepts. */
function plainScalar(text: string): unknown {
  if (INDICATORS.has(text[0]!)) giveUp();
  if (/^[0-9]+$/.test(text)) {
    if ((text.length > 1 && text[0] === '0') || text.length > 15) giveUp();
    return Number(text);
  }
  if (NUMBER_LIKE.test(text)) giveUp();
  if (SPECIAL_WORD.test(text)) return text[0] === '~' || text[0] === 'n' || text[0] === 'N' ? null : /^t/i.test(text);
  return text;
}
