// REVIEW-14 entries 5 and 6: `progress --on DATE` shows the latest note dated on or before DATE (a
// note after it was not yet written then), in every format; the text report shows a note written
// over several lines (a YAML `|` block) as separate lines, not a literal "\n".
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const example = join(root, 'examples', 'brackenford-unitary.plan.yaml');

function planCopy(edit: (text: string) => string = (t) => t): string {
  const dir = tempDir();
  copyFileSync(example, join(dir, 'p.yaml'));
  const text = readFileSync(join(dir, 'p.yaml'), 'utf8');
  const edited = edit(text);
  writeFileSync(join(dir, 'p.yaml'), edited);
  return dir;
}

const progress = (dir: string, ...args: string[]) => {
  const r = cli(['progress', 'p.yaml', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('progress --on: the latest note as of that date', () => {
  // approach.staff-in-communities has notes of 2027-01-12 and 2027-03-02; knowledge.spend-by-community one of 2027-03-20.
  test('JSON and CSV: the note of 2027-01-12 on 2027-01-20, none yet for a note of March; the later one from its own date', () => {
    const dir = planCopy();
    const actions = (on: string) =>
      new Map((JSON.parse(progress(dir, '--on', on, '--format', 'json')) as { actions: { key: string; latestNote: unknown }[] }).actions.map((a) => [a.key, a.latestNote]));
    const january = actions('2027-01-20');
    expect(january.get('approach.staff-in-communities')).toEqual({ on: '2027-01-12', text: 'Open call sent to all staff with the January pay slips' });
    expect(january.get('knowledge.spend-by-community')).toBeNull();
    // On the note's own date it has been written.
    const march = actions('2027-03-02');
    expect(march.get('approach.staff-in-communities')).toEqual({ on: '2027-03-02', text: '84 staff replied; 31 offered to help in the two priority wards' });
    expect(march.get('knowledge.spend-by-community')).toBeNull();
    expect(actions('2027-03-20').get('knowledge.spend-by-community')).toEqual({
      on: '2027-03-20',
      text: 'Spend by ward for the ten largest services published on the intranet',
    });
    const csv = progress(dir, '--on', '2027-01-20', '--format', 'csv').split('\r\n');
    expect(csv.find((l) => l.startsWith('approach.staff-in-communities,'))).toMatch(/,2027-01-12,Open call sent to all staff with the January pay slips$/);
    expect(csv.find((l) => l.startsWith('knowledge.spend-by-community,'))).toMatch(/,,$/);
  });

  test('text, markdown and HTML never quote a note from after the date', () => {
    const dir = planCopy();
    for (const format of ['text', 'markdown', 'html']) {
      const out = progress(dir, '--on', '2027-01-20', '--format', format);
      expect(out).toContain('2027-01-12');
      expect(out).not.toContain('84 staff replied');
      expect(out).not.toContain('Spend by ward');
    }
    expect(progress(dir, '--on', '2027-04-01')).toContain('Latest note, 2027-03-02: 84 staff replied');
  });
});

describe('progress text: a note written over several lines', () => {
  test('each line of a `|` block is its own line, with control characters still shown as escapes', () => {
    const dir = planCopy((text) => {
      const line = '      - { on: 2027-03-02, text: "84 staff replied; 31 offered to help in the two priority wards" }';
      expect(text).toContain(line);
      return text.replace(line, '      - on: 2027-03-02\n        text: |\n          84 staff replied.\n          31 offered\tto help.');
    });
    const lines = progress(dir, '--on', '2027-04-01').split('\n');
    const at = lines.indexOf('    Latest note, 2027-03-02: 84 staff replied.');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('    31 offered\\tto help.');
    expect(lines.join('\n')).not.toContain('\\n');
  });
});
