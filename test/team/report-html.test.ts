// The HTML report of a combined file: the views beside each answer and "Where assessors disagreed",
// checked as markup and, in headless Chromium, as a reader meets it: headings in order, tables with
// headers, the outcome said in words, text contrast at least 4.5:1 (WCAG 2.2 AA; axe-core is not a
// dependency, so the structure is checked directly).
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

const dir = 'test/fixtures/team/reports';
const unsettled = `${dir}/unsettled.answers.yaml`;

function html(file: string): string {
  const r = cli(['assess', file, '--format', 'html']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('HTML report of a combined file, as markup', () => {
  test('one disputed indicator: heading, key, a table of views with headers and caption, the outcome in words', () => {
    const lines = html(unsettled).split('\n');
    const at = lines.indexOf('<h3>The council has gone beyond principles to a defined approach, an agreed way of working.</h3>');
    expect(lines.slice(at, at + 12)).toEqual([
      '<h3>The council has gone beyond principles to a defined approach, an agreed way of working.</h3>',
      '<p class="key">Intent: intent.defined-approach</p>',
      '<table class="views-of">',
      "<caption class=\"muted\">Each assessor's view of intent.defined-approach</caption>",
      '<thead><tr><th scope="col">Assessor</th><th scope="col">Level</th><th scope="col">Confidence</th><th scope="col">Evidence</th></tr></thead>',
      '<tbody>',
      '<tr><th scope="row">Head of HR</th><td>3 Embedded</td><td>medium</td><td class="evidence"></td></tr>',
      '<tr><th scope="row">Finance</th><td>1 Emerging</td><td>low</td><td class="evidence"></td></tr>',
      '</tbody>',
      '</table>',
      '<p class="outcome"><strong>Agreed: 2 Developing. Reason: The approach is agreed but not yet used by every directorate.</strong> Evidence: Cabinet paper of March 2026.</p>',
      '<h3>The council recognises that people can become trapped in a world of service delivery.</h3>',
    ]);
  });

  test('the views beside the answer, and evidence from a file escaped', () => {
    const page = html(unsettled);
    expect(page).toContain('<td>2 Developing<br><span class="views">views 1–3 from 3 assessors</span></td>');
    expect(page).toContain('<td>Not applicable<br><span class="views">both assessors agree</span></td>');
    expect(page).toContain('<td>3 Embedded<br><span class="views">from 1 assessor</span></td>');
    expect(page).toContain('<td class="evidence">Two posts,\nboth vacant \\x1b[31msince May</td>');
    expect(page).not.toContain('\u001b');
  });

  test('an ordinary answers file: no section, no views, no extra style', () => {
    const page = html('examples/saltmarsh-district.answers.yaml');
    expect(page).not.toContain('Where assessors disagreed');
    expect(page).not.toContain('class="views');
    expect(page).not.toContain('p.outcome');
  });
});

const executablePath = '/usr/bin/chromium';
const hasChromium = existsSync(executablePath);
if (!hasChromium) {
  if (process.env.CI === 'true') throw new Error(`${executablePath} is required in CI (.ci/run installs Debian's chromium)`);
  console.warn('SKIPPED: the combined HTML report browser test needs Chromium (apt-get install chromium); it runs in CI.');
}
const maybe = hasChromium ? describe : describe.skip;

maybe('HTML report of a combined file in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  test('headings in order, every views table with headers, the outcome in words, contrast at least 4.5:1', async () => {
    const file = join(tempDir(), 'team.html');
    expect(cli(['assess', unsettled, '--format', 'html', '--output', file]).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');

    // No heading level is skipped, and the section's h3s sit under its h2.
    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (els) => els.map((e) => ({ level: Number(e.tagName[1]), text: e.textContent ?? '' })));
    headings.forEach((h, i) => expect(h.level).toBeLessThanOrEqual(i === 0 ? 1 : headings[i - 1]!.level + 1));
    const h2s = headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(h2s.indexOf('Where assessors disagreed')).toBe(h2s.indexOf('Priority next steps') + 1);
    const start = headings.findIndex((h) => h.text === 'Where assessors disagreed');
    const under = headings.slice(start + 1).filter((h, i, all) => all.slice(0, i + 1).every((x) => x.level === 3));
    expect(under.map((h) => h.text)).toEqual([
      "Community empowerment is written into the council's strategic plans.",
      'The council has gone beyond principles to a defined approach, an agreed way of working.',
      'The council recognises that people can become trapped in a world of service delivery.',
      'The council has staff teams set aside for community work, who also join up what different parts of the council do.',
      'The council has an agreed method for understanding and mapping what its communities have: their people, their organisations and their physical assets.',
    ]);

    // Each table: a caption, four column headers, and each row headed by its assessor.
    const tables = await page.$$eval('table.views-of', (els) =>
      els.map((t) => ({
        caption: t.querySelector('caption')?.textContent,
        cols: [...t.querySelectorAll('thead th')].map((th) => `${th.getAttribute('scope')}:${th.textContent}`),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => `${tr.querySelector('th')?.getAttribute('scope')}:${tr.querySelector('th')?.textContent}`),
      })),
    );
    expect(tables).toHaveLength(5);
    for (const t of tables) {
      expect(t.caption).toMatch(/^Each assessor's view of [a-z.-]+$/);
      expect(t.cols).toEqual(['col:Assessor', 'col:Level', 'col:Confidence', 'col:Evidence']);
    }
    expect(tables[3]!.rows).toEqual(['row:Head of HR', 'row:Finance', 'row:Head of Commissioning', 'row:Deputy Chief Executive']);

    // Settled or not is said in words, not by colour.
    expect(await page.$$eval('p.outcome', (els) => els.map((e) => (e.textContent ?? '').split('.')[0]))).toEqual([
      'Not yet settled; for now the answer is 2 Developing',
      'Agreed: 2 Developing',
      'Not yet settled; for now the answer is 2 Developing',
      'Not yet settled; for now the answer is 1 Emerging',
      'Agreed: 1 Emerging',
    ]);
    expect(await page.locator('table.indicators td', { hasText: 'views 0–3 from 4 assessors' }).count()).toBe(1);

    // Text contrast of everything the section and the views add, against the background behind it.
    const ratios = await page.$$eval('#disagreements, #disagreements ~ *, #disagreements ~ * *, .views', (els: PageElement[]) => {
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
    expect(ratios.length).toBeGreaterThan(40);
    expect(ratios.filter((r) => r.ratio < 4.5)).toEqual([]);
    await page.close();
  });
});
