// The library API a researcher uses from their own scripts, imported the way they would import it.
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fixtures, root } from './helpers.js';

describe('library API (package "exports")', () => {
  test('load, score and render from a Node script, with no side effects on import', () => {
    const script = `
      import * as lib from 'council-resilience';
      const before = process.listenerCount('uncaughtException') + process.listenerCount('SIGINT');
      const { answers, rubric } = await lib.loadAnswers(${JSON.stringify(join(fixtures, 'answers', 'weighted-county.yaml'))});
      const a = lib.assess(rubric.rubric, answers);
      const report = JSON.parse(lib.renderJson(a, lib.toolVersion));
      const text = lib.renderText(a, { scale: rubric.rubric.scale });
      let located = '';
      try { await lib.loadAnswers(${JSON.stringify(join(fixtures, 'bad', 'score-7.yaml'))}); }
      catch (e) { located = e instanceof lib.InputError ? lib.formatProblem(e.problems[0]) : 'wrong error'; }
      const after = process.listenerCount('uncaughtException') + process.listenerCount('SIGINT');
      const team = { median: lib.combinedScore([3, 1, 2, 2]), spread: lib.spread([1, 'unknown', 3]), disputed: lib.isDisputed(['n/a', 1]) };
      const worked = lib.explain(rubric.rubric, a).overall.score;
      console.log(JSON.stringify({ team, worked, score: report.overall.score, band: a.overall.band, text: text.split('\\n')[0], located, handlers: after - before, ids: lib.builtinRubricIds().length > 0 }));
    `;
    // Resolve the package by name, as an installed dependency would be.
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: '' },
    });
    const result = JSON.parse(out);
    expect(result.score).toBeCloseTo((2 * (500 / 9) + 50) / 3, 12);
    expect(result.band).toBe('Mid');
    expect(result.team).toEqual({ median: 2, spread: 2, disputed: true });
    expect(result.worked).toBe(result.score);
    expect(result.text).toBe('Testshire County Council (county)');
    expect(result.located).toMatch(/score-7\.yaml:6:13: alpha\.a1: 7 is not on the scale 0-3$/);
    expect(result.handlers).toBe(0);
    expect(result.ids).toBe(true);
  });
});
