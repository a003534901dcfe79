// assess --format docx, read back without the library that wrote it: the XML itself, and python-docx.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import { hasPythonDocx, paragraphsOf, readWithPython, readZip, unescapeXml, xmlOf } from './read.js';

const county = 'test/fixtures/answers/weighted-county.yaml';
const eastmoor = 'examples/eastmoor-county.answers.yaml';

function docx(args: string[]): { file: string; bytes: Buffer } {
  const file = join(tempDir(), 'report.docx');
  const r = cli([...args, '--format', 'docx', '--output', file]);
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: '' });
  return { file, bytes: readFileSync(file) };
}

const json = (args: string[]) => JSON.parse(cli([...args, '--format', 'json']).stdout);
const maybe = hasPythonDocx ? describe : describe.skip;

describe('assess --format docx: the document XML', () => {
  test('a zip with the parts of a Word document, an en-GB default language, A4 with 2 cm margins, page numbers in the footer', () => {
    const { bytes } = docx(['assess', county]);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const parts = readZip(bytes);
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml', 'word/footer1.xml', 'word/media/image1.png']));
    expect(xmlOf(bytes, '[Content_Types].xml')).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    const styles = xmlOf(bytes, 'word/styles.xml');
    // The language of every run, from the default run properties.
    expect(/<w:docDefaults>.*<w:rPrDefault>.*<w:lang w:val="en-GB"\/>.*<\/w:rPrDefault>/s.test(styles)).toBe(true);
    // Word's own heading styles, each with its outline level (what the navigation pane lists).
    for (const [n, level] of [[1, 0], [2, 1], [3, 2]]) {
      expect(styles).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="Heading ${n}"/>.*?<w:outlineLvl w:val="${level}"/>`));
    }
    const document = xmlOf(bytes, 'word/document.xml');
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(document).toContain('<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"');
    const footer = xmlOf(bytes, 'word/footer1.xml');
    expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    expect(paragraphsOf(footer).map((p) => p.text)).toEqual(['Testshire County Council. Rubric weighted version 0.1.0. Page 1 of 1']);
    const core = xmlOf(bytes, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Community resilience assessment: Testshire County Council</dc:title>');
    expect(core).toContain('<dc:subject>Self-assessment against Weighted test rubric</dc:subject>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    // The fixture has no assessedOn: no date at all, rather than the time it was run.
    expect(core).not.toContain('dcterms:created');
  });

  test('headings: Heading 1 for the title, Heading 2 for each section, in the order of the HTML report', () => {
    const { bytes } = docx(['assess', county]);
    const headings = paragraphsOf(xmlOf(bytes, 'word/document.xml')).filter((p) => p.style.startsWith('Heading'));
    expect(headings).toEqual([
      { style: 'Heading1', text: 'Community resilience assessment: Testshire County Council' },
      ...['Summary', 'Priority next steps', 'Alpha', 'Beta', 'Gamma (no indicators)', 'Delta', 'Not assessed (1)', "Don't know (1)", 'About this assessment'].map((text) => ({ style: 'Heading2', text })),
    ]);
  });

  test('every table has one header cell per column in a first row marked as the header row (repeated on each page)', () => {
    const { bytes } = docx(['assess', eastmoor]);
    const tables = [...xmlOf(bytes, 'word/document.xml').matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
    expect(tables.length).toBe(9); // the scores, and one per characteristic
    for (const t of tables) {
      const rows = [...t.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
      const columns = (t.match(/<w:gridCol /g) ?? []).length;
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
      expect((rows[0]!.match(/<w:tc>/g) ?? []).length).toBe(columns);
      // Header cells say something: a screen reader reads them out with every cell.
      for (const cell of rows[0]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)) expect(cell[1]).toMatch(/<w:t[^>]*>[^<]+<\/w:t>/);
    }
  });

  test('the radar chart is a PNG whose alt text (docPr descr) says every score, as the JSON report has them; the same numbers follow in a table', () => {
    const { bytes } = docx(['assess', eastmoor]);
    const report = json(['assess', eastmoor]);
    const png = readZip(bytes).get('word/media/image1.png')!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const document = xmlOf(bytes, 'word/document.xml');
    const docPr = /<wp:docPr id="\d+" name="([^"]*)" descr="([^"]*)" title="([^"]*)"\/>/.exec(document)!;
    expect(docPr).not.toBeNull();
    const descr = unescapeXml(docPr[2]!);
    expect(descr.startsWith('Radar chart of the scores out of 100 by characteristic for Eastmoor County Council: ')).toBe(true);
    const said = report.characteristics.map((c: { title: string; score: number; band: string }) => `${c.title} ${(Math.round(c.score * 10) / 10).toFixed(1)} (${c.band})`);
    expect(descr).toContain(said.join('; '));
    // Hand-checked against the answers: Intent has 3 indicators, answered 0, 1 and 1 of 3 -> 2/9.
    expect(said[0]).toBe('Intent 22.2 (Getting started)');
    // The table straight after the picture has the same numbers, the band in words.
    const afterImage = document.slice(document.indexOf('<wp:docPr'));
    const firstTable = /<w:tbl>(.*?)<\/w:tbl>/s.exec(afterImage)![1]!;
    const rows = [...firstTable.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => paragraphsOf(m[1]!).map((p) => p.text));
    expect(rows[0]).toEqual(['Characteristic', 'Score out of 100', 'Band', 'Answered']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(
      report.characteristics.map((c: { title: string; score: number; band: string }) => [c.title, (Math.round(c.score * 10) / 10).toFixed(1), c.band]),
    );
  });

  test('hand-worked numbers of the weighted fixture: Alpha 500/9 = 55.6, Beta 50.0, overall (2 x 55.6 + 50) / 3 = 53.7, coverage 5 of 6', () => {
    const { bytes } = docx(['assess', county]);
    const texts = paragraphsOf(xmlOf(bytes, 'word/document.xml')).map((p) => p.text);
    expect(texts).toContain('Overall score: 53.7 out of 100');
    expect(texts).toContain('Band: Mid');
    expect(texts).toContain('83.3% of the questions that apply were answered (5 of 6).');
    expect(texts).toContain('Score: 55.6 (Mid). Answered: 100.0%.');
    expect(texts).toContain('Score: 50.0 (Mid). Answered: 100.0%.');
    const descr = unescapeXml(/descr="([^"]*)"/.exec(xmlOf(bytes, 'word/document.xml'))![1]!);
    expect(descr).toContain('Alpha 55.6 (Mid); Beta 50.0 (Mid); Gamma (no indicators) not scored; Delta not scored.');
  });

  test('text from the file cannot break the document: markup and control characters arrive as visible text', () => {
    const dir = tempDir();
    const file = join(dir, 'odd.answers.yaml');
    const rubric = join(process.cwd(), 'test', 'fixtures', 'rubrics', 'weighted.yaml');
    writeFileSync(file, `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: "Tags <b>&</b> \\u0007 Council", type: county }\nanswers:\n  alpha.a1: { score: 3, evidence: "line one\\nline two </w:t> \\uFFFF" }\n`);
    const { bytes } = docx(['assess', file]);
    const document = xmlOf(bytes, 'word/document.xml');
    expect(paragraphsOf(document)[0]!.text).toBe('Community resilience assessment: Tags <b>&</b> \\x07 Council');
    expect(document).toContain('line one</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">line two &lt;/w:t&gt; \\uffff');
    expect(xmlOf(bytes, 'docProps/core.xml')).toContain('<dc:title>Community resilience assessment: Tags &lt;b&gt;&amp;&lt;/b&gt; \\x07 Council</dc:title>');
  });
});

describe('assess --format docx: a cohort, a combined file and --plan', () => {
  test('--cohort: the sentence that places the council, and the median and quarter beside each score, as the JSON report has them', () => {
    const cohort = join(tempDir(), 'cohort.json');
    const councils = ['brackenford-unitary-2025', 'brackenford-unitary', 'eastmoor-county', 'saltmarsh-district'].map((n) => `examples/${n}.answers.yaml`);
    expect(cli(['batch', ...councils, '--format', 'json', '--output', cohort]).code).toBe(0);
    const { bytes } = docx(['assess', eastmoor, '--cohort', cohort]);
    const report = json(['assess', eastmoor, '--cohort', cohort]);
    const document = xmlOf(bytes, 'word/document.xml');
    const texts = paragraphsOf(document).map((p) => p.text);
    const median = (Math.round(report.cohort.overall.median * 10) / 10).toFixed(1);
    expect(texts.find((t) => t.startsWith('Cohort of '))).toMatch(new RegExp(`^Cohort of ${report.cohort.count} councils: median ${median}; this council is in the (bottom|lower middle|upper middle|top) quarter\\.$`));
    const rows = [...document.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => paragraphsOf(m[1]!).map((p) => p.text));
    expect(rows[0]).toEqual(['Characteristic', 'Score out of 100', 'Band', 'Answered', 'Cohort median', 'Quarter']);
    const intent = report.cohort.characteristics.intent;
    expect(rows[1]!.slice(4)).toEqual([(Math.round(intent.median * 10) / 10).toFixed(1), expect.stringMatching(/quarter$/)]);
  });


  test('examples/team: the range of views beside each answer and "Where assessors disagreed" with each disputed indicator under a Heading 3', () => {
    const { bytes } = docx(['assess', 'examples/team/moderated.answers.yaml']);
    const report = json(['assess', 'examples/team/moderated.answers.yaml']);
    const paragraphs = paragraphsOf(xmlOf(bytes, 'word/document.xml'));
    const at = paragraphs.findIndex((p) => p.style === 'Heading2' && p.text === 'Where assessors disagreed');
    expect(at).toBeGreaterThan(0);
    expect(paragraphs[at + 1]!.text).toBe(
      'Assessors: Head of Communities, Head of HR and Organisational Development, Head of Finance and Commissioning. 3 of 30 indicators with views are disputed (views two or more levels apart, or not applicable beside a level): all are settled.',
    );
    const disputed = report.characteristics.flatMap((c: { indicators: { disputed?: boolean; statement: string }[] }) => c.indicators.filter((i) => i.disputed).map((i) => i.statement));
    expect(disputed).toHaveLength(3);
    expect(paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text)).toEqual(disputed);
    expect(paragraphs.filter((p) => p.text.startsWith('Agreed: '))).toHaveLength(3);
    const document = xmlOf(bytes, 'word/document.xml');
    const viewTables = [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => paragraphsOf(m[1]!).map((p) => p.text)).filter((t) => t[0] === 'Assessor');
    expect(viewTables).toHaveLength(3);
    for (const t of viewTables) expect(t.slice(0, 4)).toEqual(['Assessor', 'Level', 'Confidence', 'Evidence']);
    // The range of views, under the answer in its cell (a line break, not a new paragraph).
    expect(paragraphs.filter((p) => /views \d–\d from \d assessors$/.test(p.text)).length).toBeGreaterThan(0);
    expect(paragraphs.filter((p) => /from 1 assessor$|assessors agree$/.test(p.text)).length).toBeGreaterThan(0);
  });

  test('examples/team combined (not yet moderated): each disputed indicator says "Not yet settled"', () => {
    const { bytes } = docx(['assess', 'examples/team/combined.answers.yaml']);
    const texts = paragraphsOf(xmlOf(bytes, 'word/document.xml')).map((p) => p.text);
    expect(texts.filter((t) => t.startsWith('Not yet settled; for now the answer is '))).toHaveLength(3);
  });

  test('--plan adds the action plan table: each next step with its action, owner, due date and status in words', () => {
    const args = ['assess', 'examples/brackenford-unitary.answers.yaml', '--plan', 'examples/brackenford-unitary.plan.yaml'];
    const { bytes } = docx(args);
    const without = docx(['assess', 'examples/brackenford-unitary.answers.yaml']).bytes;
    const report = json(args);
    const document = xmlOf(bytes, 'word/document.xml');
    expect(paragraphsOf(xmlOf(without, 'word/document.xml')).some((p) => p.text === 'Action plan')).toBe(false);
    const headings = paragraphsOf(document).filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(headings.slice(0, 4)).toEqual(['Summary', 'Priority next steps', 'Action plan', 'Marked done but the level has not moved']);
    const plan = [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => [...m[1]!.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((r) => paragraphsOf(r[1]!).map((p) => p.text))).find((t) => t[0]![0] === 'Next step')!;
    expect(plan[0]).toEqual(['Next step', 'Action', 'Owner', 'Due', 'Status']);
    expect(plan).toHaveLength(6); // --top 5
    const words = { planned: 'planned', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' } as Record<string, string>;
    report.gaps.slice(0, 5).forEach((gap: { key: string; plan?: { owner: string | null; due: string | null; status: string } }, n: number) => {
      const row = plan[n + 1]!;
      expect(row[0]!.startsWith(`${n + 1}. `)).toBe(true);
      expect(row[2]).toBe(gap.plan?.owner ?? 'not yet named');
      expect(row[3]).toBe(gap.plan?.due ?? 'no date yet');
      expect(row[4]).toBe(words[gap.plan!.status]);
    });
  });
});

maybe('assess --format docx read by python-docx', () => {
  test('title, subject, language, heading styles, header rows, the image and its alt text, A4 and the page number field', () => {
    const { file } = docx(['assess', eastmoor]);
    const view = readWithPython(file);
    expect(view.zipOk).toBe(true);
    expect(view.core).toEqual({
      title: 'Community resilience assessment: Eastmoor County Council',
      subject: 'Self-assessment against Eight characteristics of councils building stronger, more resilient communities',
      language: 'en-GB',
      author: 'council-resilience',
      created: '2026-09-03T00:00:00', // the answers file's assessedOn
      modified: '2026-09-03T00:00:00',
    });
    expect(view.defaultLanguage).toBe('en-GB');
    const headings = view.paragraphs.filter((p) => p.style.startsWith('Heading'));
    expect(headings[0]).toEqual({ style: 'Heading 1', text: 'Community resilience assessment: Eastmoor County Council' });
    expect(headings.slice(1).every((p) => p.style === 'Heading 2')).toBe(true);
    expect(headings.map((p) => p.text)).toEqual(expect.arrayContaining(['Summary', 'Priority next steps', 'Intent', 'Measurement', 'About this assessment']));
    expect(view.tables).toHaveLength(9);
    for (const t of view.tables) expect(t.header).toEqual([true, ...t.rows.slice(1).map(() => false)]);
    const report = json(['assess', eastmoor]);
    expect(view.tables[0]!.rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(
      report.characteristics.map((c: { title: string; score: number; band: string }) => [c.title, (Math.round(c.score * 10) / 10).toFixed(1), c.band]),
    );
    expect(view.images).toHaveLength(1);
    for (const c of report.characteristics) expect(view.images[0]!.descr).toContain(`${c.title} ${(Math.round(c.score * 10) / 10).toFixed(1)} (${c.band})`);
    expect(view.images[0]!.widthCm).toBeGreaterThan(9);
    expect(view.images[0]!.widthCm).toBeLessThan(17); // within the 17 cm between the margins
    expect(view.sections).toEqual([{ widthMm: 210, heightMm: 297, margins: [20, 20, 20, 20], footer: 'Eastmoor County Council. Rubric eight-characteristics version 1.3.6. Page 1 of 1', footerFields: ['PAGE', 'NUMPAGES'] }]);
  });

  test('a combined file: the views tables and the disagreements section; --plan: the plan table', () => {
    const team = readWithPython(docx(['assess', 'examples/team/moderated.answers.yaml']).file);
    expect(team.paragraphs.filter((p) => p.style === 'Heading 2').map((p) => p.text)).toContain('Where assessors disagreed');
    expect(team.paragraphs.filter((p) => p.style === 'Heading 3')).toHaveLength(3);
    expect(team.tables.filter((t) => t.rows[0]!.join('|') === 'Assessor|Level|Confidence|Evidence')).toHaveLength(3);
    const plan = readWithPython(docx(['assess', 'examples/brackenford-unitary.answers.yaml', '--plan', 'examples/brackenford-unitary.plan.yaml']).file);
    const table = plan.tables.find((t) => t.rows[0]!.join('|') === 'Next step|Action|Owner|Due|Status')!;
    expect(table.header).toEqual([true, false, false, false, false, false]);
  });
});
