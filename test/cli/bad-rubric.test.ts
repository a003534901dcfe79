// A rubric's mistakes are reported as well as an answers file's: one located line each, exit 2.
import { cli } from '../helpers.js';

const cases: [string, string][] = [
  ['duplicate-characteristic-id.yaml', '32:9: characteristics[1].id: duplicate characteristic id "alpha": it is already used above'],
  ['duplicate-indicator-id.yaml', '26:15: alpha.indicators[1].id: duplicate indicator id "a1" in characteristic "alpha": it is already used above'],
  ['scale-gap.yaml', '11:14: scale[3].value: expected 3: scale values must be consecutive whole numbers starting at 0, in order'],
  ['scale-not-from-0.yaml', '8:14: scale[0].value: expected 0: scale values must be consecutive whole numbers starting at 0, in order'],
  ['bands-not-ascending.yaml', "15:12: bands[2].min: bands must ascend: 40 is not above the previous band's min 50"],
  ['band-not-from-0.yaml', '13:12: bands[0].min: the first band must start at 0, not 10'],
  ['missing-next-step.yaml', '25:66: alpha.a1.nextSteps: no next step for level 1; every level below the top (3) needs one'],
  ['next-step-at-top.yaml', '35:110: beta.b1.nextSteps.3: no next step is needed at the top level (3); remove it'],
  ['weight-zero.yaml', '23:13: alpha.weight: 0 is out of range; expected a number > 0'],
  ['weight-negative.yaml', '26:63: alpha.a2.weight: -1 is out of range; expected a number > 0'],
  ['applies-to-unknown-field.yaml', '30:22: alpha.a3.appliesTo.tier: "tier" is not a profile field of this rubric (type)'],
  ['applies-to-unknown-option.yaml', '30:29: alpha.a3.appliesTo.type[0]: "unitry" is not an option of profile field "type" (county, unitary)'],
  ['no-question.yaml', '35:9: beta.b1.question: required key is missing; expected the question put to the person answering'],
  ['band-above-100.yaml', '15:12: bands[2].min: 150 is out of range; expected a number <= 100'],
  ['duplicate-profile-option.yaml', '19:32: profile[0].options[2]: duplicate option "county": it is already used above'],
  ['duplicate-scale-label.yaml', '10:24: scale[2].label: duplicate scale label "Some": it is already used above'],
  ['empty-passage.yaml', '30:18: alpha.a3.passage: is blank; expected some text'],
  ['id-not-slug.yaml', '4:5: id: "Weighted Rubric" is not valid here; expected lower-case letters, digits and single hyphens, e.g. strategic-plans'],
  ['levels-off-scale.yaml', '25:74: alpha.a1.levels.4: 4 is not on the scale 0-3'],
  [
    'misspelt-field.yaml',
    '25:112: alpha.a1.nextstep: unknown key; did you mean "nextSteps"? (expected: id, statement, question, guidance, passage, weight, appliesTo, levels, nextSteps)',
  ],
  ['weight-not-number.yaml', '23:13: alpha.weight: "heavy" is not valid here; expected a number'],
];

describe('validate on a bad rubric', () => {
  test.each(cases)('%s', (name, line) => {
    const file = `test/fixtures/bad-rubrics/${name}`;
    const r = cli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${file}:${line}\n`);
  });

  test('an answers file naming a bad rubric reports the rubric\'s mistake', () => {
    const r = cli(['assess', 'test/fixtures/answers/weighted-county.yaml', '--rubric', 'test/fixtures/bad-rubrics/weight-zero.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('test/fixtures/bad-rubrics/weight-zero.yaml:23:13: alpha.weight: 0 is out of range; expected a number > 0\n');
  });

  test('the good fixture rubric validates', () => {
    const r = cli(['validate', 'test/fixtures/rubrics/weighted.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('test/fixtures/rubrics/weighted.yaml: valid rubric "weighted" version 0.1.0 (4 characteristics, 7 indicators)\n');
  });
});
