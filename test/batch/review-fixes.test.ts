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
