// compare --format docx has the sections of compare's HTML report: the "Scores" heading, the bar
// chart (a PNG whose alt text says every score) followed by its table, and the rubric line, with both
// versions when the two years used different ones.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import { paragraphsOf, readZip, unescapeXml, xmlOf } from './read.js';

const before = 'examples/brackenford-unitary-2025.answers.yaml';
const after = 'examples/brackenford-unitary.answers.yaml';

function run(format: string, a: string, b: string, note = ''): Buffer {
  const file = join(tempDir(), `compare.${format}`);
  const r = cli(['compare', a, b, '--format', format, '--output', file]);
  expect({ code: r.code, note: r.stderr.startsWith(note) }).toEqual({ code: 0, note: true });
  if (note === '') expect(r.stderr).toBe('');
  return readFileSync(file);
}

const htmlHeadings = (html: string) => [...html.matchAll(/<h([1-3])>(.*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: unescapeXml(m[2]!.replace(/&#39;/g, "'")) }));
const docxHeadings = (document: string) =>
  paragraphsOf(document)
    .filter((p) => p.style.startsWith('Heading'))
    .map((p) => ({ level: Number(p.style.slice(-1)), text: p.text }));
const fmt = (x: number | null) => (x === null ? 'not scored' : (Math.round(x * 10) / 10).toFixed(1));

describe('compare --format docx', () => {
  const bytes = run('docx', before, after);
  const document = xmlOf(bytes, 'word/document.xml');
  const report = JSON.parse(cli(['compare', before, after, '--format', 'json']).stdout);

  test('the same headings as the HTML comparison, in the same order, "Scores" among them', () => {
    const headings = docxHeadings(document);
    expect(headings).toEqual(htmlHeadings(run('html', before, after).toString('utf8')));
    expect(headings.slice(0, 3)).toEqual([
      { level: 1, text: 'Progress: Brackenford Borough Council' },
      { level: 2, text: 'Scores' },
      { level: 2, text: `Improved (${report.improved.length})` },
    ]);
  });

  test('under "Scores": the bar chart as a PNG whose alt text says every score before and after, as the JSON has them, then the table', () => {
    const png = readZip(bytes).get('word/media/image1.png')!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const scores = document.slice(document.indexOf('>Scores<'), document.indexOf('>Improved ('));
    const descr = unescapeXml(/<wp:docPr id="1" name="Bar chart of the scores before and after" descr="([^"]*)"/.exec(scores)![1]!);
    const rows = [{ title: 'Overall', ...report.overall }, ...report.characteristics];
    expect(descr).toBe(
      `Bar chart of the scores out of 100 for Brackenford Borough Council, before (${report.before.assessedOn}) and after (${report.after.assessedOn}): ` +
        `${rows.map((r: { title: string; before: number | null; after: number | null }) => `${r.title} ${fmt(r.before)} before, ${fmt(r.after)} after`).join('; ')}. The same numbers are in the table that follows.`,
    );
    // Hand-checked against the examples: 2025's overall score, then this year's.
    expect(descr).toContain(`Overall ${fmt(report.overall.before)} before, ${fmt(report.overall.after)} after;`);
    const afterPicture = scores.slice(scores.indexOf('<w:drawing>'));
    expect(paragraphsOf(afterPicture.slice(afterPicture.indexOf('</w:p>') + 6))[0]!.text).toBe('Scores out of 100, before and after, and the change');
    const table = /<w:tbl>(.*?)<\/w:tbl>/s.exec(afterPicture)![1]!;
    const cells = [...table.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => paragraphsOf(m[1]!).map((p) => p.text));
    expect(cells[0]).toEqual(['Characteristic', 'Before', 'After', 'Change']);
    expect(cells[1]!.slice(0, 3)).toEqual(['Overall', fmt(report.overall.before), fmt(report.overall.after)]);
    // Never wider than the 17 cm text column.
    const cx = Number(/<wp:extent cx="(\d+)"/.exec(scores)![1]);
    expect(cx).toBeLessThanOrEqual((11906 - 2 * 1134) * 635);
  });

  test('the rubric line under the title: its title and version, as in the HTML', () => {
    const meta = paragraphsOf(document)[1]!.text;
    expect(meta).toBe(`From ${report.before.assessedOn} to ${report.after.assessedOn}. Rubric: Eight characteristics of councils building stronger, more resilient communities, version ${report.rubric.after}.`);
    expect(run('html', before, after).toString('utf8')).toContain(`<p class="meta">${meta}</p>`);
  });
});

test('across rubric versions the Word comparison says both: "version 1.3.6 before, 2.0.0 after"', () => {
  const dir = tempDir();
  const rubric = readFileSync('rubrics/eight-characteristics.yaml', 'utf8');
  const version = /^version: (.+)$/m.exec(rubric)![1]!;
  writeFileSync(join(dir, 'v2.rubric.yaml'), rubric.replace(/^version: .+$/m, 'version: 2.0.0'));
  writeFileSync(join(dir, 'after.yaml'), readFileSync(after, 'utf8').replace(/^rubric: .+$/m, 'rubric: v2.rubric.yaml'));
  const document = xmlOf(run('docx', before, join(dir, 'after.yaml'), 'note: '), 'word/document.xml');
  expect(paragraphsOf(document)[1]!.text).toMatch(new RegExp(`^From .* to .*\\. Rubric: Eight characteristics of councils building stronger, more resilient communities, version ${version.replace(/\./g, '\\.')} before, 2\\.0\\.0 after\\.$`));
});
