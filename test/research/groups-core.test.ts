// The pure parts of comparison groups: the order of group values, the summaries every renderer (and
// the cohort HTML report) reads, placement in a group, and the groups CSV reader's cells.
import { compareGroupValues, groupStatistics, groupSummaries, NO_GROUP, placeInGroup } from '../../src/core/groups.js';
import { parseCsv } from '../../src/io/groups-file.js';
import type { BatchRow } from '../../src/core/batch.js';
import type { Assessment } from '../../src/core/types.js';

const row = (council: string, group: string | null, overall: number | null, alpha: number | null): BatchRow => ({
  file: `${council}.yaml`,
  council,
  group,
  overall,
  band: null,
  coverage: 1,
  characteristics: { alpha },
});

describe('group values', () => {
  test('whole numbers in numeric order, then character order, (none) last: the order JSON keeps', () => {
    const values = ['b', NO_GROUP, '10', 'B', '2', 'a', '01', '1'];
    const sorted = [...values].sort(compareGroupValues);
    expect(sorted).toEqual(['1', '2', '10', '01', 'B', 'a', 'b', NO_GROUP]);
    const asObject = Object.keys(Object.fromEntries(sorted.map((v) => [v, 0])));
    expect(asObject).toEqual(sorted);
  });
});

describe('groupStatistics and groupSummaries', () => {
  // even group of 2 (h = 0.25, 0.5, 0.75), with a council not scored that counts for nothing
  const rows = [row('A', 'x', 20, 10), row('B', 'x', 60, null), row('C', 'x', null, null), row('D', null, 40, 40)];
  const groups = groupStatistics(rows, ['alpha']);

  test('each group as the cohort: null scores left out, count of overall scores', () => {
    expect(Object.keys(groups)).toEqual(['x', NO_GROUP]);
    expect(groups.x).toEqual({
      count: 2,
      overall: { min: 20, q1: 30, median: 40, q3: 50, max: 60, mean: 40 },
      characteristics: { alpha: { min: 10, q1: 10, median: 10, q3: 10, max: 10, mean: 10 } },
    });
    expect(groups[NO_GROUP]!.count).toBe(1);
  });

  test('groupSummaries: the groups as data in order, each flagged when under 5 councils scored', () => {
    expect(groupSummaries({})).toBeUndefined();
    const summary = groupSummaries({ groups: { region: groups } })!;
    expect(summary.field).toBe('region');
    expect(summary.groups.map((g) => [g.value, g.count, g.tooSmall])).toEqual([
      ['x', 2, true],
      [NO_GROUP, 1, true],
    ]);
    expect(summary.groups[0]!.characteristics).toEqual([{ id: 'alpha', stats: groups.x!.characteristics.alpha }]);
    const five = groupStatistics([1, 2, 3, 4, 5].map((i) => row(`C${i}`, 'big', i * 10, i * 10)), ['alpha']);
    expect(groupSummaries({ groups: { type: five } })!.groups[0]!.tooSmall).toBe(false);
  });

  test('placeInGroup: median and quarter; a group with no councils places nothing', () => {
    const a = { overall: { score: 45 }, characteristics: [{ id: 'alpha', score: 5 }] } as unknown as Assessment;
    expect(placeInGroup(a, 'region', 'x', groups.x)).toEqual({
      field: 'region',
      value: 'x',
      count: 2,
      tooSmall: true,
      overall: { median: 40, quartile: 3 }, // 45: at least the median (40), below q3 (50)
      characteristics: { alpha: { median: 10, quartile: 1 } },
    });
    expect(placeInGroup(a, 'region', 'y', undefined)).toEqual({
      field: 'region',
      value: 'y',
      count: 0,
      tooSmall: true,
      overall: { median: null, quartile: null },
      characteristics: { alpha: { median: null, quartile: null } },
    });
  });
});

describe('parseCsv (RFC 4180)', () => {
  const cells = (text: string) => parseCsv('g.csv', text).map((r) => r.map((c) => c.text));
  test('quotes, doubled quotes, commas and line breaks inside quotes, CRLF, an empty last cell, blank lines', () => {
    expect(cells('a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\r\nlines",\n""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\r\nlines', ''],
      [''], // a quoted empty cell is a row; a blank line is not
    ]);
  });
  test('cells know their line and column, after a quoted line break too', () => {
    const rows = parseCsv('g.csv', 'a,b\n"one\ntwo",c\nd,e');
    expect(rows.map((r) => r.map((c) => [c.line, c.col]))).toEqual([
      [[1, 1], [1, 3]],
      [[2, 1], [3, 6]],
      [[4, 1], [4, 3]],
    ]);
  });
});
