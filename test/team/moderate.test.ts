// `moderate` driven through its prompts, in-process: what is shown and asked, what is saved after
// each indicator, back, skip, the required reason, --all, resuming, and the refusals.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runModerate } from '../../src/cli/actions/moderate.js';
import { formatProblem, InputError, UsageError } from '../../src/core/errors.js';
import { assess } from '../../src/core/score.js';
import type { Prompter } from '../../src/interview/prompter.js';
import { loadAnswers } from '../../src/io/load.js';
import { wrap } from '../../src/render/wrap.js';
import { fixtures, tempDir } from '../helpers.js';
import type { Keystroke } from '../interview/scripted-prompter.js';
import { captureStderr, scriptedPrompter } from '../interview/scripted-prompter.js';

const here = join(fixtures, 'team', 'moderate');
const weighted = join(fixtures, 'rubrics', 'weighted.yaml');

/** A copy of a fixture in a folder of its own, naming the rubric by its full path. */
function copy(name = 'combined.answers.yaml', change: (text: string) => string = (t) => t): string {
  const path = join(tempDir(), name);
  writeFileSync(path, change(readFileSync(join(here, name), 'utf8').replace('../../rubrics/weighted.yaml', weighted)));
  return path;
}

/** The scripted prompter, also noting the default each question offered. */
function run(path: string, script: Keystroke[], options: { all?: boolean } = {}) {
  const s = scriptedPrompter(script);
  const defaults: { message: string; default: unknown }[] = [];
  const prompter: Prompter = {
    ...s.prompter,
    select: (o) => (defaults.push({ message: o.message, default: o.default }), s.prompter.select(o)),
    input: (o) => (defaults.push({ message: o.message, default: o.default }), s.prompter.input(o)),
  };
  return { ...s, defaults, code: runModerate(path, options, prompter) };
}

const VIEWS = {
  'alpha.a1': [
    { assessor: 'A', score: 1, evidence: 'Plan p. 4 names no community group', confidence: 'high' },
    { assessor: 'B', score: 3 },
  ],
  'alpha.a2': [
    { assessor: 'A', score: 2 },
    { assessor: 'B', score: 2 },
    { assessor: 'C', score: 1 },
  ],
  'alpha.a3': [
    { assessor: 'A', score: 0 },
    { assessor: 'C', score: 3, evidence: 'Minutes, 3 March' },
  ],
  'beta.b1': [
    { assessor: 'B', score: 'n/a' },
    { assessor: 'C', score: 2, confidence: 'low' },
  ],
  'beta.b2': [{ assessor: 'A', score: 3 }],
  'delta.d1': [
    { assessor: 'A', score: 'unknown' },
    { assessor: 'B', score: 'unknown' },
  ],
  'delta.d2': [
    { assessor: 'A', score: 0 },
    { assessor: 'B', score: 2 },
    { assessor: 'C', score: 3 },
  ],
};
const ORIGINAL = {
  'alpha.a1': { score: 1, views: VIEWS['alpha.a1'] },
  'alpha.a2': { score: 2, views: VIEWS['alpha.a2'] },
  'alpha.a3': { score: 0, views: VIEWS['alpha.a3'] },
  'beta.b1': { score: 2, views: VIEWS['beta.b1'] },
  'beta.b2': { score: 3, views: VIEWS['beta.b2'] },
  'delta.d1': { score: 'unknown', views: VIEWS['delta.d1'] },
  'delta.d2': { score: 2, views: VIEWS['delta.d2'] },
};

const NEEDED_LEVELS = 'Reason for the agreed level (needed, because the views differ by two levels or more; it goes in the report):';
const NEEDED_NA = 'Reason for the agreed level (needed, because one view says not applicable and another gives a level; it goes in the report):';
const OPTIONAL = 'Reason for the agreed level (optional; it goes in the report):';
const EVIDENCE = 'Evidence for the agreed level (optional; press Enter to skip):';
const LEVEL = 'Agreed level:';
const BACK = '← Back to the previous indicator';

const stderr = captureStderr();

describe('moderate', () => {
  test('settling every disputed indicator saves score, agreed and evidence, keeps the views and comments, and scores as typed', async () => {
    const path = copy();
    const before = readFileSync(path, 'utf8');
    const r = run(path, [
      '2 Most', 'We agreed the plan counts for most services', '',
      '0 None', 'No minutes show it', 'Minutes checked, 4 May',
      'Not applicable', 'The council has no such service', '',
      "Don't know", 'Nobody could say', '',
    ]);
    expect(await r.code).toBe(0);
    expect(r.left()).toBe(0);
    const said = r.said.join('\n');
    expect(r.said).toContain('── Alpha · disputed 1 of 4 ──');
    expect(r.said).toContain('── Delta · disputed 4 of 4 ──');
    // What the room sees for alpha.a1: the statement, the question, every view, the combined score.
    expect(said).toContain(
      [
        'A one',
        'A one?',
        '',
        'The views:',
        '  A: 1\u00a0Some (confidence: high)',
        '    Evidence: Plan p. 4 names no community group',
        '  B: 3\u00a0All',
        ...wrap('Combined score: 1 Some (the lower median of the views); disputed: the views differ by two levels or more (2 apart).', 78),
      ].join('\n'),
    );
    expect(said).toContain(
      ['  B: Not\u00a0applicable', '  C: 2\u00a0Most (confidence: low)', ...wrap('Combined score: 2 Most (the lower median of the views); disputed: one view says not applicable and another gives a level.', 78)].join('\n'),
    );
    expect(r.asked.filter((m) => m.startsWith('Reason'))).toEqual([NEEDED_LEVELS, NEEDED_LEVELS, NEEDED_NA, NEEDED_LEVELS]);
    // Default: the combined score.
    expect(r.defaults.filter((d) => d.message === LEVEL).map((d) => d.default)).toEqual([1, 0, 2, 2]);
    expect(r.said.at(-1)).toBe(wrap(`Settled 4 of 4 disputed indicators. Saved in ${path}.`, 78).join('\n'));

    const loaded = await loadAnswers(path);
    expect(loaded.answers.answers).toEqual({
      ...ORIGINAL,
      'alpha.a1': { score: 2, views: VIEWS['alpha.a1'], agreed: 'We agreed the plan counts for most services' },
      'alpha.a3': { score: 0, views: VIEWS['alpha.a3'], agreed: 'No minutes show it', evidence: 'Minutes checked, 4 May' },
      'beta.b1': { score: 'n/a', views: VIEWS['beta.b1'], agreed: 'The council has no such service' },
      'delta.d2': { score: 'unknown', views: VIEWS['delta.d2'], agreed: 'Nobody could say' },
    });
    expect(loaded.answers.assessors).toEqual(['A', 'B', 'C']);
    // alpha (2 + 2*2 + 0) / 12 = 50; beta b1 n/a, b2 3/3 = 100; delta unknown and unknown = 0; overall (2*50 + 100 + 0) / 4
    const a = assess(loaded.rubric.rubric, loaded.answers);
    expect(a.characteristics.map((c) => c.score)).toEqual([50, 100, null, 0]);
    expect(a.overall.score).toBe(50);

    // Only the settled answers' lines changed: the comments, the untouched answers and the views stand as written.
    const after = readFileSync(path, 'utf8');
    const unchanged = (text: string) => text.split('\n').filter((l) => !/^ {2}(alpha\.a3|beta\.b1|delta\.d2):/.test(l) && !/^ {4}(score|agreed):/.test(l));
    expect(unchanged(after)).toEqual(unchanged(before));
    expect(after).toContain('  alpha.a1:\n    score: 2\n    agreed: "We agreed the plan counts for most services"\n    views:\n      - assessor: A\n');
    expect(after).toContain('      - assessor: B # the head of HR\n');
    expect(after).toContain(
      '  alpha.a3: { score: 0, views: [{ assessor: A, score: 0 }, { assessor: C, score: 3, evidence: "Minutes, 3 March" }], agreed: "No minutes show it", evidence: "Minutes checked, 4 May" }\n',
    );
  });

  test('a disputed indicator needs a reason: an empty one is asked again, saying why', async () => {
    const path = copy();
    const r = run(path, ['2 Most', '', '   ', 'The plan covers most services', '']);
    expect(await r.code).toBe(130);
    expect(r.asked.slice(0, 4)).toEqual([LEVEL, NEEDED_LEVELS, NEEDED_LEVELS, NEEDED_LEVELS]);
    expect(r.said.filter((l) => l.startsWith('A reason is needed'))).toEqual([
      'A reason is needed: the views differ by two levels or more.',
      'A reason is needed: the views differ by two levels or more.',
    ]);
    expect((await loadAnswers(path)).answers.answers['alpha.a1']).toEqual({ score: 2, views: VIEWS['alpha.a1'], agreed: 'The plan covers most services' });
  });

  test('Back returns to the indicator before with what was agreed; the change is saved', async () => {
    const path = copy();
    const r = run(path, ['2 Most', 'First thoughts', 'Plan p. 4', BACK, '3 All', '', '']);
    expect(await r.code).toBe(130);
    const levels = r.defaults.filter((d) => d.message === LEVEL);
    // alpha.a1 (default 1), alpha.a3 (Back), alpha.a1 again (default: the 2 agreed), alpha.a3 again
    expect(levels.map((d) => d.default)).toEqual([1, 0, 2, 0]);
    expect(r.said.filter((l) => l.startsWith('──'))).toEqual([
      '── Alpha · disputed 1 of 4 ──',
      '── Alpha · disputed 2 of 4 ──',
      '── Alpha · disputed 1 of 4 ──',
      '── Alpha · disputed 2 of 4 ──',
    ]);
    // The second time, the reason and evidence typed before are offered.
    expect(r.defaults.filter((d) => d.message !== LEVEL).map((d) => d.default)).toEqual([undefined, undefined, 'First thoughts', 'Plan p. 4']);
    expect(r.said).toContain('Settled at 2 Most; reason: First thoughts');
    expect((await loadAnswers(path)).answers.answers['alpha.a1']).toEqual({ score: 3, views: VIEWS['alpha.a1'], agreed: 'First thoughts', evidence: 'Plan p. 4' });
  });

  test('Skip for now leaves an indicator as it was; Ctrl-C says how many remain and the command to carry on', async () => {
    const path = copy();
    const before = readFileSync(path, 'utf8');
    const r = run(path, ['Skip for now', '3 All', 'Minutes seen', '']);
    expect(await r.code).toBe(130);
    expect(r.asked.filter((m) => m === LEVEL)).toHaveLength(3); // a1 skipped, a3 settled, Ctrl-C at b1
    expect(stderr.text()).toBe(
      `\nStopped. 1 of 4 disputed indicators is settled in ${path}; 3 remain.\nTo carry on where you left off: council-resilience moderate ${path}\n`,
    );
    const after = readFileSync(path, 'utf8');
    expect(after.split('\n').slice(0, 21)).toEqual(before.split('\n').slice(0, 21)); // alpha.a1, in block style, untouched
    expect((await loadAnswers(path)).answers.answers['alpha.a3']).toEqual({ score: 3, views: VIEWS['alpha.a3'], agreed: 'Minutes seen' });
  });

  test('Ctrl-C at the evidence loses nothing: the level and reason are already saved', async () => {
    const path = copy();
    const r = run(path, ['2 Most', 'Agreed in the room']);
    expect(await r.code).toBe(130);
    expect(r.asked.at(-1)).toBe(EVIDENCE);
    expect((await loadAnswers(path)).answers.answers['alpha.a1']).toEqual({ score: 2, views: VIEWS['alpha.a1'], agreed: 'Agreed in the room' });
    expect(stderr.text()).toContain('Stopped. 1 of 4 disputed indicators is settled');
  });

  test('resuming skips what is settled, counting it in the header; Back still reaches it', async () => {
    const path = copy();
    expect(await run(path, ['2 Most', 'Agreed', '', 'Skip for now', '1 Some', 'Partly', '']).code).toBe(130);
    const r = run(path, [BACK, '2 Most', '', '']);
    expect(await r.code).toBe(130);
    expect(r.said).toContain('2 of 4 disputed indicators are already settled; 2 to go.');
    const headers = r.said.filter((l) => l.startsWith('──'));
    // First alpha.a3 (not settled), then Back to alpha.a1 (settled), which is offered with its agreed level.
    expect(headers).toEqual(['── Alpha · disputed 2 of 4 ──', '── Alpha · disputed 1 of 4 ──', '── Alpha · disputed 2 of 4 ──']);
    expect(r.defaults.filter((d) => d.message === LEVEL).map((d) => d.default)).toEqual([0, 2, 0]);
    // The statement shown first on resuming is alpha.a3's.
    expect(r.said[r.said.indexOf('── Alpha · disputed 2 of 4 ──') + 1]).toBe('A three');
  });

  test('--all goes through every indicator with views; a settled one is offered with its values, and a reason is optional where the views agree', async () => {
    const path = copy('combined.answers.yaml', (t) => t.replace('  alpha.a1:\n    score: 1\n', '  alpha.a1:\n    score: 2\n    agreed: Settled last week\n'));
    const r = run(path, ['2 Most', '', '', '2 Most', '', ''], { all: true });
    expect(await r.code).toBe(130);
    expect(r.said.filter((l) => l.startsWith('──'))).toEqual(['── Alpha · indicator 1 of 7 · disputed ──', '── Alpha · indicator 2 of 7 ──', '── Alpha · indicator 3 of 7 · disputed ──']);
    expect(r.said).toContain('Settled at 2 Most; reason: Settled last week');
    expect(r.defaults.slice(0, 3)).toEqual([
      { message: LEVEL, default: 2 },
      { message: NEEDED_LEVELS, default: 'Settled last week' },
      { message: EVIDENCE, default: undefined },
    ]);
    expect(r.asked[4]).toBe(OPTIONAL);
    expect(r.said).toContain(wrap('Combined score: 2 Most (the lower median of the views); the views differ by one level.', 78).join('\n'));
    const answers = (await loadAnswers(path)).answers.answers;
    expect(answers['alpha.a1']).toEqual({ score: 2, agreed: 'Settled last week', views: VIEWS['alpha.a1'] });
    expect(answers['alpha.a2']).toEqual({ score: 2, views: VIEWS['alpha.a2'], agreed: '' });
    expect(stderr.text()).toBe(
      `\nStopped. 1 of 4 disputed indicators is settled in ${path}; 3 remain.\n` +
        `To carry on where you left off: council-resilience moderate ${path}\n` +
        `To go over every indicator with views again instead: council-resilience moderate ${path} --all\n`,
    );
  });

  test('a file whose disputes are all settled: nothing is asked, and it says how to go over them again', async () => {
    const settled = (t: string) =>
      t
        .replace('    score: 1\n', '    score: 1\n    agreed: done\n')
        .replace(/ (alpha\.a3|beta\.b1|delta\.d2): \{ score: (\w+),/g, ' $1: { score: $2, agreed: done,');
    const path = copy('combined.answers.yaml', settled);
    const r = run(path, []);
    expect(await r.code).toBe(0);
    expect(r.asked).toEqual([]);
    expect(r.said).toEqual([wrap(`All 4 disputed indicators in ${path} are already settled. To go over every indicator again: council-resilience moderate ${path} --all`, 78).join('\n')]);
  });

  test('finishing with one skipped: the summary names it and the command to settle it', async () => {
    const path = copy();
    const r = run(path, ['1 Some', 'a', '', 'Skip for now', '2 Most', 'b', '', '2 Most', 'c', '']);
    expect(await r.code).toBe(0);
    // Each line word-wrapped to the screen (78 columns without a terminal).
    expect(r.said.at(-1)).toBe(
      [`Settled 3 of 4 disputed indicators. Saved in ${path}.`, `Still disputed and not settled: alpha.a3. To settle it: council-resilience moderate ${path}`]
        .flatMap((line) => wrap(line, 78))
        .join('\n'),
    );
  });

  test('a file with no views: exit 2, saying to combine first', async () => {
    const path = copy('plain.answers.yaml');
    await expect(runModerate(path, {}, scriptedPrompter([]).prompter)).rejects.toThrow(
      new UsageError(
        `${path} holds no assessors' views, so there is nothing to moderate; combine the assessors' files first ` +
          `(council-resilience combine <answers.yaml...> --output combined.yaml), then moderate the combined file`,
      ),
    );
  });

  test('an invalid file: its located errors, before any question', async () => {
    const path = copy('invalid.answers.yaml');
    const s = scriptedPrompter([]);
    const error = await runModerate(path, {}, s.prompter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map(formatProblem)).toEqual([
      `${path}:7:22: alpha.a1.score: 9 is not on the scale 0-3`,
      `${path}:8:33: alpha.a2.views.0.assessor: required key is missing; expected whose view this is`,
    ]);
    expect(s.asked).toEqual([]);
  });

  test('without a terminal: exit 2, pointing at editing the file instead', async () => {
    const path = copy();
    await expect(runModerate(path, {})).rejects.toThrow(
      new UsageError(
        `moderate needs a terminal to choose the agreed levels in; without one, edit ${path} instead: under each disputed answer ` +
          `write the agreed "score" and "agreed: <reason>", then check it with "council-resilience validate ${path}"`,
      ),
    );
  });
});

test('a long job title is shown whole, its level beside it or on the next line, and no line is wider than 80 columns', async () => {
  const long = 'Assistant Director of Human Resources and Organisational Development';
  const path = copy('combined.answers.yaml', (t) => t.replace(/assessor: B\b/g, `assessor: ${long}`).replace(/\[A, B, C\]/, `[A, "${long}", C]`));
  const r = run(path, []);
  await r.code.catch(() => undefined);
  const said = r.said.join('\n');
  expect(said).toContain(`  ${long}:\n    3\u00a0All`);
  expect(said).not.toContain('characters)');
  for (const line of said.split('\n').filter((l) => !l.includes(path))) expect(line.length).toBeLessThanOrEqual(80);
});
