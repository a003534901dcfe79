// examples/cohort/ (README "For researchers"): 60 fictional councils made by a seeded script, a groups
// CSV, and the cohort reports. They must be what the script and the tool make today, byte for byte.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, tempDir } from '../helpers.js';
import type { Auditor } from '../a11y/axe.js';
import { chartProblems, chromiumAvailable, describeViolations, openAuditor, pageLanguage, reflowProblems } from '../a11y/axe.js';

const committed = join(root, 'examples', 'cohort');
const listing = (dir: string) => ['regions.csv', ...readdirSync(join(dir, 'answers')).map((f) => `answers/${f}`), ...readdirSync(join(dir, 'reports')).map((f) => `reports/${f}`)].sort();

describe('examples/cohort', () => {
  test('is up to date (run "npm run examples" after changing the script, a renderer or the rubric)', () => {
    const fresh = tempDir();
    execFileSync(process.execPath, [join(committed, 'generate.mjs'), fresh], { cwd: root });
    const names = listing(fresh);
    expect(listing(committed)).toEqual(names);
    expect(names.filter((n) => n.startsWith('reports/'))).toEqual(['reports/cohort.csv', 'reports/cohort.html', 'reports/cohort.md']);
    for (const name of names) {
      expect({ name, content: readFileSync(join(committed, name), 'utf8') }).toEqual({ name, content: readFileSync(join(fresh, name), 'utf8') });
    }
  });

  test('60 councils of every type, with unknown, n/a and unanswered questions; the groups CSV names most of them', () => {
    const files = readdirSync(join(committed, 'answers'));
    expect(files).toHaveLength(60);
    const texts = files.map((f) => readFileSync(join(committed, 'answers', f), 'utf8'));
    const types = new Set(texts.map((t) => /type: ([a-z-]+) \}/.exec(t)![1]));
    expect([...types].sort()).toEqual(['county', 'district', 'london-borough', 'metropolitan-district', 'unitary']);
    for (const kind of [': unknown', ': n/a', ': null']) expect(texts.filter((t) => t.includes(kind)).length).toBeGreaterThan(5);
    const csv = readFileSync(join(committed, 'regions.csv'), 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('council,region');
    expect(csv).toHaveLength(59); // two councils left out: group "(none)"
    expect(new Set(csv.slice(1).map((l) => l.split(',')[1])).size).toBe(5);
    expect(readFileSync(join(committed, 'reports', 'cohort.md'), 'utf8')).toMatch(/^# Batch assessment: 60 councils\n/);
  });
});

const available = chromiumAvailable('the accessibility audit of the example cohort report');
(available ? describe : describe.skip)('examples/cohort/reports/cohort.html in Chromium', () => {
  let auditor: Auditor;
  beforeAll(async () => {
    auditor = await openAuditor();
  });
  afterAll(async () => auditor?.close());

  test('no WCAG 2.2 A/AA violation, lang en-GB, the chart titled and tabled, reflows at 320 px', async () => {
    const page = await auditor.open(join(committed, 'reports', 'cohort.html'));
    try {
      expect(describeViolations(await auditor.audit(page))).toEqual([]);
      expect(await pageLanguage(page)).toBe('en-GB');
      expect(await chartProblems(page)).toEqual([]);
      expect(await reflowProblems(page)).toEqual([]);
    }
    finally {
      await page.close();
    }
  });
});
