// An accessibility audit of an HTML file, as SPEC "Accessibility" asks: axe-core in Debian's
// Chromium (through playwright-core), for the WCAG 2.0, 2.1 and 2.2 A and AA rules. Any test file
// with HTML to audit uses it: open the browser once (`openAuditor` in beforeAll), audit each file,
// close it in afterAll. Without Chromium the tests skip with a notice, except in CI, where they fail.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { root } from '../helpers.js';

export const chromiumPath = '/usr/bin/chromium';

/** The rule tags of WCAG 2.2 AA (which includes 2.0 and 2.1 A and AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * Whether the audit can run here. Without Chromium: false, with a visible notice naming the
 * package; in CI (CI=true) that is an error instead, so the audit is never silently left out.
 */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`${chromiumPath} is required in CI for ${what} (.ci/run installs Debian's chromium)`);
  console.warn(`SKIPPED: ${what} needs Chromium (apt-get install chromium); it runs in CI.`);
  return false;
}

/** One broken rule: which rule, how bad, and each element that breaks it with axe's words for why. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string; html: string }[];
}

export interface Auditor {
  /** Loads a file in a fresh page, for audit() and the caller's own DOM checks; close it when done. */
  open(file: string): Promise<Page>;
  /**
   * Every WCAG A/AA violation axe finds (none: []) in a page from open(), or in a file (loaded in a
   * page of its own, closed after). axe runs once per page: it leaves itself in the page.
   */
  audit(target: Page | string): Promise<Violation[]>;
  close(): Promise<void>;
}

const axeSource = () => readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export async function openAuditor(): Promise<Auditor> {
  const source = axeSource();
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const open = async (file: string) => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return page;
  };
  return {
    open,
    async audit(target) {
      const page = typeof target === 'string' ? await open(target) : target;
      try {
        await page.addScriptTag({ content: source });
        return await page.evaluate(async (tags) => {
          type AxeNode = { target: unknown[]; failureSummary?: string; html: string };
          type AxeResult = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
          const axe = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
          const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact ?? null,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(), html: n.html.slice(0, 200) })),
          }));
        }, [...WCAG_TAGS]);
      }
      finally {
        if (typeof target === 'string') await page.close();
      }
    },
    close: () => browser.close(),
  };
}

// Runs in the page (this project's TypeScript has no DOM library, so it is source text). Every chart
// must be an <svg role="img"> whose first child is a non-empty <title>, its text at least 4.5:1
// against what is behind it (3:1 when large), followed (before any other
// chart) by a <table> of its numbers: each mark of the chart has a <title> "label: value ..." and the
// table has a row headed by that label showing each of those numbers (to one decimal) in its cells.
const CHART_CHECK = `(() => {
  const problems = [];
  const svgs = [...document.querySelectorAll('svg')];
  const tables = [...document.querySelectorAll('table')];
  const follows = (a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !a.contains(b);
  const text = (e) => (e.textContent || '').replace(/\\s+/g, ' ').trim();
  const rgb = (colour) => { const m = /rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)/.exec(colour); return m ? { c: [m[1], m[2], m[3]].map(Number), a: m[4] === undefined ? 1 : Number(m[4]) } : null; };
  const background = (e) => { for (let at = e; at; at = at.parentElement) { const b = rgb(getComputedStyle(at).backgroundColor); if (b && b.a === 1) return b.c; } return [255, 255, 255]; };
  const luminance = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (fill, behind) => { const f = rgb(fill); if (!f) return 0; const [a, b] = [luminance(f.c), luminance(behind)].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); };
  svgs.forEach((svg, n) => {
    const name = 'chart ' + (n + 1) + (svg.getAttribute('class') ? ' (svg.' + svg.getAttribute('class') + ')' : '');
    if (svg.getAttribute('role') !== 'img') problems.push(name + ': role is ' + JSON.stringify(svg.getAttribute('role')) + ', not "img"');
    const title = svg.firstElementChild && svg.firstElementChild.localName === 'title' ? svg.firstElementChild : null;
    if (title === null || text(title) === '') problems.push(name + ': its first child is not a non-empty <title>');
    // axe cannot tell the contrast of text drawn in an SVG (it reports it as "needs review"), so it is worked out here.
    for (const label of svg.querySelectorAll('text')) {
      const ratio = contrast(getComputedStyle(label).fill, background(svg));
      const large = parseFloat(getComputedStyle(label).fontSize) >= 24 || (parseFloat(getComputedStyle(label).fontSize) >= 18.66 && Number(getComputedStyle(label).fontWeight) >= 700);
      if (!(ratio >= (large ? 3 : 4.5))) problems.push(name + ': the text "' + text(label) + '" has a contrast of ' + ratio.toFixed(2) + ':1, under ' + (large ? 3 : 4.5) + ':1');
    }
    const table = tables.find((t) => follows(svg, t));
    const between = svgs.find((s) => s !== svg && follows(svg, s) && table && follows(s, table));
    if (!table) return problems.push(name + ': no <table> of its numbers follows it');
    if (between) return problems.push(name + ': another chart comes between it and the table after it');
    const rows = [...table.rows].map((r) => [...r.cells].map(text));
    const marks = [...svg.querySelectorAll('title')].filter((t) => t !== title).map(text);
    if (marks.length === 0) problems.push(name + ': no mark of the chart has a <title> with its label and value');
    for (const mark of marks) {
      const at = mark.lastIndexOf(': ');
      if (at < 0) { problems.push(name + ': the mark "' + mark + '" does not say "label: value"'); continue; }
      const label = mark.slice(0, at);
      const row = rows.find((r) => r[0] === label);
      if (!row) { problems.push(name + ': the table after it has no row headed "' + label + '" (for the mark "' + mark + '")'); continue; }
      for (const number of mark.slice(at + 2).match(/-?\\d+(?:\\.\\d+)?/g) || []) {
        if (!row.slice(1).includes(number)) problems.push(name + ': the row "' + label + '" of the table after it does not show ' + number + ' (the mark says "' + mark + '")');
      }
    }
  });
  return problems;
})()`;

/**
 * What is wrong with the page's charts (none: []): each must be an <svg role="img"> with a
 * <title>, followed by a table of the same numbers (see CHART_CHECK for how a mark is matched).
 */
export async function chartProblems(page: Page): Promise<string[]> {
  return page.evaluate(CHART_CHECK);
}

// Runs in the page: every element wider than the window, other than a data table and what is in it
// (WCAG 1.4.10 lets a table scroll sideways; nothing else may).
const REFLOW_CHECK = `(() => {
  const width = document.documentElement.clientWidth;
  return [...document.body.querySelectorAll('*')]
    .filter((e) => !e.closest('table') && e.getBoundingClientRect().right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1 && !e.parentElement.closest('table') && e.parentElement !== document.body))
    .map((e) => e.localName + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '') + ' is ' + Math.round(e.getBoundingClientRect().right) + ' px wide in a window of ' + width + ' px');
})()`;

/**
 * What does not reflow at 320 CSS pixels wide (1280 at 400% zoom, WCAG 1.4.10; none: []): each
 * outermost element, other than a table, that reaches past the window. The page keeps that width.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: 320, height: 800 });
  return page.evaluate(REFLOW_CHECK);
}

/** The page's language, from <html lang>. */
export async function pageLanguage(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** Violations as lines a failing test prints: "color-contrast (serious) p.meta: Fix any of the following: ...". */
export function describeViolations(violations: readonly Violation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'unknown impact'}) ${n.target}: ${n.summary || v.help} [${n.html}]`));
}
