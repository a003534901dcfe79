// `progress`: counts, overdue on the boundary date, levels moved, every format, and the exit codes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, fixtures, root, tempDir } from '../helpers.js';

const plan = 'test/fixtures/plan/progress.plan.yaml';
const later = 'test/fixtures/plan/county-2027.answers.yaml';
const progressSchema = JSON.parse(readFileSync(join(root, 'schemas', 'progress.schema.json'), 'utf8'));
const validateProgress = new Ajv.default({ allErrors: true }).compile(progressSchema);
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

const json = (...args: string[]) => {
  const r = cli(['progress', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(validateProgress(report)).toBe(true);
  return report;
};

/** A plan whose owners and notes are what a spreadsheet or terminal must never run. */
function hostilePlan(): string {
  const dir = tempDir('cr-progress-');
  copyFileSync(join(fixtures, 'plan', 'weighted.rubric.yaml'), join(dir, 'weighted.rubric.yaml'));
  const file = join(dir, 'hostile.plan.yaml');
  writeFileSync(
    file,
    [
      'schemaVersion: 1',
      'kind: plan',
      'rubric: weighted.rubric.yaml',
      'council: { name: "A | B <script>alert(1)</script>", type: county }',
      'basedOn: { answers: county.answers.yaml }',
      'actions:',
      '  - key: alpha.a2',
      '    baseline: 1',
      '    target: 3',
      '    action: "*Set up* the [group](http://x) | `now`"',
      '    owner: \'=HYPERLINK("http://evil.example","click")\'',
      '    due: 2027-01-01',
      '    status: planned',
      '    notes:',
      '      - { on: 2027-01-02, text: "line one\\nline two, \\"quoted\\"" }',
      '  - key: alpha.a1',
      '    baseline: 1',
      '    target: 3',
      '    action: a1 step 1',
      '    owner: Smith, "Jo"',
      '    status: in-progress',
      '    notes: [{ on: 2027-01-03, text: "-2 days late" }]',
      '  - key: beta.b1',
      '    baseline: 0',
      '    target: 3',
      '    action: b1 step 0',
      '    owner: "+44 1234 \\e[31mred"',
      '    status: done',
      '    notes: [{ on: 2027-01-04, text: "@SUM(A1)" }, { on: 2027-01-01, text: "\\tolder" }]',
      '',
    ].join('\n'),
  );
  return file;
}

describe('progress --format json', () => {
  test('counts by status and overdue, overdue first, then plan order; due on the day itself is not overdue', () => {
    const r = json(plan, '--on', '2027-03-31');
    expect(r.on).toBe('2027-03-31');
    expect(r.counts).toEqual({ planned: 2, 'in-progress': 1, done: 1, dropped: 1, overdue: 1 });
    // a1 is due 2027-03-30 (the day before): overdue; a2 is due 2027-03-31 (the day itself): not.
    expect(r.actions.map((a: { key: string; overdue: boolean }) => [a.key, a.overdue])).toEqual([
      ['alpha.a1', true],
      ['alpha.a2', false],
      ['beta.b1', false],
      ['beta.b2', false],
      ['delta.d2', false],
    ]);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'council', 'rubric', 'on', 'counts', 'actions']);
    expect(r.council).toEqual({ name: 'Fixtureshire County Council', type: 'county' });
    expect(r.rubric).toEqual({ id: 'weighted', version: '0.1.0', title: 'Weighted test rubric' });
  });

  test('the day after a due date, that action is overdue too; done and dropped ones never are', () => {
    const r = json(plan, '--on', '2027-04-01');
    expect(r.counts).toEqual({ planned: 2, 'in-progress': 1, done: 1, dropped: 1, overdue: 2 });
    // Overdue ones keep the plan's order among themselves (a2 comes before a1 in the plan).
    expect(r.actions.map((a: { key: string }) => a.key)).toEqual(['alpha.a2', 'alpha.a1', 'beta.b1', 'beta.b2', 'delta.d2']);
    const early = json(plan, '--on', '2027-01-01');
    expect(early.counts.overdue).toBe(0);
  });

  test('each action: owner, due, status, latest note; without --answers now and moved are null', () => {
    const r = json(plan, '--on', '2027-03-31');
    const a2 = r.actions.find((a: { key: string }) => a.key === 'alpha.a2');
    expect(a2).toEqual({
      key: 'alpha.a2',
      action: 'Set up the A2 working group',
      owner: 'Head of Communities',
      due: '2027-03-31',
      status: 'in-progress',
      overdue: false,
      baseline: 1,
      target: 3,
      now: null,
      moved: null,
      // The latest by date, though it is written first.
      latestNote: { on: '2027-02-01', text: 'Terms of reference agreed' },
    });
    // Two notes on one day: the later one written.
    expect(r.actions.find((a: { key: string }) => a.key === 'beta.b1').latestNote).toEqual({ on: '2027-01-01', text: 'Signed off by the cabinet member' });
    const d2 = r.actions.find((a: { key: string }) => a.key === 'delta.d2');
    expect([d2.owner, d2.due, d2.latestNote]).toEqual([null, null, null]);
  });

  test('with a later answers file: now is its level (unknown counts 0, n/a gives null) and moved = now - baseline', () => {
    const r = json(plan, '--on', '2027-03-31', '--answers', later);
    const moved = Object.fromEntries(r.actions.map((a: { key: string; baseline: number; now: number | null; moved: number | null }) => [a.key, [a.baseline, a.now, a.moved]]));
    expect(moved).toEqual({
      'alpha.a1': [1, 2, 1],
      'alpha.a2': [1, 3, 2],
      'beta.b1': [0, 0, 0], // unknown counts 0
      'beta.b2': [2, 3, 1],
      'delta.d2': [0, null, null], // n/a
    });
  });

  test('an indicator not answered in the later file gives null', () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'plan', 'weighted.rubric.yaml'), join(dir, 'weighted.rubric.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: weighted.rubric.yaml\ncouncil: { name: Fixtureshire County Council }\nanswers:\n  alpha.a2: 2\n');
    const r = json(plan, '--on', '2027-03-31', '--answers', join(dir, 'a.yaml'));
    expect(r.actions.map((a: { now: number | null; moved: number | null }) => [a.now, a.moved])).toEqual([[null, null], [2, 1], [null, null], [null, null], [null, null]]);
  });
});

describe('progress: exit codes', () => {
  test('--fail-overdue exits 1 when an action is overdue, after printing the report; 0 when none is', () => {
    const r = cli(['progress', plan, '--on', '2027-04-01', '--fail-overdue']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Overdue (2)');
    expect(r.stderr).toBe('policy failed: 2 actions are overdue on 2027-04-01\n');
    const one = cli(['progress', plan, '--on', '2027-03-31', '--fail-overdue', '--format', 'csv']);
    expect([one.code, one.stderr]).toEqual([1, 'policy failed: 1 action is overdue on 2027-03-31\n']);
    const none = cli(['progress', plan, '--on', '2027-03-30', '--fail-overdue']);
    expect([none.code, none.stderr]).toEqual([0, '']);
    // Without --fail-overdue an overdue action is reported, not a failure.
    expect(cli(['progress', plan, '--on', '2027-04-01']).code).toBe(0);
  });

  test.each([
    ['2027-02-30', 'error: --on: 2027-02-30 is not a real date; expected YYYY-MM-DD'],
    ['31/03/2027', 'error: --on: "31/03/2027" is not a date written YYYY-MM-DD, such as 2027-03-31'],
    ['tomorrow', 'error: --on: "tomorrow" is not a date written YYYY-MM-DD, such as 2027-03-31'],
    ['2027-3-1', 'error: --on: "2027-3-1" is not a date written YYYY-MM-DD, such as 2027-03-31'],
  ])('--on %s is a usage error, exit 2', (date, message) => {
    const r = cli(['progress', plan, '--on', date]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${message}\n`]);
  });

  test('--on defaults to today, read from the local calendar', () => {
    // Kiritimati is UTC+14 all year, so its date differs from UTC's for 14 hours a day.
    const there = () => new Date(Date.now() + 14 * 3600 * 1000).toISOString().slice(0, 10);
    const before = there();
    const r = cli(['progress', plan, '--format', 'json'], { env: { TZ: 'Pacific/Kiritimati' } });
    const after = there();
    expect(r.code).toBe(0);
    // Should midnight pass there while the command runs, either date is right.
    expect([before, after]).toContain(JSON.parse(r.stdout).on);
  });

  test('a later answers file of another council or rubric is exit 2, located in that file', () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'plan', 'weighted.rubric.yaml'), join(dir, 'weighted.rubric.yaml'));
    writeFileSync(join(dir, 'other.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: weighted.rubric.yaml\ncouncil:\n  name: Otherton County Council\nanswers: {}\n');
    const council = cli(['progress', plan, '--answers', join(dir, 'other.yaml'), '--on', '2027-03-31']);
    expect(council.code).toBe(2);
    expect(council.stdout).toBe('');
    expect(council.stderr).toBe(
      `${join(dir, 'other.yaml')}:5:9: council.name: this answers file is for "Otherton County Council", but the plan ${plan} is the plan of "Fixtureshire County Council"; use an answers file of the same council\n`,
    );
    writeFileSync(join(dir, 'eight.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Fixtureshire County Council }\nanswers: {}\n');
    const rubric = cli(['progress', plan, '--answers', join(dir, 'eight.yaml'), '--on', '2027-03-31']);
    expect(rubric.code).toBe(2);
    expect(rubric.stderr).toBe(
      `${join(dir, 'eight.yaml')}:3:9: rubric: this answers file uses rubric "eight-characteristics", but the plan ${plan} was made with rubric "weighted"; use an answers file of the same rubric\n`,
    );
  });

  test('--output is never the plan or the answers file', () => {
    const r = cli(['progress', plan, '--output', plan, '--on', '2027-03-31']);
    expect([r.code, r.stderr]).toEqual([2, `error: --output ${plan} is the plan file: writing there would destroy it; choose another file for --output\n`]);
    const a = cli(['progress', plan, '--answers', later, '--output', later, '--on', '2027-03-31']);
    expect([a.code, a.stderr]).toEqual([2, `error: --output ${later} is the --answers file: writing there would destroy it; choose another file for --output\n`]);
  });
});

describe('progress --format csv', () => {
  test("SPEC's columns and the latest note, one row per action, overdue first", () => {
    const r = cli(['progress', plan, '--on', '2027-03-31', '--answers', later, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'key,action,owner,due,status,overdue,baseline,target,now,moved,latestNoteOn,latestNote',
        'alpha.a1,a1 step 1,Director of Place,2027-03-30,planned,true,1,3,2,1,,',
        'alpha.a2,Set up the A2 working group,Head of Communities,2027-03-31,in-progress,false,1,3,3,2,2027-02-01,Terms of reference agreed',
        'beta.b1,b1 step 0,,2027-01-01,done,false,0,3,0,0,2027-01-01,Signed off by the cabinet member',
        'beta.b2,b2 step 2,Head of HR,2027-01-01,dropped,false,2,3,3,1,,',
        'delta.d2,d2 step 0,,,planned,false,0,3,,,,',
        '',
      ].join('\r\n'),
    );
  });

  test('owners and notes typed by people are quoted (RFC 4180) and can never run as formulas', () => {
    const r = cli(['progress', hostilePlan(), '--on', '2027-03-31', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'key,action,owner,due,status,overdue,baseline,target,now,moved,latestNoteOn,latestNote',
        'alpha.a2,*Set up* the [group](http://x) | `now`,"\'=HYPERLINK(""http://evil.example"",""click"")",2027-01-01,planned,true,1,3,,,2027-01-02,"line one\nline two, ""quoted"""',
        'alpha.a1,a1 step 1,"Smith, ""Jo""",,in-progress,false,1,3,,,2027-01-03,\'-2 days late',
        "beta.b1,b1 step 0,'+44 1234 \\x1b[31mred,,done,false,0,3,,,2027-01-04,'@SUM(A1)",
        '',
      ].join('\r\n'),
    );
  });
});

describe('progress: text, markdown and HTML', () => {
  test('text: counts, overdue first with the word OVERDUE, levels with their labels, every line within 80 columns', () => {
    const r = cli(['progress', plan, '--on', '2027-03-31', '--answers', later]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(r.stdout).toContain('5 actions: 2 planned, 1 in progress, 1 done, 1 dropped; 1 overdue.');
    expect(r.stdout).toContain('\nOverdue (1)\n  alpha.a1: OVERDUE\n    a1 step 1\n    Owner: Director of Place. Due: 2027-03-30, overdue. Status: planned.\n');
    expect(r.stdout).toContain('    Level 1 Some when planned, target 3 All, now 2 Most (up 1).\n');
    expect(r.stdout).toContain('    Level 1 Some when planned, target 3 All, now 3 All (up 2, target met).\n    Latest note, 2027-02-01: Terms of reference agreed\n');
    expect(r.stdout).toContain('now not scored');
    expect(r.stdout.indexOf('Overdue (1)')).toBeLessThan(r.stdout.indexOf('Other actions (4)'));
  });

  test('text: control characters from the file are shown, never sent to the terminal', () => {
    const r = cli(['progress', hostilePlan(), '--on', '2027-03-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toContain('Owner: +44 1234 \\x1b[31mred.');
    // A note over two lines is shown as two lines (REVIEW-14 entry 6), the escape sequence still escaped.
    expect(r.stdout).toContain('Latest note, 2027-01-02: line one\n    line two, "quoted"');
    expect(r.stdout.split('\n').every((l) => l.length <= 80)).toBe(true);
  });

  test('markdown passes markdownlint (default rules), with and without levels, and with hostile text', () => {
    const dir = tempDir();
    const runs = [
      [plan, '--on', '2027-03-31'],
      [plan, '--on', '2027-04-01', '--answers', later],
      [hostilePlan(), '--on', '2027-03-31'],
    ];
    const files = runs.map((args, n) => {
      const out = join(dir, `progress-${n}.md`);
      expect(cli(['progress', ...args, '--format', 'markdown', '--output', out]).code).toBe(0);
      return out;
    });
    const lint = spawnSync(process.execPath, [markdownlint, ...files], { cwd: dir, encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toContain('Summary: 0 error(s)');
    expect(lint.status).toBe(0);
    const md = readFileSync(files[1]!, 'utf8');
    expect(md).toMatch(/^# Action plan progress: Fixtureshire County Council\n/);
    expect(md).toContain('## Overdue (2)');
    expect(md).toContain(
      '- **alpha.a2** (overdue): Set up the A2 working group\n' +
        '  - Owner: Head of Communities. Due: 2027-03-31, overdue. Status: in progress.\n' +
        '  - Level 1 Some when planned, target 3 All, now 3 All (up 2, target met).\n' +
        '  - Latest note, 2027-02-01: Terms of reference agreed\n',
    );
    const hostile = readFileSync(files[2]!, 'utf8');
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('\\*Set up\\* the \\[group\\](<http://x>) \\| \\`now\\`');
  });

  test('HTML: self-contained, en-GB, table headers with scope, overdue said in words', () => {
    const r = cli(['progress', plan, '--on', '2027-03-31', '--answers', later, '--format', 'html']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain('<h1>Action plan progress: Fixtureshire County Council</h1>');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/);
    expect(html.match(/<th(?=[\s>])(?![^>]*scope=)/g)).toBeNull();
    expect(html.match(/<th scope=/g)!.length).toBe(5 + 7 * 2 + 2 + 5); // counts rows, two tables of 7 columns, counts header, action rows
    expect(html).toContain('<h2>Overdue (1)</h2>');
    expect(html).toContain('<th scope="row">alpha.a1</th><td>a1 step 1</td><td>Director of Place</td><td><span class="overdue">2027-03-30, overdue</span></td>');
    expect(html).toContain('<tr><th scope="row">Overdue</th><td class="num">1</td></tr>');
    const hostile = cli(['progress', hostilePlan(), '--on', '2027-03-31', '--format', 'html']).stdout;
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('A | B &lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
