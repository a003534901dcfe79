// Issue 11, rows 7 and 14, through the built binary: compare refuses two rubrics that share an id and
// version but not their content, notes a change of version, and reports both files' mistakes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';
import { borrowedIdRubric, exampleAnswers as example, naming, newerRubric, reformattedRubric } from '../rubric-copies.js';

function years(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'last-year.yaml'), example('brackenford-unitary-2025'));
  writeFileSync(join(dir, 'this-year.yaml'), example('brackenford-unitary'));
  writeFileSync(join(dir, 'borrowed-id.rubric.yaml'), borrowedIdRubric);
  writeFileSync(join(dir, 'borrowed.yaml'), naming(example('brackenford-unitary'), './borrowed-id.rubric.yaml'));
  writeFileSync(join(dir, 'newer.rubric.yaml'), newerRubric);
  writeFileSync(join(dir, 'newer.yaml'), naming(example('brackenford-unitary'), './newer.rubric.yaml'));
  writeFileSync(join(dir, 'copy.rubric.yaml'), reformattedRubric('reformatted copy', "'1.3.6'"));
  writeFileSync(join(dir, 'copied.yaml'), naming(example('brackenford-unitary'), './copy.rubric.yaml'));
  return dir;
}

describe('row 7: compare checks the rubric by id, version and content', () => {
  test('the same id and version with other content: exit 2 naming both files and both rubrics', () => {
    const dir = years();
    const r = cli(['compare', 'last-year.yaml', 'borrowed.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: last-year.yaml (the built-in rubric) and borrowed.yaml (rubric borrowed-id.rubric.yaml) use two different rubrics that share ' +
        'the id "eight-characteristics" and version 1.3.6 (their content differs), so their scores cannot be compared; give a changed rubric a new version\n',
    );
  });

  test('another version of the same rubric is compared, with a one-line note', () => {
    const dir = years();
    const r = cli(['compare', 'last-year.yaml', 'newer.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rubric).toEqual({ id: 'eight-characteristics', before: '1.3.6', after: '1.4.0' });
    expect(r.stderr).toBe(
      'note: last-year.yaml was scored with rubric "eight-characteristics" version 1.3.6 and newer.yaml with version 1.4.0; ' +
        'questions the versions do not share are not compared, and changed ones are compared as they stand\n',
    );
  });

  test('a copy of the rubric that differs only in comments and quoting is the same rubric: no note', () => {
    const dir = years();
    const r = cli(['compare', 'last-year.yaml', 'copied.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(cli(['compare', 'last-year.yaml', 'this-year.yaml'], { cwd: dir }).stdout);
  });
});

describe('row 14: compare of two invalid files reports both', () => {
  const first = 'test/fixtures/bad/score-7.yaml';
  const second = 'test/fixtures/bad/score-high.yaml';
  const firstError = `${first}:6:13: alpha.a1: 7 is not on the scale 0-3\n`;
  const secondError = `${second}:6:13: alpha.a1: "high" is not an answer; expected a whole number 0-3, n/a, unknown, or nothing if not yet answered\n`;

  test('both files invalid: every error of each, in command-line order, exit 2', () => {
    const r = cli(['compare', first, second]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(firstError + secondError);
    expect(cli(['compare', second, first]).stderr).toBe(secondError + firstError);
  });

  test('only the later file invalid: its errors, exit 2', () => {
    const r = cli(['compare', 'examples/brackenford-unitary.answers.yaml', second]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(secondError);
  });
});
