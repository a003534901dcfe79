// batch --group-by: each group's statistics against hand-worked quartiles (R type 7), in JSON,
// text, markdown and CSV, through the built binary; and shards grouped alike merge to the whole.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root } from '../helpers.js';
import { writeCohort } from './groups-cohort.js';

const statsOf = (min: number, q1: number, median: number, q3: number, max: number, mean: number) => ({ min, q1, median, q3, max, mean });
const all = (x: number) => statsOf(x, x, x, x, x, x);

/** Worked by hand from the cohort in groups-cohort.ts (h = (n - 1) p, interpolating between order statistics). */
const EXPECTED = {
  // even, n = 4: q1 at h = 0.75, median at 1.5, q3 at 2.25
  county: {
    count: 4,
    overall: statsOf(25, 25 + 0.75 * 12.5, 37.5 + 0.5 * 12.5, 50 + 0.25 * 25, 75, 187.5 / 4),
    characteristics: { alpha: statsOf(0, 18.75, 37.5, 62.5, 100, 43.75), beta: all(50) },
  },
  // a single member: every statistic is its score
  district: { count: 1, overall: all(50), characteristics: { alpha: all(75), beta: all(25) } },
  // odd, n = 7 (and an eighth council with no scores, left out): q1 at h = 1.5, median at 3, q3 at 4.5
  unitary: {
    count: 7,
    overall: statsOf(12.5, 43.75, 50, 62.5, 87.5, 362.5 / 7),
    characteristics: { alpha: statsOf(0, 37.5, 50, 75, 100, 375 / 7), beta: statsOf(0, 12.5, 50, 87.5, 100, 50) },
  },
  // no type given
  '(none)': { count: 1, overall: all(50), characteristics: { alpha: all(50), beta: all(50) } },
};

function expectStats(given: unknown, expected: typeof EXPECTED): void {
  const g = given as typeof EXPECTED;
  expect(Object.keys(g)).toEqual(Object.keys(expected));
  for (const [value, e] of Object.entries(expected)) {
    const have = g[value as keyof typeof EXPECTED];
    expect(have.count).toBe(e.count);
    expect(Object.keys(have.characteristics)).toEqual(['alpha', 'beta']);
    for (const [what, s] of [['overall', e.overall], ...Object.entries(e.characteristics)] as const) {
      const h = what === 'overall' ? have.overall : have.characteristics[what as 'alpha'];
      for (const k of ['min', 'q1', 'median', 'q3', 'max', 'mean'] as const) expect([value, what, k, h[k]]).toEqual([value, what, k, expect.closeTo(s[k], 10)]);
    }
  }
}

describe('batch --group-by type', () => {
  const dir = writeCohort();
  const run = (...args: string[]) => cli(['batch', 'answers', '--group-by', 'type', ...args], { cwd: dir });

  test('JSON: each group with count, overall and characteristics statistics, values sorted and (none) last', () => {
    const r = run('--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const batch = JSON.parse(r.stdout);
    expect(Object.keys(batch)).toEqual(['schemaVersion', 'rubric', 'councils', 'invalid', 'cohort', 'groups']);
    expect(Object.keys(batch.groups)).toEqual(['type']);
    expectStats(batch.groups.type, EXPECTED);
    // every council carries its group, just after its name: null when it gives no type
    expect(Object.keys(batch.councils[0])).toEqual(['file', 'council', 'group', 'overall', 'band', 'coverage', 'characteristics']);
    expect(batch.councils.map((c: { group: string | null }) => c.group)).toEqual([
      'county', 'county', 'county', 'county', 'district', null, 'unitary', 'unitary', 'unitary', 'unitary', 'unitary', 'unitary', 'unitary', 'unitary',
    ]);
    const validate = new Ajv.default().compile(JSON.parse(readFileSync(join(root, 'schemas', 'batch.schema.json'), 'utf8')));
    expect(validate(batch)).toBe(true);
  });

  test('without --group-by the JSON is as before: no groups, no group values', () => {
    const batch = JSON.parse(cli(['batch', 'answers', '--format', 'json'], { cwd: dir }).stdout);
    expect(batch.groups).toBeUndefined();
    expect(Object.keys(batch.councils[0])).toEqual(['file', 'council', 'overall', 'band', 'coverage', 'characteristics']);
  });

  test('text: each group with its n, those under 5 councils flagged in words as too small to compare', () => {
    const r = run();
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text).toContain('Groups by type (4 groups; a group with fewer than 5 councils scored is too small\nto compare):');
    expect(text).toContain('  county: 4 councils scored, too small to compare\n');
    expect(text).toContain('  district: 1 council scored, too small to compare\n');
    expect(text).toContain('  unitary: 7 councils scored\n');
    expect(text).toContain('  (none): 1 council scored, too small to compare\n');
    // the figures, one decimal: county's overall and unitary's beta
    expect(text).toMatch(/ {2}county: 4 councils scored, too small to compare\n.*\n {4}overall +25\.0 +34\.4 +43\.8 +56\.3 +75\.0 +46\.9\n/);
    expect(text).toMatch(/ {2}unitary: 7 councils scored\n(.*\n){3} {4}beta +0\.0 +12\.5 +50\.0 +87\.5 +100\.0 +50\.0\n/);
    // groups come in order, (none) last
    const order = ['county:', 'district:', 'unitary:', '(none):'].map((w) => text.indexOf(`  ${w}`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('markdown: a table of the groups with n and "too small to compare", then each group\'s statistics', () => {
    const md = run('--format', 'markdown').stdout;
    expect(md).toContain(
      [
        '## Groups by type (4 groups; a group with fewer than 5 councils scored is too small to compare)',
        '',
        '| Group | Councils scored | Median overall | Compare |',
        '| --- | ---: | ---: | --- |',
        '| county | 4 | 43.8 | too small to compare |',
        '| district | 1 | 50.0 | too small to compare |',
        '| unitary | 7 | 50.0 | yes |',
        '| (none) | 1 | 50.0 | too small to compare |',
      ].join('\n'),
    );
    expect(md).toContain('### unitary: 7 councils scored\n\n| | Min | Q1 | Median | Q3 | Max | Mean |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n| **Overall** | 12.5 | 43.8 | 50.0 | 62.5 | 87.5 | 51.8 |\n| alpha | 0.0 | 37.5 | 50.0 | 75.0 | 100.0 | 53.6 |\n');
    expect(md).toContain('### county: 4 councils scored, too small to compare\n');
  });

  test('CSV: the group is the column after council, named by the field, empty for none', () => {
    const csv = run('--format', 'csv').stdout.split('\r\n');
    expect(csv[0]).toBe('file,council,type,overall,band,coverage,alpha,beta');
    expect(csv[1]).toBe('answers/c1.yaml,Ashby County Council,county,25.0,Low,100.0,0.0,50.0');
    expect(csv[6]).toBe('answers/n1.yaml,Fell Council,,50.0,High,100.0,50.0,50.0');
    expect(csv[9]).toBe('answers/u3.yaml,"Ince, Kerr and Lowe Council",unitary,37.5,Low,100.0,50.0,25.0');
    expect(csv[14]).toBe('answers/u8.yaml,Quay Unitary,unitary,,,0.0,,');
  });

  test('a field of the profile that no council answers puts every council in (none)', () => {
    const batch = JSON.parse(cli(['batch', 'answers', '--group-by', 'tier', '--format', 'json'], { cwd: dir }).stdout);
    expect(Object.keys(batch.groups.tier)).toEqual(['(none)']);
    expect(batch.groups.tier['(none)'].count).toBe(13);
    expect(batch.groups.tier['(none)'].overall).toEqual(batch.cohort.overall);
  });

  test('a FIELD that is not a profile field is one line naming the fields, with the nearest', () => {
    const r = cli(['batch', 'answers', '--group-by', 'tpye'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: --group-by "tpye" is not a profile field (the profile fields of rubric "groups-test" version 1.0.0 are type, tier; to group by anything else, give a --groups FILE.csv with it as a column); did you mean "type"?\n',
    );
  });

  test('with --rubric, FIELD is checked against that rubric\'s profile', () => {
    const r = cli(['batch', 'answers', '--rubric', 'eight-characteristics', '--group-by', 'tier'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: --group-by "tier" is not a profile field \(the profile fields of rubric "eight-characteristics" version \d+\.\d+\.\d+ are type; to group by anything else, give a --groups FILE\.csv with it as a column\)\n$/,
    );
  });
});

describe('merge of shards run with --group-by', () => {
  const dir = writeCohort();
  const batch = (...args: string[]) => cli(['batch', 'answers', '--format', 'json', ...args], { cwd: dir });

  test('gives exactly the unsharded output: groups are computed again from the councils\' group values', () => {
    writeFileSync(join(dir, 'groups.csv'), 'council,region\nAshby County Council,North\nGale Unitary,North\nHale Unitary,South\n');
    for (const by of [['--group-by', 'type'], ['--group-by', 'region', '--groups', 'groups.csv']]) {
      const whole = batch(...by);
      expect(whole.code).toBe(0);
      const parts = [1, 2, 3].map((i) => {
        const file = join(dir, `part-${i}.json`);
        writeFileSync(file, batch(...by, '--shard', `${i}/3`).stdout);
        return file;
      });
      const merged = cli(['merge', ...parts], { cwd: dir });
      expect(merged.stderr).toBe('');
      expect(merged.code).toBe(0);
      expect(merged.stdout).toBe(whole.stdout);
    }
  });

  test('refuses shards grouped differently, or some not grouped, in one line', () => {
    writeFileSync(join(dir, 'a.json'), batch('--group-by', 'type', '--shard', '1/2').stdout);
    writeFileSync(join(dir, 'b.json'), batch('--shard', '2/2').stdout);
    writeFileSync(join(dir, 'c.json'), batch('--group-by', 'tier', '--shard', '2/2').stdout);
    const r = cli(['merge', 'a.json', 'b.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: a.json is grouped by type and b.json has no groups (no --group-by), so they cannot be merged; run every shard with the same --group-by (and --groups file)\n',
    );
    expect(cli(['merge', 'a.json', 'c.json'], { cwd: dir }).stderr).toBe(
      'error: a.json is grouped by type and c.json is grouped by tier, so they cannot be merged; run every shard with the same --group-by (and --groups file)\n',
    );
  });

  test('a groups object that does not match its councils is a located line', () => {
    const data = JSON.parse(batch('--group-by', 'type').stdout);
    data.groups.type.county.count = 5;
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(data, null, 2));
    const r = cli(['merge', 'edited.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^edited\.json:\d+:\d+: groups\.type\.county\.count: 5 is not the number of councils of this group with an overall score; expected 4\n$/);
  });
});
