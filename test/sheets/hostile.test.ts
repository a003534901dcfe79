// Workbooks no template becomes, made small to be hostile: thousands of sparse rows, a cell far to the
// right, two parts under one name. Each ends in one line and exit 2, in seconds and bounded memory,
// before the workbook reader sees it (the real files from the review took 94 s and 2.8 GB, or died).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cli, root, tempDir } from '../helpers.js';
import { readZip, sheetPart, writeZip } from './zip-edit.js';

const dir = tempDir();
const template = join(dir, 'template.xlsx');

beforeAll(() => {
  expect(cli(['template', '--format', 'xlsx', '--output', template]).code).toBe(0);
});

/** The template with `rows` added to its Answers sheet (row XML, inserted before </sheetData>). */
function withRows(name: string, rows: (i: number) => string, count: number): string {
  const parts = readZip(readFileSync(template));
  const part = sheetPart(parts, 'Answers');
  const xml = parts.get(part)!.toString('utf8');
  const extra: string[] = [];
  for (let i = 0; i < count; i++) extra.push(rows(i));
  parts.set(part, Buffer.from(xml.replace('</sheetData>', `${extra.join('')}</sheetData>`)));
  writeFileSync(join(dir, name), writeZip([...parts]));
  return name;
}

function run(file: string): { code: number | null; lines: string[]; ms: number; rssMb: number; written: boolean } {
  const rssFile = join(dir, 'rss');
  const out = join(dir, 'never.yaml');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', join(root, 'bench', 'rss-preload.cjs'), bin, 'import', file, '--output', out], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RSS_FILE: rssFile },
    timeout: 60000,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  expect(r.stdout).toBe('');
  return { code: r.status, lines: r.stderr.trimEnd().split('\n'), ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, written: existsSync(out) };
}

describe('import refuses a sheet far larger than a template, before reading it', () => {
  test('20,000 rows, each with one cell in the last column (124 KB of zip): one line, quickly, in bounded memory', () => {
    const file = withRows('wide.xlsx', (i) => `<row r="${40 + i}"><c r="XFD${40 + i}"><v>1</v></c></row>`, 20_000);
    const r = run(file);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([
      "wide.xlsx:Answers: has a cell as far right as XFD40; the template's sheets use fewer than 20 columns and import reads none past column CV: delete the columns to the right of it",
    ]);
    expect(r.written).toBe(false);
    // Generous bounds for a shared machine (before: 94 s and 2.8 GB).
    expect(r.ms).toBeLessThan(8000);
    expect(r.rssMb).toBeLessThan(200);
  });

  test('one cell just past column CV is refused; the template\'s own columns import', () => {
    const file = withRows('cw.xlsx', () => '<row r="40"><c r="CW40"><v>1</v></c></row>', 1);
    expect(run(file).lines).toEqual([
      "cw.xlsx:Answers: has a cell as far right as CW40; the template's sheets use fewer than 20 columns and import reads none past column CV: delete the columns to the right of it",
    ]);
    const ok = withRows('cv.xlsx', () => '<row r="40"><c r="CV40"><v>1</v></c></row>', 1);
    expect(run(ok).code).toBe(0);
  });

  test('more than 5,000 rows, even in the template\'s columns', () => {
    const file = withRows('tall.xlsx', (i) => `<row r="${40 + i}"><c r="A${40 + i}"><v>1</v></c></row>`, 6000);
    const r = run(file);
    expect(r.lines).toEqual([
      "tall.xlsx:Answers: has more than 5000 rows; the template's sheets have one row for each question, so this is not one to import: delete the rows below the questions",
    ]);
    expect(r.ms).toBeLessThan(8000);
  });

  test('rows within the bound but far more than the rubric has questions: refused once read, naming the sheet', () => {
    // 4,900 rows of 10 cells: under the bounds for any rubric, so the workbook is read (in seconds).
    const row = (i: number) => {
      const n = 40 + i;
      return `<row r="${n}">${'ABCDEFGHIJ'.split('').map((c) => `<c r="${c}${n}"><v>1</v></c>`).join('')}</row>`;
    };
    const r = run(withRows('rows.xlsx', row, 4900));
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([
      'rows.xlsx:Answers: has 4931 rows; one made from rubric "eight-characteristics" has 31 (a header and one row for each of its 30 questions), so this is not one to import: delete the rows below the questions',
    ]);
    expect(r.ms).toBeLessThan(15000);
    expect(r.rssMb).toBeLessThan(400);
  });

  test('two different parts under one name', () => {
    const parts = readZip(readFileSync(template));
    const part = sheetPart(parts, 'Answers');
    const list = [...parts];
    list.push([part, Buffer.from(parts.get(part)!.toString('utf8').replace(/<v>\d+<\/v>/g, '<v>0</v>'))]);
    writeFileSync(join(dir, 'dup.xlsx'), writeZip(list));
    expect(run('dup.xlsx').lines).toEqual([
      `dup.xlsx: is not a workbook that can be read: it holds two different parts named "${part}"; save it again from Excel as .xlsx`,
    ]);
  });
});
