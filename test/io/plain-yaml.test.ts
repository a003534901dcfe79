// The fast reader for plain answers files must agree with the `yaml` library on everything it
// accepts, give up on everything else, and be the path that real answers files actually take.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parsePlainYaml } from '../../src/io/plain-yaml.js';
import { cli, fixtures, root } from '../helpers.js';

/** The library's reading, with the options src/io/yaml.ts uses; undefined when it reports an error. */
function libraryReading(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true, merge: false, schema: 'core' });
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** Equal as the library reads it, key order included. */
function expectSameAsLibrary(text: string): void {
  const fast = parsePlainYaml(text);
  expect(fast).toBeDefined();
  const full = libraryReading(text);
  expect(fast).toStrictEqual(full);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(full));
}

describe('plain YAML fast path', () => {
  const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.answers.yaml'));

  test.each(examples)('examples/%s is read by the fast path, exactly as the library reads it', (name) => {
    expectSameAsLibrary(readFileSync(join(root, 'examples', name), 'utf8'));
  });

  test('a blank template and a file saved by the interview take the fast path', () => {
    const template = cli(['template']);
    expect(template.code).toBe(0);
    expectSameAsLibrary(template.stdout);
    expectSameAsLibrary(
      [
        '# Saved by council-resilience interview.',
        'schemaVersion: 1',
        'kind: answers',
        'rubric: eight-characteristics',
        'council:',
        '  name: "Ynys M\\u00f4n \\"North\\""',
        '  type: unitary',
        'answers:',
        '  intent.strategic-plans: { score: 2, evidence: "Plan, p. 4\\nand annex \\\\ B", confidence: high }',
        '  intent.defined-approach: null',
        '',
      ].join('\n'),
    );
  });

  test.each([
    ['comments everywhere', 'a: 1 # one\n# between\n   # indented\nb:   # nothing yet\n  c: x#y # comment\n'],
    ['Windows line endings', 'a: 1\r\nb:\r\n  c: two words\r\n'],
    ['core-schema words', 'a: ~\nb: Null\nc: NULL\nd: TRUE\ne: false\nf: yes\ng: 2026-11-01\nh: 1_000\ni: n/a\n'],
    ['quoted strings', `a: "say \\"hi\\" \\u00e9 \\/ \\t"\nb: 'it''s # not a comment'\nc: ""\nd: ''\n`],
    ['flow mappings', 'a: {}\nb: { }\nc: { score: 2, evidence: "a, b: c", confidence: low }\nd: {x: a:b}\n'],
    ['an empty value at the end and before a sibling', 'a:\nb: 1\nc:\n'],
    ['nested mappings, back out to the top', 'a:\n  b:\n    c: 1\n  d: 2\ne: 3\n'],
    ['plain text with brackets and quotes inside', "a: text [with] {braces}, commas and 'quotes'\n"],
    ['numbers', 'a: 0\nb: 3\nc: 123456789012345\n'],
    ['Unicode spaces, which YAML keeps', 'a: b\u00a0\nc: { d: e\u3000 }\n'],
  ])('%s: same as the library', (_label, text) => {
    expectSameAsLibrary(text);
  });

  test.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a list', 'a:\n  - 1\n'],
    ['a flow list', 'a: [1, 2]\n'],
    ['a nested flow mapping', 'a: { b: { c: 1 } }\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in a flow mapping', 'a: { b: 1, b: 2 }\n'],
    ['a __proto__ key', '__proto__: { polluted: 1 }\n'],
    ['a quoted key', '"a": 1\n'],
    ['a tab', 'a:\t1\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a leading zero', 'a: 07\n'],
    ['a float', 'a: 1.5\n'],
    ['a negative number', 'a: -1\n'],
    ['hex', 'a: 0x1F\n'],
    ['infinity', 'a: .inf\n'],
    ['a YAML-only escape', 'a: "\\x41"\n'],
    ['an unclosed quote', 'a: "open\n'],
    ['text straight after a closing quote', 'a: "x"y\n'],
    ['a mapping inside a plain value', 'a: b: c\n'],
    ['uneven indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['an indented first line', '  a: 1\n'],
    ['a trailing comma', 'a: { b: 1, }\n'],
    ['an empty file', ''],
    ['only comments', '# nothing\n'],
    ['a control character', 'a: b\u0007\n'],
    ['a key near YAML\'s length limit, after an empty value', `a:\n${'k'.repeat(1024)}: 1\n`],
  ])('%s: gives up, leaving it to the library', (_label, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });

  test('what it accepts from thousands of mangled answers files, the library reads the same', () => {
    const seeds = [
      readFileSync(join(root, 'examples', 'saltmarsh-district.answers.yaml'), 'utf8'),
      readFileSync(join(fixtures, 'answers', 'weighted-county.yaml'), 'utf8'),
      'a: 1\nb:\n  c: "x\\"y"\n  d: \'it\'\'s\'\n  e: { f: ~, g: "h, i", j: k l }\nm: Null\nn: 2026-01-01\no:\np: TRUE # c\n',
    ];
    const pieces = [' ', '  ', '\n', '#', ' #', ':', ': ', '"', "'", '\\', '{', '}', '[', ']', ',', '-', '- ', '&a ', '*a', '!!str ', '|', '>', '~',
      '0', '07', '1.5', '0x1', '.inf', 'null', 'true', '\t', '\r\n', '\r', '\u00a0', '\u3000', '?', '%', '@', '---\n', 'x', 'é', '\\u0041', '\\x41', '\\n', "''",
      '__proto__', 'a:', '\n  ', '\n    k: v', '<<: ', '+1', '-1', '1e3', '1_0'];
    let state = 20261125;
    const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      let text = pick(seeds);
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * text.length);
        const r = random();
        if (r < 0.5) text = text.slice(0, at) + pick(pieces) + text.slice(at);
        else if (r < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        else {
          const lines = text.split('\n');
          lines.splice(Math.floor(random() * lines.length), 0, pick(lines));
          text = lines.join('\n');
        }
      }
      const fast = parsePlainYaml(text);
      if (fast === undefined) continue;
      accepted++;
      const full = libraryReading(text);
      if (JSON.stringify(fast) !== JSON.stringify(full)) throw new Error(`differs from the library on ${JSON.stringify(text)}`);
    }
    // The mutations must leave plenty of files the fast path accepts, or this checks nothing.
    expect(accepted).toBeGreaterThan(500);
  });
});
