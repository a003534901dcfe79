// `plan`: gaps become actions in gap order; re-planning onto a plan a person edited changes nothing they wrote.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, fixtures, tempDir } from '../helpers.js';

const here = join(fixtures, 'plan');

/** A folder holding the fixture rubric and both years' answers, as a council's own folder would. */
function councilFolder(): string {
  const dir = tempDir('cr-plan-');
  for (const f of ['weighted.rubric.yaml', 'county.answers.yaml', 'county-2027.answers.yaml']) copyFileSync(join(here, f), join(dir, f));
  return dir;
}

describe('plan: a new plan', () => {
  test('one action per gap in the hand-worked gap order, starting as the next step for the current level', () => {
    const dir = councilFolder();
    const r = cli(['plan', 'county.answers.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plan = parse(r.stdout);
    // county.answers.yaml: a2 8, a1 4, then b1, b2, d2 at 3 each in rubric order; a3 does not apply, d1 is n/a.
    expect(plan.actions.map((a: { key: string }) => a.key)).toEqual(['alpha.a2', 'alpha.a1', 'beta.b1', 'beta.b2', 'delta.d2']);
    expect(plan.actions[2]).toEqual({ key: 'beta.b1', baseline: 0, target: 3, action: 'b1 step 0', owner: null, due: null, status: 'planned', notes: [] });
    expect(plan.actions.map((a: { baseline: number; action: string }) => [a.baseline, a.action])).toEqual([
      [1, 'a2 step 1'],
      [1, 'a1 step 1'],
      [0, 'b1 step 0'],
      [2, 'b2 step 2'],
      [0, 'd2 step 0'],
    ]);
    expect(plan).toMatchObject({
      schemaVersion: 1,
      kind: 'plan',
      rubric: 'weighted.rubric.yaml',
      council: { name: 'Fixtureshire County Council', type: 'county' },
      basedOn: { answers: 'county.answers.yaml', assessedOn: '2026-10-14' },
    });
  });

  test('--top N plans the first N gaps; the header explains every field; the file validates', () => {
    const dir = councilFolder();
    const r = cli(['plan', 'county.answers.yaml', '--top', '2', '--output', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('plan.yaml: 2 actions planned, for the first 2 of 5 gaps\n');
    const text = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(parse(text).actions.map((a: { key: string }) => a.key)).toEqual(['alpha.a2', 'alpha.a1']);
    const header = text.slice(0, text.indexOf('schemaVersion:'));
    for (const field of ['rubric', 'council', 'basedOn', 'actions', 'key', 'baseline', 'target', 'action', 'owner', 'due', 'status', 'notes']) {
      expect(header).toMatch(new RegExp(`^#\\s+${field}\\s+\\S`, 'm'));
    }
    expect(header).toContain('planned, in-progress, done or dropped');
    expect(cli(['validate', 'plan.yaml'], { cwd: dir }).stdout).toBe(
      'plan.yaml: valid plan for Fixtureshire County Council (rubric "weighted", 2 actions: 2 planned)\n',
    );
  });

  test('with no gaps the plan has an empty list of actions, and says so', () => {
    const dir = councilFolder();
    writeFileSync(
      join(dir, 'top.answers.yaml'),
      'schemaVersion: 1\nkind: answers\nrubric: weighted.rubric.yaml\ncouncil: { name: Fixtureshire County Council, type: county }\nanswers:\n  alpha.a1: 3\n  beta.b1: n/a\n',
    );
    const r = cli(['plan', 'top.answers.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, 'plan.yaml: no gaps: every question scored is at its target, so the plan has no actions yet\n']);
    expect(parse(readFileSync(join(dir, 'plan.yaml'), 'utf8')).actions).toEqual([]);
    expect(cli(['validate', 'plan.yaml'], { cwd: dir }).stdout).toBe('plan.yaml: valid plan for Fixtureshire County Council (rubric "weighted", 0 actions)\n');
  });

  test('a rubric named by path is rewritten from the plan\'s own folder', () => {
    const dir = councilFolder();
    mkdirSync(join(dir, 'plans'));
    expect(cli(['plan', 'county.answers.yaml', '--output', 'plans/p.yaml'], { cwd: dir }).code).toBe(0);
    const plan = parse(readFileSync(join(dir, 'plans', 'p.yaml'), 'utf8'));
    expect(plan.rubric).toBe('../weighted.rubric.yaml');
    expect(plan.basedOn.answers).toBe('../county.answers.yaml');
    expect(cli(['validate', 'plans/p.yaml'], { cwd: dir }).code).toBe(0);
  });

  test('names and next steps with YAML punctuation, quotes and control characters read back exactly', () => {
    const dir = councilFolder();
    const name = 'St. Mary\'s: "North" # East, Council\u001b[2J';
    const step = '- Ask: who #1? {all} [staff], & say "yes"\nthen 50%';
    const rubric = readFileSync(join(dir, 'weighted.rubric.yaml'), 'utf8').replace('a2 step 1', JSON.stringify(step));
    writeFileSync(join(dir, 'weighted.rubric.yaml'), rubric);
    writeFileSync(
      join(dir, 'odd.answers.yaml'),
      `schemaVersion: 1\nkind: answers\nrubric: weighted.rubric.yaml\ncouncil: { name: ${JSON.stringify(name)}, type: null }\nanswers:\n  alpha.a2: 1\n`,
    );
    expect(cli(['plan', 'odd.answers.yaml', '--output', 'odd.plan.yaml'], { cwd: dir }).code).toBe(0);
    const plan = parse(readFileSync(join(dir, 'odd.plan.yaml'), 'utf8'));
    expect(plan.council).toEqual({ name, type: null });
    expect(plan.actions[0].action).toBe(step);
    expect(cli(['validate', 'odd.plan.yaml'], { cwd: dir }).code).toBe(0);
  });

  test('the output is never one of the inputs, and a file that is not a plan is never replaced', () => {
    const dir = councilFolder();
    const answers = readFileSync(join(dir, 'county.answers.yaml'), 'utf8');
    const over = cli(['plan', 'county.answers.yaml', '--output', 'county.answers.yaml'], { cwd: dir });
    expect(over.code).toBe(2);
    expect(over.stderr).toBe(
      'error: --output county.answers.yaml is the answers file: writing there would destroy it; choose another file for --output\n',
    );
    const rubric = cli(['plan', 'county.answers.yaml', '--output', 'weighted.rubric.yaml'], { cwd: dir });
    expect(rubric.code).toBe(2);
    expect(rubric.stderr).toContain('is the rubric the answers file names');
    writeFileSync(join(dir, 'notes.yaml'), '# my notes\nkind: answers\n');
    const other = cli(['plan', 'county.answers.yaml', '--output', 'notes.yaml'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(
      'error: notes.yaml already exists and is not an action plan (kind: "answers"); choose another file for --output, so that nothing in it is lost\n',
    );
    expect(readFileSync(join(dir, 'notes.yaml'), 'utf8')).toBe('# my notes\nkind: answers\n');
    expect(readFileSync(join(dir, 'county.answers.yaml'), 'utf8')).toBe(answers);
  });
});

describe('plan: onto an existing plan', () => {
  /** The plan as made from the 2026 answers, then edited by hand in every way a person might. */
  function editedPlan(dir: string): string {
    const made = cli(['plan', 'county.answers.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect([made.code, made.stderr]).toEqual([0, 'plan.yaml: 5 actions planned, one for each gap\n']);
    let text = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    const replace = (from: string, to: string) => {
      expect(text).toContain(from);
      text = text.replace(from, to);
    };
    // A comment in the header, a comment of one's own between actions, and one at the end of a line.
    replace('# What each field means:', '# What each field means (see the committee report of 3 November):');
    // owner (with a comment), due, status, notes, the action's own words, on several actions.
    replace(
      '  - key: alpha.a2\n    baseline: 1\n    target: 3\n    action: a2 step 1\n    owner:\n    due:\n    status: planned\n    notes: []\n',
      '  - key: alpha.a2\n    baseline: 1\n    target: 3\n    action: a2 step 1\n    owner: Head of Communities   # agreed at CMT\n    due:\n    status: planned\n    notes: []\n',
    );
    replace(
      '  - key: alpha.a1\n    baseline: 1\n    target: 3\n    action: a1 step 1\n    owner:\n    due:\n    status: planned\n    notes: []\n',
      '  - key: alpha.a1\n    baseline: 1\n    target: 3\n    action: a1 step 1\n    owner:\n    due: 2027-03-31\n    status: in-progress\n' +
        '    notes:\n      - { on: 2027-01-10, text: "Open call sent, 14 replies" }\n',
    );
    replace('    action: b1 step 0\n', '    action: "Find out, ward by ward, what B1 looks like: ask the VCS forum first"\n');
    replace(
      '  - key: beta.b2\n    baseline: 2\n    target: 3\n    action: b2 step 2\n    owner:\n    due:\n    status: planned\n',
      '  - key: beta.b2\n    baseline: 2\n    target: 3\n    action: b2 step 2\n    owner: Head of HR\n    due: 2027-01-31\n    status: done\n',
    );
    // order: delta.d2 moved to the top, with a comment of the council's own above it.
    const d2 = '  - key: delta.d2\n    baseline: 0\n    target: 3\n    action: d2 step 0\n    owner:\n    due:\n    status: planned\n    notes: []\n';
    replace(d2, '');
    replace('actions:\n', `actions:\n  # Cabinet asked for this one first.\n${d2}`);
    writeFileSync(join(dir, 'plan.yaml'), text);
    return text;
  }

  test('every edit stays exactly as written; the new gap is added at the end; basedOn follows the later file', () => {
    const dir = councilFolder();
    const edited = editedPlan(dir);
    const r = cli(['plan', 'county-2027.answers.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const expected =
      edited.replace('  answers: county.answers.yaml\n  assessedOn: 2026-10-14\n', '  answers: county-2027.answers.yaml\n  assessedOn: 2027-10-12\n') +
      '  - key: delta.d1\n    baseline: 2\n    target: 3\n    action: d1 step 2\n    owner:\n    due:\n    status: planned\n    notes: []\n';
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(expected);
    // 2027: a2 and b2 reached 3, their target; d2 is n/a, so no longer a gap either (listed first: the plan's order).
    expect(r.stderr.split('\n')).toEqual([
      'delta.d2 is no longer a gap: county-2027.answers.yaml answers it not applicable; its action is still planned: mark it dropped if it is no longer needed',
      'alpha.a2 now meets its target (level 3, target 3); its action is still planned: mark it done if the work is finished',
      'beta.b2 now meets its target (level 3, target 3); its action is marked done',
      'plan.yaml: 1 action added at the end (delta.d1); the actions already there are unchanged',
      '',
    ]);
    expect(cli(['validate', 'plan.yaml'], { cwd: dir }).code).toBe(0);
  });

  test('re-planning from the same answers leaves the file byte for byte as it was, and untouched on disk', () => {
    const dir = councilFolder();
    const edited = editedPlan(dir);
    const before = statSync(join(dir, 'plan.yaml')).mtimeMs;
    const r = cli(['plan', 'county.answers.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toEqual(['plan.yaml: every gap already has an action; the plan is unchanged', '']);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(edited);
    expect(statSync(join(dir, 'plan.yaml')).mtimeMs).toBe(before);
    // The same answers under another name: only basedOn says so.
    copyFileSync(join(dir, 'county.answers.yaml'), join(dir, 'county-copy.yaml'));
    const copy = cli(['plan', 'county-copy.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect([copy.code, copy.stderr]).toEqual([0, 'plan.yaml: every gap already has an action; only basedOn changed, to county-copy.yaml\n']);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(edited.replace('  answers: county.answers.yaml\n', '  answers: county-copy.yaml\n'));
  });

  test('an empty plan (actions: []) gets a block list under its key; --top limits what is added', () => {
    const dir = councilFolder();
    expect(cli(['plan', 'county.answers.yaml', '--top', '0', '--output', 'plan.yaml'], { cwd: dir }).code).toBe(0);
    const empty = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(empty).toMatch(/\nactions: \[\]\n$/);
    const r = cli(['plan', 'county-2027.answers.yaml', '--top', '2', '--output', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    // The flow list `[]` becomes a block list under its key; everything above it is as it was.
    expect(text).toBe(
      empty.replace(/\nactions: \[\]\n$/, '\nactions:\n').replace('county.answers.yaml\n  assessedOn: 2026-10-14', 'county-2027.answers.yaml\n  assessedOn: 2027-10-12') +
        '  - key: beta.b1\n    baseline: 0\n    target: 3\n    action: b1 step 0\n    owner:\n    due:\n    status: planned\n    notes: []\n' +
        '  - key: alpha.a1\n    baseline: 2\n    target: 3\n    action: a1 step 2\n    owner:\n    due:\n    status: planned\n    notes: []\n',
    );
  });

  test('a plan written in another layout (JSON is YAML too) keeps every value and gains the new action', () => {
    const dir = councilFolder();
    editedPlan(dir);
    const data = parse(readFileSync(join(dir, 'plan.yaml'), 'utf8'));
    writeFileSync(join(dir, 'plan.yaml'), `${JSON.stringify(data, null, 2)}\n`);
    const r = cli(['plan', 'county-2027.answers.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const after = parse(readFileSync(join(dir, 'plan.yaml'), 'utf8'));
    expect(after.actions.slice(0, -1)).toEqual(data.actions);
    expect(after.actions.at(-1)).toEqual({ key: 'delta.d1', baseline: 2, target: 3, action: 'd1 step 2', owner: null, due: null, status: 'planned', notes: [] });
    expect(after.basedOn).toEqual({ answers: 'county-2027.answers.yaml', assessedOn: '2027-10-12' });
    expect(cli(['validate', 'plan.yaml'], { cwd: dir }).code).toBe(0);
  });

  test('a plan saved with Windows line endings and a byte order mark keeps both', () => {
    const dir = councilFolder();
    const edited = editedPlan(dir);
    const windows = `\uFEFF${edited.replace(/\n/g, '\r\n')}`;
    writeFileSync(join(dir, 'plan.yaml'), windows);
    expect(cli(['plan', 'county-2027.answers.yaml', '--output', 'plan.yaml'], { cwd: dir }).code).toBe(0);
    const expected =
      windows.replace('county.answers.yaml\r\n  assessedOn: 2026-10-14', 'county-2027.answers.yaml\r\n  assessedOn: 2027-10-12') +
      '  - key: delta.d1\r\n    baseline: 2\r\n    target: 3\r\n    action: d1 step 2\r\n    owner:\r\n    due:\r\n    status: planned\r\n    notes: []\r\n';
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(expected);
  });

  test('a plan for another council or rubric is exit 2, located in the plan, and left as it is', () => {
    const dir = councilFolder();
    editedPlan(dir);
    const text = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    writeFileSync(join(dir, 'plan.yaml'), text.replace('name: Fixtureshire County Council', 'name: Otherton County Council'));
    const council = cli(['plan', 'county-2027.answers.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect(council.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.startsWith('  name: ')) + 1;
    expect(council.stderr.split('\n')).toEqual([
      `plan.yaml:${line}:9: council.name: this plan is for "Otherton County Council", but the answers file county-2027.answers.yaml is for "Fixtureshire County Council"; give --output a plan of the same council, or a new file`,
      '',
    ]);
    // A council's name in another case or spacing is the same council.
    writeFileSync(join(dir, 'plan.yaml'), text.replace('name: Fixtureshire County Council', 'name: " fixtureshire county council"'));
    expect(cli(['plan', 'county-2027.answers.yaml', '--output', 'plan.yaml'], { cwd: dir }).code).toBe(0);

    const other = join(dir, 'eight.answers.yaml');
    writeFileSync(other, 'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Fixtureshire County Council, type: county }\nanswers: {}\n');
    const before = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    const rubric = cli(['plan', 'eight.answers.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect(rubric.code).toBe(2);
    const rubricLine = before.split('\n').findIndex((l) => l.startsWith('rubric: ')) + 1;
    expect(rubric.stderr).toBe(
      `plan.yaml:${rubricLine}:9: rubric: this plan was made with rubric "weighted", but the answers file eight.answers.yaml uses rubric "eight-characteristics"; give --output a plan of the same rubric, or a new file\n`,
    );
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(before);
  });

  test('an invalid plan is reported with its location and never replaced', () => {
    const dir = councilFolder();
    editedPlan(dir);
    const text = readFileSync(join(dir, 'plan.yaml'), 'utf8').replace('    status: done\n', '    status: finished\n');
    writeFileSync(join(dir, 'plan.yaml'), text);
    const r = cli(['plan', 'county-2027.answers.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const line = text.split('\n').indexOf('    status: finished') + 1;
    expect(r.stderr).toContain(`plan.yaml:${line}:13: beta.b2.status: "finished" is not one of: planned, in-progress, done, dropped\n`);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(text);
  });
});
