// The details of the Word files that a reader other than Word relies on, or that Word gets wrong
// when they are missing: rows that may break across pages, no empty paragraphs for spacing, the
// picture's own alt text, page numbers with a stored value, the language in settings, and the zip's
// first entry.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import { hasPythonDocx, paragraphsOf, readWithPython, readZip, xmlOf } from './read.js';

function docx(args: string[]): { file: string; bytes: Buffer } {
  const file = join(tempDir(), 'report.docx');
  const r = cli([...args, '--format', 'docx', '--output', file]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return { file, bytes: readFileSync(file) };
}

const reports: [string, string[]][] = [
  ['assess', ['assess', 'examples/eastmoor-county.answers.yaml']],
  ['assess --plan', ['assess', 'examples/brackenford-unitary.answers.yaml', '--plan', 'examples/brackenford-unitary.plan.yaml']],
  ['assess, a moderated team file', ['assess', 'examples/team/moderated.answers.yaml']],
  ['compare', ['compare', 'examples/brackenford-unitary-2025.answers.yaml', 'examples/brackenford-unitary.answers.yaml']],
  ['progress', ['progress', 'examples/brackenford-unitary.plan.yaml', '--on', '2027-04-15']],
];
const made = new Map(reports.map(([name, args]) => [name, docx(args)]));

const tablesOf = (document: string) => [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => [...m[1]!.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((r) => r[1]!));

describe.each(reports)('%s --format docx', (name) => {
  const { bytes } = made.get(name)!;
  const document = xmlOf(bytes, 'word/document.xml');

  test('only the header row of a table is kept on one page; body rows may break across pages', () => {
    const tables = tablesOf(document);
    expect(tables.length).toBeGreaterThan(0);
    for (const rows of tables) {
      expect(rows[0]).toContain('<w:cantSplit/>');
      expect(rows.slice(1).filter((r) => r.includes('<w:cantSplit/>'))).toEqual([]);
    }
  });

  test('no empty paragraph is used for spacing: every paragraph outside a table has words or the picture', () => {
    const body = document.replace(/<w:tbl>.*?<\/w:tbl>/gs, '<w:tbl/>');
    // <w:p/> is an empty paragraph too.
    const paragraphs = [...body.matchAll(/<w:p\/>|<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => m[1] ?? m[2] ?? '');
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(paragraphs.filter((p) => !/<w:t[ >]|<w:drawing>/.test(p))).toEqual([]);
  });

  test('the page numbers in the footer have a stored value ("Page 1 of 1" to a reader that does not lay out pages)', () => {
    const footer = xmlOf(bytes, 'word/footer1.xml');
    expect(paragraphsOf(footer)[0]!.text).toMatch(/\. Page 1 of 1$/);
    for (const field of ['PAGE', 'NUMPAGES']) {
      expect(footer).toMatch(new RegExp(`<w:instrText xml:space="preserve">${field}</w:instrText>.*?<w:fldChar w:fldCharType="separate"/></w:r><w:r>(<w:rPr>.*?</w:rPr>)?<w:t>1</w:t></w:r><w:r>(<w:rPr>.*?</w:rPr>)?<w:fldChar w:fldCharType="end"/>`));
    }
  });

  test('[Content_Types].xml is the first entry of the zip, and settings.xml gives the theme language en-GB', () => {
    expect(bytes.subarray(30, 30 + '[Content_Types].xml'.length).toString('latin1')).toBe('[Content_Types].xml');
    expect([...readZip(bytes).keys()][0]).toBe('[Content_Types].xml');
    const settings = xmlOf(bytes, 'word/settings.xml');
    // In the schema's order: after w:compat.
    expect(settings).toMatch(/<\/w:compat><w:themeFontLang w:val="en-GB"\/><\/w:settings>$/);
  });
});

test('the picture\'s own properties (pic:cNvPr) carry the same name, alt text and title as its drawing (wp:docPr)', () => {
  const document = xmlOf(made.get('assess')!.bytes, 'word/document.xml');
  const docPr = /<wp:docPr id="\d+" (name="[^"]*" descr="[^"]*" title="[^"]*")\/>/.exec(document)!;
  expect(docPr[1]).toContain('descr="Radar chart of the scores out of 100 by characteristic for Eastmoor County Council: Intent 22.2');
  expect(document).toContain(`<pic:cNvPr id="0" ${docPr[1]}/>`);
  expect(document).not.toContain('<pic:cNvPr id="0" name="" descr=""/>');
});

test('a row with 2,000 characters of evidence may break across pages (it would otherwise run off the page)', () => {
  const dir = tempDir();
  const file = join(dir, 'long.answers.yaml');
  const evidence = 'The partnership board met monthly and reviewed the community plan with residents. '.repeat(24);
  writeFileSync(file, `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Longshire, type: county }\nanswers:\n  intent.strategic-plans: { score: 2, evidence: "${evidence}" }\n`);
  const rows = tablesOf(xmlOf(docx(['assess', file]).bytes, 'word/document.xml')).flat();
  const row = rows.find((r) => r.includes('The partnership board met monthly'))!;
  expect(row).toBeDefined();
  expect(row).not.toContain('cantSplit');
});

(hasPythonDocx ? test : test.skip)('python-docx reads the footer as "… Page 1 of 1"', () => {
  const view = readWithPython(made.get('compare')!.file);
  expect(view.sections[0]!.footer).toBe('Brackenford Borough Council. Rubric eight-characteristics version 1.3.6. Page 1 of 1');
});
