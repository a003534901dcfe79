// The progress report opened in headless Chromium, as a council officer would open it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { cli, tempDir } from '../helpers.js';

const executablePath = '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`${executablePath} is required in CI (.ci/run installs Debian's chromium)`);
  console.warn('SKIPPED: the progress report browser test needs Chromium (apt-get install chromium); it runs in CI.');
}
const maybe = hasChromium ? describe : describe.skip;

maybe('progress --format html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  });
  afterAll(async () => browser?.close());

  test('no console errors, nothing fetched, one row per action, overdue ones first and said in words', async () => {
    const html = join(tempDir(), 'progress.html');
    const args = ['progress', 'test/fixtures/plan/progress.plan.yaml', '--on', '2027-04-01', '--answers', 'test/fixtures/plan/county-2027.answers.yaml'];
    expect(cli([...args, '--format', 'html', '--output', html]).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(html).href]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.locator('h2').allTextContents()).toEqual(['Summary', 'Overdue (2)', 'Other actions (3)']);
    expect(await page.locator('table.actions tbody tr').count()).toBe(5);
    const firstTable = page.locator('table.actions').first();
    expect(await firstTable.locator('tbody th').allTextContents()).toEqual(['alpha.a2', 'alpha.a1']);
    expect(await firstTable.locator('tbody tr').first().locator('td').nth(2).textContent()).toBe('2027-03-31, overdue');
    await page.close();
  });
});
