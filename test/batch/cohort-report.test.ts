// batch --format html, the cohort report (SPEC "Researchers", issue 16 item 3): the ten weakest
// indicators against a cohort worked out by hand, the page's numbers against batch --format json,
// a hostile council name escaped, and the accessibility audit in Chromium, with and without groups.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixtures, tempDir } from '../helpers.js';
import { oneDecimal, percent } from '../../src/render/format.js';
import { renderCohortHtml } from '../../src/render/cohort-html.js';
import type { CohortResult } from '../../src/render/cohort-html.js';
import { stats } from '../../src/core/cohort.js';
import { batchResult } from '../../src/core/batch.js';
import { loadRubric } from '../../src/io/load.js';
import type { Rubric } from '../../src/core/types.js';
import type { Auditor } from '../a11y/axe.js';
import { chartProblems, chromiumAvailable, describeViolations, openAuditor, pageLanguage, reflowProblems } from '../a11y/axe.js';

const HOSTILE = 'Evil </th></tr></table><script>alert(1)</script> & "Co" Council';

/**
 * The weighted test rubric with one more indicator, delta.d3, that no council scores (only n/a or
 * unanswered), so it has no mean and is never listed.
 */
function rubricFile(dir: string): string {
  const text = readFileSync(join(fixtures, 'rubrics', 'weighted.yaml'), 'utf8').replace(
    /^( {6}- \{ id: d2, .*\n)/m,
    '$1      - { id: d3, statement: D three, question: D three?, nextSteps: { 0: d3 step 0, 1: d3 step 1, 2: d3 step 2 } }\n',
  );
  const file = join(dir, 'weighted.yaml');
  writeFileSync(file, text);
  return file;
}

/**
 * Five councils of the weighted rubric (alpha.a3 applies only to unitary councils). Worked by hand,
 * the values scoring uses (unknown 0; n/a, unanswered and not applicable left out):
 *   a1: 2 1 3 0 u       sum 6 of 5 -> 1.20 (1 unknown), applies to 5
 *   a2: u 2 1 u 3       sum 6 of 5 -> 1.20 (2 unknown), applies to 5  (ties a1: after it, rubric order)
 *   a3: - 0 - u -       sum 0 of 2 -> 0.00 (1 unknown), applies to 2  (C1, a county, answered 3: not applicable, left out)
 *   b1: n 3 2 n 1       sum 6 of 3 -> 2.00, applies to 5
 *   b2: 1 u 0 2 n       sum 3 of 4 -> 0.75 (1 unknown), applies to 5
 *   d1: 3 3 n 2 3       sum 11 of 4 -> 2.75, applies to 5
 *   d2: . ~ 2 1 n       sum 3 of 2 -> 1.50, applies to 5  (. missing, ~ null)
 *   d3: n . . . .       nothing scored: not listed
 */
const COUNCILS: [string, string, string][] = [
  ['c1', 'Ashby County Council', 'county }\nanswers:\n  alpha.a1: 2\n  alpha.a2: unknown\n  alpha.a3: 3\n  beta.b1: n/a\n  beta.b2: 1\n  delta.d1: 3\n  delta.d3: n/a\n'],
  ['c2', 'Brook Unitary Council', 'unitary }\nanswers:\n  alpha.a1: 1\n  alpha.a2: 2\n  alpha.a3: 0\n  beta.b1: 3\n  beta.b2: unknown\n  delta.d1: 3\n  delta.d2: null\n'],
  ['c3', 'Colby County Council', 'county }\nanswers:\n  alpha.a1: { score: 3, evidence: "Plan, 2026" }\n  alpha.a2: 1\n  beta.b1: 2\n  beta.b2: 0\n  delta.d1: n/a\n  delta.d2: 2\n'],
  ['c4', 'Dunmore Unitary Council', 'unitary }\nanswers:\n  alpha.a1: 0\n  alpha.a2: unknown\n  alpha.a3: unknown\n  beta.b1: n/a\n  beta.b2: 2\n  delta.d1: 2\n  delta.d2: 1\n'],
  ['c5', HOSTILE, 'county }\nanswers:\n  alpha.a1: unknown\n  alpha.a2: 3\n  beta.b1: 1\n  beta.b2: n/a\n  delta.d1: 3\n  delta.d2: n/a\n'],
];

function cohort(): { dir: string; files: string[] } {
  const top = tempDir();
  rubricFile(top);
  const dir = join(top, 'answers');
  mkdirSync(dir);
  const files = COUNCILS.map(([name, council, rest]) => {
    const file = join(dir, `${name}.answers.yaml`);
    writeFileSync(file, `schemaVersion: 1\nkind: answers\nrubric: ../weighted.yaml\ncouncil: { name: ${JSON.stringify(council)}, type: ${rest}`);
    return file;
  });
  return { dir, files };
}

const text = (html: string) => html.replace(/<span class="file">.*?<\/span>/g, '').replace(/<[^>]+>/g, '').replace(/&ldquo;|&rdquo;/g, '"').replace(/&rsquo;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();

/** The body rows of the table with this class, as arrays of cell texts (markup removed). */
function tableRows(html: string, cls: string): string[][] {
  const table = new RegExp(`<table class="${cls}">[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(html);
  if (!table) throw new Error(`no table.${cls}`);
  return [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!)));
}

describe('batch --format html: the weakest indicators', () => {
  test('a hand-worked cohort of five: lowest mean first, ties in rubric order, how many councils were scored, answered don\'t know and it applies to', () => {
    const { dir } = cohort();
    const r = cli(['batch', dir, '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(0);
    // Statement, characteristic, mean level, councils scored, of which don't know, councils it applies to.
    expect(tableRows(r.stdout, 'weakest')).toEqual([
      ['1', 'A three', 'Alpha', '0.00 of 3', '2', '1', '2'],
      ['2', 'B two', 'Beta', '0.75 of 3', '4', '1', '5'],
      ['3', 'A one', 'Alpha', '1.20 of 3', '5', '1', '5'],
      ['4', 'A two', 'Alpha', '1.20 of 3', '5', '2', '5'],
      ['5', 'D two', 'Delta', '1.50 of 3', '2', '0', '5'],
      ['6', 'B one', 'Beta', '2.00 of 3', '3', '0', '5'],
      ['7', 'D one', 'Delta', '2.75 of 3', '4', '0', '5'],
    ]);
    expect(r.stdout).toContain('<span class="file">alpha.a3</span>');
    expect(r.stdout).not.toContain('delta.d3');
    expect(r.stdout).toContain('<p>The 7 indicators with the lowest mean level across the cohort.');
  });

  test('the same with two threads as with one: the threads\' totals add up to one thread\'s', () => {
    const { dir } = cohort();
    const one = cli(['batch', dir, '--format', 'html'], { cwd: dir, env: { COUNCIL_RESILIENCE_THREADS: '1' } });
    const two = cli(['batch', dir, '--format', 'html'], { cwd: dir, env: { COUNCIL_RESILIENCE_THREADS: '2' } });
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  test('only the top ten of a longer rubric, and the page says ten', () => {
    const r = cli(['batch', 'examples/brackenford-unitary.answers.yaml', 'examples/eastmoor-county.answers.yaml', '--format', 'html']);
    expect(r.code).toBe(0);
    const rows = tableRows(r.stdout, 'weakest');
    expect(rows.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const means = rows.map((row) => Number(row[3]!.split(' ')[0]));
    expect([...means].sort((a, b) => a - b)).toEqual(means);
    expect(r.stdout).toContain('<p>The ten with the lowest mean level');
  });
});

describe('batch --format html: the numbers are batch --format json\'s', () => {
  test('the councils table, the statistics table and the summary against the JSON of the same files; an invalid file counted and listed', () => {
    const { dir } = cohort();
    writeFileSync(join(dir, 'c6.answers.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: ../weighted.yaml\ncouncil: { name: Bad }\nanswers:\n  alpha.a1: 7\n');
    const html = cli(['batch', dir, '--format', 'html'], { cwd: dir });
    const json = cli(['batch', dir, '--format', 'json'], { cwd: dir });
    expect([html.code, json.code]).toEqual([2, 2]);
    const batch = JSON.parse(json.stdout);
    const ids = Object.keys(batch.cohort.characteristics);
    expect(ids).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(tableRows(html.stdout, 'councils')).toEqual(
      batch.councils.map((c: { council: string; overall: number | null; band: string | null; coverage: number; characteristics: Record<string, number | null> }) => [
        c.council,
        oneDecimal(c.overall),
        c.band ?? 'not scored',
        percent(c.coverage),
        ...ids.map((id) => oneDecimal(c.characteristics[id] ?? null)),
      ]),
    );
    const s = (st: Record<string, number | null>) => ['min', 'q1', 'median', 'q3', 'max', 'mean'].map((k) => oneDecimal(st[k]!));
    expect(tableRows(html.stdout, 'stats')).toEqual([
      ['Overall', ...s(batch.cohort.overall)],
      ['Alpha', ...s(batch.cohort.characteristics.alpha)],
      ['Beta', ...s(batch.cohort.characteristics.beta)],
      ['Gamma (no indicators)', '–', '–', '–', '–', '–', '–'],
      ['Delta', ...s(batch.cohort.characteristics.delta)],
    ]);
    expect(batch.cohort.count).toBe(5);
    expect(html.stdout).toContain('<title>Cohort report: 5 councils</title>');
    expect(html.stdout).toContain('<p>5 answers files scored; 1 invalid file, left out and listed at the end.</p>');
    expect(html.stdout).toContain(`<li>${batch.invalid[0].errors[0]}</li>`);
    // Each score's shade is the step of the scale its number is in.
    const shade = [...html.stdout.matchAll(/<td class="num s(\d)">([\d.]+)<\/td>/g)];
    expect(shade.length).toBeGreaterThan(0);
    for (const [, step, n] of shade) expect(Number(step)).toBe(Math.min(4, Math.floor(Number(n) / 20)));
  });

  test('a hostile council name is escaped everywhere and never breaks out of its cell', () => {
    const { dir } = cohort();
    const r = cli(['batch', dir, '--format', 'html'], { cwd: dir });
    expect(r.stdout).not.toContain('<script>');
    expect(r.stdout).toContain('Evil &lt;/th&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; Council');
    expect(tableRows(r.stdout, 'councils').map((row) => row.length)).toEqual([8, 8, 8, 8, 8]);
  });
});

/** A hand-made result with groups, as the groups helper's batch JSON gives them (one group under five councils). */
async function withGroups(): Promise<{ result: CohortResult; rubric: Rubric }> {
  const { rubric } = await loadRubric(rubricFile(tempDir()));
  const row = (i: number, overall: number) => ({ file: `answers/c${i}.yaml`, council: `Council ${i}`, overall, band: overall >= 50 ? 'Mid' : 'Low', coverage: 0.8, characteristics: { alpha: overall - 5, beta: overall + 5, gamma: null, delta: overall } });
  const rows = [12.5, 30, 47.5, 50, 62.5, 70, 81.25, 95].map((o, i) => row(i + 1, o));
  const base = batchResult({ id: rubric.id, version: rubric.version, title: rubric.title }, ['alpha', 'beta', 'gamma', 'delta'], rows, []);
  const group = (scores: number[]) => ({
    count: scores.length,
    overall: stats(scores),
    characteristics: { alpha: stats(scores.map((x) => x - 5)), beta: stats(scores.map((x) => x + 5)), gamma: stats([]), delta: stats(scores) },
  });
  return {
    rubric,
    result: { ...base, groups: { region: { North: group([12.5, 30, 47.5, 50, 62.5]), 'South <East>': group([70, 81.25, 95]) } } },
  };
}

describe('batch --format html: groups', () => {
  test('each group with its n and its statistics; a group under five councils flagged in words', async () => {
    const { result, rubric } = await withGroups();
    const html = renderCohortHtml(result, { rubric, indicators: {} });
    expect(html).toContain('<h3>By region</h3>');
    // The cohort's chart, and one of the overall score by region, with its table after it.
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<title>South &lt;East&gt;: min 70.0, lower quartile 75.6, median 81.3, upper quartile 88.1, max 95.0, mean 82.1</title>');
    const [overall, medians] = [...html.matchAll(/<table class="stats groups">[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(tableRows(overall!, 'stats groups')).toEqual([
      ['North', '5', '12.5', '30.0', '47.5', '50.0', '62.5', '40.5', ''],
      ['South <East>', '3', '70.0', '75.6', '81.3', '88.1', '95.0', '82.1', 'too small to compare'],
    ]);
    expect(tableRows(medians!, 'stats groups')).toEqual([
      ['North', '5', '42.5', '52.5', '–', '47.5'],
      ['South <East> (too small to compare)', '3', '76.3', '86.3', '–', '81.3'],
    ]);
    expect(html).toContain('<p>2 groups, 1 of them too small to compare.</p>');
    expect(renderCohortHtml({ ...result, groups: undefined }, { rubric, indicators: {} })).not.toContain('<h2>Groups</h2>');
  });
});

const available = chromiumAvailable('the accessibility audit of the cohort report');
const maybe = available ? describe : describe.skip;

maybe('the cohort report in Chromium with axe-core', () => {
  let auditor: Auditor;
  beforeAll(async () => {
    auditor = await openAuditor();
  });
  afterAll(async () => auditor?.close());

  async function expectAccessible(file: string): Promise<void> {
    const page = await auditor.open(file);
    try {
      expect(describeViolations(await auditor.audit(page))).toEqual([]);
      expect(await pageLanguage(page)).toBe('en-GB');
      expect(await chartProblems(page)).toEqual([]);
      expect(await reflowProblems(page)).toEqual([]);
    }
    finally {
      await page.close();
    }
  }

  test('the built binary\'s report of five councils, one hostile, one invalid file: no WCAG 2.2 A/AA violation, charts titled and tabled, reflows', async () => {
    const { dir } = cohort();
    writeFileSync(join(dir, 'c6.answers.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: ../weighted.yaml\ncouncil: { name: Bad }\nanswers:\n  alpha.a1: 7\n');
    const file = join(dir, 'cohort.html');
    expect(cli(['batch', dir, '--format', 'html', '--output', file], { cwd: dir }).code).toBe(2);
    await expectAccessible(file);
  });

  test('a report with groups (a hand-made result) and every step of the colour scale', async () => {
    const { result, rubric } = await withGroups();
    const html = renderCohortHtml(result, { rubric, indicators: { 'alpha.a1': { sum: 3, scored: 4, unknown: 1, applicable: 5 } } });
    for (let s = 0; s < 5; s++) expect(html).toContain(`class="num s${s}"`);
    const file = join(tempDir(), 'groups.html');
    writeFileSync(file, html);
    await expectAccessible(file);
  });

  test('the built-in rubric\'s four example councils', async () => {
    const file = join(tempDir(), 'examples.html');
    const eight = ['brackenford-unitary', 'brackenford-unitary-2025', 'eastmoor-county', 'saltmarsh-district'].map((n) => `examples/${n}.answers.yaml`);
    expect(cli(['batch', ...eight, '--format', 'html', '--output', file]).code).toBe(0);
    await expectAccessible(file);
  });
});
