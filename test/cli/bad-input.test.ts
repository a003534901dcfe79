// Every kind of bad input: exit 2, one located line per mistake, never a stack trace.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const bad = (name: string) => `test/fixtures/bad/${name}`;

const cases: [string, string[]][] = [
  ['yaml-syntax.yaml', ['5:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }']],
  ['wrong-type.yaml', ['6:9: council.type: a list is not valid here; expected text or nothing (leave it empty)']],
  ['score-7.yaml', ['6:13: alpha.a1: 7 is not on the scale 0-3']],
  ['score-minus-1.yaml', ['6:13: alpha.a1: -1 is not on the scale 0-3']],
  ['score-1.5.yaml', ['7:21: beta.b1.score: 1.5 is not on the scale 0-3 (whole numbers only)']],
  [
    'score-high.yaml',
    ['6:13: alpha.a1: "high" is not an answer; expected a whole number 0-3, n/a, unknown, or nothing if not yet answered'],
  ],
  [
    'misspelt-key.yaml',
    [
      '5:1: asessor: unknown key; did you mean "assessor"? (expected: schemaVersion, kind, rubric, council, assessedOn, assessor, assessors, answers)',
      '8:3: alpha.a22: not an indicator of rubric "weighted"; did you mean "alpha.a2"?',
    ],
  ],
  ['duplicate-key.yaml', ['8:3: alpha.a1: duplicate key: it already appears above in the same mapping; keep one']],
  ['no-council-name.yaml', ["4:10: council.name: required key is missing; expected the council's name"]],
  ['answers-5.yaml', ['5:10: answers: 5 is not valid here; expected a mapping (key: value lines)']],
  [
    'unknown-rubric.yaml',
    [
      '3:9: rubric: no built-in rubric "eight-charactristics"; did you mean "eight-characteristics"? (built-in: community-power, eight-characteristics, facilitative-council, influencing-change, partnership-principles); or give a path to a rubric file',
    ],
  ],
  ['empty.yaml', ['1:1: the file is empty; expected a YAML mapping with a "kind:" line']],
  ['missing.yaml', ['1:1: no such file']],
  ['proto-key.yaml', ['7:3: __proto__: not an indicator of rubric "weighted"']],
  ['proto-council.yaml', ['4:33: council.__proto__: unknown council field; expected one of: name, type']],
  ['binary.yaml', ['5:1: is not a text file (binary or non-UTF-8 data here); expected a YAML file saved as UTF-8']],
  ['not-utf8.yaml', ['4:23: is not a text file (binary or non-UTF-8 data here); expected a YAML file saved as UTF-8']],
  ['a-list.yaml', ['1:1: expected a mapping with "kind: answers", but the file holds a list']],
  ['no-kind.yaml', ['1:1: "kind:" is missing; expected kind: answers']],
  ['bad-profile-value.yaml', ['4:40: council.type: "unitry" is not one of: county, unitary; did you mean "unitary"?']],
  [
    'many-errors.yaml',
    [
      '4:39: council.kind: unknown council field; expected one of: name, type',
      '5:13: assessedOn: 2026-02-30 is not a real date; expected YYYY-MM-DD',
      '7:13: alpha.a1: 9 is not on the scale 0-3',
      '8:12: beta.b2: "sometimes" is not an answer; expected a whole number 0-3, n/a, unknown, or nothing if not yet answered',
      '9:3: gamma.g1: not an indicator of rubric "weighted"',
      '10:37: delta.d1.confidence: "very" is not one of: low, medium, high',
    ],
  ],
];

describe('assess on bad input', () => {
  test.each(cases)('%s: exit 2 with each mistake located', (name, lines) => {
    const r = cli(['assess', bad(name)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(lines.map((l) => `${bad(name)}:${l}\n`).join(''));
  });

  test('a folder given as the answers file', () => {
    const folder = join(tempDir(), 'answers.yaml');
    mkdirSync(folder);
    const r = cli(['assess', folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${folder}:1:1: is a folder; expected a YAML file\n`);
  });

  test('validate reports the same lines, file by file, and still checks the good ones', () => {
    const r = cli(['validate', bad('score-7.yaml'), 'test/fixtures/answers/weighted-county.yaml', bad('empty.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${bad('score-7.yaml')}:6:13: alpha.a1: 7 is not on the scale 0-3\n` +
        `test/fixtures/answers/weighted-county.yaml:8:3: alpha.a3: warning: does not apply to this council (only where type is unitary); its answer is kept but not scored\n` +
        `${bad('empty.yaml')}:1:1: the file is empty; expected a YAML mapping with a "kind:" line\n` +
        '1 of 3 files valid\n',
    );
    expect(r.stdout).toBe(
      'test/fixtures/answers/weighted-county.yaml: valid answers for Testshire County Council (rubric "weighted", 6 of 7 answered)\n',
    );
  });

  test('an alias bomb is refused at once, within a small memory limit', () => {
    const r = cli(['assess', bad('alias-bomb.yaml')], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${bad('alias-bomb.yaml')}:6:8: too many aliases (*name references) to expand safely; this file was not read (limit 100)\n`,
    );
  });

  test('an answer to an indicator that does not apply is a warning naming its line, not an error', () => {
    const r = cli(['assess', bad('not-applicable-answered.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `${bad('not-applicable-answered.yaml')}:7:3: alpha.a3: warning: does not apply to this council (only where type is unitary); its answer is kept but not scored\n`,
    );
    const report = JSON.parse(r.stdout);
    expect(report.characteristics[0].score).toBe((100 * 2) / 3); // a1=2 (w1); a2 not assessed; a3 left out
  });
});

describe('command-line mistakes exit 2 without a stack trace', () => {
  test.each([
    [['assess'], "error: missing required argument 'answers'"],
    [['nonsense'], "error: unknown command 'nonsense'"],
    [['assess', 'test/fixtures/answers/weighted-county.yaml', '--format', 'pdf'], "error: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are text, json, markdown, html, docx."],
    [['assess', 'test/fixtures/answers/weighted-county.yaml', '--target', '0'], "error: option '--target <level>' argument '0' is invalid. expected a whole number from 1 up, got \"0\""],
    [['assess', 'test/fixtures/answers/weighted-county.yaml', '--target', '1.5'], "error: option '--target <level>' argument '1.5' is invalid. expected a whole number from 1 up, got \"1.5\""],
    [['assess', 'test/fixtures/answers/weighted-county.yaml', '--target', '4'], 'error: --target 4 is above the top of the scale of rubric "weighted" (3); use 1-3'],
    [['assess', 'test/fixtures/answers/weighted-county.yaml', '--fail-under', '101'], "error: option '--fail-under <score>' argument '101' is invalid. expected a number from 0 to 100, got \"101\""],
    [['assess', 'test/fixtures/answers/weighted-county.yaml', '--bogus'], "error: unknown option '--bogus'"],
    [['template', '--rubric', 'eight-charactristics'], 'error: no built-in rubric "eight-charactristics"; did you mean "eight-characteristics"? (built-in: community-power, eight-characteristics, facilitative-council, influencing-change, partnership-principles), and no file of that name'],
    [['template', '--rubric', 'no/such/rubric.yaml'], 'no/such/rubric.yaml:1:1: no such file'],
  ])('%j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
