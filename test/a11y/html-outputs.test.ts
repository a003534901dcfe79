// SPEC "Accessibility": every kind of HTML the tool writes, made by the built binary, passes an
// axe-core audit (WCAG 2.0, 2.1 and 2.2, A and AA) in Chromium with no violation; says it is in
// British English; draws each chart as an <svg role="img"> with a <title>, followed by a table of
// its numbers; says every band, status and level in words, so nothing is told by colour alone; and
// reflows at 320 px wide (only a table may scroll sideways).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cli, fixtures, root, tempDir } from '../helpers.js';
import type { Auditor } from './axe.js';
import { chartProblems, chromiumAvailable, describeViolations, openAuditor, pageLanguage, reflowProblems } from './axe.js';

const HOSTILE = 'A | B <script>alert(1)</script><img src=x onerror=alert(2)>';

/** Answers with every kind of answer: levels, don't know, n/a, unanswered, a target, confidence, and markup in the evidence. */
function unusualAnswers(dir: string, council = 'Underhill District Council', evidence = 'Minutes of 2026-09-01'): string {
  const file = join(dir, `answers-${readdirSync(dir).length}.yaml`);
  writeFileSync(
    file,
    [
      'schemaVersion: 1',
      'kind: answers',
      'rubric: eight-characteristics',
      `council: { name: ${JSON.stringify(council)}, type: district }`,
      'assessedOn: 2026-11-02',
      `assessor: ${JSON.stringify(`Chief Executive <i>${council === HOSTILE ? '</main>' : ''}</i>`)}`,
      'answers:',
      `  intent.strategic-plans: { score: 2, target: 2, evidence: ${JSON.stringify(evidence)}, confidence: high }`,
      '  intent.defined-approach: unknown',
      '  intent.budget-and-demand: n/a',
      '  approach.co-production: { score: 1, confidence: low }',
      '  knowledge.spend-by-community: unknown',
      '  governance.political-patience: n/a',
      '  culture.appraisals-and-targets: 3',
      '',
    ].join('\n'),
  );
  return file;
}

/** Two versions of the small weighted rubric (0.2.0 drops delta.d2, adds beta.b3) and a file for each: compare lists both. */
function twoVersions(dir: string): [string, string] {
  const v1 = readFileSync(join(fixtures, 'rubrics', 'weighted.yaml'), 'utf8');
  const v2 = v1
    .replace('version: 0.1.0', 'version: 0.2.0')
    .replace(/^ {6}- \{ id: d2, .*\n/m, '')
    .replace(/^( {6}- \{ id: b2, .*\n)/m, '$1      - { id: b3, statement: B three, question: B three?, nextSteps: { 0: b3 step 0, 1: b3 step 1, 2: b3 step 2 } }\n');
  writeFileSync(join(dir, 'v1.yaml'), v1);
  writeFileSync(join(dir, 'v2.yaml'), v2);
  const answers = (rubric: string, body: string) => `schemaVersion: 1\nkind: answers\nrubric: ./${rubric}\ncouncil: { name: ${JSON.stringify(HOSTILE)}, type: county }\nanswers:\n${body}`;
  writeFileSync(join(dir, 'last.yaml'), answers('v1.yaml', '  alpha.a1: 1\n  delta.d2: 2\n  beta.b1: 2\n'));
  writeFileSync(join(dir, 'this.yaml'), answers('v2.yaml', '  alpha.a1: 2\n  beta.b3: 1\n  beta.b1: unknown\n'));
  return [join(dir, 'last.yaml'), join(dir, 'this.yaml')];
}

/** The plan made for the hostile council, with markup in an action, an owner and a note, and one action overdue on 2027-03-01. */
function hostilePlan(dir: string): string {
  const file = join(dir, 'hostile.plan.yaml');
  const { code, stderr } = cli(['plan', hostileAnswers(dir), '--output', file]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  const text = readFileSync(file, 'utf8')
    .replace(/action: .*/, 'action: "Ask <b>every</b> ward </td></tr></table> & write it up"')
    .replace(/owner:.*/, 'owner: "<a href=\'https://example.org\'>Head of HR</a>"')
    .replace(/due:.*/, 'due: 2027-01-31')
    .replace(/notes: \[\]/, 'notes:\n      - { on: 2027-01-10, text: "<h1>Started</h1> <svg onload=alert(1)>" }');
  writeFileSync(file, text);
  return file;
}

const hostileAnswers = (dir: string) => unusualAnswers(dir, HOSTILE, '<b>bold</b> <a href="javascript:alert(1)">click</a> </table><h2>not a heading</h2>');

const available = chromiumAvailable('the accessibility audit of the HTML outputs');
const maybe = available ? describe : describe.skip;

/**
 * Every kind of HTML output, by what it shows: each makes its inputs in `dir` (running the binary
 * where it needs to) and gives the command that writes the HTML; the test adds --format html --output.
 */
const CASES: [string, (dir: string) => string[]][] = [
  ['assess, every question answered', () => ['assess', 'examples/brackenford-unitary.answers.yaml']],
  ['assess, two questions not assessed', () => ['assess', 'examples/brackenford-unitary-2025.answers.yaml']],
  ["assess, don't know, n/a, not assessed, a target of its own", (dir) => ['assess', unusualAnswers(dir)]],
  ['assess, a characteristic with no questions, a question not for this type of council', () => ['assess', 'test/fixtures/plan/assess/county-2027.answers.yaml']],
  ['assess, a combined file with views and unsettled disputes', () => ['assess', 'examples/team/combined.answers.yaml']],
  ['assess, a moderated file with settled disputes', () => ['assess', 'examples/team/moderated.answers.yaml']],
  ['assess --plan', () => ['assess', 'examples/brackenford-unitary-2025.answers.yaml', '--plan', 'examples/brackenford-unitary.plan.yaml']],
  ['assess --plan, actions done whose level has not moved', () => ['assess', 'test/fixtures/plan/assess/county-2027.answers.yaml', '--plan', 'test/fixtures/plan/assess/county.plan.yaml']],
  [
    'assess --cohort',
    (dir) => {
      const cohort = join(dir, 'cohort.json');
      const eight = ['brackenford-unitary', 'brackenford-unitary-2025', 'eastmoor-county', 'saltmarsh-district'].map((n) => `examples/${n}.answers.yaml`);
      expect(cli(['batch', ...eight, '--format', 'json', '--output', cohort])).toMatchObject({ code: 0 });
      return ['assess', 'examples/saltmarsh-district.answers.yaml', '--cohort', cohort];
    },
  ],
  ['assess, a hostile council name and evidence with markup', (dir) => ['assess', hostileAnswers(dir)]],
  ['compare, Brackenford 2025 to 2026', () => ['compare', 'examples/brackenford-unitary-2025.answers.yaml', 'examples/brackenford-unitary.answers.yaml']],
  ['compare, two versions of a rubric, a hostile council name', (dir) => ['compare', ...twoVersions(dir)]],
  ['progress, overdue actions, no later answers', () => ['progress', 'examples/brackenford-unitary.plan.yaml', '--on', '2027-04-15']],
  ['progress --answers, overdue actions', () => ['progress', 'test/fixtures/plan/progress.plan.yaml', '--answers', 'test/fixtures/plan/county-2027.answers.yaml', '--on', '2027-04-01']],
  ['progress, a hostile plan', (dir) => ['progress', hostilePlan(dir), '--on', '2027-03-01']],
];

maybe('every HTML output in Chromium with axe-core', () => {
  let auditor: Auditor;
  beforeAll(async () => {
    auditor = await openAuditor();
  });
  afterAll(async () => auditor?.close());

  /** What the page says in words where a reader might otherwise have only a colour or a bar (none: []). */
  async function wordsProblems(page: Page): Promise<string[]> {
    return page.evaluate(WORDS_CHECK);
  }

  async function expectAccessible(file: string): Promise<void> {
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">\n/);
    const page = await auditor.open(file);
    try {
      expect(describeViolations(await auditor.audit(page))).toEqual([]);
      expect(await pageLanguage(page)).toBe('en-GB');
      expect(await chartProblems(page)).toEqual([]);
      expect(await wordsProblems(page)).toEqual([]);
      expect(await reflowProblems(page)).toEqual([]);
    }
    finally {
      await page.close();
    }
  }

  test.each(CASES)('%s: no WCAG 2.2 A/AA violation, lang en-GB, charts titled and tabled, words not colour', async (_name, command) => {
    const dir = tempDir();
    const file = join(dir, 'report.html');
    const { code, stderr } = cli([...command(dir), '--format', 'html', '--output', file]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.any(String) }); // stderr shown when it fails
    await expectAccessible(file);
  });

  const examples = readdirSync(join(root, 'examples', 'reports')).filter((f) => f.endsWith('.html')).sort();
  test('the example reports are all audited (one per example, the plan, the team and the comparison)', () => {
    expect(examples).toHaveLength(12);
  });
  test.each(examples)('examples/reports/%s: no WCAG 2.2 A/AA violation, lang en-GB, charts titled and tabled, words not colour', async (name) => {
    await expectAccessible(join(root, 'examples', 'reports', name));
  });

  test('the audit finds what is wrong: a page with low contrast, no lang, an untitled chart, faint chart text, a chart with no table, a band in colour only, a paragraph too wide for a phone', async () => {
    const file = join(tempDir(), 'bad.html');
    writeFileSync(
      file,
      '<!DOCTYPE html><html><head><title>Bad</title></head><body><main><h1>Bad</h1>' +
        '<p style="color:#bbb">faint</p><p style="width:600px">wide</p><svg role="img"><circle r="3"><title>Intent: 58.3</title></circle></svg>' +
        '<table class="characteristics"><thead><tr><th>Characteristic</th><th>Score</th><th>Band</th></tr></thead>' +
        '<tbody><tr><td>Intent</td><td>58.3</td><td><span style="background:green"></span></td></tr></tbody></table>' +
        '<svg role="img"><title>Second</title><rect width="3" height="3"><title>Approach: 12.5</title></rect><text y="20" fill="#bbbbbb">faint label</text></svg></main></body></html>',
    );
    const page = await auditor.open(file);
    expect((await auditor.audit(page)).map((v) => v.id).sort()).toEqual(['color-contrast', 'html-has-lang', 'svg-img-alt']);
    expect(await pageLanguage(page)).toBeNull();
    expect(await chartProblems(page)).toEqual([
      'chart 1: its first child is not a non-empty <title>',
      'chart 2: the text "faint label" has a contrast of 1.92:1, under 4.5:1',
      'chart 2: no <table> of its numbers follows it',
    ]);
    expect(await wordsProblems(page)).toEqual(['table.characteristics row 1 ("Intent"): the band is not said in words']);
    expect(await reflowProblems(page)).toEqual(['p is 608 px wide in a window of 320 px']);
    await page.close();
  });
});

// Runs in the page. Bands, levels and statuses must be words in their cells; a bar's label must give
// the row's score; a comparison's bars each say "before" or "after" with their number; an overdue
// action says "overdue" in words, and the summary's count of overdue actions agrees.
const WORDS_CHECK = `(() => {
  const problems = [];
  const text = (e) => (e ? (e.textContent || '').replace(/\\s+/g, ' ').trim() : '');
  const words = (s) => /\\p{L}{2,}/u.test(s);
  const column = (table, header) => [...table.tHead.rows[0].cells].findIndex((c) => text(c) === header);
  const bodyRows = (table) => [...table.tBodies].flatMap((b) => [...b.rows]);
  document.querySelectorAll('table.characteristics').forEach((table) => {
    const band = column(table, 'Band');
    const score = column(table, 'Score');
    bodyRows(table).forEach((row, n) => {
      const where = 'table.characteristics row ' + (n + 1) + ' ("' + text(row.cells[0]) + '")';
      if (band < 0 || !words(text(row.cells[band]))) problems.push(where + ': the band is not said in words');
      const bar = row.querySelector('[role="img"]');
      const said = text(row.cells[score]) === '–' ? 'not scored' : text(row.cells[score]) + ' out of 100';
      if (bar && bar.getAttribute('aria-label') !== said) problems.push(where + ': the bar is labelled ' + JSON.stringify(bar.getAttribute('aria-label')) + ', not its score');
    });
  });
  document.querySelectorAll('p.band').forEach((p) => { if (!words(text(p))) problems.push('the overall band is not said in words'); });
  document.querySelectorAll('table.views-of').forEach((table) => {
    const level = column(table, 'Level');
    bodyRows(table).forEach((row, n) => { if (!words(text(row.cells[level]))) problems.push('table.views-of row ' + (n + 1) + ': the level is not said in words'); });
  });
  const statuses = ['planned', 'in progress', 'done', 'dropped'];
  let overdue = 0;
  document.querySelectorAll('table.actions').forEach((table) => {
    const status = column(table, 'Status');
    const due = column(table, 'Due');
    const inOverdue = /^Overdue \\(/.test(text(table.previousElementSibling));
    bodyRows(table).forEach((row, n) => {
      const where = 'table.actions row ' + (n + 1) + ' ("' + text(row.cells[0]) + '")';
      if (!statuses.includes(text(row.cells[status]))) problems.push(where + ': the status ' + JSON.stringify(text(row.cells[status])) + ' is not one of the words');
      const says = /overdue/.test(text(row.cells[due]));
      if (says) overdue += 1;
      if (says !== inOverdue) problems.push(where + ': ' + (inOverdue ? 'listed as overdue but its due date does not say so' : 'says overdue outside the overdue list'));
    });
  });
  document.querySelectorAll('table.counts').forEach((table) => {
    const row = bodyRows(table).find((r) => text(r.cells[0]) === 'Overdue');
    if (!row || Number(text(row.cells[1])) !== overdue) problems.push('the summary counts ' + text(row && row.cells[1]) + ' overdue, the tables say ' + overdue);
  });
  document.querySelectorAll('svg.compare rect').forEach((rect) => {
    const label = rect.nextElementSibling;
    const side = rect.getAttribute('class');
    if (!label || label.localName !== 'text' || !new RegExp('^' + side + ' (\\\\d+\\\\.\\\\d|not scored)$').test(text(label))) problems.push('a ' + side + ' bar is not followed by its words and number: ' + JSON.stringify(text(label)));
  });
  return problems;
})()`;
