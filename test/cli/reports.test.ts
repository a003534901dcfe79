// Consultant reports: markdown structure and escaping, markdownlint, and year-on-year compare.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const examples = ['brackenford-unitary', 'eastmoor-county', 'saltmarsh-district'].map((n) => `examples/${n}.answers.yaml`);
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

function hostileFile(dir: string): string {
  const file = join(dir, 'hostile.answers.yaml');
  writeFileSync(
    file,
    [
      'schemaVersion: 1',
      'kind: answers',
      'rubric: eight-characteristics',
      "council: { name: 'A | B <script>alert(1)</script>', type: unitary }",
      'assessor: "*Chief* _Exec_ [link](http://x) `code`"',
      'answers:',
      '  intent.strategic-plans: { score: 1, evidence: "line one\\n- not a list\\n# not a heading | cell <b>bold</b>" }',
      '  intent.defined-approach: 2',
      '',
    ].join('\n'),
  );
  return file;
}

describe('assess --format markdown', () => {
  test('structure: title, summary, one table row per characteristic, next steps in priority order', () => {
    const r = cli(['assess', 'examples/saltmarsh-district.answers.yaml', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const md = r.stdout;
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Community resilience assessment: Saltmarsh District Council');
    expect(lines).toContain('Assessed on 2026-11-02 by Community Development Manager. Council type: district.');
    expect(lines).toContain('| Overall score | 32.6 out of 100 |');
    expect(lines).toContain('| Band | Building foundations |');
    const rows = lines.filter((l) => /^\| [A-Z][a-z]+ \| [\d.–]+ \|/.test(l));
    expect(rows.map((l) => l.split(' | ')[0]!.slice(2))).toEqual([
      'Intent', 'Approach', 'Knowledge', 'Commissioning', 'Governance', 'Culture', 'Partnership', 'Measurement',
    ]);
    expect(rows[3]).toBe('| Commissioning | 22.2 | Getting started | 100.0% | `██░░░░░░░░` |');
    const steps = md.slice(md.indexOf('## Priority next steps'), md.indexOf('## Intent'));
    const order = ['budget and the', 'which of its staff', 'public sector spending', 'contract monitoring', 'appraisals'];
    const positions = order.map((text) => steps.indexOf(text));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const heading of ['## Summary', '## Characteristics', '## Intent', '## Measurement', "## Don't know (4)", '## About this assessment']) {
      expect(lines).toContain(heading);
    }
  });

  test('hostile names and evidence can neither break a table nor inject HTML', () => {
    const dir = tempDir();
    const r = cli(['assess', hostileFile(dir), '--format', 'markdown']);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.split('\n')[0]).toBe('# Community resilience assessment: A \\| B &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    const flat = md.replace(/\n +/g, ' ').replace(/\n(?=\S)/g, ' ');
    expect(flat).toContain('Assessed by \\*Chief\\* \\_Exec\\_ \\[link\\](<http://x>) \\`code\\`.');
    expect(flat).toContain('Evidence: line one - not a list # not a heading \\| cell &lt;b&gt;bold&lt;/b&gt;');
    expect(md).not.toMatch(/^- not a list/m);
    expect(md).not.toMatch(/^# not a heading/m);
    // every row of every table still has exactly as many cells as its header
    const tables: string[][] = [];
    let current: string[] | undefined;
    for (const line of md.split('\n')) {
      if (line.startsWith('|')) (current ??= tables[tables.push([]) - 1]!).push(line);
      else current = undefined;
    }
    expect(tables.length).toBe(2);
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    for (const table of tables) for (const row of table) expect(cells(row)).toBe(cells(table[0]!));
    expect(flat).toContain('\\[link\\](<http://x>)');
  });

  test('markdownlint-cli2 (default rules) finds nothing in any generated report', () => {
    const dir = tempDir();
    const files = [...examples, hostileFile(dir)].map((file, n) => {
      const out = join(dir, `report-${n}.md`);
      expect(cli(['assess', file, '--format', 'markdown', '--output', out]).code).toBe(0);
      return out;
    });
    const compareOut = join(dir, 'compare.md');
    expect(cli(['compare', 'examples/brackenford-unitary-2025.answers.yaml', examples[0]!, '--format', 'markdown', '--output', compareOut]).code).toBe(0);
    const committed = readdirSync(join(root, 'examples', 'reports')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'examples', 'reports', f));
    expect(committed.length).toBe(13);
    const lint = spawnSync(process.execPath, [markdownlint, ...files, compareOut, ...committed], { cwd: dir, encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toContain('Summary: 0 error(s)');
    expect(lint.status).toBe(0);
  });
});

describe('compare', () => {
  const before = 'examples/brackenford-unitary-2025.answers.yaml';
  const after = 'examples/brackenford-unitary.answers.yaml';

  test('overall and per-characteristic change match hand-worked values', () => {
    const r = cli(['compare', before, after, '--format', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    // 2025: intent (2+2+1+2)/12, approach 14/21, knowledge (2+0+2)/9, commissioning 5/9, governance 8/12,
    // culture 4/6, partnership 5/9, measurement 4/6 (two indicators not assessed that year)
    const then = [7 / 12, 14 / 21, 4 / 9, 5 / 9, 8 / 12, 4 / 6, 5 / 9, 4 / 6].map((x) => 100 * x);
    const now = [10 / 12, 16 / 21, 6 / 9, 7 / 12, 10 / 12, 5 / 6, 6 / 9, 7 / 9].map((x) => 100 * x);
    c.characteristics.forEach((ch: { before: number; after: number; change: number }, i: number) => {
      expect(ch.before).toBeCloseTo(then[i]!, 10);
      expect(ch.after).toBeCloseTo(now[i]!, 10);
      expect(ch.change).toBeCloseTo(now[i]! - then[i]!, 10);
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b) / xs.length;
    expect(c.overall.change).toBeCloseTo(mean(now) - mean(then), 10);
    expect(c.improved).toHaveLength(14);
    expect(c.improved).toContainEqual(expect.objectContaining({ key: 'knowledge.spend-by-community', before: 'unknown', after: 1 }));
    expect(c.regressed.map((i: { key: string }) => i.key)).toEqual(['approach.staff-in-communities']);
    expect(c.newlyAssessed.map((i: { key: string }) => i.key)).toEqual(['commissioning.social-investment', 'measurement.resilience-and-demand-impact']);
  });

  test('text shows the overall change and the lists', () => {
    const out = cli(['compare', before, after]).stdout;
    expect(out).toContain('Brackenford Borough Council: 2025-10-09 → 2026-10-14');
    expect(out).toContain('Overall  60.1 → 74.5  (+14.4)');
    expect(out).toContain('Regressed (1):\n  approach.staff-in-communities: 2 Developing → 1 Emerging');
  });

  test('files for different rubrics: a clear error, exit 2', () => {
    const r = cli(['compare', 'test/fixtures/answers/weighted-county.yaml', after]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(
      'error: the two files use different rubrics ("weighted" and "eight-characteristics"), so their scores cannot be compared',
    );
  });

  test('output is byte-identical from run to run', () => {
    expect(cli(['compare', before, after, '--format', 'markdown']).stdout).toBe(cli(['compare', before, after, '--format', 'markdown']).stdout);
    expect(readFileSync(join(root, before), 'utf8')).toContain('2025-10-09');
  });
});

describe('assess --format html and --chart', () => {
  test('one self-contained file: inline CSS, no script, no external reference, user text escaped', () => {
    const out = cli(['assess', 'examples/brackenford-unitary.answers.yaml', '--format', 'html']).stdout;
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(out).toContain('<style>');
    expect(out).not.toMatch(/<script|<link|@import|url\(|src=/i);
    expect(out).toContain('@page { size: A4;');
    expect(out.match(/<circle class="point"/g)).toHaveLength(8);
  });

  test('--chart writes a standalone SVG radar chart with one point per characteristic', () => {
    const dir = tempDir();
    const chart = join(dir, 'chart.svg');
    const r = cli(['assess', 'examples/eastmoor-county.answers.yaml', '--chart', chart]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Overall'); // the report still goes to stdout
    const svg = readFileSync(chart, 'utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<circle class="point"/g)).toHaveLength(8);
    // measurement scores 0: its point sits at the centre (210, 210)
    expect(svg).toContain('<circle class="point" cx="210.00" cy="210.00"');
    expect(readdirSync(dir)).toEqual(['chart.svg']);
  });
});
