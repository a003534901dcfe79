// REVIEW-14 entries 7 and 8, through the built binary: plan-file mistakes, each one located line
// named by its full path, in plain words.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const example = join(root, 'examples', 'brackenford-unitary.plan.yaml');

/** The example plan with one edit, in a folder of its own; returns the folder. */
function edited(edit: (text: string) => string): string {
  const dir = tempDir();
  const text = readFileSync(example, 'utf8');
  const out = edit(text);
  expect(out).not.toBe(text);
  writeFileSync(join(dir, 'p.yaml'), out);
  return dir;
}

const validate = (dir: string) => cli(['validate', 'p.yaml'], { cwd: dir });

describe('plan validation messages', () => {
  test('a duplicate key inside an action is named by its full path', () => {
    const dir = edited((t) => t.replace(/^ {4}owner: Head of HR$/m, '    owner: Head of HR\n    owner: Comms'));
    const r = validate(dir);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'p.yaml:47:5: approach.staff-in-communities.owner: duplicate key: it already appears above in the same mapping; keep one\n']);
  });

  test('a duplicate key at the top of a plan, or in an answers file, reads as before', () => {
    const dir = edited((t) => t.replace(/^kind: plan$/m, 'kind: plan\nkind: plan'));
    expect(validate(dir).stderr).toMatch(/^p\.yaml:\d+:1: kind: duplicate key: it already appears above in the same mapping; keep one\n$/);
    copyFileSync(join(root, 'examples', 'brackenford-unitary.answers.yaml'), join(dir, 'a.yaml'));
    const answers = readFileSync(join(dir, 'a.yaml'), 'utf8').replace(/^( {2}intent\.defined-approach: 3)$/m, '$1\n$1');
    writeFileSync(join(dir, 'a.yaml'), answers);
    expect(cli(['validate', 'a.yaml'], { cwd: dir }).stderr).toBe('a.yaml:12:3: intent.defined-approach: duplicate key: it already appears above in the same mapping; keep one\n');
  });

  test("due: '' is empty, as the message's \"or nothing until agreed\" says: valid, never overdue, no date yet", () => {
    const dir = edited((t) => t.replace(/^ {4}due: 2027-06-30$/m, "    due: ''"));
    const r = validate(dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const json = cli(['progress', 'p.yaml', '--on', '2027-12-01', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const action = (JSON.parse(json.stdout) as { actions: { key: string; due: unknown; overdue: boolean }[] }).actions.find((a) => a.key === 'approach.staff-in-communities');
    expect(action).toMatchObject({ due: null, overdue: false });
    expect(cli(['progress', 'p.yaml', '--on', '2027-12-01'], { cwd: dir }).stdout).toContain('Due: no date yet. Status: in progress.');
  });

  test('an empty status: one line, naming the statuses', () => {
    const dir = edited((t) => t.replace(/^ {4}status: in-progress$/m, '    status:'));
    const r = validate(dir);
    expect([r.code, r.stderr]).toEqual([2, 'p.yaml:48:5: approach.staff-in-communities.status: an empty value is not one of: planned, in-progress, done, dropped\n']);
  });

  test('a missing schemaVersion says what to write', () => {
    const dir = edited((t) => t.replace(/^schemaVersion: 1\n/m, ''));
    const r = validate(dir);
    expect([r.code, r.stderr]).toEqual([2, 'p.yaml:32:1: schemaVersion: required key is missing; add "schemaVersion: 1"\n']);
  });

  test("the plan's council type is checked against the rubric's options, as in an answers file", () => {
    const dir = edited((t) => t.replace(/^ {2}type: unitary$/m, '  type: city'));
    const r = validate(dir);
    expect([r.code, r.stderr]).toEqual([2, 'p.yaml:37:9: council.type: "city" is not one of: county, unitary, metropolitan-district, london-borough, district\n']);
  });
});
