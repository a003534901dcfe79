// The cohort report (batch --format html) for 1,000 councils: how long batch takes to write it, how
// large it is, and how long Chromium takes to load and render it (issue 16: under 2 s). Chromium is
// Debian's (/usr/bin/chromium, through playwright-core); without it that part is skipped with a notice.
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';

/**
 * `pair(a, b, n)` interleaves two commands' runs and gives their medians ({ ms, rss }), as in
 * bench/run.mjs. Prints the lines and returns the numbers.
 */
export async function benchCohortReport({ bin, dir, out, runs, pair, fmt, median }) {
  const html = join(out, 'cohort.html');
  const [csv, report] = pair([bin, 'batch', dir, '--format', 'csv'], [bin, 'batch', dir, '--format', 'html', '--output', html], runs);
  const [floor] = pair(['-e', '0'], ['-e', '0'], runs);
  const bytes = statSync(html).size;
  console.log(
    `cohort report, 1000 councils   ${fmt(report.ms)}  ${(report.ms / floor.ms).toFixed(2)}x node -e 0 (${fmt(floor.ms).trim()}), ${(report.ms / csv.ms).toFixed(2)}x batch --format csv (${fmt(csv.ms).trim()})   ${(bytes / 1024).toFixed(0)} KB   peak RSS ${report.rss.toFixed(0)} MB`,
  );
  if (!existsSync(CHROMIUM)) {
    console.log(`  SKIPPED: Chromium load and render needs ${CHROMIUM} (apt-get install chromium)`);
    return { ms: report.ms, bytes };
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const walls = [];
  const loads = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const start = process.hrtime.bigint();
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      // Two animation frames after load: the page has been laid out and painted.
      const load = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))));
      walls.push(Number(process.hrtime.bigint() - start) / 1e6);
      loads.push(load);
      await page.close();
    }
  }
  finally {
    await browser.close();
  }
  const wall = median(walls);
  console.log(`  Chromium load and render     ${fmt(wall)}  (in-page ${fmt(median(loads)).trim()} to the second frame after load)   (target < 2000 ms)`);
  return { ms: report.ms, bytes, render: wall };
}
