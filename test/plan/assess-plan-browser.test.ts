// The HTML report with --plan opened in headless Chromium: what a reader (and a screen reader) meets.
// Headings in order, the done-not-moved table with column and row headers, each action's status
// said in words, and text contrast at least 4.5:1 (WCAG 2.2 AA) for everything --plan adds.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { cli, tempDir } from '../helpers.js';

// What the contrast check uses of the page, as it runs in Chromium (this project's TypeScript has no DOM library).
interface PageElement {
  parentElement: PageElement | null;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  textContent: string | null;
}
declare const getComputedStyle: (e: PageElement) => { color: string; backgroundColor: string };

const executablePath = '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`${executablePath} is required in CI (.ci/run installs Debian's chromium)`);
  console.warn('SKIPPED: the assess --plan browser test needs Chromium (apt-get install chromium); it runs in CI.');
}
const maybe = hasChromium ? describe : describe.skip;

maybe('assess --plan --format html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  });
  afterAll(async () => browser?.close());

  test('no errors, nothing fetched, headings in order, the table headed, statuses in words, contrast at least 4.5:1', async () => {
    const file = join(tempDir(), 'plan.html');
    const args = ['assess', 'test/fixtures/plan/assess/county-2027.answers.yaml', '--plan', 'test/fixtures/plan/assess/county.plan.yaml'];
    expect(cli([...args, '--format', 'html', '--output', file])).toMatchObject({ code: 0, stderr: '' });
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');

    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (els) => els.map((e) => ({ level: Number(e.tagName[1]), text: e.textContent ?? '' })));
    headings.forEach((h, i) => expect(h.level).toBeLessThanOrEqual(i === 0 ? 1 : headings[i - 1]!.level + 1));
    const h2s = headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(h2s.indexOf('Marked done but the level has not moved')).toBe(h2s.indexOf('Priority next steps') + 1);

    // The table as assistive technology reads it: column headers, and each row headed by its indicator.
    expect(await page.locator('table.done-not-moved').getByRole('columnheader').allTextContents()).toEqual([
      'Indicator',
      'Level when planned',
      'Level now',
    ]);
    expect(await page.locator('table.done-not-moved').getByRole('rowheader').allTextContents()).toEqual(['A one (alpha.a1)', 'B one (beta.b1)']);
    expect(await page.locator('table.done-not-moved tbody tr').first().getByRole('cell').allTextContents()).toEqual(['1 Some', '1 Some']);

    // Each next step's action, in words: no colour, no icon.
    expect(await page.locator('ol.steps > li p.plan').allInnerTexts()).toEqual([
      'Action: as the next step above.\nOwner: Director of Place. Due: 2027-03-30. Status: done.',
      'Action: Set up the A2 working group with the voluntary sector\nOwner: Head of Communities. Due: 2027-03-31. Status: done.',
      'Action: Find out who holds the B1 records\nOwner: Head of Policy. Due: 2027-06-30. Status: done.',
      'No action in the plan.',
      'Action: as the next step above.\nOwner: not yet named. Due: no date yet. Status: planned.',
    ]);

    const ratios = await page.$$eval('p.plan, #done-not-moved, #done-not-moved ~ *, #done-not-moved ~ * *', (els: PageElement[]) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (e: PageElement | null): number[] => {
        for (; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      return els
        .filter((e) => Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== ''))
        .map((e) => {
          const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
          return { text: e.textContent!.slice(0, 30), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
        });
    });
    expect(ratios.length).toBeGreaterThan(10);
    expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);
    await page.close();
  });
});
