// What a second adversarial review of the issue 11 fixes still broke in reports and messages
// (rows 9, 13 and 18); each test here failed on main at 7bb6874.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const example = (name: string) => join(root, 'examples', name);
const head = (extra = '') =>
  `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: X Council, type: county }\n${extra}`;

function lint(dir: string, files: string[]) {
  const r = spawnSync(process.execPath, [markdownlint, ...files], { cwd: dir, encoding: 'utf8' });
  return r.stdout + r.stderr;
}

describe('row 18: markdown passes markdownlint and text fits 80 columns for ordinary, non-hostile input', () => {
  test('a custom rubric with a long characteristic title and band label: the table still passes MD013', () => {
    const dir = tempDir();
    const rubric = readFileSync(join(root, 'test', 'fixtures', 'rubrics', 'weighted.yaml'), 'utf8')
      .replace('title: Alpha\n', 'title: Commissioning and procurement that build community capacity\n')
      .replace('label: Mid }', 'label: Building strong foundations }');
    writeFileSync(join(dir, 'r.yaml'), rubric);
    writeFileSync(
      join(dir, 'a.yaml'),
      'schemaVersion: 1\nkind: answers\nrubric: ./r.yaml\ncouncil: { name: Northshire County Council, type: county }\nanswers:\n  alpha.a1: 3\n  alpha.a2: 1\n',
    );
    const r = cli(['assess', 'a.yaml', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'a.md'), r.stdout);
    expect(lint(dir, ['a.md'])).toMatch(/Summary: 0 error\(s\)/);
  });

  test('an e-mail address in evidence does not fail MD034 (no bare URLs)', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.yaml'),
      head('answers:\n  intent.strategic-plans: { score: 2, evidence: "Email from jo.bloggs@northshire.gov.uk, 3 May" }\n'),
    );
    const r = cli(['assess', 'a.yaml', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'a.md'), r.stdout);
    expect(lint(dir, ['a.md'])).toMatch(/Summary: 0 error\(s\)/);
  });

  test('batch text with an ordinary invalid file (a typo) fits 80 columns', () => {
    const dir = tempDir();
    const good = readFileSync(example('eastmoor-county.answers.yaml'), 'utf8');
    writeFileSync(join(dir, 'good.yaml'), good);
    writeFileSync(join(dir, 'typo.yaml'), good.replace('knowledge.asset-mapping', 'knowledge.asset-maping'));
    const r = cli(['batch', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
  });
});

describe('row 9: control characters in CSV', () => {
  test('batch --format csv does not pass ESC or NUL from a council name through raw', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.yaml'),
      'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: "A\\e[31mRED\\0NUL", type: county }\nanswers:\n  intent.strategic-plans: 1\n',
    );
    const r = cli(['batch', 'a.yaml', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000\u001b]/);
  });
});

describe('row 9: rubric text reaching messages and the template raw', () => {
  /** The default rubric with a version and title full of control characters, and an answers file naming it. */
  function hostileRubric(dir: string) {
    const rubric = readFileSync(join(root, 'rubrics', 'eight-characteristics.yaml'), 'utf8')
      .replace(/^version: .*$/m, 'version: "1.0.0\\e[2J\\e]0;pwn\\a\\nforged.yaml:1:1: fake"')
      .replace(/^title: .*$/m, 'title: "T\\e[31mred\\a"');
    writeFileSync(join(dir, 'eight-characteristics.yaml'), rubric);
    const answers = readFileSync(example('eastmoor-county.answers.yaml'), 'utf8').replace(
      'rubric: eight-characteristics',
      'rubric: ./eight-characteristics.yaml',
    );
    writeFileSync(join(dir, 'a.yaml'), answers);
    writeFileSync(join(dir, 'b.yaml'), readFileSync(example('saltmarsh-district.answers.yaml')));
  }

  test('compare: the note about two rubric versions shows the version with its control characters visible, on one line', () => {
    const dir = tempDir();
    hostileRubric(dir);
    const r = cli(['compare', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(r.stderr).not.toMatch(/^forged\.yaml:1:1:/m);
  });

  test('template: a rubric title or version with ESC or BEL is not written raw to standard output', () => {
    const dir = tempDir();
    hostileRubric(dir);
    const r = cli(['template', '--rubric', 'eight-characteristics.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe('row 13 (seen on the way): batch with a missing file among others', () => {
  test('a file name that does not exist is an error (exit 2), not a warning with exit 0', () => {
    const r = cli(['batch', 'examples/eastmoor-county.answers.yaml', 'examples/eastmor-county.answers.yaml', '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/eastmor-county\.answers\.yaml/);
  });
});

describe('small things the review found', () => {
  test('--fail-under takes a decimal score only: 0x10 and 1e1 are usage errors, exit 2', () => {
    for (const value of ['0x10', '1e1', 'Infinity']) {
      const r = cli(['assess', example('eastmoor-county.answers.yaml'), '--fail-under', value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`expected a number from 0 to 100, got "${value}"`);
    }
    expect(cli(['assess', example('eastmoor-county.answers.yaml'), '--fail-under', '12.5']).code).toBe(0);
  });

  test('one council and one characteristic are counted in the singular', () => {
    const dir = tempDir();
    const rubric = readFileSync(join(root, 'test', 'fixtures', 'rubrics', 'weighted.yaml'), 'utf8');
    const one = rubric.slice(0, rubric.indexOf('  - id: beta'));
    writeFileSync(join(dir, 'one.yaml'), one);
    const v = cli(['validate', 'one.yaml'], { cwd: dir });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/\(1 characteristic, 3 indicators\)/);
    const b = cli(['batch', example('eastmoor-county.answers.yaml'), '--format', 'markdown']);
    expect(b.stdout.split('\n')[0]).toBe('# Batch assessment: 1 council');
  });
});

describe('sentences for councils with nothing to score', () => {
  test('a rubric with no questions for this council says so instead of "100.0% of 0 questions answered"', () => {
    const dir = tempDir();
    const rubric = readFileSync(join(root, 'test', 'fixtures', 'rubrics', 'weighted.yaml'), 'utf8');
    const gammaOnly = rubric.slice(0, rubric.indexOf('  - id: alpha')) + '  - id: gamma\n    title: Gamma\n    indicators: []\n';
    writeFileSync(join(dir, 'r.yaml'), gammaOnly);
    writeFileSync(join(dir, 'a.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: ./r.yaml\ncouncil: { name: Empty Council }\nanswers: {}\n');
    const r = cli(['assess', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no questions apply to this council');
    expect(r.stdout).not.toContain('of 0 questions');
  });

  test('a council with no overall score is not placed in a cohort, and the report says why', () => {
    const dir = tempDir();
    const c = cli(['batch', example('eastmoor-county.answers.yaml'), example('saltmarsh-district.answers.yaml'), '--format', 'json', '--output', join(dir, 'cohort.json')]);
    expect(c.code).toBe(0);
    writeFileSync(join(dir, 'blank.yaml'), head('answers: {}\n'));
    const r = cli(['assess', 'blank.yaml', '--cohort', 'cohort.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('this council has no overall score, so it is not placed in it');
  });
});
