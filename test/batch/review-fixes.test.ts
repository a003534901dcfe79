// Review 2 of issue 11, row 8 (the reviewer's tests, copied from their file, then ours): merge and
// assess --cohort refuse batch JSON whose statistics contradict themselves or its councils, a shard
// counted twice under another spelling of its paths, and duplicate keys; merge says why a shard
// with invalid files exits 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const example = (name: string) => join(root, 'examples', name);
const head = (extra = '') =>
  `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: X Council, type: county }\n${extra}`;

/** A batch JSON of four examples, written in dir, and the parsed object. */
function cohortJson(dir: string) {
  const r = cli(['batch', ...['brackenford-unitary', 'brackenford-unitary-2025', 'eastmoor-county', 'saltmarsh-district'].map((n) => example(`${n}.answers.yaml`)), '--format', 'json']);
  expect(r.code).toBe(0);
  writeFileSync(join(dir, 'cohort.json'), r.stdout);
  return JSON.parse(r.stdout) as { councils: { file: string }[]; cohort: { count: number; overall: Record<string, number | null> } };
}

describe('row 8: assess --cohort trusts cohort statistics that contradict themselves', () => {
  test('quartiles out of order (q1 90, q3 10) are refused, not used to put the council in the top quarter', () => {
    const dir = tempDir();
    const batch = cohortJson(dir);
    Object.assign(batch.cohort.overall, { q1: 90, q3: 10 });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(batch, null, 2));
    const r = cli(['assess', example('eastmoor-county.answers.yaml'), '--cohort', 'bad.json'], { cwd: dir });
    expect(r.stdout).not.toMatch(/top quarter/);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.json:\d+:\d+: cohort\.overall/m);
  });

  test('a count that is not the number of scored councils (100 for 4) is refused', () => {
    const dir = tempDir();
    const batch = cohortJson(dir);
    batch.cohort.count = 100;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(batch, null, 2));
    const r = cli(['assess', example('eastmoor-county.answers.yaml'), '--cohort', 'bad.json'], { cwd: dir });
    expect(r.stdout).not.toMatch(/Cohort of 100 councils/);
    expect(r.code).toBe(2);
  });

  test('count 0 with a median is refused, not shown as "Cohort of 0 councils: median 46.4"', () => {
    const dir = tempDir();
    const batch = cohortJson(dir);
    batch.cohort.count = 0;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(batch, null, 2));
    const r = cli(['assess', example('eastmoor-county.answers.yaml'), '--cohort', 'bad.json'], { cwd: dir });
    expect(r.stdout).not.toMatch(/Cohort of 0 councils: median \d/);
    expect(r.code).toBe(2);
  });
});

describe('row 8: merge counts one shard twice when its council files are spelt differently', () => {
  test.each([
    ['an absolute path', (f: string) => resolve(f)],
    ['a doubled slash', (f: string) => f.replace('examples/', 'examples//')],
  ])('the same shard, its files written as %s, is refused (exit 2), not merged into twice the councils', (_name, spell) => {
    const dir = tempDir();
    const files = ['brackenford-unitary', 'eastmoor-county', 'saltmarsh-district', 'wrenfield-county'].map((n) => `examples/${n}.answers.yaml`);
    const r1 = cli(['batch', ...files, '--shard', '1/2', '--format', 'json']);
    expect(r1.code).toBe(0);
    const shard = JSON.parse(r1.stdout) as { councils: { file: string }[] };
    writeFileSync(join(dir, 'a.json'), r1.stdout);
    for (const row of shard.councils) row.file = spell(row.file);
    writeFileSync(join(dir, 'b.json'), JSON.stringify(shard, null, 2));
    const r = cli(['merge', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/in both/);
  });
});

describe('row 8: merge of a shard with invalid files', () => {
  test('exit 2 says why on stderr (batch lists the invalid files; merge said nothing)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), head('answers:\n  nope.nope: 1\n'));
    writeFileSync(join(dir, 'good.yaml'), readFileSync(example('eastmoor-county.answers.yaml')));
    const b = cli(['batch', '.', '--format', 'json', '--output', 'part.json'], { cwd: dir });
    expect(b.code).toBe(2);
    const r = cli(['merge', 'part.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml/);
  });
});

describe('row 8: every contradiction in a cohort is a located error, exit 2, for merge and --cohort alike', () => {
  type Batch = ReturnType<typeof cohortJson> & { cohort: { characteristics: Record<string, unknown> } };
  const cases: [string, (b: Batch) => void, string][] = [
    ['min above max', (b) => Object.assign(b.cohort.overall, { min: 80, max: 20 }), '82:16: cohort.overall: the statistics are out of order (min 80, q1 30.6944444444, median 46.3541666667, q3 63.6656746032, max 20); expected min <= q1 <= median <= q3 <= max'],
    ['q1 above q3', (b) => Object.assign(b.cohort.overall, { q1: 90, q3: 10 }), '82:16: cohort.overall: the statistics are out of order (min 24.8611111111, q1 90, median 46.3541666667, q3 10, max 74.4543650794); expected min <= q1 <= median <= q3 <= max'],
    ['some statistics null', (b) => Object.assign(b.cohort.overall, { q1: null }), '82:16: cohort.overall: has null for q1 but numbers for min, median, q3, max and mean; expected all six statistics to be numbers, or all null when no council was scored'],
    ['a mean outside the range', (b) => Object.assign(b.cohort.overall, { mean: 99 }), '88:15: cohort.overall.mean: 99 is outside the range of the scores (min 24.8611111111, max 74.4543650794); expected a mean between them'],
    ['a count of 100 for 4', (b) => Object.assign(b.cohort, { count: 100 }), '81:14: cohort.count: 100 is not the number of councils in this file with an overall score; expected 4'],
    ['count 0 with a median', (b) => Object.assign(b.cohort, { count: 0 }), '81:14: cohort.count: 0 is not the number of councils in this file with an overall score; expected 4'],
    ["a median in order but not the councils'", (b) => Object.assign(b.cohort.overall, { median: 50 }), "85:17: cohort.overall.median: does not match the councils' overall scores in this file (median 50 where their scores give 46.3541666667); expected the statistics of the councils listed"],
    ['all null though the councils have scores', (b) => Object.assign(b.cohort.overall, { min: null, q1: null, median: null, q3: null, max: null, mean: null }), '82:16: cohort.overall: is all null, but the councils in this file have overall scores (median 46.3541666667); expected their statistics'],
  ];
  test.each(cases)('%s', (_name, change, message) => {
    const dir = tempDir();
    const batch = cohortJson(dir) as Batch;
    change(batch);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(batch, null, 2));
    for (const args of [['merge', 'bad.json'], ['assess', example('eastmoor-county.answers.yaml'), '--cohort', 'bad.json']]) {
      const r = cli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`bad.json:${message}\n`);
    }
  });

  test('councils: [] with a count of 4 and statistics: the count and each set of statistics, located', () => {
    const dir = tempDir();
    const batch = cohortJson(dir);
    batch.councils = [];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(batch, null, 2));
    const r = cli(['merge', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'bad.json:12:14: cohort.count: 4 is not the number of councils in this file with an overall score; expected 0',
      'bad.json:13:16: cohort.overall: has statistics, but no council in this file has an overall score; expected all six null',
      'bad.json:22:17: cohort.characteristics.intent: has statistics, but no council in this file has a score for intent; expected all six null',
    ]);
    expect(lines).toHaveLength(10);
  });

  test('a cohort with no scores at all is said plainly, not "in the no quarter (not scored)"', () => {
    const dir = tempDir();
    const batch = cohortJson(dir) as ReturnType<typeof cohortJson> & { cohort: { characteristics: Record<string, unknown> } };
    const none = { min: null, q1: null, median: null, q3: null, max: null, mean: null };
    batch.councils = [];
    batch.cohort.count = 0;
    batch.cohort.overall = { ...none };
    for (const id of Object.keys(batch.cohort.characteristics)) batch.cohort.characteristics[id] = { ...none };
    writeFileSync(join(dir, 'none.json'), JSON.stringify(batch, null, 2));
    const r = cli(['assess', example('eastmoor-county.answers.yaml'), '--cohort', 'none.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/no quarter|Cohort of 0/);
    expect(r.stdout).toContain('\n                 cohort median     –, no scores in the cohort\n');
    expect(r.stdout).toContain('The cohort has no overall scores (no council in it was scored), so this council\ncannot be placed in it\n');
  });
});

describe('row 8: merge names the inputs when one shard is given twice under other spellings', () => {
  test('written with "..", the same files are refused with both spellings named', () => {
    const dir = tempDir();
    const files = ['brackenford-unitary', 'eastmoor-county'].map((n) => `examples/${n}.answers.yaml`);
    const r1 = cli(['batch', ...files, '--format', 'json']);
    expect(r1.code).toBe(0);
    writeFileSync(join(dir, 'a.json'), r1.stdout);
    const shard = JSON.parse(r1.stdout) as { councils: { file: string }[] };
    for (const row of shard.councils) row.file = `./test/../${row.file}`;
    writeFileSync(join(dir, 'b.json'), JSON.stringify(shard, null, 2));
    const r = cli(['merge', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: the council file examples/brackenford-unitary.answers.yaml is in both ${join(dir, 'a.json')} and ${join(dir, 'b.json')} (written examples/brackenford-unitary.answers.yaml in the first and ./test/../examples/brackenford-unitary.answers.yaml in the second) (and 1 more file like it); each file must be in exactly one shard, so these cannot be merged\n`,
    );
  });

  test('shards of one run, with plain paths, still merge', () => {
    const files = ['brackenford-unitary', 'eastmoor-county', 'saltmarsh-district'].map((n) => `examples/${n}.answers.yaml`);
    const dir = tempDir();
    for (const i of [1, 2]) writeFileSync(join(dir, `p${i}.json`), cli(['batch', ...files, '--shard', `${i}/2`, '--format', 'json']).stdout);
    const r = cli(['merge', join(dir, 'p1.json'), join(dir, 'p2.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(cli(['batch', ...files, '--format', 'json']).stdout);
  });
});

describe('row 8: merge of a shard with invalid files lists their errors as batch does', () => {
  test('the same lines on stderr as batch printed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), head('answers:\n  nope.nope: 1\n'));
    writeFileSync(join(dir, 'good.yaml'), readFileSync(example('eastmoor-county.answers.yaml')));
    const b = cli(['batch', '.', '--format', 'json', '--output', 'part.json'], { cwd: dir });
    expect(b.stderr).toBe('bad.yaml:6:3: nope.nope: not an indicator of rubric "eight-characteristics"\n');
    const r = cli(['merge', 'part.json', '--output', 'all.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(b.stderr);
  });
});

describe('row 8: an extra characteristic in the cohort is named once, at the cohort', () => {
  test('cohort.characteristics.<id>, not every council', () => {
    const dir = tempDir();
    const batch = cohortJson(dir) as ReturnType<typeof cohortJson> & { cohort: { characteristics: Record<string, unknown> } };
    batch.cohort.characteristics.extra = batch.cohort.characteristics.intent;
    const text = JSON.stringify(batch, null, 2);
    writeFileSync(join(dir, 'bad.json'), text);
    const line = text.split('\n').findIndex((l) => l.startsWith('      "extra": ')) + 1;
    const r = cli(['merge', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `bad.json:${line}:7: cohort.characteristics.extra: is not a characteristic of the councils in this file (they have intent, approach, knowledge, commissioning, governance, culture, partnership, measurement); expected statistics for theirs only\n`,
    );
  });
});

describe('row 8: a key given twice in a batch JSON is refused at the repeat', () => {
  test.each([
    ['at the top', (t: string) => t.replace('"schemaVersion": 1,', '"schemaVersion": 1,\n  "cohort": {},'), 'dup.json:81:3: cohort: is given twice in the same object (first at line 3)'],
    ['in a council', (t: string) => t.replace(/("overall": [\d.]+,)/, '$1\n      "overall": 99,'), 'dup.json:14:7: councils[0].overall: is given twice in the same object (first at line 13)'],
    ['in a characteristic\'s statistics', (t: string) => t.replace('"min": 22.22222222222222,', '"min": 22.22222222222222,\n        "min": 0,'), 'dup.json:93:9: cohort.characteristics.intent.min: is given twice in the same object (first at line 92)'],
  ])('%s', (_name, edit, expected) => {
    const dir = tempDir();
    cohortJson(dir);
    writeFileSync(join(dir, 'dup.json'), edit(readFileSync(join(dir, 'cohort.json'), 'utf8')));
    for (const args of [['merge', 'dup.json'], ['assess', example('eastmoor-county.answers.yaml'), '--cohort', 'dup.json']]) {
      const r = cli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${expected}; only the last would be read, so keep one\n`);
    }
  });

  test('a colon written as \\u003a is no repeat: the file merges', () => {
    const dir = tempDir();
    cohortJson(dir);
    const text = readFileSync(join(dir, 'cohort.json'), 'utf8').replace('"council": "Brackenford Borough Council"', '"council": "Brackenford\\u003a Borough: Council"');
    writeFileSync(join(dir, 'esc.json'), text);
    const r = cli(['merge', 'esc.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"council": "Brackenford: Borough: Council"');
  });
});

describe('a cohort in which no council was scored', () => {
  test('markdown and HTML say so in words, as the text report does', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blank.yaml'), head('answers: {}\n'));
    const batch = cli(['batch', 'blank.yaml', '--format', 'json', '--output', 'cohort.json'], { cwd: dir });
    expect(batch.code).toBe(0);
    for (const format of ['text', 'markdown', 'html']) {
      const r = cli(['assess', example('eastmoor-county.answers.yaml'), '--cohort', 'cohort.json', '--format', format], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout.replace(/\s+/g, ' ')).toContain('The cohort has no overall scores (no council in it was scored), so this council cannot be placed in it');
      expect(r.stdout).not.toMatch(/in the –/);
    }
  });
});
