// compare --format html: the markdown's sections as a self-contained page, a bar chart of the
// scores before and after followed by the same numbers in a table. (Its accessibility audit is in
// test/a11y/html-outputs.test.ts.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixtures, tempDir } from '../helpers.js';

const before = 'examples/brackenford-unitary-2025.answers.yaml';
const after = 'examples/brackenford-unitary.answers.yaml';
const html = (...args: string[]) => {
  const r = cli(['compare', ...args, '--format', 'html']);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  return r.stdout;
};

describe('compare --format html', () => {
  test('one self-contained page in British English: inline styles, no script, nothing fetched', () => {
    const page = html(before, after);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(page).toContain('<title>Progress: Brackenford Borough Council</title>');
    expect(page).toContain('<style>\n@page { size: A4;');
    expect(page).not.toMatch(/<script|<link|@import|url\(|src=|href=/i);
    expect(page.endsWith('</footer>\n</body>\n</html>\n')).toBe(true);
  });

  test("the markdown's sections, in its order, each a heading, the scores first", () => {
    const page = html(before, after);
    const markdown = cli(['compare', before, after, '--format', 'markdown']).stdout;
    expect(page).toContain('<h1>Progress: Brackenford Borough Council</h1>\n<p class="meta">From 2025-10-09 to 2026-10-14. Rubric: ');
    const h2 = [...page.matchAll(/<h2>(.*)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(['Scores', ...[...markdown.matchAll(/^## (.*)$/gm)].map((m) => m[1])]);
    expect(h2).toEqual(['Scores', 'Improved (14)', 'Regressed (1)', 'Newly assessed (2)']);
  });

  test('the scores table: overall and every characteristic, before, after and the change, to one decimal', () => {
    const page = html(before, after);
    // Hand-worked in test/cli/reports.test.ts: intent 7/12 -> 10/12, knowledge 4/9 -> 6/9, commissioning 5/9 -> 7/12.
    expect(page).toContain('<tr class="overall"><th scope="row">Overall</th><td class="num">60.1</td><td class="num">74.5</td><td class="num">+14.4</td></tr>');
    expect(page).toContain('<tr><th scope="row">Intent</th><td class="num">58.3</td><td class="num">83.3</td><td class="num">+25.0</td></tr>');
    expect(page).toContain('<tr><th scope="row">Knowledge</th><td class="num">44.4</td><td class="num">66.7</td><td class="num">+22.2</td></tr>');
    expect(page).toContain('<tr><th scope="row">Commissioning</th><td class="num">55.6</td><td class="num">58.3</td><td class="num">+2.8</td></tr>');
    expect(page.match(/<tr(?: class="overall")?><th scope="row">[A-Z][a-z]+<\/th><td class="num">/g)).toHaveLength(9);
  });

  test('the chart: a titled svg role=img, two bars a row whose lengths are the scores, each said in words, then the table', () => {
    const page = html(before, after);
    const svg = page.slice(page.indexOf('<svg'), page.indexOf('</svg>'));
    expect(svg).toContain('role="img" aria-labelledby="compare-title">\n<title id="compare-title">Scores out of 100 for Brackenford Borough Council, before (2025-10-09) and after (2026-10-14)</title>');
    expect(svg.match(/<g class="row">/g)).toHaveLength(9);
    expect(svg).toContain('<title>Intent: before 58.3, after 83.3</title>');
    // 360 px for 100 points: intent 7/12 -> 210 px, 10/12 -> 300 px; knowledge 4/9 -> 160 px, 6/9 -> 240 px.
    const bars = (title: string) => {
      const row = svg.slice(svg.indexOf(`<title>${title}:`));
      return [...row.slice(0, row.indexOf('</g>')).matchAll(/<rect class="(before|after)" x="212" y="[\d.]+" width="([\d.]+)"/g)].map((m) => [m[1], m[2]]);
    };
    expect(bars('Intent')).toEqual([['before', '210.00'], ['after', '300.00']]);
    expect(bars('Knowledge')).toEqual([['before', '160.00'], ['after', '240.00']]);
    expect(svg).toContain('>before 58.3</text>');
    expect(svg).toContain('>after 83.3</text>');
    expect(page.indexOf('<table class="scores">')).toBeGreaterThan(page.indexOf('</svg>'));
    expect(page.slice(page.indexOf('</svg>'), page.indexOf('<table class="scores">'))).toBe('</svg></figure>\n');
  });

  test('what improved, regressed and was newly assessed: a table each, the levels in words', () => {
    const page = html(before, after);
    const section = (heading: string) => page.slice(page.indexOf(`<h2>${heading}`), page.indexOf('</table>', page.indexOf(`<h2>${heading}`)));
    expect(section('Regressed').match(/<tr><th scope="row">/g)).toHaveLength(1);
    expect(section('Regressed')).toContain(
      '<tr><th scope="row">The council tries to understand which of its staff live and work in its communities.</th><td>2 Developing</td><td>1 Emerging</td></tr>',
    );
    expect(section('Improved').match(/<tr><th scope="row">/g)).toHaveLength(14);
    expect(section('Improved')).toContain('<td>Don&#39;t know</td><td>1 Emerging</td>');
    expect(section('Newly assessed').match(/<td>Not assessed<\/td>/g)).toHaveLength(2);
  });

  test('across two versions of a rubric: the questions only one asks; a missing score says "not scored"; a hostile name stays text', () => {
    const dir = tempDir();
    const v1 = readFileSync(join(fixtures, 'rubrics', 'weighted.yaml'), 'utf8');
    writeFileSync(join(dir, 'v1.yaml'), v1);
    writeFileSync(join(dir, 'v2.yaml'), v1.replace('version: 0.1.0', 'version: 0.2.0').replace(/^ {6}- \{ id: d2, .*\n/m, ''));
    const name = '<script>alert(1)</script> & Co';
    const answers = (rubric: string, body: string) => `schemaVersion: 1\nkind: answers\nrubric: ./${rubric}\ncouncil: { name: "${name}", type: county }\nanswers:\n${body}`;
    writeFileSync(join(dir, 'last.yaml'), answers('v1.yaml', '  alpha.a1: 1\n  delta.d2: 2\n'));
    writeFileSync(join(dir, 'this.yaml'), answers('v2.yaml', '  alpha.a1: 2\n'));
    const r = cli(['compare', 'last.yaml', 'this.yaml', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(0);
    const page = r.stdout;
    expect(page).not.toContain('<script>');
    expect(page).toContain('<h1>Progress: &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>');
    expect(page).toContain('Rubric: Weighted test rubric, version 0.1.0 before, 0.2.0 after.</p>');
    expect(page).toContain('<h2>Questions in version 0.1.0 that version 0.2.0 no longer asks (1)</h2>\n<ul>\n<li>delta.d2</li>\n</ul>');
    // Delta had a score (d2: 2) and has none now; Beta was never answered.
    expect(page).toContain('<tr><th scope="row">Delta</th><td class="num">66.7</td><td class="num">–</td><td class="num">–</td></tr>');
    expect(page).toContain('<title>Beta: before not scored, after not scored</title>');
    expect(page).toContain('>after not scored</text>');
    expect(page).toContain('<h2>Regressed (0)</h2>\n<p>None.</p>');
  });

  test('byte-identical from run to run, and --output writes the same', () => {
    const file = join(tempDir(), 'progress.html');
    expect(cli(['compare', before, after, '--format', 'html', '--output', file])).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(file, 'utf8')).toBe(html(before, after));
  });
});
