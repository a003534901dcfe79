// Issue 11, rows 5, 6, 12 and 17: bad input that used to crash (exit 70), hang, eat memory or
// print NaN is one located line per mistake, exit 2, and a batch still scores every other file.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../../src/core/errors.js';
import { parseDocument } from 'yaml';
import { parsePlainYaml, plainPositions } from '../../src/io/plain-yaml.js';
import { locate, locateWithLibrary, parseYaml } from '../../src/io/yaml.js';
import { bin, cli, fixtures, root, tempDir } from '../helpers.js';

const hostile = (name: string) => `test/fixtures/hostile/input/${name}`;
const good = 'test/fixtures/answers/weighted-county.yaml';
const rubric = join(fixtures, 'rubrics', 'weighted.yaml');

/** Runs the CLI and says how long it took, so a hang shows as a failure rather than a stuck suite. */
function timed(args: string[], options: Parameters<typeof cli>[1] = {}) {
  const start = Date.now();
  const result = cli(args, options);
  return { ...result, seconds: (Date.now() - start) / 1000 };
}

describe('row 5: assessedOn that is not a date string', () => {
  const DATE = 'is not a date; expected a date written YYYY-MM-DD, such as 2026-11-01';
  const cases: [string, string][] = [
    ['assessed-on-empty.yaml', `5:1: assessedOn: an empty value ${DATE}`],
    ['assessed-on-number.yaml', `5:13: assessedOn: 20261101 ${DATE}`],
    ['assessed-on-true.yaml', `5:13: assessedOn: true ${DATE}`],
    ['assessed-on-list.yaml', `5:13: assessedOn: a list ${DATE}`],
    ['assessed-on-mapping.yaml', `5:13: assessedOn: a mapping ${DATE}`],
    ['assessed-on-2100-02-29.yaml', '5:13: assessedOn: 2100-02-29 is not a real date; expected YYYY-MM-DD'],
  ];
  test.each(cases)('%s: validate and assess exit 2 with one located line', (name, line) => {
    for (const command of ['validate', 'assess']) {
      const r = cli([command, hostile(name)]);
      expect(r.stderr).toBe(`${hostile(name)}:${line}\n`);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  test('a leap day is a real date', () => {
    const r = cli(['validate', hostile('assessed-on-leap-day.yaml')]);
    expect(r.code).toBe(0);
  });

  test('batch: one such file among good ones is reported, and the good ones are still scored', () => {
    const dir = tempDir();
    const second = join(dir, 'second.yaml');
    writeFileSync(second, `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Second Council }\nanswers: { alpha.a1: 3 }\n`);
    const r = cli(['batch', good, hostile('assessed-on-number.yaml'), hostile('assessed-on-mapping.yaml'), second, '--format', 'csv']);
    expect(r.code).toBe(2);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^file,council,overall,band,coverage,alpha,beta,gamma,delta\b/);
    expect(rows.slice(1).map((row) => row.split(',')[1]).sort()).toEqual(['Second Council', 'Testshire County Council']);
    expect(r.stderr).toContain(`${hostile('assessed-on-number.yaml')}:5:13: assessedOn: 20261101 ${DATE}\n`);
    expect(r.stderr).toContain(`${hostile('assessed-on-mapping.yaml')}:5:13: assessedOn: a mapping ${DATE}\n`);
    expect(r.stderr).not.toMatch(/internal error|bug/);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? test : test.skip)('interview resuming such a file (in a terminal) says so, exit 2', () => {
    const dir = tempDir();
    const answers = join(dir, 'resume.answers.yaml');
    copyFileSync(hostile('assessed-on-true.yaml'), answers);
    // The rubric path in the fixture is relative to its folder: name the rubric instead.
    const r = spawnSync('script', ['-qec', `NO_COLOR=1 ${process.execPath} ${bin} interview --rubric ${rubric} --answers ${answers}`, '/dev/null'], {
      encoding: 'utf8',
      timeout: 20000,
      input: '',
    });
    expect(r.stdout.replace(/\r/g, '')).toBe(`${answers}:5:13: assessedOn: true ${DATE}\n`);
    expect(r.status).toBe(2);
  });
});

describe('row 5: a score written as a mapping', () => {
  const MESSAGE = 'beta.b1.score: a mapping is not an answer; expected a whole number 0-3, n/a, unknown, or nothing if not yet answered';
  test.each([
    ['score-nested-flow.yaml', `7:21: ${MESSAGE}`],
    ['score-nested-block.yaml', `9:7: ${MESSAGE}`],
  ])('%s: validate, assess and --fail-under exit 2, never NaN', (name, line) => {
    for (const args of [['validate'], ['assess'], ['assess', '--format', 'json'], ['assess', '--fail-under', '10']]) {
      const r = cli([...args, hostile(name)]);
      expect(r.stderr).toBe(`${hostile(name)}:${line}\n`);
      expect(r.code).toBe(2);
      expect(r.stdout).not.toContain('NaN');
    }
  });

  test('the plain-YAML fast path reads the block form as the library does, and gives up on the flow form', () => {
    // The fixtures name their rubric by a path starting with "." (which the fast path leaves to the
    // library); with a plain path, the fast path takes the block form.
    const plain = (name: string) => readFileSync(hostile(name), 'utf8').replace('rubric: ../../rubrics/weighted.yaml', `rubric: ${rubric}`);
    const block = plain('score-nested-block.yaml');
    expect(parsePlainYaml(block)).toStrictEqual(parseDocument(block, { schema: 'core' }).toJS());
    expect((parsePlainYaml(block)?.answers as Record<string, unknown>)['beta.b1']).toEqual({ score: { score: 2 } });
    expect(parsePlainYaml(plain('score-nested-flow.yaml'))).toBeUndefined();
    // And through the binary, located by the fast path's positions: the same line as the library's.
    const file = join(tempDir(), 'plain-block.yaml');
    writeFileSync(file, block);
    const r = cli(['validate', file]);
    expect(r.stderr).toBe(`${file}:9:7: ${MESSAGE}\n`);
    expect(r.code).toBe(2);
  });

  test('without a rubric to check against, the schema says it too (its anyOf error is no longer dropped)', () => {
    const dir = tempDir();
    const file = join(dir, 'no-rubric.yaml');
    writeFileSync(file, 'schemaVersion: 1\nkind: answers\nrubric: ./missing.yaml\ncouncil: { name: X }\nanswers:\n  a.b: { score: { score: 2 } }\n');
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${file}:3:9: rubric: rubric file not found: ${join(dir, 'missing.yaml')}\n` +
        `${file}:6:17: a.b.score: a mapping is not valid here; expected a whole number on the rubric's scale, n/a, unknown, or empty (not yet answered)\n`,
    );
  });

  test('batch with such a file: exit 2, no NaN in the cohort, the good file scored', () => {
    const r = cli(['batch', good, hostile('score-nested-flow.yaml'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    const out = JSON.parse(r.stdout) as { councils: { file: string }[]; invalid: { file: string; errors: string[] }[]; cohort: { count: number } };
    expect(out.councils.map((c) => c.file)).toEqual([good]);
    expect(out.invalid).toEqual([{ file: hostile('score-nested-flow.yaml'), errors: [`${hostile('score-nested-flow.yaml')}:7:21: ${MESSAGE}`] }]);
    expect(out.cohort.count).toBe(1);
  });
});

describe('row 5: rubric weights that would overflow or lose precision', () => {
  const cases: [string, string][] = [
    ['weight-huge', '23:13: alpha.weight: 1e308 is too large; a weight must be from 0.001 to 1,000,000'],
    ['indicator-weight-huge', '26:63: alpha.a2.weight: 1e308 is too large; a weight must be from 0.001 to 1,000,000'],
    ['weight-tiny', '23:13: alpha.weight: 1e-320 is too small; a weight must be from 0.001 to 1,000,000'],
  ];
  test.each(cases)('%s: validate of the rubric, and assess of answers naming it, exit 2', (name, line) => {
    const expected = `${hostile(`${name}.rubric.yaml`)}:${line}\n`;
    const v = cli(['validate', hostile(`${name}.rubric.yaml`)]);
    expect(v.stderr).toBe(expected);
    expect(v.code).toBe(2);
    const a = cli(['assess', hostile(`${name}.answers.yaml`), '--format', 'json']);
    expect(a.stderr).toBe(expected);
    expect(a.code).toBe(2);
    expect(a.stdout).toBe('');
    const r = cli(['assess', good, '--rubric', hostile(`${name}.rubric.yaml`)]);
    expect(r.stderr).toBe(expected);
    expect(r.code).toBe(2);
  });

  test('batch: a file naming such a rubric is reported and the others are scored', () => {
    const r = cli(['batch', good, hostile('weight-huge.answers.yaml'), '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain(`${hostile('weight-huge.rubric.yaml')}:${cases[0]![1]}\n`);
  });
});

describe('row 6: special files and huge files as inputs', () => {
  const NOT_REGULAR = 'is not a regular file (a device or pipe); expected a YAML file';

  test('a FIFO as the answers file, as rubric: in it, as --rubric: one line, exit 2, at once', () => {
    const dir = tempDir();
    const fifo = join(dir, 'answers.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const args of [['assess', fifo], ['validate', fifo], ['batch', fifo]]) {
      const r = timed(args);
      expect(r.stderr).toBe(`${fifo}:1:1: ${NOT_REGULAR}\n`);
      expect(r.code).toBe(2);
      expect(r.seconds).toBeLessThan(10);
    }
    const r = timed(['assess', good, '--rubric', fifo]);
    expect(r.stderr).toBe(`${fifo}:1:1: ${NOT_REGULAR}\n`);
    expect(r.code).toBe(2);

    const answers = join(dir, 'names-fifo.yaml');
    writeFileSync(answers, 'schemaVersion: 1\nkind: answers\nrubric: ./answers.yaml\ncouncil: { name: X }\nanswers: {}\n');
    const named = timed(['assess', answers], { cwd: dir });
    expect(named.stderr).toBe(`answers.yaml:1:1: ${NOT_REGULAR}\n`);
    expect(named.code).toBe(2);
    expect(named.seconds).toBeLessThan(10);
  });

  test('/dev/zero and /dev/urandom through symlinks, as answers and as --rubric', () => {
    const dir = tempDir();
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const link = join(dir, `${device.slice(5)}.yaml`);
      symlinkSync(device, link);
      for (const args of [['assess', link], ['validate', link], ['assess', good, '--rubric', link]]) {
        const r = timed(args);
        expect(r.stderr).toBe(`${link}:1:1: ${NOT_REGULAR}\n`);
        expect(r.code).toBe(2);
        expect(r.seconds).toBeLessThan(10);
      }
    }
  });

  test('/dev/stdin (a pipe here) as the answers file', () => {
    const r = timed(['assess', '/dev/stdin'], { input: 'schemaVersion: 1\n' });
    expect(r.stderr).toBe(`/dev/stdin:1:1: ${NOT_REGULAR}\n`);
    expect(r.code).toBe(2);
  });

  test('merge and assess --cohort refuse a FIFO as their JSON', () => {
    const dir = tempDir();
    const fifo = join(dir, 'batch.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const line = `${fifo}:1:1: is not a regular file (a device or pipe); expected a JSON file\n`;
    const m = timed(['merge', fifo]);
    expect(m.stderr).toBe(line);
    expect(m.code).toBe(2);
    const c = timed(['assess', good, '--cohort', fifo]);
    expect(c.stderr.split('\n').filter((l) => !l.includes('warning:')).join('\n')).toBe(line);
    expect(c.code).toBe(2);
  });

  test('a file over 10 MB is refused before it is parsed, naming its size', () => {
    const dir = tempDir();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(12_345_678 - 3)}\n`);
    for (const args of [['validate', big], ['assess', good, '--rubric', big]]) {
      const r = cli(args);
      expect(r.stderr).toBe(`${big}:1:1: is 12.4 MB; answers and rubric files can be at most 10 MB\n`);
      expect(r.code).toBe(2);
    }
  });

  test('a file of exactly 10 MB is still read', () => {
    const dir = tempDir();
    const file = join(dir, 'ten.yaml');
    const head = `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Ten Council }\nanswers: {}\n`;
    writeFileSync(file, `${head}#${'x'.repeat(10_000_000 - head.length - 2)}\n`);
    const r = cli(['validate', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('row 12: 150,000 unknown keys', () => {
  const MORE = 'and 149,900 more from here on, not listed (only the first 100 are shown)';

  function write(name: string, body: (i: number) => string, head: string): string {
    const dir = tempDir();
    const file = join(dir, name);
    const lines = [head];
    for (let i = 0; i < 150_000; i++) lines.push(body(i));
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  }

  test('under answers: the first 100 in file order, then how many more; validate, assess and batch', () => {
    const file = write('many.yaml', (i) => `  made.up-${i}: 1`, `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Many Council }\nanswers:`);
    const first = `${file}:6:3: made.up-0: not an indicator of rubric "weighted"\n`;
    for (const args of [['validate', file], ['assess', file]]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n').slice(0, -1);
      expect(lines).toHaveLength(101);
      expect(`${lines[0]}\n`).toBe(first);
      expect(lines[99]).toBe(`${file}:105:3: made.up-99: not an indicator of rubric "weighted"`);
      expect(lines[100]).toBe(`${file}:106:3: ${MORE}`);
    }
    const b = cli(['batch', file, good, '--format', 'csv']);
    expect(b.code).toBe(2);
    expect(b.stdout.trim().split('\n')).toHaveLength(2);
    const lines = b.stderr.split('\n').filter((l) => l.startsWith(file));
    expect(lines).toHaveLength(101);
    expect(lines[100]).toBe(`${file}:106:3: ${MORE}`);
  });

  test('at the top level: the same, with the schema as the source of the errors', () => {
    const file = write('top.yaml', (i) => `made-up-${i}: 1`, `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Many Council }\nanswers: {}`);
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').slice(0, -1);
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe(
      `${file}:6:1: made-up-0: unknown key (expected: schemaVersion, kind, rubric, council, assessedOn, assessor, assessors, answers)`,
    );
    expect(lines[100]).toBe(`${file}:106:1: ${MORE}`);
  });

  test('150,000 duplicate keys (the full parser): the same bound', () => {
    const file = write('dup.yaml', () => '  alpha.a1: 1', `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Dup Council }\nanswers:`);
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').slice(0, -1);
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe(`${file}:7:3: alpha.a1: duplicate key: it already appears above in the same mapping; keep one`);
    expect(lines[100]).toBe(`${file}:107:3: and 149,899 more from here on, not listed (only the first 100 are shown)`);
  });
});

describe('row 17: messages that said the wrong thing', () => {
  test('an undefined alias says so, at the alias', () => {
    const r = cli(['validate', hostile('alias-undefined.yaml')]);
    expect(r.stderr).toBe(
      `${hostile('alias-undefined.yaml')}:7:21: the alias *nothere is not defined: no anchor &nothere comes before it (write the value itself, or quote it if * is part of the text)\n`,
    );
    expect(r.code).toBe(2);
  });

  test('the alias bomb is still "too many aliases"', () => {
    const r = cli(['validate', 'test/fixtures/bad/alias-bomb.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too many aliases/);
  });

  test('the year 0050 is a typo, not "not a real date"', () => {
    const r = cli(['assess', hostile('assessed-on-year-0050.yaml')]);
    expect(r.stderr).toBe(
      `${hostile('assessed-on-year-0050.yaml')}:5:13: assessedOn: the year 0050 looks wrong; expected a year from 1900 to 2100, in a date such as 2026-11-01\n`,
    );
    expect(r.code).toBe(2);
  });
});

describe('row 12: plain files are located without a second parse, exactly where the library says', () => {
  /** Every path in the data, and one step past each (a missing key, a key under a scalar). */
  function paths(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    const out: (string | number)[][] = [prefix, [...prefix, 'no-such-key']];
    if (data !== null && typeof data === 'object') {
      for (const [key, value] of Object.entries(data)) out.push(...paths(value, [...prefix, key]));
    }
    return out;
  }

  const yamlFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
    );
  const synthetic = [
    'schemaVersion: 1\nkind: answers\nrubric: weighted\ncouncil:\n  name: Block Council\n  type:\nassessedOn:\nanswers:\n  alpha.a1:\n    score: 2\n    evidence: "quoted, with: colon"\n  alpha.a2: # nothing yet\n  beta.b1: {  score: unknown ,confidence: low }\n  beta.b2: { }\n  delta.d1:   \'single\'\n',
    'kind: answers\r\ncouncil: { name: CRLF Council }\r\nanswers:\r\n    deep.key:\r\n        score: 3\r\n',
    '# a comment first\n\n   \n  # indented comment\nkind: answers   # trailing\ncouncil:\nanswers: { a.b: 2, a.c: "x y" }\nassessor: Jo Bloggs # who\n',
    'answers:\n  a.b: {score: 1}\n  a.c: 2 # c\n  a.d: n/a\n  a.e: ~\n  a.f: null\n  a.g: true\n',
  ];
  const texts = [
    ...[...yamlFiles(join(root, 'examples')), ...yamlFiles(fixtures)].map((f) => readFileSync(f, 'utf8')),
    ...synthetic,
    cli(['template']).stdout,
    cli(['template', '--rubric', rubric]).stdout,
  ].filter((text) => plainPositions(text) !== undefined);

  test('enough plain files to mean something', () => {
    expect(texts.length).toBeGreaterThanOrEqual(15);
  });

  test.each(texts.map((text, i) => [i, text] as const))('file %i: every path, as key and as value', (_, text) => {
    const plain = parseYaml('f.yaml', text);
    const full = parseYaml('f.yaml', text);
    for (const path of paths(plain.data)) {
      for (const at of [undefined, 'key'] as const) {
        const problem: Problem = { path, message: 'm', ...(at && { at }) };
        expect([path, at, locate(plain, problem)]).toEqual([path, at, locateWithLibrary(full, problem)]);
      }
    }
  });
});
