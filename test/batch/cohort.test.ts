import { quantile, quartileOf, stats } from '../../src/core/cohort.js';
import { csvText, renderBatchCsv } from '../../src/render/batch.js';
import { batchResult } from '../../src/core/batch.js';

describe('cohort statistics (R type 7)', () => {
  test('odd count: 1..5', () => {
    expect(stats([5, 1, 4, 2, 3])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5, mean: 3 });
  });
  test('even count: 1..4 interpolates', () => {
    // h = 3p: q1 at 0.75 -> 1.75, median at 1.5 -> 2.5, q3 at 2.25 -> 3.25
    expect(stats([4, 3, 2, 1])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, mean: 2.5 });
  });
  test('uneven values: 10, 20, 40, 80', () => {
    expect(quantile([10, 20, 40, 80], 0.25)).toBe(17.5); // 10 + 0.75 * 10
    expect(quantile([10, 20, 40, 80], 0.75)).toBe(50); // 40 + 0.25 * 40
  });
  test('one council: every statistic is its score', () => {
    expect(stats([42])).toEqual({ min: 42, q1: 42, median: 42, q3: 42, max: 42, mean: 42 });
  });
  test('no council, or only null scores: all null', () => {
    const none = { min: null, q1: null, median: null, q3: null, max: null, mean: null };
    expect(stats([])).toEqual(none);
    expect(stats([null, null])).toEqual(none);
  });
  test('null scores are left out', () => {
    expect(stats([null, 1, 3, null])).toEqual({ min: 1, q1: 1.5, median: 2, q3: 2.5, max: 3, mean: 2 });
  });
  test('quarter of a score, a boundary counting in the higher quarter', () => {
    const s = stats([1, 2, 3, 4, 5]); // q1 2, median 3, q3 4
    expect([0, 1.9, 2, 2.5, 3, 3.9, 4, 5].map((x) => quartileOf(x, s))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(quartileOf(null, s)).toBeNull();
    expect(quartileOf(3, stats([]))).toBeNull();
  });
});

describe('batch CSV', () => {
  test('RFC 4180 quoting and formula neutralising; numbers stay numbers', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('Smith, Jones')).toBe('"Smith, Jones"');
    expect(csvText('The "Big" Council')).toBe('"The ""Big"" Council"');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvText(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvText('\rX')).toBe(`"'\rX"`);
    expect(csvText('=1,2')).toBe(`"'=1,2"`);

    const result = batchResult({ id: 'r', version: '1', title: 'R' }, ['a', 'b'], [
      { file: 'x/=evil.yaml', council: '=HYPERLINK("http://x")', overall: 55.55, band: 'Mid', coverage: 0.5, characteristics: { a: 100 / 3, b: null } },
      { file: 'x/b.yaml', council: 'Bee, "the" council', overall: null, band: null, coverage: 0, characteristics: { a: null, b: null } },
    ], []);
    expect(renderBatchCsv(result)).toBe(
      'file,council,overall,band,coverage,a,b\r\n' +
        `x/=evil.yaml,"'=HYPERLINK(""http://x"")",55.6,Mid,50.0,33.3,\r\n` +
        'x/b.yaml,"Bee, ""the"" council",,,0.0,,\r\n',
    );
  });
});
