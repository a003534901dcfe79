// --anonymise and --alias-key: no output of any kind names a council, and the key is the one place the names appear.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasFor } from '../../src/core/indicator-rows.js';
import { cli } from '../helpers.js';
import { IDENTIFYING, researchCohort } from './cohort.js';

/** Every identifying string found in `text`, so a failure says which one leaked. */
function leaks(text: string): string[] {
  return IDENTIFYING.filter((name) => text.includes(name));
}

describe('aliases', () => {
  test('Council 001 onwards, at least three digits, wider from 1,000 councils', () => {
    expect(aliasFor(0, 3)).toBe('Council 001');
    expect(aliasFor(998, 999)).toBe('Council 999');
    expect(aliasFor(0, 1000)).toBe('Council 0001');
    expect(aliasFor(999, 1000)).toBe('Council 1000');
    expect(aliasFor(12344, 12345)).toBe('Council 12345');
  });
});

describe('batch --anonymise: nothing names a council', () => {
  const dir = researchCohort();
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(['batch', 'answers', '--anonymise', ...args], { cwd: dir, env });

  test.each([
    ['text', ['--format', 'text']],
    ['csv', ['--format', 'csv']],
    ['json', ['--format', 'json']],
    ['markdown', ['--format', 'markdown']],
    ['the cohort report (html)', ['--format', 'html']],
    ['json with groups by a profile field', ['--format', 'json', '--group-by', 'type']],
    ['indicator rows, csv', ['--rows', 'indicator', '--format', 'csv']],
    ['indicator rows, json', ['--rows', 'indicator', '--format', 'json']],
    ['--fail-under', ['--format', 'csv', '--fail-under', '90']],
  ])('%s: stdout and stderr (with an invalid file) hold only aliases', (_name, args) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(leaks(r.stdout)).toEqual([]);
    expect(leaks(r.stderr)).toEqual([]);
    expect(r.stdout).toContain('Council 001');
    // The invalid file's errors name its alias, with the value it quoted left out.
    expect(r.stderr).toContain('Council 003:4:41: council.type: "…" is not one of: county, unitary\nCouncil 003:6:13: alpha.a3: 9 is not on the scale 0-3\n');
  });

  // Worked by hand. York (Council 001, a county): alpha scores a1 only, 100 * 2.5*1 / (2.5*3) = 33.3; beta
  // b1, 100 * 3/3 = 100; overall 66.7; 2 of 5 applicable answered (a3 does not apply), 40%. Leeds
  // (Council 002): alpha a1 and a2 (unknown, 0), 100 * (2.5*2 + 0) / (2.5*3 + 3) = 47.6; beta b1, 33.3;
  // overall 40.5; 4 of 6 answered (n/a counts), 66.7%.
  test('the search finds the names when --anonymise is left out (so it can fail)', () => {
    const plain = cli(['batch', 'answers', '--rows', 'indicator', '--format', 'csv'], { cwd: dir });
    expect(leaks(plain.stdout)).toEqual(expect.arrayContaining(['Leeds City Council', 'York Council', 'answers/a-york.yaml', 'Minutes of 3 May', 'HYPERLINK', 'Plan, ']));
    expect(leaks(plain.stderr)).toEqual(expect.arrayContaining(['answers/c-badtown.yaml', 'Badtown']));
  });

  test('--fail-under names the alias alone', () => {
    const r = run(['--format', 'csv', '--fail-under', '90']);
    expect(r.stderr).toContain('policy failed: Council 001 scored 66.7, below --fail-under 90\n');
    expect(r.stderr).toContain('policy failed: Council 002 scored 40.5, below --fail-under 90\n');
  });

  test('the CSV: the file column holds the alias, as the council column does', () => {
    const r = run(['--format', 'csv']);
    expect(r.stdout.split('\r\n').slice(1, 3)).toEqual(['Council 001,Council 001,66.7,Mid,40.0,33.3,100.0', 'Council 002,Council 002,40.5,Low,66.7,47.6,33.3']);
  });

  test('indicator rows leave evidence out and keep the answer, score and confidence', () => {
    const r = run(['--rows', 'indicator', '--format', 'csv']);
    const lines = r.stdout.split('\r\n');
    expect(lines[4]).toBe('Council 001,Council 001,county,,beta,beta.b1,true,3,3,1,,medium');
    expect(lines[7]).toBe('Council 002,Council 002,unitary,north,alpha,alpha.a1,true,2,2,2.5,,high');
    expect(lines[10]).toBe('Council 002,Council 002,unitary,north,beta,beta.b1,true,1,1,1,,');
  });

  test('JSON says it is anonymised', () => {
    expect(JSON.parse(run(['--format', 'json']).stdout).anonymised).toBe(true);
    expect(JSON.parse(run(['--rows', 'indicator', '--format', 'json']).stdout).anonymised).toBe(true);
  });

  test('GITHUB_STEP_SUMMARY holds only aliases', () => {
    for (const rows of ['council', 'indicator']) {
      const summary = join(dir, `summary-${rows}.md`);
      writeFileSync(summary, '');
      run(['--rows', rows, '--format', 'csv'], { GITHUB_STEP_SUMMARY: summary });
      const text = readFileSync(summary, 'utf8');
      expect(text).toContain('| Council 001 | Council 001 | 66.7 | Mid | 40.0% |');
      expect(leaks(text)).toEqual([]);
    }
  });
});

describe('merge --anonymise', () => {
  const dir = researchCohort();
  const batch = (args: string[]) => cli(['batch', 'answers', ...args], { cwd: dir });

  test.each([['council', []], ['indicator', ['--rows', 'indicator']]])('%s rows: anonymised shards merge to the unsharded anonymised output, keeping their aliases', (rows, extra) => {
    const whole = batch([...extra, '--format', 'json', '--anonymise']);
    for (const i of [1, 2]) batch([...extra, '--format', 'json', '--anonymise', '--shard', `${i}/2`, '--output', `${rows}-a${i}.json`]);
    const merged = cli(['merge', `${rows}-a1.json`, `${rows}-a2.json`], { cwd: dir });
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stderr).toBe(whole.stderr);
    expect(leaks(merged.stdout + merged.stderr)).toEqual([]);
    // --anonymise again changes nothing.
    expect(cli(['merge', `${rows}-a1.json`, `${rows}-a2.json`, '--anonymise'], { cwd: dir }).stdout).toBe(whole.stdout);
  });

  test.each([['council', []], ['indicator', ['--rows', 'indicator']]])('%s rows: plain shards merged with --anonymise give the unsharded anonymised output and the same key', (rows, extra) => {
    const whole = batch([...extra, '--format', 'json', '--anonymise', '--alias-key', `${rows}-key.csv`]);
    for (const i of [1, 2]) batch([...extra, '--format', 'json', '--shard', `${i}/2`, '--output', `${rows}-p${i}.json`]);
    const merged = cli(['merge', `${rows}-p1.json`, `${rows}-p2.json`, '--anonymise', '--alias-key', `${rows}-merged-key.csv`], { cwd: dir });
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stderr).toBe(whole.stderr);
    expect(leaks(merged.stdout + merged.stderr)).toEqual([]);
    expect(readFileSync(join(dir, `${rows}-merged-key.csv`), 'utf8')).toBe(readFileSync(join(dir, `${rows}-key.csv`), 'utf8'));
  });

  test('anonymised and plain shards together are refused; --alias-key of anonymised shards is refused', () => {
    batch(['--format', 'json', '--anonymise', '--shard', '1/2', '--output', 'mix-a.json']);
    batch(['--format', 'json', '--shard', '2/2', '--output', 'mix-p.json']);
    const mixed = cli(['merge', 'mix-a.json', 'mix-p.json'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe('error: mix-a.json is anonymised and mix-p.json is not, so they cannot be merged; run every shard with --anonymise, or none\n');
    batch(['--format', 'json', '--anonymise', '--shard', '2/2', '--output', 'mix-a2.json']);
    const key = cli(['merge', 'mix-a.json', 'mix-a2.json', '--anonymise', '--alias-key', 'k.csv'], { cwd: dir });
    expect(key.code).toBe(2);
    expect(key.stderr).toMatch(/^error: these files are anonymised already, so merge does not know the names for --alias-key/);
    expect(existsSync(join(dir, 'k.csv'))).toBe(false);
  });
});

describe('--alias-key', () => {
  const dir = researchCohort();

  test('alias,council,file for every file in path order; an invalid file has no name', () => {
    const r = cli(['batch', 'answers', '--anonymise', '--alias-key', 'key.csv', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'key.csv'), 'utf8')).toBe(
      'alias,council,file\r\nCouncil 001,York Council,answers/a-york.yaml\r\nCouncil 002,Leeds City Council,answers/b-leeds.yaml\r\nCouncil 003,,answers/c-badtown.yaml\r\n',
    );
    const rows = cli(['batch', 'answers', '--anonymise', '--rows', 'indicator', '--alias-key', 'key-rows.csv', '--format', 'csv'], { cwd: dir });
    expect(rows.code).toBe(2);
    expect(readFileSync(join(dir, 'key-rows.csv'), 'utf8')).toBe(readFileSync(join(dir, 'key.csv'), 'utf8'));
  });

  test('a shard writes the key of its own files, with the aliases of the whole run', () => {
    cli(['batch', 'answers', '--anonymise', '--shard', '2/2', '--alias-key', 'key-2.csv', '--format', 'csv'], { cwd: dir });
    expect(readFileSync(join(dir, 'key-2.csv'), 'utf8')).toBe('alias,council,file\r\nCouncil 002,Leeds City Council,answers/b-leeds.yaml\r\n');
  });

  test.each([
    ['-', 'error: --alias-key - is the screen or standard output, where the councils\' names would appear beside the anonymised output; give a file, such as --alias-key alias-key.csv'],
    ['/dev/stdout', 'error: --alias-key /dev/stdout is the screen or standard output, where the councils\' names would appear beside the anonymised output; give a file, such as --alias-key alias-key.csv'],
    ['answers/a-york.yaml', 'error: --alias-key answers/a-york.yaml is one of the answers files: writing there would destroy it; choose another file for --alias-key'],
    ['out.csv', 'error: --output out.csv and --alias-key out.csv are the same file; give each output its own file'],
  ])('refuses %s with exit 2 before any work', (key, message) => {
    const before = readFileSync(join(dir, 'answers', 'a-york.yaml'), 'utf8');
    const r = cli(['batch', 'answers', '--anonymise', '--alias-key', key, '--format', 'csv', '--output', 'out.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n`);
    expect(readFileSync(join(dir, 'answers', 'a-york.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });

  test('without --anonymise it is refused', () => {
    const r = cli(['batch', 'answers', '--alias-key', 'key.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --alias-key is written only with --anonymise; add --anonymise, or leave out --alias-key\n');
  });
});

describe('an invalid file under --anonymise', () => {
  test('a path in its error (the rubric it names) is left out too', () => {
    const dir = researchCohort();
    writeFileSync(
      join(dir, 'answers', 'd-leeds.yaml'),
      'schemaVersion: 1\nkind: answers\nrubric: ../leeds-rubric/leeds.rubric.yaml\ncouncil: { name: Leeds City Council }\nanswers: {}\n',
    );
    const r = cli(['batch', 'answers/d-leeds.yaml', '--anonymise', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Council 001:3:9: rubric: rubric file not found: …\n');
    expect(JSON.parse(r.stdout).invalid).toEqual([{ file: 'Council 001', errors: ['Council 001:3:9: rubric: rubric file not found: …'] }]);
    expect(r.stdout + r.stderr).not.toMatch(/leeds/i);
  });
});
