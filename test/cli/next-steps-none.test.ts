// When the next steps section lists no step it says why, in the same words in every format:
// --top 0 hides the gaps (it does not mean there are none), and a council with nothing answered has
// nothing measured (it is not "at the target level").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import { paragraphsOf, xmlOf } from '../docx/read.js';

const eastmoor = 'examples/eastmoor-county.answers.yaml';

/** The report in every format, each as plain text on one line per paragraph. */
function everyFormat(args: string[]): Record<'text' | 'markdown' | 'html' | 'docx', string> {
  const dir = tempDir();
  const run = (format: string) => {
    const r = cli([...args, '--format', format, '--output', join(dir, `report.${format}`)]);
    expect({ format, code: r.code, stderr: r.stderr }).toEqual({ format, code: 0, stderr: '' });
    return readFileSync(join(dir, `report.${format}`));
  };
  const docx = paragraphsOf(xmlOf(run('docx'), 'word/document.xml')).map((p) => p.text).join('\n');
  return {
    text: run('text').toString('utf8').replace(/\n +/g, ' '),
    markdown: run('markdown').toString('utf8').replace(/\n(?!\n)/g, ' '),
    html: run('html').toString('utf8'),
    docx,
  };
}

test('--top 0: the gaps are there but not listed, and no format says "No gaps"', () => {
  const gaps = JSON.parse(cli(['assess', eastmoor, '--format', 'json']).stdout).gaps.length;
  expect(gaps).toBeGreaterThan(5);
  const line = `${gaps} scored questions are below the target level (3); this report lists none of them (--top 0).`;
  for (const [format, out] of Object.entries(everyFormat(['assess', eastmoor, '--top', '0']))) {
    expect({ format, says: out.includes(line) }).toEqual({ format, says: true });
    expect({ format, noGaps: /No gaps|None: every/.test(out) }).toEqual({ format, noGaps: false });
  }
});

test('nothing answered: "none of the questions that apply has been answered", never "at the target level"', () => {
  const file = join(tempDir(), 'empty.answers.yaml');
  writeFileSync(file, 'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Blankshire County Council, type: county }\nassessedOn: 2026-05-01\nanswers: {}\n');
  for (const [format, out] of Object.entries(everyFormat(['assess', file]))) {
    expect({ format, says: out.includes('No next steps yet: none of the questions that apply has been answered.') }).toEqual({ format, says: true });
    expect({ format, noGaps: /No gaps|None: every|at the target level/.test(out) }).toEqual({ format, noGaps: false });
  }
});

test('a council really at the target level still says so (Brackenford has every answer at level 1 or above)', () => {
  const args = ['assess', 'examples/brackenford-unitary.answers.yaml', '--target', '1'];
  expect(JSON.parse(cli([...args, '--format', 'json']).stdout).gaps).toEqual([]);
  for (const [format, out] of Object.entries(everyFormat(args))) {
    expect({ format, says: out.includes('No gaps: every scored question is at the target level (1).') }).toEqual({ format, says: true });
  }
});
