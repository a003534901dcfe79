// assess --cohort: the council's quarter beside each score, in every format.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root, tempDir } from '../helpers.js';

const county = 'test/fixtures/answers/weighted-county.yaml'; // alpha 55.56, beta 50, gamma and delta null, overall 53.70

/**
 * Twelve councils whose quartiles fall exactly on the given values (each quartile a repeated score,
 * so interpolation lands on it), and their statistics as batch computes them: assess --cohort
 * checks a cohort's statistics against its councils.
 */
function scores(q1: number, median: number, q3: number): number[] {
  return [0, q1 / 2, q1, q1, (q1 + median) / 2, median, median, (median + q3) / 2, q3, q3, (q3 + 100) / 2, 100];
}
function stats(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { min: 0, q1: sorted[2]!, median: sorted[5]!, q3: sorted[8]!, max: 100, mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length };
}

function cohortFile(rubricId = 'weighted'): string {
  const file = join(tempDir(), 'cohort.json');
  const overall = scores(25, 50, 75);
  // alpha's score sits exactly on q1; beta's exactly on the median: each counts in the higher quarter
  const characteristics = { alpha: scores(500 / 9, 60, 80), beta: scores(25, 50, 75), gamma: scores(25, 50, 75), delta: scores(25, 50, 75) };
  writeFileSync(
    file,
    JSON.stringify({
      schemaVersion: 1,
      rubric: { id: rubricId, version: '0.1.0', title: 'Weighted test rubric' },
      councils: overall.map((score, i) => ({
        file: `council-${String(i).padStart(2, '0')}.yaml`,
        council: `Council ${i}`,
        overall: score,
        band: null,
        coverage: 1,
        characteristics: Object.fromEntries(Object.entries(characteristics).map(([id, xs]) => [id, xs[i]!])),
      })),
      invalid: [],
      cohort: {
        count: 12,
        overall: stats(overall),
        characteristics: Object.fromEntries(Object.entries(characteristics).map(([id, xs]) => [id, stats(xs)])),
      },
    }),
  );
  return file;
}

describe('assess --cohort', () => {
  test('JSON gains a cohort member with medians and quarters, boundaries counting in the higher quarter', () => {
    const file = cohortFile();
    const r = cli(['assess', county, '--format', 'json', '--cohort', file]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.cohort).toEqual({
      source: file,
      count: 12,
      overall: { median: 50, quartile: 3 }, // 53.7: at least the median, below q3
      characteristics: {
        alpha: { median: 60, quartile: 2 }, // 55.56 = q1
        beta: { median: 50, quartile: 3 }, // 50 = median
        gamma: { median: 50, quartile: null },
        delta: { median: 50, quartile: null },
      },
    });
    const validate = new Ajv.default().compile(JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8')));
    expect(validate(report)).toBe(true);
  });

  test('text, markdown and html show the median and the quarter', () => {
    const file = cohortFile();
    const text = cli(['assess', county, '--cohort', file]).stdout;
    expect(text).toContain('Cohort of 12 councils: median 50.0; this council is in the upper middle quarter');
    expect(text).toMatch(/Alpha .*\n +cohort median  60\.0, lower middle quarter\n/);
    const md = cli(['assess', county, '--format', 'markdown', '--cohort', file]).stdout;
    expect(md).toContain('| Beta | 50.0 | Mid | 50.0 | upper middle quarter |');
    const html = cli(['assess', county, '--format', 'html', '--cohort', file]).stdout;
    expect(html).toContain('<td class="num">60.0</td><td>lower middle quarter</td>');
  });

  test('a cohort scored with another rubric is a clear error, exit 2', () => {
    const r = cli(['assess', county, '--cohort', cohortFile('eight-characteristics')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: .*cohort\.json is a cohort scored with rubric "eight-characteristics", but this council was scored with "weighted"\n$/);
  });
});
