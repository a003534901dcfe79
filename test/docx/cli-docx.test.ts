// compare and progress --format docx, the refusal to write a Word file to a terminal, and the same
// bytes whatever the clock says.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cli, root, tempDir } from '../helpers.js';
import { hasPythonDocx, paragraphsOf, readWithPython, xmlOf, zipDates } from './read.js';

const before = 'examples/brackenford-unitary-2025.answers.yaml';
const after = 'examples/brackenford-unitary.answers.yaml';
const plan = 'test/fixtures/plan/progress.plan.yaml';

function docx(args: string[], dir = tempDir()): { file: string; bytes: Buffer } {
  const file = join(dir, 'report.docx');
  const r = cli([...args, '--format', 'docx', '--output', file]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return { file, bytes: readFileSync(file) };
}

/** The text of each row of each table of a document.xml. */
const tablesOf = (xml: string) =>
  [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => [...m[1]!.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((r) => paragraphsOf(r[1]!).map((p) => p.text)));

describe('compare --format docx', () => {
  test('the sections of the HTML comparison; numbers as the JSON comparison has them, rounded to one decimal', () => {
    const { bytes } = docx(['compare', before, after]);
    const c = JSON.parse(cli(['compare', before, after, '--format', 'json']).stdout);
    const document = xmlOf(bytes, 'word/document.xml');
    const headings = paragraphsOf(document).filter((p) => p.style.startsWith('Heading'));
    expect(headings).toEqual([
      { style: 'Heading1', text: 'Progress: Brackenford Borough Council' },
      { style: 'Heading2', text: 'Scores' },
      { style: 'Heading2', text: `Improved (${c.improved.length})` },
      { style: 'Heading2', text: `Regressed (${c.regressed.length})` },
      { style: 'Heading2', text: `Newly assessed (${c.newlyAssessed.length})` },
    ]);
    expect(paragraphsOf(document)[1]!.text).toBe(`From ${c.before.assessedOn} to ${c.after.assessedOn}. Rubric: Eight characteristics of councils building stronger, more resilient communities, version ${c.rubric.after}.`);
    const [scores] = tablesOf(document);
    const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
    const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(Math.round(x * 10) / 10).toFixed(1)}`;
    expect(scores![0]).toEqual(['Characteristic', 'Before', 'After', 'Change']);
    expect(scores![1]).toEqual(['Overall', one(c.overall.before), one(c.overall.after), signed(c.overall.change)]);
    expect(scores!.slice(2)).toEqual(c.characteristics.map((ch: { title: string; before: number; after: number; change: number }) => [ch.title, one(ch.before), one(ch.after), signed(ch.change)]));
    expect(xmlOf(bytes, 'docProps/core.xml')).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${c.after.assessedOn}T00:00:00Z</dcterms:modified>`);
    for (const t of [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)]) expect(/<w:tr>(.*?)<\/w:tr>/s.exec(t[1]!)![1]).toContain('<w:tblHeader/>');
  });
});

describe('progress --format docx', () => {
  test('counts, overdue actions first, each action with owner, due date, status and level in words', () => {
    const { bytes } = docx(['progress', plan, '--on', '2027-03-31']);
    const r = JSON.parse(cli(['progress', plan, '--on', '2027-03-31', '--format', 'json']).stdout);
    const document = xmlOf(bytes, 'word/document.xml');
    const headings = paragraphsOf(document).filter((p) => p.style.startsWith('Heading')).map((p) => `${p.style}: ${p.text}`);
    expect(headings).toEqual(['Heading1: Action plan progress: Fixtureshire County Council', 'Heading2: Summary', 'Heading2: Overdue (1)', 'Heading2: Other actions (4)']);
    const [counts, overdue, rest] = tablesOf(document);
    // The fixture's own comments: on 2027-03-31 alpha.a1 alone is overdue.
    expect(counts).toEqual([['Status', 'Actions'], ['Planned', '2'], ['In progress', '1'], ['Done', '1'], ['Dropped', '1'], ['Overdue', '1']]);
    expect(r.counts).toEqual({ planned: 2, 'in-progress': 1, done: 1, dropped: 1, overdue: 1 });
    expect(overdue![0]).toEqual(['Indicator', 'Action', 'Owner', 'Due', 'Status', 'Level', 'Latest note']);
    expect(overdue!.slice(1).map((row) => [row[0], row[3], row[4]])).toEqual([['alpha.a1', '2027-03-30, overdue', 'planned']]);
    expect(rest!.slice(1).map((row) => row[0])).toEqual(r.actions.filter((a: { overdue: boolean }) => !a.overdue).map((a: { key: string }) => a.key));
    expect(rest!.find((row) => row[0] === 'alpha.a2')).toEqual([
      'alpha.a2', 'Set up the A2 working group', 'Head of Communities', '2027-03-31', 'in progress', 'Level 1 Some when planned, target 3 All.', '2027-02-01: Terms of reference agreed',
    ]);
    // The date inside is the report's own (--on).
    expect(xmlOf(bytes, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2027-03-31T00:00:00Z</dcterms:created>');
    expect(new Set(zipDates(bytes).map((e) => e.date))).toEqual(new Set(['2027-03-31 00:00:00']));
  });

  (hasPythonDocx ? test : test.skip)('compare and progress read by python-docx: title, subject, language, header rows', () => {
    const compare = readWithPython(docx(['compare', before, after]).file);
    expect(compare.core).toMatchObject({ title: 'Progress: Brackenford Borough Council', language: 'en-GB' });
    expect(compare.core.subject).toMatch(/^Year-on-year comparison against /);
    const progress = readWithPython(docx(['progress', plan, '--on', '2027-03-31']).file);
    expect(progress.core).toMatchObject({ title: 'Action plan progress: Fixtureshire County Council', language: 'en-GB', created: '2027-03-31T00:00:00' });
    for (const view of [compare, progress]) {
      expect(view.zipOk).toBe(true);
      expect(view.defaultLanguage).toBe('en-GB');
      expect(view.paragraphs[0]!.style).toBe('Heading 1');
      for (const t of view.tables) expect(t.header).toEqual([true, ...t.rows.slice(1).map(() => false)]);
      expect(view.sections[0]).toMatchObject({ widthMm: 210, heightMm: 297, footerFields: ['PAGE', 'NUMPAGES'] });
    }
  });
});

describe('where a Word document may go', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  if (!hasScript) {
    if (process.env.CI === 'true') throw new Error('script (util-linux) is required in CI for the terminal test');
    console.warn('SKIPPED: the terminal refusal of --format docx needs script (util-linux).');
  }
  (hasScript ? test.each : test.skip.each)([
    ['assess', `assess ${after}`],
    ['compare', `compare ${before} ${after}`],
    ['progress', `progress ${plan} --on 2027-03-31`],
  ])('%s --format docx to a terminal: exit 2 with one line that says to use --output, nothing written', (_name, args) => {
    const r = spawnSync('script', ['-qec', `NO_COLOR=1 ${process.execPath} ${bin} ${args} --format docx`, '/dev/null'], { cwd: root, encoding: 'utf8', timeout: 20000, input: '' });
    expect(r.stdout.replace(/\r/g, '')).toBe('error: a Word document cannot be shown on the screen; add --output FILE.docx (or send it to a file with > FILE.docx)\n');
    expect(r.status).toBe(2);
  });

  test('to a pipe or a redirected stdout it is written (what > report.docx does)', () => {
    const r = spawnSync(process.execPath, [bin, 'assess', after, '--format', 'docx'], { cwd: root, timeout: 20000 });
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(Buffer.compare(r.stdout, docx(['assess', after]).bytes)).toBe(0);
  });

  test('never over an input: --output naming the answers file exits 2 and leaves it as it was', () => {
    const dir = tempDir();
    const answers = join(dir, 'a.answers.yaml');
    copyFileSync(join(root, after), answers);
    const r = cli(['assess', answers, '--format', 'docx', '--output', answers]);
    expect(r.stderr).toBe(`error: --output ${answers} is the answers file: writing there would destroy it; choose another file for --output\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(answers, 'utf8')).toBe(readFileSync(join(root, after), 'utf8'));
  });

  test('written atomically: an existing file is replaced whole, and no temporary file is left beside it', () => {
    const dir = tempDir();
    const file = join(dir, 'report.docx');
    writeFileSync(file, 'old');
    expect(cli(['assess', after, '--format', 'docx', '--output', file]).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout).toBe('report.docx\n');
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });
});

describe('the same input gives the same bytes', () => {
  const shifted = join(root, 'test', 'fixtures', 'team', 'docx', 'shift-clock.cjs');
  /** Runs the CLI with the clock a year and a day on, in another time zone, and other random numbers. */
  const later = (args: string[], file: string) =>
    spawnSync(process.execPath, ['--require', shifted, bin, ...args, '--format', 'docx', '--output', file], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Pacific/Kiritimati', SHIFT_CLOCK_CHECK: '1' },
      timeout: 20000,
    });

  test.each<[string, string[], string]>([
    ['assess, dated', ['assess', 'examples/eastmoor-county.answers.yaml'], '2026-09-03'],
    ['assess, undated', ['assess', 'test/fixtures/answers/weighted-county.yaml'], '1980-01-01'],
    ['assess of a combined file', ['assess', 'examples/team/moderated.answers.yaml'], '2026-10-12'],
    ['assess --plan', ['assess', after, '--plan', 'examples/brackenford-unitary.plan.yaml'], '2026-10-14'],
    ['compare (the later file\'s date)', ['compare', before, after], '2026-10-14'],
    ['progress', ['progress', plan, '--on', '2027-03-31'], '2027-03-31'],
  ])('%s: byte-identical with the clock moved on by a year, another time zone and other random numbers', (_name, args, date) => {
    const dir = tempDir();
    const first = join(dir, 'first.docx');
    const second = join(dir, 'second.docx');
    const r1 = cli([...args, '--format', 'docx', '--output', first], { env: { TZ: 'UTC' } });
    expect(r1.code).toBe(0);
    const r2 = later(args, second);
    expect(r2.status).toBe(0);
    // The preload really moved the clock.
    expect(Number(/clock now (\d{4})/.exec(r2.stderr)![1])).toBeGreaterThan(new Date().getUTCFullYear());
    expect(Buffer.compare(readFileSync(first), readFileSync(second))).toBe(0);
    // Every part of the zip carries the report's date (or 1980-01-01, the first date zip can say), never the time it ran.
    expect(new Set(zipDates(readFileSync(first)).map((e) => e.date))).toEqual(new Set([`${date} 00:00:00`]));
  });
});
