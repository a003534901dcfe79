// batch --rows indicator: one row per council and indicator, checked against the answers files by hand.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root } from '../helpers.js';
import { researchCohort } from './cohort.js';

const HEADER = 'file,council,type,region,characteristic,key,applicable,answer,score,weight,evidence,confidence';

// Worked from the answers files in cohort.ts and the rubric's weights (a1 2.5, the rest 1).
const YORK = [
  'answers/a-york.yaml,York Council,county,,alpha,alpha.a1,true,1,1,2.5,,',
  'answers/a-york.yaml,York Council,county,,alpha,alpha.a2,true,,,1,,',
  'answers/a-york.yaml,York Council,county,,alpha,alpha.a3,false,2,,1,,', // not applicable to a county: kept, not scored
  'answers/a-york.yaml,York Council,county,,beta,beta.b1,true,3,3,1,Minutes of 3 May,medium',
  'answers/a-york.yaml,York Council,county,,beta,beta.b2,true,,,1,,',
  'answers/a-york.yaml,York Council,county,,beta,beta.b3,true,,,1,,',
];
const LEEDS = [
  'answers/b-leeds.yaml,Leeds City Council,unitary,north,alpha,alpha.a1,true,2,2,2.5,"Plan, ""2025""\nsection 3",high',
  'answers/b-leeds.yaml,Leeds City Council,unitary,north,alpha,alpha.a2,true,unknown,0,1,,', // unknown counts as 0
  'answers/b-leeds.yaml,Leeds City Council,unitary,north,alpha,alpha.a3,true,n/a,,1,,',
  `answers/b-leeds.yaml,Leeds City Council,unitary,north,beta,beta.b1,true,1,1,1,"'=HYPERLINK(""http://x"")",`, // a formula made inert
  'answers/b-leeds.yaml,Leeds City Council,unitary,north,beta,beta.b2,true,,,1,,', // null: not assessed
  'answers/b-leeds.yaml,Leeds City Council,unitary,north,beta,beta.b3,true,,,1,,', // missing: not assessed
];
const INVALID = [
  'answers/c-badtown.yaml:4:41: council.type: "Badtown" is not one of: county, unitary',
  'answers/c-badtown.yaml:6:13: alpha.a3: 9 is not on the scale 0-3',
];

describe('batch --rows indicator --format csv', () => {
  const dir = researchCohort();

  test('one row per council and indicator, in path order then rubric order, every kind of answer as worked by hand', () => {
    const r = cli(['batch', 'answers', '--rows', 'indicator', '--format', 'csv'], { cwd: dir });
    expect(r.stdout).toBe(`${[HEADER, ...YORK, ...LEEDS].join('\r\n')}\r\n`);
    // The invalid file is reported exactly as batch reports it today: on stderr, exit 2.
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${INVALID.join('\n')}\n`);
    const today = cli(['batch', 'answers', '--format', 'csv'], { cwd: dir });
    expect(r.stderr).toBe(today.stderr);
  });

  test('--output: the same bytes, written atomically (no temporary file left), replacing the old file', () => {
    const out = join(dir, 'rows.csv');
    writeFileSync(out, 'old\n');
    const r = cli(['batch', 'answers', '--rows', 'indicator', '--format', 'csv', '--output', 'rows.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(`${[HEADER, ...YORK, ...LEEDS].join('\r\n')}\r\n`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('worker threads write the same bytes as one thread, in CSV and JSON', () => {
    for (const format of ['csv', 'json']) {
      const one = cli(['batch', 'answers', '--rows', 'indicator', '--format', format], { cwd: dir, env: { COUNCIL_RESILIENCE_THREADS: '1' } });
      const two = cli(['batch', 'answers', '--rows', 'indicator', '--format', format], { cwd: dir, env: { COUNCIL_RESILIENCE_THREADS: '2' } });
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(two.code).toBe(2);
    }
  });

  test('--rows council is the default and unchanged', () => {
    const plain = cli(['batch', 'answers', '--format', 'csv'], { cwd: dir });
    const council = cli(['batch', 'answers', '--format', 'csv', '--rows', 'council'], { cwd: dir });
    expect(council).toEqual(plain);
    expect(plain.stdout.split('\r\n')[0]).toBe('file,council,overall,band,coverage,alpha,beta');
  });

  test('text, markdown and html are refused with exit 2, saying which formats it writes', () => {
    for (const format of ['text', 'markdown', 'html']) {
      const r = cli(['batch', 'answers', '--rows', 'indicator', '--format', format], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: --rows indicator writes csv or json, not ${format}; add --format csv or --format json\n`);
    }
  });

  test('--group-by with indicator rows is refused with exit 2 (the rows carry the profile fields already)', () => {
    const r = cli(['batch', 'answers', '--rows', 'indicator', '--format', 'csv', '--group-by', 'type'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("error: --group-by works with council rows; indicator rows already carry each council's profile fields (such as type), so group them in R or pandas, or leave out --rows indicator\n");
  });

  test('files of two rubrics: exit 2 naming them, and --output is not written', () => {
    const other = join(dir, 'mixed');
    mkdirSync(other);
    cli(['template', '--output', join(other, 'z.yaml')]);
    writeFileSync(join(other, 'z.yaml'), readFileSync(join(other, 'z.yaml'), 'utf8').replace(/name: .*/, 'name: Zed Council'));
    const r = cli(['batch', 'answers/a-york.yaml', 'mixed/z.yaml', '--rows', 'indicator', '--format', 'csv', '--output', 'mixed.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: these files use more than one rubric: eight-characteristics \(1 file\), rows-test \(1 file\)/);
    expect(existsSync(join(dir, 'mixed.csv'))).toBe(false);
  });
});

describe('batch --rows indicator --format json', () => {
  const dir = researchCohort();
  const r = cli(['batch', 'answers', '--rows', 'indicator', '--format', 'json'], { cwd: dir });
  const data = JSON.parse(r.stdout);

  test('validates against schemas/batch-rows.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'batch-rows.schema.json'), 'utf8'));
    const validate = new Ajv.default({ allErrors: true }).compile(schema);
    expect(validate(data)).toBe(true);
  });

  test('the same rows as the CSV, with numbers, true/false and null as JSON types, and the invalid file as batch JSON has it', () => {
    expect(Object.keys(data)).toEqual(['schemaVersion', 'rubric', 'rows', 'invalid']);
    expect(data.rubric).toMatchObject({ id: 'rows-test', version: '0.1.0', title: 'Rows test rubric', profile: ['type', 'region'] });
    expect(data.rows).toHaveLength(12);
    expect(Object.keys(data.rows[0])).toEqual(HEADER.split(','));
    expect(data.rows[2]).toEqual({
      file: 'answers/a-york.yaml', council: 'York Council', type: 'county', region: null, characteristic: 'alpha', key: 'alpha.a3',
      applicable: false, answer: 2, score: null, weight: 1, evidence: null, confidence: null,
    });
    expect(data.rows[6]).toMatchObject({ key: 'alpha.a1', answer: 2, score: 2, weight: 2.5, evidence: 'Plan, "2025"\nsection 3', confidence: 'high' });
    expect(data.rows[7]).toMatchObject({ key: 'alpha.a2', answer: 'unknown', score: 0 });
    expect(data.rows[8]).toMatchObject({ key: 'alpha.a3', answer: 'n/a', score: null, applicable: true });
    expect(data.rows[9]).toMatchObject({ evidence: '=HYPERLINK("http://x")' }); // JSON is data: no quote added
    expect(data.rows[10]).toMatchObject({ key: 'beta.b2', answer: null, score: null });
    const today = JSON.parse(cli(['batch', 'answers', '--format', 'json'], { cwd: dir }).stdout);
    expect(data.invalid).toEqual(today.invalid);
    expect(data.invalid).toEqual([{ file: 'answers/c-badtown.yaml', errors: INVALID }]);
    expect(r.code).toBe(2);
  });
});

describe('--shard and merge with --rows indicator', () => {
  const dir = researchCohort();
  for (const anonymise of [[], ['--anonymise']]) {
    test(`merge of three shards equals the unsharded output${anonymise.length ? ' (--anonymise)' : ''}`, () => {
      const whole = cli(['batch', 'answers', '--rows', 'indicator', '--format', 'json', ...anonymise], { cwd: dir });
      const parts = [1, 2, 3].map((i) => {
        const file = `part-${i}${anonymise.length ? '-a' : ''}.json`;
        cli(['batch', 'answers', '--rows', 'indicator', '--format', 'json', '--shard', `${i}/3`, '--output', file, ...anonymise], { cwd: dir });
        return file;
      });
      const merged = cli(['merge', ...parts], { cwd: dir });
      expect(merged.stdout).toBe(whole.stdout);
      expect(merged.code).toBe(2); // the invalid file, as batch
      expect(merged.stderr).toBe(whole.stderr);
    });
  }

  test('merge refuses council-row and indicator-row outputs together, and a council file in two shards', () => {
    cli(['batch', 'answers', '--format', 'json', '--output', 'councils.json'], { cwd: dir });
    cli(['batch', 'answers', '--rows', 'indicator', '--format', 'json', '--output', 'all-rows.json'], { cwd: dir });
    cli(['batch', 'answers', '--rows', 'indicator', '--format', 'json', '--shard', '1/2', '--output', 'half.json'], { cwd: dir });
    const mixed = cli(['merge', 'all-rows.json', 'councils.json'], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(
      'error: all-rows.json holds indicator rows (--rows indicator) and councils.json council rows, so they cannot be merged; merge the shards of one batch run\n',
    );
    const twice = cli(['merge', 'all-rows.json', 'half.json'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(
      'error: the council file answers/a-york.yaml is in both all-rows.json and half.json; each file must be in exactly one shard, so these cannot be merged\n',
    );
  });
});
