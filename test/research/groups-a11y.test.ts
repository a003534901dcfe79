// The assess report with --cohort --group-by (two more columns and a sentence): zero axe-core
// violations for WCAG 2.2 AA in Chromium, its chart still followed by its table, reflowing at 320 px.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Auditor } from '../a11y/axe.js';
import { chartProblems, chromiumAvailable, describeViolations, openAuditor, pageLanguage, reflowProblems } from '../a11y/axe.js';
import { cli } from '../helpers.js';
import { answersYaml, writeCohort } from './groups-cohort.js';

const available = chromiumAvailable('the accessibility audit of assess --cohort --group-by');
const maybe = available ? describe : describe.skip;

maybe('assess --cohort --group-by --format html in Chromium with axe-core', () => {
  let auditor: Auditor;
  beforeAll(async () => {
    auditor = await openAuditor();
  });
  afterAll(async () => auditor?.close());

  test.each([
    ['a group large enough to compare', 'unitary'],
    ['a group too small to compare', 'county'],
  ])('%s', async (_, type) => {
    const dir = writeCohort();
    const run = (args: string[]) => cli(args, { cwd: dir });
    expect(run(['batch', 'answers', '--group-by', 'type', '--format', 'json', '--output', 'cohort.json']).code).toBe(0);
    writeFileSync(join(dir, 'x.yaml'), answersYaml({ name: 'Xeno <b>Council</b>', type, answers: [2, 4] }));
    expect(run(['assess', 'x.yaml', '--cohort', 'cohort.json', '--group-by', 'type', '--format', 'html', '--output', 'x.html']).code).toBe(0);
    const page = await auditor.open(join(dir, 'x.html'));
    try {
      expect(describeViolations(await auditor.audit(page))).toEqual([]);
      expect(await pageLanguage(page)).toBe('en-GB');
      expect(await chartProblems(page)).toEqual([]);
      expect(await reflowProblems(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
