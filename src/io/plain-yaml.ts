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

class NotPlain extends Error {}
const giveUp = (): never => {
  throw new NotPlain();
};

/** The data of `text` when it is plain YAML, as the `yaml` library's toJS would give it; otherwise undefined. */
export function parsePlainYaml(text: string): Mapping | undefined {
  if (AWKWARD_CHARACTERS.test(text) || (text.includes('\r') && /\r(?!\n)/.test(text))) return undefined;
  try {
    return readDocument(text.split(/\r?\n/));
  } catch (err) {
    if (err instanceof NotPlain) return undefined;
    throw err;
  }
}

function readDocument(lines: string[]): Mapping | undefined {
  const root: Mapping = {};
  const open: { indent: number; mapping: Mapping }[] = [{ indent: 0, mapping: root }];
  // A key with nothing after its colon: a nested mapping if the next line is indented more, else null.
  let waiting: { indent: number; mapping: Mapping; key: string } | undefined;
  let empty = true;
  for (const line of lines) {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent === line.length || line[indent] === '#') continue;
    empty = false;
    if (waiting) {
      if (indent > waiting.indent) {
        const child: Mapping = {};
        waiting.mapping[waiting.key] = child;
        open.push({ indent, mapping: child });
      }
      waiting = undefined;
    }
    while (open.length > 1 && open.at(-1)!.indent > indent) open.pop();
    const { mapping, indent: expected } = open.at(-1)!;
    if (indent !== expected) giveUp();

    const rest = line.slice(indent);
    const match = BLOCK_KEY.exec(rest);
    if (!match) return giveUp();
    const key = checkedKey(match[1]!, mapping);
    const value = rest.slice(match[0].length);
    // Keys go in when they are read, so the order of keys is the file's order, as in the library.
    mapping[key] = null;
    if (value === '' || value[0] === '#') waiting = { indent, mapping, key };
    else mapping[key] = inlineValue(value);
  }
  return empty ? undefined : root;
}

function checkedKey(key: string, mapping: Mapping): string {
  if (key.length > MAX_KEY_LENGTH || key === '__proto__' || SPECIAL_WORD.test(key) || Object.hasOwn(mapping, key)) giveUp();
  return key;
}

/** A value after `key: `, up to the end of the line. */
function inlineValue(text: string): unknown {
  const first = text[0]!;
  if (first === '"' || first === "'") {
    const { value, end } = quoted(text, 0);
    endOfLine(text.slice(end));
    return value;
  }
  if (first === '{') {
    const { value, end } = flowMapping(text);
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
function flowMapping(text: string): { value: Mapping; end: number } {
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
