// The guard in core/score.ts: no assessment (and so no report, in any format) ever holds NaN or
// Infinity. Loading rejects every input known to lead to one; these feed the core directly, past
// those checks, to prove the guard fires rather than a report printing "NaN / 100".
import { join } from 'node:path';
import { assess, assertFinite } from '../../src/core/score.js';
import type { AnswersFile, Rubric } from '../../src/core/types.js';
import { loadRubricFile } from '../../src/io/load.js';
import { fixtures } from '../helpers.js';

let rubric: Rubric;

beforeAll(async () => {
  rubric = (await loadRubricFile(join(fixtures, 'rubrics', 'weighted.yaml'))).rubric;
});

const file = (answers: Record<string, unknown>): AnswersFile => ({
  schemaVersion: 1,
  kind: 'answers',
  rubric: 'weighted',
  council: { name: 'Guard Council', type: 'county' },
  answers: answers as AnswersFile['answers'],
});

describe('no NaN or Infinity leaves the core', () => {
  test('a hand-made NaN score is caught as a bug, naming where', () => {
    expect(() => assess(rubric, file({ 'beta.b1': Number.NaN }))).toThrow(
      /^bug: scoring produced NaN at assessment\.overall\.score; a report may only hold finite numbers/,
    );
  });

  test('a score written as a mapping, had it got past loading, is caught too', () => {
    expect(() => assess(rubric, file({ 'beta.b1': { score: { score: 2 } } }))).toThrow(/^bug: scoring produced NaN/);
  });

  test('a weight that overflows, had it got past checkRubric, is caught', () => {
    const huge = { ...rubric, characteristics: rubric.characteristics.map((c) => ({ ...c, weight: 1e308 })) } as Rubric;
    expect(() => assess(huge, file({ 'alpha.a1': 2, 'beta.b1': 3 }))).toThrow(/^bug: scoring produced (NaN|Infinity)/);
  });

  test('the guard is not an InputError: the CLI reports it as a bug (exit 70), never as a user mistake', () => {
    let thrown: unknown;
    try {
      assess(rubric, file({ 'beta.b1': Number.POSITIVE_INFINITY }));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('Error');
  });

  test('assertFinite walks every number: nested in arrays and objects', () => {
    expect(() => assertFinite({ a: [1, { b: null, c: 'text', d: true }] }, 'x')).not.toThrow();
    expect(() => assertFinite({ a: [1, { b: Number.NEGATIVE_INFINITY }] }, 'x')).toThrow('bug: scoring produced -Infinity at x.a[1].b');
  });

  test('an ordinary assessment passes', () => {
    const a = assess(rubric, file({ 'alpha.a1': 2, 'beta.b1': 'unknown', 'delta.d1': 'n/a' }));
    expect(a.overall.score).not.toBeNull();
  });
});
