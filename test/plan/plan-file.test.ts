// Bad plan files: every mistake is one line `file:line:col: path: message`, exit 2, from validate and from progress.
import { cli } from '../helpers.js';

const bad = (name: string) => `test/fixtures/plan/bad/${name}.yaml`;

const cases: [string, string[]][] = [
  ['unknown-key', ['20:5: alpha.a1.ownr: unknown key; did you mean "owner"? (expected: key, baseline, target, action, owner, due, status, notes)']],
  [
    'unknown-top-key',
    [
      '1:1: basedOn: required key is missing; expected the answers file the actions were drawn from',
      '5:1: basedon: unknown key; did you mean "basedOn"? (expected: schemaVersion, kind, rubric, council, basedOn, actions)',
    ],
  ],
  ['key-not-in-rubric', ['16:10: actions[1].key: "alpha.a9" is not an indicator of rubric "weighted"; did you mean "alpha.a1"?']],
  ['date-shape', ['12:10: alpha.a2.due: "31/03/2027" is not valid here; expected a date written YYYY-MM-DD, such as 2027-03-31, or nothing until agreed']],
  ['date-not-real', ['12:10: alpha.a2.due: 2027-02-30 is not a real date; expected YYYY-MM-DD']],
  ['date-number', ['12:10: alpha.a2.due: 2027 is not a date; expected a date written YYYY-MM-DD, such as 2026-11-01']],
  ['note-date', ['15:15: alpha.a2.notes[0].on: 2027-13-01 is not a real date; expected YYYY-MM-DD']],
  ['based-on-date', ['5:57: basedOn.assessedOn: 2026-02-29 is not a real date; expected YYYY-MM-DD']],
  ['status-unknown', ['22:13: alpha.a1.status: "finished" is not one of: planned, in-progress, done, dropped']],
  ['status-near', ['22:13: alpha.a1.status: "in progress" is not one of: planned, in-progress, done, dropped; did you mean "in-progress"?']],
  [
    'duplicate-key',
    ['16:10: actions[1].key: an action above is already for this indicator; keep one action per indicator (move what this one says into that one)'],
  ],
  ['baseline-off-scale', ['17:15: alpha.a1.baseline: 4 is not on the scale 0-3']],
  ['target-off-scale', ['18:13: alpha.a1.target: 5 is not a level a target can be; expected a whole number from 1 to 3']],
  ['target-zero', ['18:13: alpha.a1.target: 0 is not a level a target can be; expected a whole number from 1 to 3']],
  ['missing-status', ['16:5: alpha.a1.status: required key is missing']],
  [
    'unknown-rubric',
    [
      '3:9: rubric: no built-in rubric "eight-characteristic"; did you mean "eight-characteristics"? (built-in: community-power, eight-characteristics, facilitative-council, influencing-change, partnership-principles); or give a path to a rubric file',
    ],
  ],
];

describe('a bad plan file', () => {
  test.each(cases)('%s: validate gives each mistake on one located line, exit 2', (name, lines) => {
    const r = cli(['validate', bad(name)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(lines.map((l) => `${bad(name)}:${l}\n`).join(''));
  });

  test.each(cases)('%s: progress refuses it with the same lines, exit 2', (name, lines) => {
    const r = cli(['progress', bad(name), '--on', '2027-03-31']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', lines.map((l) => `${bad(name)}:${l}\n`).join('')]);
  });

  test('a plan with no kind: validate names the three kinds; progress expects a plan', () => {
    expect(cli(['validate', bad('no-kind')]).stderr).toBe(`${bad('no-kind')}:1:1: "kind:" is missing; expected kind: answers, kind: rubric or kind: plan\n`);
    expect(cli(['progress', bad('no-kind')]).stderr).toBe(`${bad('no-kind')}:1:1: "kind:" is missing; expected kind: plan\n`);
    const answers = cli(['progress', 'test/fixtures/plan/county.answers.yaml']);
    expect([answers.code, answers.stderr]).toEqual([2, 'test/fixtures/plan/county.answers.yaml:9:7: kind: expected kind: plan, found "answers"\n']);
  });

  test('the valid plan these are made from validates, with its actions counted by status', () => {
    const r = cli(['validate', 'test/fixtures/plan/valid.plan.yaml', 'test/fixtures/plan/progress.plan.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'test/fixtures/plan/valid.plan.yaml: valid plan for Fixtureshire County Council (rubric "weighted", 2 actions: 1 planned, 1 in progress)\n' +
        'test/fixtures/plan/progress.plan.yaml: valid plan for Fixtureshire County Council (rubric "weighted", 5 actions: 2 planned, 1 in progress, 1 done, 1 dropped)\n',
    );
    expect(r.stderr).toBe('2 of 2 files valid\n');
  });
});
