// An officer fills in the workbook (or the CSV) with something other than this tool, in the ways
// officers do: rows sorted, some left blank, evidence that looks like a formula to a spreadsheet.
// Imported, it must score exactly as the same answers written by hand in YAML.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import { hasOpenpyxl, python, requireOpenpyxl } from './openpyxl.js';

requireOpenpyxl('filling in the template workbook as Excel would');
const maybe = hasOpenpyxl ? describe : describe.skip;

type Row = [answer: string | number, evidence: string | null, confidence: string | null, target: number | null];

/** What the officer types, by Key; every other row is left blank. */
const FILLED: Record<string, Row> = {
  'intent.strategic-plans': ['3 Embedded', 'Council Plan 2025-29 | priority 2 | actions and owners', 'high', null],
  'intent.defined-approach': ['2 Developing', null, null, null],
  'intent.budget-and-demand': ['1 Emerging', '+44 20 7946 0000: the prevention hotline, in the MTFS', 'medium', 2],
  'approach.co-production': ["Don't know", null, 'low', null],
  'approach.ward-forums': ['Not applicable', '@brackenford on social media: forums paused', null, null],
  'knowledge.asset-mapping': ['0 Not in place', null, null, 1],
  'commissioning.social-investment': ['2 Developing', '=not a formula when written in YAML, but typed as text', null, null],
  'governance.lead-member': [3, "Portfolio description, 'May 2025'", 'high', null],
};

/** The same answers, written as a person would in an answers file. */
const YAML = `schemaVersion: 1
kind: answers
rubric: eight-characteristics
council: { name: Eastwick Borough Council, type: unitary }
assessedOn: 2026-11-03
assessor: Head of Policy
answers:
  intent.strategic-plans: { score: 3, evidence: "Council Plan 2025-29 | priority 2 | actions and owners", confidence: high }
  intent.defined-approach: 2
  intent.budget-and-demand: { score: 1, evidence: "+44 20 7946 0000: the prevention hotline, in the MTFS", confidence: medium, target: 2 }
  approach.co-production: { score: unknown, confidence: low }
  approach.ward-forums: { score: n/a, evidence: "@brackenford on social media: forums paused" }
  knowledge.asset-mapping: { score: 0, target: 1 }
  commissioning.social-investment: { score: 2, evidence: "=not a formula when written in YAML, but typed as text" }
  governance.lead-member: { score: 3, evidence: "Portfolio description, 'May 2025'", confidence: high }
`;

// Fills the workbook: the Council sheet by its labels, the Answers rows sorted Z to A by Key, values
// typed into the columns found by their headings; the assessment date typed as a real Excel date.
const FILL_XLSX = `
import datetime, json, sys, openpyxl
path, spec = sys.argv[1], json.loads(sys.argv[2])
wb = openpyxl.load_workbook(path)
council = {row[0].value: row[1] for row in wb['Council'].iter_rows()}
council['Council name'].value = 'Eastwick Borough Council'
council['What type of council is this?'].value = 'unitary'
council['Assessed on'].value = datetime.date(2026, 11, 3)
council['Assessor'].value = 'Head of Policy'
ws = wb['Answers']
header = [c.value for c in ws[1]]
col = {h: i for i, h in enumerate(header)}
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
rows.sort(key=lambda r: r[0], reverse=True)
for r in rows:
    if r[0] in spec:
        for name, value in zip(['Answer', 'Evidence', 'Confidence', 'Target'], spec[r[0]]):
            r[col[name]] = value
for i, r in enumerate(rows):
    for j, v in enumerate(r):
        cell = ws.cell(row=i + 2, column=j + 1, value=v)
        if isinstance(v, str) and v.startswith('='):
            cell.data_type = 's'
wb.save(path)
`;

// The CSV as a spreadsheet saves it: Python's csv module, the council's columns filled on every row.
const FILL_CSV = `
import csv, json, sys
path, spec = sys.argv[1], json.loads(sys.argv[2])
with open(path, newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
col = {h: i for i, h in enumerate(header)}
body.sort(key=lambda r: r[col['Key']], reverse=True)
for r in body:
    r[col['council']] = 'Eastwick Borough Council'
    r[col['type']] = 'unitary'
    if r[col['Key']] in spec:
        for name, value in zip(['Answer', 'Evidence', 'Confidence', 'Target'], spec[r[col['Key']]]):
            r[col[name]] = '' if value is None else str(value)
with open(path, 'w', newline='', encoding='utf-8-sig') as f:
    csv.writer(f).writerows([header] + body)
`;

/** The report with what differs by its source (the path) left out. */
function scores(file: string) {
  const r = cli(['assess', file, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const { source: _source, ...report } = JSON.parse(r.stdout);
  return report;
}

maybe('a template filled in outside the tool imports to the same scores as YAML', () => {
  const dir = tempDir();
  const handWritten = join(dir, 'hand.answers.yaml');
  writeFileSync(handWritten, YAML);
  const expected = scores(handWritten);

  test('xlsx: filled with openpyxl (sorted rows, blanks, evidence starting with + @ = or holding |)', () => {
    const workbook = join(dir, 'eastwick.xlsx');
    expect(cli(['template', '--format', 'xlsx', '--output', workbook]).code).toBe(0);
    python(FILL_XLSX, [workbook, JSON.stringify(FILLED)]);
    const out = join(dir, 'from-xlsx.answers.yaml');
    const r = cli(['import', workbook, '--output', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(cli(['validate', out]).code).toBe(0);
    expect(scores(out)).toEqual(expected);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('assessedOn: 2026-11-03');
    expect(text).toContain('assessor: Head of Policy');
    // Evidence exactly as typed: nothing added in front of + @ or =.
    expect(text).toContain('evidence: "+44 20 7946 0000: the prevention hotline, in the MTFS"');
    expect(text).toContain('evidence: "=not a formula when written in YAML, but typed as text"');
  });

  test('csv: filled with Python csv (sorted rows, blanks, a BOM as Excel writes one)', () => {
    const sheet = join(dir, 'eastwick.csv');
    expect(cli(['template', '--format', 'csv', '--output', sheet]).code).toBe(0);
    python(FILL_CSV, [sheet, JSON.stringify(FILLED)]);
    const out = join(dir, 'from-csv.answers.yaml');
    const r = cli(['import', sheet, '--output', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(cli(['validate', out]).code).toBe(0);
    expect(scores(out)).toEqual(expected);
  });
});
