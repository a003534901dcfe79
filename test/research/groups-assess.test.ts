// assess --cohort F --group-by FIELD: the council placed within its own group (the group's median
// and its quarter), against hand-worked values, in every format; a group under 5 is too small.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root } from '../helpers.js';
import { answersYaml, writeCohort } from './groups-cohort.js';

const dir = writeCohort();
const run = (args: string[]) => cli(args, { cwd: dir });
writeFileSync(join(dir, 'cohort.json'), run(['batch', 'answers', '--group-by', 'type', '--format', 'json']).stdout);
writeFileSync(join(dir, 'plain.json'), run(['batch', 'answers', '--format', 'json']).stdout);
// alpha 50, beta 100, overall 75
writeFileSync(join(dir, 'xeno.yaml'), answersYaml({ name: 'Xeno Unitary', type: 'unitary', answers: [2, 4] }));
// alpha 25, beta 50, overall 37.5
writeFileSync(join(dir, 'yarrow.yaml'), answersYaml({ name: 'Yarrow County Council', type: 'county', answers: [1, 2] }));
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('assess --cohort --group-by', () => {
  test('JSON: cohort.group with the group\'s medians and the council\'s quarters in it', () => {
    const r = run(['assess', 'xeno.yaml', '--cohort', 'cohort.json', '--group-by', 'type', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    // unitary: overall q1 43.75, median 50, q3 62.5; alpha q1 37.5, median 50, q3 75; beta q1 12.5, median 50, q3 87.5
    expect(report.cohort.group).toEqual({
      field: 'type',
      value: 'unitary',
      count: 7,
      tooSmall: false,
      overall: { median: 50, quartile: 4 }, // 75 >= q3
      characteristics: {
        alpha: { median: 50, quartile: 3 }, // 50 = the median: the higher quarter
        beta: { median: 50, quartile: 4 }, // 100 >= q3
      },
    });
    const validate = new Ajv.default().compile(JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8')));
    expect(validate(report)).toBe(true);
  });

  test('a group under 5 councils is still given in JSON, marked too small, and said so in words', () => {
    const json = JSON.parse(run(['assess', 'yarrow.yaml', '--cohort', 'cohort.json', '--group-by', 'type', '--format', 'json']).stdout);
    // county: overall q1 34.375, median 43.75; alpha q1 18.75, median 37.5; beta all 50
    expect(json.cohort.group).toEqual({
      field: 'type',
      value: 'county',
      count: 4,
      tooSmall: true,
      overall: { median: 43.75, quartile: 2 },
      characteristics: { alpha: { median: 37.5, quartile: 2 }, beta: { median: 50, quartile: 4 } },
    });
    const sentence = 'Its group, type = county: 4 councils scored, too small to compare (fewer than 5), so this council is not placed in it';
    const text = run(['assess', 'yarrow.yaml', '--cohort', 'cohort.json', '--group-by', 'type']).stdout;
    expect(flat(text)).toContain(sentence);
    expect(text).not.toContain('group median');
    const md = run(['assess', 'yarrow.yaml', '--cohort', 'cohort.json', '--group-by', 'type', '--format', 'markdown']).stdout;
    expect(flat(md)).toContain(`${sentence}.`);
    expect(md).not.toContain('Group median');
    const html = run(['assess', 'yarrow.yaml', '--cohort', 'cohort.json', '--group-by', 'type', '--format', 'html']).stdout;
    expect(html).toContain(`<p>${sentence}.</p>`);
    expect(html).not.toContain('Group median');
  });

  test('text, markdown, html and docx show the group line and each characteristic\'s group median and quarter', () => {
    const args = ['assess', 'xeno.yaml', '--cohort', 'cohort.json', '--group-by', 'type'];
    const sentence = 'Its group, type = unitary: 7 councils scored, median 50.0; this council is in the top quarter';
    const text = run(args).stdout;
    expect(flat(text)).toContain(sentence);
    expect(text).toMatch(/Alpha .*\n +cohort median +\d+\.\d, [a-z ]+\n +group median +50\.0, upper middle quarter\n/);
    expect(text).toMatch(/Beta .*\n.*\n +group median +50\.0, top quarter\n/);
    const md = run([...args, '--format', 'markdown']).stdout;
    expect(flat(md)).toContain(`${sentence}.`);
    // Too wide for a table at the line length, the rows become a list, each with the group's two columns.
    expect(flat(md)).toContain('- **Alpha**: Score 50.0; Band High; Median 50.0; Quarter upper middle quarter; Group median 50.0; Group quarter upper middle quarter');
    expect(flat(md)).toContain('- **Beta**: Score 100.0; Band High; Median 50.0; Quarter top quarter; Group median 50.0; Group quarter top quarter');
    const html = run([...args, '--format', 'html']).stdout;
    expect(html).toContain(`<p>${sentence}.</p>`);
    expect(html).toContain('<th scope="col">Group median</th><th scope="col">Group quarter</th>');
    expect(html).toContain('<td class="num">50.0</td><td>upper middle quarter</td><td><div class="bar"');
    const docx = run([...args, '--format', 'docx', '--output', 'xeno.docx']);
    expect(docx.code).toBe(0);
    const xml = readFileSync(join(dir, 'xeno.docx')).toString('utf8');
    expect(xml).toContain(sentence);
    expect(xml).toContain('Group quarter');
  });

  test('a groups-file column groups the cohort\'s councils by name, the council placed by its own name', () => {
    writeFileSync(
      join(dir, 'regions.csv'),
      'council,region\nGale Unitary,North\nhale unitary,North\n"Ince, Kerr and Lowe Council",North\nMere Unitary,North\nNess Unitary,North\n XENO UNITARY ,North\n',
    );
    const r = run(['assess', 'xeno.yaml', '--cohort', 'plain.json', '--group-by', 'region', '--groups', 'regions.csv', '--format', 'json']);
    expect(r.stderr).toBe('');
    // North: overall 12.5 37.5 50 62.5 62.5; alpha 0 25 50 50 75; beta 0 25 50 75 100
    expect(JSON.parse(r.stdout).cohort.group).toEqual({
      field: 'region',
      value: 'North',
      count: 5,
      tooSmall: false,
      overall: { median: 50, quartile: 4 },
      characteristics: { alpha: { median: 50, quartile: 4 }, beta: { median: 50, quartile: 4 } },
    });
    // a council the file does not list is placed in (none)
    const y = JSON.parse(run(['assess', 'yarrow.yaml', '--cohort', 'plain.json', '--group-by', 'region', '--groups', 'regions.csv', '--format', 'json']).stdout);
    expect(y.cohort.group).toMatchObject({ value: '(none)', count: 8, tooSmall: false });
  });

  test('an anonymised cohort grouped by the column keeps its groups; one not grouped so is refused', () => {
    // regions.csv as written by the test above. Aliases are not in the groups file, so only the
    // groups stored in the cohort can place the council: the same North group of 5 as by name.
    writeFileSync(join(dir, 'anon-grouped.json'), run(['batch', 'answers', '--anonymise', '--group-by', 'region', '--groups', 'regions.csv', '--format', 'json']).stdout);
    writeFileSync(join(dir, 'anon-plain.json'), run(['batch', 'answers', '--anonymise', '--format', 'json']).stdout);
    const r = run(['assess', 'xeno.yaml', '--cohort', 'anon-grouped.json', '--group-by', 'region', '--groups', 'regions.csv', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).cohort.group).toEqual({
      field: 'region',
      value: 'North',
      count: 5,
      tooSmall: false,
      overall: { median: 50, quartile: 4 },
      characteristics: { alpha: { median: 50, quartile: 4 }, beta: { median: 50, quartile: 4 } },
    });
    const refused = run(['assess', 'xeno.yaml', '--cohort', 'anon-plain.json', '--group-by', 'region', '--groups', 'regions.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'error: anon-plain.json is anonymised, so its councils cannot be found in regions.csv; make the cohort with "batch --anonymise --group-by region --groups regions.csv --format json" to place this council in its group\n',
    );
  });

  test('a group value with markup is escaped in HTML and markdown', () => {
    writeFileSync(join(dir, 'hostile.csv'), 'council,region\nXeno Unitary,<img src=x onerror=alert(1)> | North\n');
    const args = ['assess', 'xeno.yaml', '--cohort', 'plain.json', '--group-by', 'region', '--groups', 'hostile.csv'];
    const html = run([...args, '--format', 'html']).stdout;
    expect(html).toContain('<p>Its group, region = &lt;img src=x onerror=alert(1)&gt; | North: 0 councils scored, too small to compare');
    expect(html).not.toContain('<img src=x');
    const md = run([...args, '--format', 'markdown']).stdout;
    expect(md).not.toContain('<img src=x');
  });

  test('refusals are one line, exit 2', () => {
    const refused = (args: string[]) => {
      const r = run(['assess', 'xeno.yaml', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      return r.stderr;
    };
    expect(refused(['--group-by', 'type'])).toBe('error: --group-by places the council in its group of a cohort, so it needs --cohort <batch.json>\n');
    expect(refused(['--cohort', 'plain.json', '--group-by', 'type'])).toBe(
      'error: plain.json has no groups, not by type; make the cohort with "batch --group-by type --format json" to place this council in its group\n',
    );
    expect(refused(['--cohort', 'cohort.json', '--group-by', 'tpye'])).toBe(
      'error: --group-by "tpye" is not a profile field (the profile fields of rubric "groups-test" version 1.0.0 are type, tier; to group by anything else, give a --groups FILE.csv with it as a column); did you mean "type"?\n',
    );
    expect(refused(['--cohort', 'cohort.json', '--groups', 'regions.csv'])).toBe('error: --groups needs --group-by naming the column to group the cohort by\n');
  });
});
