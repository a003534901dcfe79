// The smaller findings of the spreadsheet review: Excel's own limits in the template, the council
// type in any case, the untouched placeholder name, validate's warnings at their cells, a Rubric cell
// naming a file that is not a rubric, and the example workbook filled in completely.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cli, root, tempDir } from '../helpers.js';

const dir = tempDir();
const template = join(dir, 'template.xlsx');

beforeAll(() => {
  expect(cli(['template', '--format', 'xlsx', '--output', template]).code).toBe(0);
});

async function workbook(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  edit(wb);
  await wb.xlsx.writeFile(join(dir, name));
  return name;
}

function importIt(file: string, args: string[] = []): { code: number | null; stdout: string; lines: string[] } {
  const r = cli(['import', file, ...args], { cwd: dir });
  return { code: r.code, stdout: r.stdout, lines: r.stderr.trimEnd().split('\n').filter((l) => l !== '') };
}

/** The row of the template's Answers sheet that holds `key`. */
function rowOf(wb: ExcelJS.Workbook, key: string): number {
  let found = 0;
  wb.getWorksheet('Answers')!.eachRow((row, n) => {
    if (row.getCell(1).value === key) found = n;
  });
  return found;
}

describe('template keeps to Excel\'s limits', () => {
  test('--from with evidence longer than a cell holds: cut to 32,767 characters, and said on stderr naming the key', async () => {
    const yaml = readFileSync(join(root, 'examples', 'brackenford-unitary.answers.yaml'), 'utf8').replace(
      /intent\.strategic-plans: \{[^\n]*\}/,
      `intent.strategic-plans: { score: 3, evidence: "${'x'.repeat(39_999)}\u{1F600}" }`,
    );
    writeFileSync(join(dir, 'long.yaml'), yaml);
    expect(cli(['validate', 'long.yaml'], { cwd: dir }).code).toBe(0);
    const r = cli(['template', '--format', 'xlsx', '--from', 'long.yaml', '--output', 'long.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'long.yaml: intent.strategic-plans.evidence: warning: is 40001 characters, more than a spreadsheet cell holds (32767); the template keeps the first 32766 and ends it with "…" (the rest stays in this file)\n',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'long.xlsx'));
    const evidence = String(wb.getWorksheet('Answers')!.getCell('K2').value);
    expect(evidence).toHaveLength(32_767);
    expect(evidence).toBe(`${'x'.repeat(32_766)}…`);
    // Nothing to cut: nothing said.
    expect(cli(['template', '--format', 'xlsx', '--from', join(root, 'examples', 'brackenford-unitary.answers.yaml'), '--output', 'short.xlsx'], { cwd: dir }).stderr).toBe('');
  });

  test('a drop-down\'s error message stays within Excel\'s 225 characters', async () => {
    const options = Array.from({ length: 10 }, (_, i) => `combined-authority-number-${i}`);
    const rubric = readFileSync(join(root, 'rubrics', 'eight-characteristics.yaml'), 'utf8')
      .replace('options: [county, unitary, metropolitan-district, london-borough, district]', `options: [county, unitary, metropolitan-district, london-borough, district, ${options.join(', ')}]`)
      .replace(/^id: .*$/m, 'id: long-lists');
    writeFileSync(join(dir, 'long-lists.rubric.yaml'), rubric);
    const r = cli(['template', '--format', 'xlsx', '--rubric', './long-lists.rubric.yaml', '--output', 'lists.xlsx'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'lists.xlsx'));
    const validation = wb.getWorksheet('Council')!.getCell('B3').dataValidation;
    expect(validation.error).toBe('Choose one from the list');
    // The built-in lists are short enough to be named in full.
    const built = new ExcelJS.Workbook();
    await built.xlsx.readFile(template);
    expect(built.getWorksheet('Council')!.getCell('B3').dataValidation.error).toBe('Choose one of: county, unitary, metropolitan-district, london-borough, district');
  });
});

describe('import', () => {
  test('the council type in any case, written in the rubric\'s own spelling (workbook and CSV)', async () => {
    const file = await workbook('case.xlsx', (wb) => {
      wb.getWorksheet('Council')!.getCell('B2').value = 'Leeds';
      wb.getWorksheet('Council')!.getCell('B3').value = 'Metropolitan-District';
    });
    const r = importIt(file);
    expect(r.lines).toEqual([]);
    expect(r.stdout).toContain('\n  type: metropolitan-district\n');
    expect(cli(['template', '--format', 'csv', '--output', 'case.csv'], { cwd: dir }).code).toBe(0);
    const csv = readFileSync(join(dir, 'case.csv'), 'utf8').replace(/^(Name of your council),,/gm, 'Leeds,UNITARY,');
    writeFileSync(join(dir, 'case.csv'), csv);
    const c = importIt('case.csv');
    expect(c.lines).toEqual([]);
    expect(c.stdout).toContain('\n  type: unitary\n');
  });

  test('the placeholder name left in place is an error naming its cell (workbook and CSV)', async () => {
    const file = await workbook('placeholder.xlsx', (wb) => {
      wb.getWorksheet('Answers')!.getCell('J2').value = '1 Emerging';
    });
    const r = importIt(file);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([`placeholder.xlsx:Council!B2: council.name: is still the template's "Name of your council"; type your council's name`]);
    expect(cli(['template', '--format', 'csv', '--output', 'untouched.csv'], { cwd: dir }).code).toBe(0);
    const header = readFileSync(join(dir, 'untouched.csv'), 'utf8').split('\r\n')[0];
    // council, type, Key, 4 reference columns, 4 levels, then Answer.
    writeFileSync(join(dir, 'placeholder.csv'), `${header}\r\nName of your council,,intent.strategic-plans,,,,,,,,,1 Emerging,,,\r\n`);
    const c = importIt('placeholder.csv');
    expect(c.code).toBe(2);
    expect(c.lines).toEqual([`placeholder.csv:2:1: council: is still the template's "Name of your council"; type your council's name`]);
    // Nothing typed in at all: an answers file with no answers (SPEC), placeholder and all.
    for (const untouched of ['untouched.csv', 'template.xlsx']) {
      const u = importIt(untouched);
      expect(u.lines).toEqual([]);
      expect(u.code).toBe(0);
      expect(u.stdout).toContain('\nanswers: {}\n');
    }
  });

  test("validate's warnings, each at its Answer cell; the answers file is still written", async () => {
    let row = 0;
    const file = await workbook('applies.xlsx', (wb) => {
      wb.getWorksheet('Council')!.getCell('B2').value = 'Kent County Council';
      wb.getWorksheet('Council')!.getCell('B3').value = 'county';
      row = rowOf(wb, 'approach.ward-forums');
      wb.getWorksheet('Answers')!.getCell(`J${row}`).value = '2 Developing';
    });
    expect(row).toBeGreaterThan(2);
    const r = importIt(file, ['--output', 'applies.answers.yaml']);
    expect(r.code).toBe(0);
    const validate = cli(['validate', 'applies.answers.yaml'], { cwd: dir }).stderr.trim();
    const message = /warning: .*$/.exec(validate)![0];
    expect(r.lines).toEqual([`applies.xlsx:Answers!J${row}: approach.ward-forums: ${message}`]);
    expect(message).toMatch(/^warning: does not apply to this council/);
    expect(existsSync(join(dir, 'applies.answers.yaml'))).toBe(true);
  });

  test('a Rubric cell naming a file that is not a rubric is named by that cell', async () => {
    writeFileSync(join(dir, 'notes.yaml'), 'just some notes\n');
    const file = await workbook('notrubric.xlsx', (wb) => {
      wb.getWorksheet('Council')!.getCell('B2').value = 'Leeds';
      wb.getWorksheet('Council')!.getCell('B6').value = './notes.yaml';
    });
    const r = importIt(file);
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/^notrubric\.xlsx:Council!B6: rubric: \.\/notes\.yaml cannot be used as a rubric \(.*notes\.yaml:1:1: .*\); the workbook was made from that rubric \(or give one with --rubric\)$/);
  });

  test('the example workbook carries the assessment\'s date and assessor, as its YAML does', () => {
    const r = cli(['import', join(root, 'examples', 'reports', 'brackenford-unitary.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nassessedOn: 2026-10-14\nassessor: Head of Communities\n');
  });
});

test('an --only workbook says it holds part of the assessment, and never that it holds every question', async () => {
  expect(cli(['template', '--format', 'xlsx', '--only', 'approach,culture', '--output', 'only.xlsx'], { cwd: dir }).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'only.xlsx'));
  const lines: string[] = [];
  wb.getWorksheet('Instructions')!.eachRow((row) => lines.push(String(row.getCell(1).value)));
  expect(lines.join('\n')).not.toContain('every question');
  expect(lines[2]).toMatch(/^This workbook holds only part of the self-assessment, for you to answer: approach, culture\. Fill it in/);
});

test('--output naming the terminal itself (/dev/tty) is refused as a terminal is; /dev/null is not', () => {
  const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
  if (script === undefined) {
    if (process.env.CI === 'true') throw new Error('util-linux "script" is required in CI');
    console.warn('SKIPPED: the /dev/tty test needs util-linux "script" (apt-get install bsdutils)');
    return;
  }
  const r = spawnSync(script, ['-qec', `"${process.execPath}" "${bin}" template --format xlsx --output /dev/tty; echo "rc=$?"`, '/dev/null'], {
    cwd: dir,
    encoding: 'latin1',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 20000,
  });
  const screen = r.stdout.replace(/\r/g, '');
  expect(screen).not.toContain('PK');
  expect(screen).toBe('error: an Excel workbook cannot be shown on the screen; --output /dev/tty is a terminal: give a file name, such as --output FILE.xlsx\nrc=2\n');
  expect(cli(['template', '--format', 'xlsx', '--output', '/dev/null'], { cwd: dir }).code).toBe(0);
});
