// template --format xlsx|csv, as an officer receives it: read with openpyxl (an independent reader),
// the same bytes every time, never over an existing file, never onto a terminal; --only and --from;
// and an untouched template imports to an answers file with no answers.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cli, root, tempDir } from '../helpers.js';
import { hasOpenpyxl, python, requireOpenpyxl } from './openpyxl.js';

const dir = tempDir();

requireOpenpyxl('reading the template workbook with an independent reader');
const withOpenpyxl = hasOpenpyxl ? test : test.skip;

const DESCRIBE = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {'sheets': [[ws.title, ws.sheet_state] for ws in wb.worksheets]}
ws = wb['Answers']
out['header'] = [c.value for c in ws[1]]
out['freeze'] = ws.freeze_panes
out['rows'] = ws.max_row - 1
out['first'] = [c.value for c in ws[2]]
out['wrapped'] = all(c.alignment.wrap_text for c in ws[2])
out['widths'] = {k: round(v.width) for k, v in ws.column_dimensions.items() if v.width}
out['validations'] = sorted([str(dv.sqref), dv.type, dv.formula1, dv.formula2] for dv in ws.data_validations.dataValidation)
lists = wb['Lists']
out['lists'] = [[c.value for c in col if c.value is not None] for col in lists.iter_cols()]
council = wb['Council']
out['council'] = [[c.value for c in row] for row in council.iter_rows()]
out['councilFreeze'] = council.freeze_panes
out['councilValidations'] = sorted([str(dv.sqref), dv.formula1] for dv in council.data_validations.dataValidation)
out['instructions'] = [c.value for c in wb['Instructions']['A'] if c.value]
out['properties'] = [wb.properties.creator, str(wb.properties.created), str(wb.properties.modified), wb.properties.language]
print(json.dumps(out))
`;

describe('template --format xlsx', () => {
  const file = join(dir, 'blank.xlsx');
  beforeAll(() => {
    expect(cli(['template', '--format', 'xlsx', '--output', file]).code).toBe(0);
  });

  withOpenpyxl('Council, Answers and Instructions sheets, drop-downs, header frozen, text wrapped, columns sized', () => {
    const book = JSON.parse(python(DESCRIBE, [file]));
    expect(book.sheets).toEqual([
      ['Instructions', 'visible'],
      ['Lists', 'hidden'],
      ['Council', 'visible'],
      ['Answers', 'visible'],
    ]);
    expect(book.header).toEqual([
      'Key', 'Characteristic', 'Statement', 'Question', 'What to look for',
      '0 Not in place', '1 Emerging', '2 Developing', '3 Embedded',
      'Answer', 'Evidence', 'Confidence', 'Target',
    ]);
    expect(book.freeze).toBe('B2');
    expect(book.rows).toBe(30);
    expect(book.first.slice(0, 3)).toEqual(['intent.strategic-plans', 'Intent', "Community empowerment is written into the council's strategic plans."]);
    expect(book.first[5]).toBe('Strategic plans do not mention community empowerment.');
    expect(book.first.slice(9)).toEqual([null, null, null, null]);
    expect(book.wrapped).toBe(true);
    expect(book.widths).toMatchObject({ A: 30, C: 48, F: 32, J: 22, K: 50, L: 14 });
    expect(book.lists).toEqual([
      ['0 Not in place', '1 Emerging', '2 Developing', '3 Embedded', "Don't know", 'Not applicable'],
      ['low', 'medium', 'high'],
      ['county', 'unitary', 'metropolitan-district', 'london-borough', 'district'],
    ]);
    // One validation per column of 30 rows: the Answer and Confidence lists, the Target a whole number 1-3.
    expect(book.validations).toEqual([
      ['J2:J31', 'list', 'Lists!$A$1:$A$6', null],
      ['L2:L31', 'list', 'Lists!$B$1:$B$3', null],
      ['M2:M31', 'whole', '1', '3'],
    ]);
    expect(book.council).toEqual([
      ['Question', 'Your answer', 'Notes'],
      ['Council name', 'Name of your council', "Replace with your council's full name."],
      ['What type of council is this?', null, 'Choose from the list: county, unitary, metropolitan-district, london-borough, district.'],
      ['Assessed on', null, 'The date of the assessment, such as 2026-11-01.'],
      ['Assessor', null, 'Who answered, such as your job title (optional).'],
      ['Rubric', 'eight-characteristics', 'Which rubric these questions come from. Please do not change it.'],
    ]);
    expect(book.councilFreeze).toBe('A2');
    expect(book.councilValidations).toEqual([['B3', 'Lists!$C$1:$C$5']]);
    expect(book.instructions[0]).toBe('How to fill in this self-assessment: Eight characteristics of councils building stronger, more resilient communities');
    expect(book.instructions.join('\n')).toMatch(/never change a Key/);
    expect(book.properties).toEqual(['council-resilience', '2000-01-01 00:00:00', '2000-01-01 00:00:00', 'en-GB']);
  });

  test('the same bytes every run: no clock inside, not even in the zip entries', () => {
    const again = join(dir, 'again.xlsx');
    expect(cli(['template', '--format', 'xlsx', '--output', again]).code).toBe(0);
    const bytes = readFileSync(file);
    expect(readFileSync(again).equals(bytes)).toBe(true);
    // Every local header's DOS date and time: 2000-01-01 00:00.
    const stamps = new Set<string>();
    for (let i = bytes.indexOf('PK\u0003\u0004'); i >= 0; i = bytes.indexOf('PK\u0003\u0004', i + 4)) {
      stamps.add(`${bytes.readUInt16LE(i + 12)}/${bytes.readUInt16LE(i + 10)}`);
    }
    expect([...stamps]).toEqual([`${(20 << 9) | (1 << 5) | 1}/0`]);
  });

  test('a terminal gets a one-line refusal (exit 2); a pipe gets the workbook', () => {
    const r = spawnSync('script', ['-qec', `${process.execPath} ${bin} template --format xlsx`, '/dev/null'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(2);
    expect(r.stdout.trim()).toBe('error: an Excel workbook cannot be shown on the screen; add --output FILE.xlsx (or send it to a file with > FILE.xlsx)');
    const piped = spawnSync(process.execPath, [bin, 'template', '--format', 'xlsx'], { cwd: root });
    expect(piped.status).toBe(0);
    expect(Buffer.compare(piped.stdout, readFileSync(file))).toBe(0);
  });

  test('--output never replaces an existing file without --force', () => {
    const filled = join(dir, 'filled.xlsx');
    writeFileSync(filled, 'an officer has filled this in');
    const r = cli(['template', '--format', 'xlsx', '--output', filled]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${filled} already exists; add --force to replace it, or choose another name\n`);
    expect(readFileSync(filled, 'utf8')).toBe('an officer has filled this in');
    expect(cli(['template', '--format', 'csv', '--output', filled]).code).toBe(2);
    expect(cli(['template', '--format', 'xlsx', '--output', filled, '--force']).code).toBe(0);
    expect(readFileSync(filled).equals(readFileSync(file))).toBe(true);
  });
});

describe('an untouched template imports to an answers file with no answers', () => {
  const EMPTY = (from: string) => `# Saved by council-resilience import from ${from}. You can edit it; \`council-resilience validate\` checks it.
schemaVersion: 1
kind: answers
rubric: eight-characteristics
council:
  name: Name of your council
answers: {}
`;
  test.each(['xlsx', 'csv'])('%s', (format) => {
    const file = join(dir, `untouched.${format}`);
    expect(cli(['template', '--format', format, '--output', file]).code).toBe(0);
    const r = cli(['import', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(EMPTY(`untouched.${format}`));
  });
});

describe('--only and --from', () => {
  test.each(['xlsx', 'csv', 'yaml'])("--from fills in last year's council and answers (%s): imported, it scores as last year", (format) => {
    const last = join(root, 'examples', 'brackenford-unitary.answers.yaml');
    const file = join(dir, `from.${format}`);
    expect(cli(['template', '--format', format, '--from', last, '--output', file]).code).toBe(0);
    let answers = file;
    if (format !== 'yaml') {
      answers = join(dir, `from-${format}.answers.yaml`);
      const r = cli(['import', file, '--output', answers]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const report = (f: string) => {
      const { source: _source, ...rest } = JSON.parse(cli(['assess', f, '--format', 'json']).stdout);
      return rest;
    };
    expect(report(answers)).toEqual(report(last));
  });

  test('--only: just those rows; the filtered sheet imports', () => {
    const file = join(dir, 'only.csv');
    expect(cli(['template', '--format', 'csv', '--only', 'governance,intent.service-trap', '--output', file]).code).toBe(0);
    const keys = readFileSync(file, 'utf8').trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[2]);
    expect(keys).toEqual(['intent.service-trap', 'governance.lead-director', 'governance.lead-member', 'governance.political-patience', 'governance.member-mandate']);
    expect(cli(['import', file]).code).toBe(0);
  });

  test('--from a file that is not an answers file: its own located error, exit 2, nothing written', () => {
    const bad = join(dir, 'bad.answers.yaml');
    writeFileSync(bad, 'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: X }\nanswers:\n  intent.strategic-plans: 7\n');
    const out = join(dir, 'never.xlsx');
    const r = cli(['template', '--format', 'xlsx', '--from', bad, '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${bad}:6:27: intent.strategic-plans: 7 is not on the scale 0-3\n`);
    expect(existsSync(out)).toBe(false);
  });
});
