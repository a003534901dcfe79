// User text made safe for a terminal line, terminal widths, and word-wrapping by columns.
import { formatProblem } from '../../src/core/errors.js';
import { shortenQuoted, thousands, truncate, visible } from '../../src/core/visible.js';
import { heading, finishHeadings } from '../../src/render/markdown-wrap.js';
import { escapeHtml, inlineMarkdown } from '../../src/render/escape.js';
import { chop, columns } from '../../src/render/width.js';
import { wrap, wrapText } from '../../src/render/wrap.js';

describe('visible', () => {
  test('C0 controls, DEL, C1 controls and bidi overrides become escapes; printable text is untouched', () => {
    expect(visible('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(visible('\u001b[31mred\u0007')).toBe('\\x1b[31mred\\x07');
    expect(visible('\u0000\u007f\u0085\u009b')).toBe('\\0\\x7f\\x85\\x9b');
    expect(visible('abc\u202edef\u2066x\u2069')).toBe('abc\\u202edef\\u2066x\\u2069');
    expect(visible('line\u2028sep')).toBe('line\\u2028sep');
    expect(visible('lone \ud800 surrogate')).toBe('lone \\ud800 surrogate');
    expect(visible('Ynys Môn — 東京 🏛️ café')).toBe('Ynys Môn — 東京 🏛️ café');
  });

  test('keepSpacing leaves tab, newline and carriage return (HTML lays them out again)', () => {
    expect(visible('a\nb\t\u001b', { keepSpacing: true })).toBe('a\nb\t\\x1b');
  });

  test('over-long text is cut, saying how long it was', () => {
    expect(truncate('k'.repeat(100_000), 120)).toBe(`${'k'.repeat(120)}… (100,000 characters)`);
    expect(truncate('short', 120)).toBe('short');
    // Counted in characters, never splitting a surrogate pair.
    expect(truncate('😀'.repeat(5), 3)).toBe('😀😀😀… (5 characters)');
    expect(visible('\n'.repeat(200), { max: 2 })).toBe('\\n\\n… (200 characters)');
    expect(thousands(1234567)).toBe('1,234,567');
  });

  test('quoted values in a message are cut where they are, the words around them kept', () => {
    const message = `${JSON.stringify('k'.repeat(100_000))} is not an answer; expected a whole number 0-3`;
    expect(shortenQuoted(message)).toBe(`"${'k'.repeat(120)}…" (100,000 characters) is not an answer; expected a whole number 0-3`);
    // Never half an escape.
    const escapes = JSON.stringify('\n'.repeat(200));
    expect(shortenQuoted(escapes)).toBe(`"${'\\n'.repeat(60)}…" (400 characters)`);
    expect(shortenQuoted('"short" stays')).toBe('"short" stays');
  });

  test('formatProblem: one line, whatever the file, key or message holds', () => {
    const line = formatProblem({ file: 'a\nb.yaml', line: 7, col: 3, path: 'key\nx.yaml:1:1: forged', message: 'bad \u001b[2J value\r' });
    expect(line).toBe('a\\nb.yaml:7:3: key\\nx.yaml:1:1: forged: bad \\x1b[2J value\\r');
    expect(line).not.toMatch(/[\n\r\u001b]/);
    const long = formatProblem({ file: 'f.yaml', line: 1, col: 1, path: 'k'.repeat(100_000), message: 'not an indicator' });
    expect(long).toBe(`f.yaml:1:1: ${'k'.repeat(160)}… (100,000 characters): not an indicator`);
  });

  test('HTML and markdown show control characters as escapes too', () => {
    expect(escapeHtml('<b>\u001b[31m</b>\n')).toBe('&lt;b&gt;\\x1b[31m&lt;/b&gt;\n');
    expect(inlineMarkdown('Red\u001b[31m <img>')).toBe('Red\\\\x1b\\[31m &lt;img&gt;');
  });
});

describe('columns', () => {
  test('wide CJK and emoji count 2, combining marks and joiners 0, the rest 1', () => {
    expect(columns('abc')).toBe(3);
    expect(columns('東京都')).toBe(6);
    expect(columns('한국')).toBe(4);
    expect(columns('🏛')).toBe(2);
    expect(columns('e\u0301')).toBe(1);
    expect(columns('👩‍👩‍👧')).toBe(6); // no grapheme clustering: each emoji of the sequence counts
    expect(columns('█░')).toBe(2);
  });

  test('chop splits a word by columns and never splits a wide character', () => {
    expect(chop('abcdef', 4)).toEqual(['abcd', 'ef']);
    expect(chop('東京都庁', 3)).toEqual(['東', '京', '都', '庁']);
  });

  test('wrapText keeps every line within the width, splitting words too long for one; wrap keeps long words whole', () => {
    const text = `The ${'x'.repeat(30)} council of 東京都 東京都 東京都 東京都`;
    for (const line of wrapText(text, 12, '  ')) expect(columns(line)).toBeLessThanOrEqual(12);
    expect(wrapText(text, 12, '  ').join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(wrap(`see https://example.org/${'a'.repeat(90)}`, 80)).toEqual(['see', `https://example.org/${'a'.repeat(90)}`]);
  });
});

describe('markdown headings', () => {
  test('a closing # is escaped, closing punctuation becomes a character reference, an entity is left whole', () => {
    expect(heading(1, 'Council #')).toBe('# Council \\#');
    expect(heading(2, 'St. Mary Co.')).toBe('## St. Mary Co&#46;');
    expect(heading(2, 'A &lt;b&gt;')).toBe('## A &lt;b&gt;');
  });

  test('when one heading is too long, every heading becomes a wrapped setext heading', () => {
    const short = ['# Short', '', '## Also short', '', 'Text.'];
    expect(finishHeadings(short)).toBe(short);
    const long = finishHeadings([`# ${'word '.repeat(30).trim()}`, '', '## Summary', '', 'Text.']);
    expect(long).toEqual([
      'word word word word word word word word word word word word word word word word',
      'word word word word word word word word word word word word word word',
      '='.repeat(79),
      '',
      'Summary',
      '-------',
      '',
      'Text.',
    ]);
  });
});
