// Scores checked against numbers worked out by hand from SPEC "Scoring"; see the fixture's comments.
import { join } from 'node:path';
import { assess, bandFor } from '../../src/core/score.js';
import type { AnswersFile, Council, Rubric } from '../../src/core/types.js';
import { loadAnswers, loadRubricFile } from '../../src/io/load.js';
import { fixtures } from '../helpers.js';

let rubric: Rubric;
let county: AnswersFile;

beforeAll(async () => {
  rubric = (await loadRubricFile(join(fixtures, 'rubrics', 'weighted.yaml'))).rubric;
  county = (await loadAnswers(join(fixtures, 'answers', 'weighted-county.yaml'))).answers;
});

const byId = (a: ReturnType<typeof assess>, id: string) => a.characteristics.find((c) => c.id === id)!;
const withAnswers = (answers: AnswersFile['answers'], type: string | null = 'county'): AnswersFile => ({
  schemaVersion: 1,
  kind: 'answers',
  rubric: 'weighted',
  council: { name: 'Test', type },
  answers,
});

describe('scoring (SPEC "Scoring")', () => {
  test('characteristic scores use indicator weights; unknown counts 0; n/a and non-applicable are left out', () => {
    const a = assess(rubric, county);
    // alpha: a1=3 (w1), a2=1 (w2); a3 does not apply to a county. 100*(3+2)/(3*3) = 55.55...
    expect(byId(a, 'alpha').score).toBeCloseTo(500 / 9, 12);
    // beta: b1 unknown=0 (w1), b2=2 (w3). 100*(0+6)/(4*3) = 50
    expect(byId(a, 'beta').score).toBe(50);
    expect(byId(a, 'beta').band).toBe('Mid');
    // gamma has no indicators: no score, full coverage
    expect(byId(a, 'gamma').score).toBeNull();
    expect(byId(a, 'gamma').band).toBeNull();
    expect(byId(a, 'gamma').coverage).toBe(1);
    // delta: d1 n/a (answered, not scored), d2 null (not assessed): no score, coverage 1/2
    expect(byId(a, 'delta').score).toBeNull();
    expect(byId(a, 'delta').coverage).toBe(0.5);
  });

  test('overall score uses characteristic weights over characteristics with a score', () => {
    const a = assess(rubric, county);
    // (2 * 55.55... + 1 * 50) / (2 + 1) = 53.7037...
    expect(a.overall.score).toBeCloseTo((2 * (500 / 9) + 50) / 3, 12);
    expect(a.overall.band).toBe('Mid');
    // applicable: a1 a2 b1 b2 d1 d2 = 6; answered: all but d2 = 5
    expect(a.overall.coverage).toBeCloseTo(5 / 6, 12);
    expect(a.notAssessed).toEqual(['delta.d2']);
  });

  test('appliesTo: a unitary council is scored on a3 too', () => {
    const a = assess(rubric, { ...county, council: { name: 'U', type: 'unitary' } });
    // alpha: 100*(3 + 2*1 + 2)/(4*3) = 58.33...
    expect(byId(a, 'alpha').score).toBeCloseTo(700 / 12, 12);
    expect(byId(a, 'alpha').indicators.find((i) => i.key === 'alpha.a3')!.applicable).toBe(true);
  });

  test('appliesTo holds when the profile gives no value for the field (null or missing)', () => {
    for (const council of [{ name: 'N', type: null }, { name: 'M' }] as Council[]) {
      const a = assess(rubric, { ...county, council });
      expect(byId(a, 'alpha').score).toBeCloseTo(700 / 12, 12);
    }
  });

  test('gaps: priority = W_c * w_i * (target - v), highest first, ties in rubric order', () => {
    const a = assess(rubric, county);
    expect(a.gaps.map((g) => [g.key, g.score, g.unknown, g.priority, g.nextStep])).toEqual([
      ['alpha.a2', 1, false, 8, 'a2 step 1'], // 2 * 2 * (3 - 1)
      ['beta.b1', 0, true, 3, 'b1 step 0'], // 1 * 1 * (3 - 0), unknown
      ['beta.b2', 2, false, 3, 'b2 step 2'], // 1 * 3 * (3 - 2), tie with b1: rubric order
    ]);
    expect(a.gaps.every((g) => g.target === 3)).toBe(true);
  });

  test('--target 2: only indicators below 2 are gaps, priorities measured to 2', () => {
    const a = assess(rubric, county, { target: 2 });
    expect(a.gaps.map((g) => [g.key, g.priority, g.target])).toEqual([
      ['alpha.a2', 4, 2], // 2 * 2 * (2 - 1)
      ['beta.b1', 2, 2], // 1 * 1 * (2 - 0)
    ]);
    // the target changes gaps, never scores
    expect(a.overall.score).toBeCloseTo((2 * (500 / 9) + 50) / 3, 12);
  });

  test('target outside 1..max is refused', () => {
    expect(() => assess(rubric, county, { target: 0 })).toThrow(RangeError);
    expect(() => assess(rubric, county, { target: 4 })).toThrow(RangeError);
  });

  test('all answers missing: no scores, coverage 0, everything applicable not assessed', () => {
    const a = assess(rubric, withAnswers({}));
    expect(a.overall).toEqual({ score: null, band: null, coverage: 0, toTarget: null });
    expect(a.gaps).toEqual([]);
    expect(a.notAssessed).toEqual(['alpha.a1', 'alpha.a2', 'beta.b1', 'beta.b2', 'delta.d1', 'delta.d2']);
    expect(a.characteristics.map((c) => c.score)).toEqual([null, null, null, null]);
  });

  test('nothing applicable anywhere gives coverage 1', () => {
    const onlyA3: Rubric = { ...rubric, characteristics: [{ ...rubric.characteristics[0]!, indicators: [rubric.characteristics[0]!.indicators[2]!] }] };
    const a = assess(onlyA3, withAnswers({}, 'county'));
    expect(a.overall).toEqual({ score: null, band: null, coverage: 1, toTarget: null });
    expect(a.notAssessed).toEqual([]);
  });

  test('band: the highest min at or below score + 1e-9, so rounding never drops a score below a band', () => {
    expect(bandFor(rubric, 50 - 1e-12)).toBe('Mid');
    expect(bandFor(rubric, 50 - 1e-8)).toBe('Low');
    expect(bandFor(rubric, 0)).toBe('Low');
    expect(bandFor(rubric, 100)).toBe('High');
    expect(bandFor(rubric, null)).toBeNull();
    // weights such as 0.3 make exact halves come out as 49.99999999999999 in floating point
    expect((100 * (0.3 * 3)) / 1.8).toBeLessThan(50);
    expect(bandFor(rubric, (100 * (0.3 * 3)) / 1.8)).toBe('Mid');
  });

  test('all at the top of the scale: 100, no gaps', () => {
    const answers = { 'alpha.a1': 3, 'alpha.a2': 3, 'beta.b1': 3, 'beta.b2': 3, 'delta.d1': 3, 'delta.d2': 3 };
    const a = assess(rubric, withAnswers(answers));
    expect(a.overall.score).toBe(100);
    expect(a.overall.band).toBe('High');
    expect(a.gaps).toEqual([]);
  });

  test('the report keeps evidence and confidence of long-form answers', () => {
    const a = assess(rubric, county);
    expect(byId(a, 'alpha').indicators[1]).toEqual({
      key: 'alpha.a2',
      statement: 'A two',
      applicable: true,
      answer: 1,
      evidence: 'Plan, p. 4',
      confidence: 'medium',
    });
    expect(byId(a, 'alpha').indicators[2]).toMatchObject({ key: 'alpha.a3', applicable: false, answer: 2 });
  });
});
