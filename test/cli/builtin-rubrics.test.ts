// Every built-in rubric: it validates, traces each indicator to its source article, and works with
// every command (template, validate, assess, batch, compare) through the built binary.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compiledRubric } from '../../src/io/compiled-rubrics.js';
import { cli, root, tempDir } from '../helpers.js';

/** What npm run check-passages found: rubric id, its article, indicator key and a hash of the passage. */
const checked = readFileSync(join(root, 'test', 'fixtures', 'passages.sha256'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split(' ') as [string, string, string, string]);
const SEEDS: Record<string, string> = Object.fromEntries(checked.map(([id, seed]) => [id, seed]));
const ids = Object.keys(SEEDS).sort();
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const sha256 = (text: string) => createHash('sha256').update(normalise(text)).digest('hex');
const seedsDir = join(root, '..', 'shared', 'seeds');

interface RubricFile {
  id: string;
  title: string;
  scale: { value: number }[];
  bands: { label: string }[];
  characteristics: { id: string; title: string; indicators: { id: string; passage?: string }[] }[];
}
const rubricOf = (id: string) => parse(readFileSync(join(root, 'rubrics', `${id}.yaml`), 'utf8')) as RubricFile;
const keysOf = (r: RubricFile) => r.characteristics.flatMap((c) => c.indicators.map((i) => `${c.id}.${i.id}`));

/** The blank template for a rubric with every answer set to `level` and a council named. */
function filledTemplate(id: string, level: number | 'blank', name = 'Testford Council'): string {
  const template = cli(['template', '--rubric', id]);
  expect(template.code).toBe(0);
  return template.stdout
    .replace('name: Name of your council', `name: ${name}`)
    .replace(/^ {2}type:$/m, '  type: unitary')
    .replace(/^( {2}[a-z0-9-]+\.[a-z0-9-]+):$/gm, level === 'blank' ? '$1:' : `$1: ${level}`);
}

describe('built-in rubrics', () => {
  test('every built-in rubric has its passages recorded, and there are five', () => {
    const files = readdirSync(join(root, 'rubrics')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(ids).toEqual(files.sort());
    expect(ids).toHaveLength(5);
  });

  test('rubrics lists all five, as text and as JSON', () => {
    const json = cli(['rubrics', '--format', 'json']);
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as { id: string; title: string; indicators: number; source: string }[];
    expect(listed.map((r) => r.id)).toEqual(ids);
    for (const entry of listed) {
      const rubric = rubricOf(entry.id);
      expect(entry.title).toBe(rubric.title);
      expect(entry.indicators).toBe(keysOf(rubric).length);
      expect(entry.source).toMatch(/\S/);
    }
    const text = cli(['rubrics']);
    expect(text.code).toBe(0);
    for (const id of ids) expect(text.stdout).toMatch(new RegExp(`^${id} `, 'm'));
  });

  describe.each(ids)('%s', (id) => {
    const rubric = rubricOf(id);
    const keys = keysOf(rubric);
    const max = rubric.scale.length - 1;

    test('validates, with at least 12 indicators, each with a passage', () => {
      const r = cli(['validate', `rubrics/${id}.yaml`]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^rubrics/${id}\\.yaml: valid rubric "${id}" version `));
      expect(keys.length).toBeGreaterThanOrEqual(12);
      for (const c of rubric.characteristics) for (const i of c.indicators) expect([`${c.id}.${i.id}`, i.passage]).toEqual([`${c.id}.${i.id}`, expect.stringMatching(/\S/)]);
    });

    test('the build\'s compiled copy is the rubric exactly, and is ignored once the YAML changes', () => {
      const file = join(root, 'rubrics', `${id}.yaml`);
      const text = readFileSync(file, 'utf8');
      expect(compiledRubric(file, text)).toEqual(parse(text));
      expect(compiledRubric(file, text.replace(/^version: .*$/m, 'version: 9.9.9'))).toBeUndefined();
      // A copy of the same text elsewhere is somebody's own rubric: always read from its YAML.
      const elsewhere = join(tempDir(), `${id}.yaml`);
      writeFileSync(elsewhere, text);
      expect(compiledRubric(elsewhere, text)).toBeUndefined();
    });

    test('titles and band labels are short enough for a markdown table row of 80 columns', () => {
      // "| title | 100.0 | band | 100.0% | `##########` |" is 39 characters besides the title and band.
      const band = Math.max(...rubric.bands.map((b) => b.label.length));
      const tooLong = rubric.characteristics.filter((c) => 39 + c.title.length + band > 80).map((c) => c.title);
      expect(tooLong).toEqual([]);
    });

    test('every passage is as it was when npm run check-passages found it in the article', () => {
      const mine = rubric.characteristics.flatMap((c) => c.indicators.map((i) => `${id} ${SEEDS[id]} ${c.id}.${i.id} ${sha256(i.passage ?? '')}`));
      const recorded = checked.filter(([rubricId]) => rubricId === id).map((fields) => fields.join(' '));
      expect(mine).toEqual(recorded);
    });

    test('every passage is quoted exactly from its article, where the articles are at hand', () => {
      // The articles live beside the repository, not in it: a clean clone (CI) relies on the test above.
      if (!existsSync(seedsDir)) return;
      const seed = normalise(readFileSync(join(seedsDir, SEEDS[id]!), 'utf8'));
      const missing = rubric.characteristics.flatMap((c) =>
        c.indicators.filter((i) => !seed.includes(normalise(i.passage ?? ''))).map((i) => `${c.id}.${i.id}`),
      );
      expect(missing).toEqual([]);
    });

    test('a blank template assesses as nothing answered; every key of the rubric is in it', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'blank.yaml'), filledTemplate(id, 'blank'));
      const r = cli(['assess', join(dir, 'blank.yaml'), '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout);
      expect(report.rubric.id).toBe(id);
      expect(report.overall.score).toBeNull();
      expect(report.notAssessed).toEqual(keys);
    });

    test('a template answered at one level everywhere scores exactly that share of the top, in every command', () => {
      const dir = tempDir();
      const year1 = join(dir, '2025', 'testford.yaml');
      const year2 = join(dir, '2026', 'testford.yaml');
      mkdirSync(join(dir, '2025'));
      mkdirSync(join(dir, '2026'));
      writeFileSync(year1, filledTemplate(id, 1));
      writeFileSync(year2, filledTemplate(id, max));

      expect(cli(['validate', year1, year2]).code).toBe(0);
      const report = JSON.parse(cli(['assess', year1, '--format', 'json']).stdout);
      // Every indicator at level 1: each characteristic, and so the overall score, is 100 / max.
      expect(report.overall.score).toBeCloseTo(100 / max, 10);
      for (const c of report.characteristics) expect(c.score).toBeCloseTo(100 / max, 10);
      expect(report.gaps).toHaveLength(keys.length);

      const batch = cli(['batch', dir, '--format', 'csv']);
      expect(batch.code).toBe(0);
      const lines = batch.stdout.trimEnd().split('\r\n');
      expect(lines[0]).toBe(`file,council,overall,band,coverage,${rubric.characteristics.map((c) => c.id).join(',')}`);
      expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual([(100 / max).toFixed(1), '100.0']);

      const compare = JSON.parse(cli(['compare', year1, year2, '--format', 'json']).stdout);
      expect(compare.overall.change).toBeCloseTo(100 - 100 / max, 10);
    });
  });
});
