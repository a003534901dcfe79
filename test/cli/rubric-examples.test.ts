// One fictional council per built-in rubric beyond the default, scored against sums worked by hand
// from its answers file (all weights are 1, so each characteristic is Σ levels / (3 × scored)).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root } from '../helpers.js';

const validateReport = new Ajv.default({ allErrors: true }).compile(
  JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8')),
);

interface Expected {
  file: string;
  rubric: string;
  /** Per characteristic, in rubric order: [sum of levels, number of scored indicators]. */
  sums: [number, number][];
  band: string;
  coverage: [number, number];
  notAssessed: string[];
  /** The first two gaps: [key, level, unknown]. Both at level 0, so priority 3, in rubric order. */
  firstGaps: [string, number, boolean][];
}

const cases: Expected[] = [
  {
    file: 'examples/kestrelmoor-district.answers.yaml',
    rubric: 'partnership-principles',
    // roles: room-for-flexibility 0; empathy: compromise is n/a; action-enabler: support-not-direct unknown
    // Rubric 1.1.0 added action-enabler.prevent-problems (answered 1): action-enabler 1/9 -> 2/12 = 16.67;
    // overall (50 + 44.44 + 83.33 + 33.33 + 83.33 + 16.67) / 6 = 311.11 / 6 = 51.85 (was 50.93), band unchanged.
    sums: [[2 + 1, 2], [2 + 2 + 0, 3], [3 + 2, 2], [1, 1], [2 + 3, 2], [1 + 0 + 0 + 1, 4]],
    band: 'Working as partners',
    coverage: [15, 16],
    notAssessed: ['shared-endeavour.scale-up-step-by-step'],
    firstGaps: [['roles-and-priorities.room-for-flexibility', 0, false], ['action-enabler.support-not-direct', 0, true]],
  },
  {
    file: 'examples/calderbrook-metropolitan.answers.yaml',
    rubric: 'community-power',
    // relational: tangible-results is n/a; networks: simpler-bureaucracy unknown; listening: culture-change not assessed
    sums: [[2 + 1 + 1, 3], [3 + 2 + 0 + 1, 4], [2 + 3 + 1, 3], [2 + 1, 2], [0 + 2 + 0 + 1, 4]],
    band: 'Opening up',
    coverage: [17, 18],
    notAssessed: ['listening.culture-change'],
    firstGaps: [['networks.simpler-bureaucracy', 0, true], ['ceding-power.cede-control', 0, false]],
  },
  {
    file: 'examples/wrenfield-county.answers.yaml',
    rubric: 'facilitative-council',
    // navigators: protected-time unknown; community development: led-by-allies not assessed; learning: keep-new-habits n/a
    sums: [[2 + 1 + 0 + 1 + 2, 5], [2 + 1 + 0 + 1, 4], [1 + 0, 2], [2 + 1, 2], [2 + 3, 2]],
    band: 'Some doors open',
    coverage: [16, 17],
    notAssessed: ['community-development.led-by-allies'],
    firstGaps: [['routes-in.stalled-initiatives', 0, false], ['navigators.protected-time', 0, true]],
  },
  {
    file: 'examples/westholm-london-borough.answers.yaml',
    rubric: 'influencing-change',
    // voice: outside-bodies unknown; councillors: what-works not assessed; money: parish councils n/a (none in London)
    // Rubric 1.1.0 added councillor-connections.organisational-change (answered 2) and
    // money-and-governance.risk-and-opportunity (answered 1): councillors 3/6 -> 5/9 = 55.56, money 1/6 -> 2/9 = 22.22;
    // overall (50 + 50 + 33.33 + 55.56 + 22.22 + 60) / 6 = 271.11 / 6 = 45.19 (was 43.33), band unchanged.
    sums: [[1 + 2 + 1 + 2, 4], [3 + 1 + 0 + 2, 4], [2 + 0 + 1, 3], [2 + 1 + 2, 3], [0 + 1 + 1, 3], [2 + 1 + 2 + 3 + 1, 5]],
    band: 'Opening the door',
    coverage: [23, 24],
    notAssessed: ['councillor-connections.what-works'],
    firstGaps: [['community-voice.outside-bodies', 0, true], ['community-scrutiny.scrutiny-skills', 0, false]],
  },
];

describe.each(cases)('$file', ({ file, rubric, sums, band, coverage, notAssessed, firstGaps }) => {
  test('the text report prints, with nothing on stderr', () => {
    const r = cli(['assess', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Overall {2}\d+\.\d \/ 100/m);
  });

  test('scores, band, coverage and gaps match the hand-worked values', () => {
    const r = cli(['assess', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validateReport(report)).toBe(true);
    expect(report.rubric.id).toBe(rubric);
    const expected = sums.map(([sum, n]) => (100 * sum) / (3 * n));
    expect(report.characteristics).toHaveLength(expected.length);
    report.characteristics.forEach((c: { score: number }, i: number) => expect(c.score).toBeCloseTo(expected[i]!, 10));
    expect(report.overall.score).toBeCloseTo(expected.reduce((a, b) => a + b) / expected.length, 10);
    expect(report.overall.band).toBe(band);
    expect(report.overall.coverage).toBeCloseTo(coverage[0] / coverage[1], 12);
    expect(report.notAssessed).toEqual(notAssessed);
    expect(report.gaps.slice(0, 2).map((g: { key: string; score: number; unknown: boolean }) => [g.key, g.score, g.unknown])).toEqual(firstGaps);
    expect(report.gaps[0].priority).toBe(3);
  });
});
