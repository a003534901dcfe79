// Every mistake an officer can make in the workbook or the CSV: one line naming the sheet and cell
// (or line and column), all of them listed, exit 2, and no answers file written.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const dir = tempDir();
const template = join(dir, 'template.xlsx');
const csvTemplate = join(dir, 'template.csv');

beforeAll(() => {
  expect(cli(['template', '--format', 'xlsx', '--output', template]).code).toBe(0);
  expect(cli(['template', '--format', 'csv', '--output', csvTemplate]).code).toBe(0);
});

/** The template, changed by `edit`, saved as `name` (by exceljs, as another program would). */
async function workbook(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  edit(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function importFails(file: string): string[] {
  const out = join(dir, 'never.answers.yaml');
  const r = cli(['import', basename(file), '--output', out], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return r.stderr.trimEnd().split('\n');
}

// The template's Answers sheet: row 2 is intent.strategic-plans, row 3 intent.defined-approach, ...;
// columns A Key, F-I the level descriptors, J Answer, K Evidence, L Confidence, M Target.
describe('import names every mistake in a workbook by sheet and cell', () => {
  test('values off the scale or not in the drop-downs, unknown and repeated keys, a formula, a bad date and council type: all listed', async () => {
    const file = await workbook('mistakes.xlsx', (wb) => {
      const answers = wb.getWorksheet('Answers')!;
      answers.getCell('J2').value = '5 Great';
      answers.getCell('J3').value = 'Maybe';
      answers.getCell('J4').value = '2 Embedded';
      answers.getCell('L5').value = 'sure';
      answers.getCell('J5').value = '1 Emerging';
      answers.getCell('A6').value = 'approach.reducing-demnd';
      answers.getCell('J6').value = 2;
      answers.getCell('A8').value = 'intent.strategic-plans';
      answers.getCell('J9').value = { formula: 'MAX(F9:I9)', result: 3 } as ExcelJS.CellFormulaValue;
      answers.getCell('M10').value = 7;
      answers.getCell('J10').value = '2 Developing';
      const council = wb.getWorksheet('Council')!;
      council.getCell('B3').value = 'unitry';
      council.getCell('B4').value = 'next Tuesday';
    });
    expect(importFails(file)).toEqual([
      `mistakes.xlsx:Council!B2: council.name: is still the template's "Name of your council"; type your council's name`,
      'mistakes.xlsx:Council!B3: council.type: "unitry" is not one of: county, unitary, metropolitan-district, london-borough, district; did you mean "unitary"?',
      'mistakes.xlsx:Council!B4: assessedOn: "next Tuesday" is not a date; type the date as YYYY-MM-DD, such as 2026-11-01',
      'mistakes.xlsx:Answers!J2: intent.strategic-plans: "5 Great" is not on the scale 0-3',
      `mistakes.xlsx:Answers!J3: intent.defined-approach: "Maybe" is not one of the answers in the drop-down: 0 Not in place, 1 Emerging, 2 Developing, 3 Embedded, Don't know, Not applicable`,
      'mistakes.xlsx:Answers!J4: intent.budget-and-demand: "2 Embedded" is not one of the answers in the drop-down; level 2 is "2 Developing"',
      'mistakes.xlsx:Answers!L5: intent.service-trap.confidence: "sure" is not one of: low, medium, high',
      'mistakes.xlsx:Answers!A6: approach.reducing-demnd: not an indicator of rubric "eight-characteristics"; did you mean "approach.reducing-demand"?',
      'mistakes.xlsx:Answers!A8: intent.strategic-plans: is already on row 2; each indicator has one row',
      'mistakes.xlsx:Answers!J9: is a formula (=MAX(F9:I9)); type the value itself: formulas are never worked out',
      'mistakes.xlsx:Answers!M10: approach.community-teams.target: 7 is not a level on the scale 1-3',
    ]);
  });

  test('a missing sheet, a missing column', async () => {
    const noCouncil = await workbook('no-council.xlsx', (wb) => {
      wb.getWorksheet('Council')!.name = 'About us';
    });
    expect(importFails(noCouncil)).toEqual([
      'no-council.xlsx: has no sheet "Council"; import reads a workbook made by "council-resilience template --format xlsx"',
    ]);
    const renamed = await workbook('no-answer-column.xlsx', (wb) => {
      wb.getWorksheet('Answers')!.getCell('J1').value = 'Score';
    });
    expect(importFails(renamed)).toEqual([
      'no-answer-column.xlsx:Answers!1:1: no column "Answer" in the header row; keep the header row as the template wrote it (columns may be moved, not renamed)',
    ]);
  });

  test('an empty council name, and an answer with no Key', async () => {
    const file = await workbook('no-name.xlsx', (wb) => {
      wb.getWorksheet('Council')!.getCell('B2').value = null;
      const answers = wb.getWorksheet('Answers')!;
      answers.getCell('A3').value = null;
      answers.getCell('J3').value = '1 Emerging';
    });
    expect(importFails(file)).toEqual([
      "no-name.xlsx:Council!B2: council.name: is empty; type your council's name",
      'no-name.xlsx:Answers!A3: this row has an answer but no Key; copy the Key from the template, so the answer can be matched to its question',
    ]);
  });

  test('a Rubric row that names no rubric is named by its cell; keys of another rubric in a CSV are one line', async () => {
    const file = await workbook('rubric.xlsx', (wb) => {
      wb.getWorksheet('Council')!.getCell('B6').value = 'eight-characteristic';
    });
    expect(importFails(file)).toEqual([
      'rubric.xlsx:Council!B6: rubric: no built-in rubric "eight-characteristic"; did you mean "eight-characteristics"? (built-in: community-power, eight-characteristics, facilitative-council, influencing-change, partnership-principles), and no file of that name; the workbook was made from that rubric (or give one with --rubric)',
    ]);
    const other = join(dir, 'community-power.csv');
    expect(cli(['template', '--format', 'csv', '--rubric', 'community-power', '--output', other]).code).toBe(0);
    const keys = readFileSync(other, 'utf8').trimEnd().split('\r\n').length - 1;
    expect(importFails(other)).toEqual([
      `community-power.csv: none of its ${keys} Keys is an indicator of rubric "eight-characteristics"; if it was made from another rubric, name that one with --rubric`,
    ]);
    expect(cli(['import', other, '--rubric', 'community-power']).code).toBe(0);
  });
});

describe('import names every mistake in a CSV by line and column', () => {
  test('off the scale, an unknown key, a council type, a target: line and field number', () => {
    const lines = readFileSync(csvTemplate, 'utf8').split('\r\n');
    const header = lines[0]!.split(',');
    const answer = header.indexOf('Answer');
    expect(answer).toBe(11);
    // Line 2 is intent.strategic-plans. Fields are replaced at the end of the line, which holds no
    // quoted commas after the level descriptors.
    const set = (line: string, values: Record<number, string>) => {
      const cells = line.split(',');
      const tail = cells.slice(-4);
      for (const [i, v] of Object.entries(values)) tail[Number(i) - answer] = v;
      const head = cells.slice(0, -4);
      return [...head, ...tail].join(',');
    };
    for (let i = 1; i < lines.length; i++) lines[i] = lines[i]!.replace(/^Name of your council,,/, 'Eastwick,unitry,');
    lines[1] = set(lines[1]!, { [answer]: '5 Great' });
    lines[2] = set(lines[2]!, { [answer + 3]: '0' });
    lines[3] = lines[3]!.replace('intent.budget-and-demand', 'intent.budget-and-demnd');
    const file = join(dir, 'mistakes.csv');
    writeFileSync(file, lines.join('\r\n'));
    expect(importFails(file)).toEqual([
      'mistakes.csv:2:12: intent.strategic-plans: "5 Great" is not on the scale 0-3',
      'mistakes.csv:3:15: intent.defined-approach.target: 0 is not a target; a target is a level from 1 to 3, the level this council aims for',
      'mistakes.csv:4:3: intent.budget-and-demnd: not an indicator of rubric "eight-characteristics"; did you mean "intent.budget-and-demand"?',
      'mistakes.csv:2:2: council.type: "unitry" is not one of: county, unitary, metropolitan-district, london-borough, district; did you mean "unitary"?',
    ]);
  });

  test('two councils in one CSV, a missing column, a quote never closed', () => {
    const lines = readFileSync(csvTemplate, 'utf8').split('\r\n');
    lines[2] = lines[2]!.replace(/^Name of your council,/, 'Westholm,');
    const two = join(dir, 'two.csv');
    writeFileSync(two, lines.join('\r\n'));
    expect(importFails(two)).toEqual(['two.csv:3:1: council: "Westholm" differs from "Name of your council" on an earlier row; every row is one council']);
    const nameless = join(dir, 'nameless.csv');
    writeFileSync(nameless, readFileSync(csvTemplate, 'utf8').replace(/^Name of your council,/gm, ','));
    expect(importFails(nameless)).toEqual(["nameless.csv:2:1: council: is empty on every row; type your council's name in the council column"]);
    const semicolons = join(dir, 'semicolons.csv');
    writeFileSync(semicolons, 'council;type;Key;Answer\r\nLeeds;;intent.strategic-plans;2 Developing\r\n');
    expect(importFails(semicolons)).toEqual([
      'semicolons.csv:1:1: its columns are separated by semicolons, not commas; save it as "CSV UTF-8 (Comma delimited)", or set the list separator to a comma',
    ]);
    const noTarget = join(dir, 'no-target.csv');
    writeFileSync(noTarget, readFileSync(csvTemplate, 'utf8').replace(',Target\r\n', ',Aim\r\n'));
    expect(importFails(noTarget)).toEqual(['no-target.csv:1:1: no column "Target" in the header row; keep the header row as the template wrote it (columns may be moved, not renamed)']);
    const open = join(dir, 'open.csv');
    writeFileSync(open, `${readFileSync(csvTemplate, 'utf8')}Name of your council,,intent.strategic-plans,"never closed\n`);
    expect(importFails(open)).toEqual([`open.csv:${lines.length}:4: a quoted cell is never closed (a " is missing)`]);
  });
});

describe('import --output', () => {
  test('never replaces an existing file without --force, and never the spreadsheet itself', () => {
    const out = join(dir, 'kept.answers.yaml');
    writeFileSync(out, 'hand-edited\n');
    const r = cli(['import', csvTemplate, '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${out} already exists; add --force to replace it, or choose another name\n`);
    expect(readFileSync(out, 'utf8')).toBe('hand-edited\n');
    expect(cli(['import', csvTemplate, '--output', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^answers: \{\}$/m);
    const over = cli(['import', template, '--output', template, '--force']);
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(`error: --output ${template} is the spreadsheet: writing there would destroy it; choose another file for --output\n`);
  });
});
