// The HTML report opened in headless Chromium, as a consultant's client would open it.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { cli, root, tempDir } from '../helpers.js';

const executablePath = '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`${executablePath} is required in CI (.ci/run installs Debian's chromium)`);
  console.warn('SKIPPED: the HTML report browser test needs Chromium (apt-get install chromium); it runs in CI.');
}
const maybe = hasChromium ? describe : describe.skip;

maybe('HTML report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      headless: true, // playwright also gives it a fresh, empty profile directory
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  test('no console errors, no network requests, a radar chart with one point per characteristic', async () => {
    const html = join(tempDir(), 'report.html');
    expect(cli(['assess', 'examples/saltmarsh-district.answers.yaml', '--format', 'html', '--output', html]).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });

    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(html).href]);
    const box = await page.locator('svg.radar').boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
    expect(await page.locator('svg.radar circle.point').count()).toBe(8);
    expect(await page.locator('table.characteristics tbody tr').count()).toBe(8);
    expect(await page.locator('h1').textContent()).toBe('Community resilience assessment: Saltmarsh District Council');
    expect(await page.locator('script').count()).toBe(0);

    const shots = join(root, 'test-results');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'html-report.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  test.each(['kestrelmoor-district', 'calderbrook-metropolitan', 'westholm-london-borough', 'wrenfield-county', 'brackenford-unitary'])(
    'every radar label of the %s report is drawn inside the chart, none cut off',
    async (name) => {
      const html = join(tempDir(), `${name}.html`);
      expect(cli(['assess', `examples/${name}.answers.yaml`, '--format', 'html', '--output', html]).code).toBe(0);
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const svg = (await page.locator('svg.radar').boundingBox())!;
      const labels = page.locator('svg.radar text');
      expect(await labels.count()).toBeGreaterThan(4);
      for (const box of await Promise.all((await labels.all()).map((l) => l.boundingBox()))) {
        expect(box!.x).toBeGreaterThanOrEqual(svg.x - 0.5);
        expect(box!.y).toBeGreaterThanOrEqual(svg.y - 0.5);
        expect(box!.x + box!.width).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
        expect(box!.y + box!.height).toBeLessThanOrEqual(svg.y + svg.height + 0.5);
      }
      await page.close();
    },
  );

  test('a hostile council name is shown as text, never run', async () => {
    const dir = tempDir();
    const answers = join(dir, 'hostile.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(answers, "schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: 'A | B <script>alert(1)</script><img src=x onerror=alert(2)>' }\nanswers: { intent.strategic-plans: 1 }\n");
    const html = join(dir, 'hostile.html');
    expect(cli(['assess', answers, '--format', 'html', '--output', html]).code).toBe(0);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href);
    expect(dialogs).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(await page.locator('h1').textContent()).toBe('Community resilience assessment: A | B <script>alert(1)</script><img src=x onerror=alert(2)>');
    await page.close();
  });
});
