// interview --targets through the scripted prompter: each indicator's target asked after its level
// and evidence (levels 1..max, the top by default, Back to the level), saved as `target`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInterviewCommand } from '../../src/cli/actions/interview.js';
import type { Choice, Prompter } from '../../src/interview/prompter.js';
import { loadAnswers } from '../../src/io/load.js';
import { fixtures, tempDir } from '../helpers.js';
import { captureStderr, scriptedPrompter } from '../interview/scripted-prompter.js';

const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
const TARGET = 'Target: the level this council aims for on this indicator';
const stderr = captureStderr();

/** The scripted prompter, also recording each target prompt's choices and default. */
function run(script: Parameters<typeof scriptedPrompter>[0], options: { answers: string; targets?: boolean }) {
  const s = scriptedPrompter(script);
  const targetPrompts: { choices: string[]; default: unknown }[] = [];
  const prompter: Prompter = {
    ...s.prompter,
    select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
      if (o.message === TARGET) targetPrompts.push({ choices: o.choices.map((c) => c.name), default: o.default });
      return s.prompter.select(o);
    },
  };
  return { ...s, targetPrompts, code: runInterviewCommand({ rubric, color: false, assessor: 'Tester', targets: true, ...options }, prompter) };
}

describe('interview --targets', () => {
  test('asks each target after the level and evidence, the top by default, and saves it', async () => {
    const path = join(tempDir(), 'targets.answers.yaml');
    const r = run(
      ['Shire', 'County', '3 All', 'Plan p. 4', '2 Most', '1 Some', '', '3 All', "Don't know", '', '1 Some', '2 Most', '', '3 All', 'Not applicable', '', '0 None', '', '1 Some', 'Finish and show the report'],
      { answers: path },
    );
    expect(await r.code).toBe(0);
    expect(r.left()).toBe(0);
    // Level, evidence, then target, for each question; none for n/a.
    const i = r.asked.indexOf('A one');
    expect(r.asked.slice(i, i + 4)).toEqual(['A one', 'Evidence (optional; press Enter to skip):', TARGET, 'A two']);
    expect(r.targetPrompts).toHaveLength(5);
    expect(r.targetPrompts[0]).toEqual({ choices: ['1 Some', '2 Most', '3 All', '← Back to the level for this question'], default: 3 });
    const loaded = await loadAnswers(path);
    expect(loaded.answers.answers).toEqual({
      'alpha.a1': { score: 3, evidence: 'Plan p. 4', target: 2 },
      'alpha.a2': { score: 1, target: 3 },
      'beta.b1': { score: 'unknown', target: 1 },
      'beta.b2': { score: 2, target: 3 },
      'delta.d1': 'n/a',
      'delta.d2': { score: 0, target: 1 },
    });
  });

  test('Back from the target returns to the level of the same question', async () => {
    const path = join(tempDir(), 'back.answers.yaml');
    const r = run(['Shire', 'County', '3 All', '', '← Back to the level for this question', '2 Most', '', '2 Most'], { answers: path });
    expect(await r.code).toBe(130);
    expect(r.asked.filter((m) => m === 'A one' || m === TARGET || m === 'A two')).toEqual(['A one', TARGET, 'A one', TARGET, 'A two']);
    const loaded = await loadAnswers(path);
    expect(loaded.answers.answers['alpha.a1']).toEqual({ score: 2, target: 2 });
    expect(stderr.text()).toContain('--targets');
  });

  test('an interview without --targets keeps a target; with --targets, an answer with none is asked again', async () => {
    const path = join(tempDir(), 'kept.answers.yaml');
    writeFileSync(
      path,
      ['schemaVersion: 1', 'kind: answers', `rubric: ${rubric}`, 'council: { name: Shire, type: county }', 'assessor: Tester', 'answers:', '  alpha.a1: { score: 1, target: 2 }', ''].join('\n'),
    );
    // Without --targets: alpha.a1 is answered, so the first question is A two; revisit Alpha to change a1.
    const plain = scriptedPrompter(['1 Some', '', '1 Some', '', '1 Some', '', 'Not applicable', '', '0 None', '', 'Revisit Alpha', '2 Most', '', '2 Most', '', 'Finish and show the report']);
    expect(await runInterviewCommand({ rubric, color: false, answers: path }, plain.prompter)).toBe(0);
    expect((await loadAnswers(path)).answers.answers['alpha.a1']).toEqual({ score: 2, target: 2 });
    expect(readFileSync(path, 'utf8')).not.toMatch(/alpha\.a2:.*target/);

    // With --targets, a question answered without a target is asked again, its level the default.
    const r = run(['2 Most', '', '1 Some'], { answers: path });
    expect(await r.code).toBe(130);
    expect(r.asked[0]).toBe('A two');
    expect(r.targetPrompts[0]!.default).toBe(3);
    expect((await loadAnswers(path)).answers.answers['alpha.a2']).toEqual({ score: 2, target: 1 });
  });
});
