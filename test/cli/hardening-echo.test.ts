// Issue 11, what the helpers' branches left between them: command-line values echoed by commander
// and by batch, and the rubric an answers file names as an output of compare and batch.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixtures, tempDir } from '../helpers.js';

const ESC = '\u001b';

function councilFolder(): { dir: string; rubric: string; answers: string; later: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'answers'));
  mkdirSync(join(dir, 'rubrics'));
  const rubric = join(dir, 'rubrics', 'weighted.yaml');
  copyFileSync(join(fixtures, 'rubrics', 'weighted.yaml'), rubric);
  const answers = join(dir, 'answers', 'county.yaml');
  copyFileSync(join(fixtures, 'answers', 'weighted-county.yaml'), answers);
  const later = join(dir, 'answers', 'county-later.yaml');
  copyFileSync(answers, later);
  return { dir, rubric, answers, later };
}

describe('values typed on the command line are echoed with control characters made visible', () => {
  test('a bad --format value with an escape sequence: commander quotes it as \\x1b, exit 2', () => {
    const r = cli(['assess', join(fixtures, 'answers', 'weighted-county.yaml'), '--format', `${ESC}[31mred`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain("argument '\\x1b[31mred' is invalid");
  });

  test('an unknown option with a bell in it is shown as \\x07', () => {
    const r = cli(['validate', '--nope\u0007']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('\u0007');
    expect(r.stderr).toContain("unknown option '--nope\\x07'");
  });

  test('batch: a glob that matches nothing is named with its escape sequence made visible', () => {
    const { answers } = councilFolder();
    const r = cli(['batch', answers, `missing${ESC}[2J*.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain('warning: missing\\x1b[2J*.yaml: no YAML files found');
  });
});

describe('the rubric an answers file names is an input too', () => {
  test('compare --output onto that rubric is refused, exit 2, and the rubric is untouched', () => {
    const { rubric, answers, later } = councilFolder();
    const before = readFileSync(rubric, 'utf8');
    const r = cli(['compare', answers, later, '--output', rubric]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --output ${rubric} is the rubric the answers files name: writing there would destroy it; choose another file for --output\n`,
    );
    expect(readFileSync(rubric, 'utf8')).toBe(before);
  });

  test('batch --output onto that rubric is refused, exit 2, and the rubric is untouched', () => {
    const { dir, rubric } = councilFolder();
    const before = readFileSync(rubric, 'utf8');
    const r = cli(['batch', 'answers', '--format', 'csv', '--output', 'rubrics/weighted.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --output rubrics/weighted.yaml is the rubric the answers files name');
    expect(readFileSync(rubric, 'utf8')).toBe(before);
  });
});

describe('a file named on the command line with control characters in its name', () => {
  test('batch: a missing file is an invalid file, its name shown with the escape character made visible, exit 2', () => {
    const { answers } = councilFolder();
    const r = cli(['batch', answers, `missing${ESC}.yaml`, '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('missing\\x1b.yaml:1:1: no such file\n');
  });
});
