// Workbooks an officer (or another program) really makes, from the spreadsheet review: two columns
// with one heading, merged cells, notes and Excel Tables saved by openpyxl, dates of type "d" and the
// 1904 date system. Each through the built binary.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import { hasOpenpyxl, python, requireOpenpyxl } from './openpyxl.js';
import { readZip, sheetPart, writeZip } from './zip-edit.js';

const dir = tempDir();
const template = join(dir, 'template.xlsx');

beforeAll(() => {
  expect(cli(['template', '--format', 'xlsx', '--output', template]).code).toBe(0);
});

/** The template edited by a few lines of openpyxl (`wb`, `council`, `answers` are set), saved as `name`. */
function openpyxl(name: string, edit: string): string {
  python(
    `import sys, openpyxl\nfrom openpyxl.comments import Comment\nfrom openpyxl.worksheet.table import Table\nwb = openpyxl.load_workbook(sys.argv[1])\ncouncil = wb['Council']\nanswers = wb['Answers']\ncouncil['B2'] = 'Leeds'\n${edit}\nwb.save(sys.argv[2])\n`,
    [template, join(dir, name)],
  );
  return name;
}

function importIt(file: string): { code: number | null; stdout: string; lines: string[] } {
  const r = cli(['import', file], { cwd: dir });
  return { code: r.code, stdout: r.stdout, lines: r.stderr.trimEnd().split('\n').filter((l) => l !== '') };
}

const answersOf = (yaml: string) => yaml.split('\n').filter((l) => /^ {2}\w+\.[\w-]+:/.test(l));

describe('workbooks as officers save them', () => {
  test('two "Answer" columns: one line naming both cells, nothing written', () => {
    if (!hasOpenpyxl) return requireOpenpyxl('the repeated-heading test');
    const file = openpyxl('dup.xlsx', "answers.insert_cols(10)\nanswers['J1'] = 'Answer'\nanswers['J2'] = '1 Emerging'\nanswers['K2'] = '3 Embedded'");
    const r = importIt(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.lines).toEqual(['dup.xlsx:Answers!J1: the heading "Answer" is also in K1; keep one column for each heading']);
  });

  test('a repeated question in the Council sheet names both rows', () => {
    if (!hasOpenpyxl) return requireOpenpyxl('the repeated-label test');
    const file = openpyxl('duplabel.xlsx', "council['A9'] = 'Council name'\ncouncil['B9'] = 'Other'");
    expect(importIt(file).lines).toEqual(['duplabel.xlsx:Council!A2: the question "Council name" is also in A9; keep one row for each question']);
  });

  test('merged cells: only the top-left cell of a merge holds a value, as in Excel', () => {
    if (!hasOpenpyxl) return requireOpenpyxl('the merged-cells test');
    const file = openpyxl('merged.xlsx', "answers['J2'] = '2 Developing'\nanswers['K2'] = 'shared evidence'\nanswers.merge_cells('J2:J3')\nanswers.merge_cells('K2:K4')");
    const r = importIt(file);
    expect(r.lines).toEqual([]);
    expect(r.code).toBe(0);
    expect(answersOf(r.stdout)).toEqual(['  intent.strategic-plans: { score: 2, evidence: "shared evidence" }']);
  });

  test('a note (comment) and an Excel Table saved by openpyxl import; they are not read', () => {
    if (!hasOpenpyxl) return requireOpenpyxl('the notes-and-tables test');
    const file = openpyxl(
      'notes.xlsx',
      "answers['J2'] = '1 Emerging'\nanswers['J2'].comment = Comment('my note', 'me')\ncouncil['B2'].comment = Comment('the name', 'me')\nanswers.add_table(Table(displayName='Answers1', ref='A1:M31'))",
    );
    const r = importIt(file);
    expect(r.lines).toEqual([]);
    expect(r.code).toBe(0);
    expect(answersOf(r.stdout)).toEqual(['  intent.strategic-plans: 1']);
  });

  test('a part the reader cannot make sense of is one plain line naming the file, with no JavaScript in it', () => {
    const parts = readZip(readFileSync(template));
    const part = sheetPart(parts, 'Answers');
    // A shared-string index past the end of the table.
    parts.set(part, Buffer.from(parts.get(part)!.toString('utf8').replace(/(<c r="J2"[^>]*?)(\/>|>.*?<\/c>)/, '<c r="J2" t="s"><v>99999</v></c>')));
    writeFileSync(join(dir, 'oob.xlsx'), writeZip([...parts]));
    const r = importIt('oob.xlsx');
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([
      'oob.xlsx: cannot be read as an Excel workbook (a part of it is damaged or not as Excel writes it); open it in Excel and save it again as "Excel Workbook (.xlsx)"',
    ]);
  });

  test('a date cell of type "d" (ISO text) is the date it holds; in the 1904 date system, the date Excel shows', () => {
    const parts = readZip(readFileSync(template));
    const council = sheetPart(parts, 'Council');
    const withB4 = (cell: string) => Buffer.from(parts.get(council)!.toString('utf8').replace(/<c r="B4"[^>]*?(\/>|>.*?<\/c>)/, cell));
    const name = (xml: Buffer) => Buffer.from(xml.toString('utf8').replace(/(<c r="B2"[^>]*>)(.*?)(<\/c>)/, '<c r="B2" t="inlineStr"><is><t>Leeds</t></is></c>'));
    writeFileSync(join(dir, 'tdate.xlsx'), writeZip([...parts].map(([n, d]) => [n, n === council ? name(withB4('<c r="B4" t="d"><v>2026-11-01T00:00:00Z</v></c>')) : d])));
    const r = importIt('tdate.xlsx');
    expect(r.lines).toEqual([]);
    expect(r.stdout).toContain('\nassessedOn: 2026-11-01\n');
    // 1904 system: serial 44865 is 2026-11-01 (1,462 days fewer than the same day in the 1900 system).
    const book = parts.get('xl/workbook.xml')!.toString('utf8').replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="1"/>');
    const styled = /<c r="B4"( s="\d+")?/.exec(parts.get(council)!.toString('utf8'))![1] ?? '';
    writeFileSync(
      join(dir, 'd1904.xlsx'),
      writeZip([...parts].map(([n, d]) => [n, n === council ? name(withB4(`<c r="B4"${styled}><v>44865</v></c>`)) : n === 'xl/workbook.xml' ? Buffer.from(book) : d])),
    );
    expect(book).toContain('date1904="1"');
    const d = importIt('d1904.xlsx');
    expect(d.lines).toEqual([]);
    expect(d.stdout).toContain('\nassessedOn: 2026-11-01\n');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
