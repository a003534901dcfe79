// REVIEW-14 entry 1: `interview --from LAST` carries last year's target with each answer. A target is
// the council's decision, not a yearly observation: a confirmed answer keeps it, so does a changed one,
// and with --targets last year's target is the default offered.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInterviewCommand, type InterviewCommandOptions } from '../../src/cli/actions/interview.js';
import type { Choice, Prompter } from '../../src/interview/prompter.js';
import { loadAnswers } from '../../src/io/load.js';
import { cli, fixtures, tempDir } from '../helpers.js';
import { captureStderr, Interrupted } from '../interview/scripted-prompter.js';

const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
const TARGET = 'Target: the level this council aims for on this indicator';
const ENTER = '⏎';
const stderr = captureStderr();

function lastYear(dir: string): string {
  const path = join(dir, 'last.answers.yaml');
  writeFileSync(
    path,
    [
      'schemaVersion: 1',
      'kind: answers',
      `rubric: ${rubric}`,
      'council: { name: Carryford Council, type: unitary }',
      'assessedOn: 2025-10-09',
      'answers:',
      '  alpha.a1: { score: 1, target: 1 }',
      '  alpha.a2: { score: 1, evidence: "Staff survey", target: 2 }',
      '  alpha.a3: 3',
      '',
    ].join('\n'),
  );
  return path;
}

/** A scripted person: ENTER takes the default; records each target prompt's default. */
function run(script: (string | number)[], options: Partial<InterviewCommandOptions>) {
  const said: string[] = [];
  const targetDefaults: unknown[] = [];
  const next = () => {
    if (script.length === 0) throw new Interrupted('User force closed the prompt with SIGINT');
    return script.shift();
  };
  const prompter: Prompter = {
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
      if (o.message === TARGET) targetDefaults.push(o.default);
      const want = next();
      if (want === ENTER) return o.default as T;
      const choice = o.choices.find((c) => c.name === want || c.value === want);
      if (!choice) throw new Error(`no choice ${String(want)} for "${o.message}"`);
      return choice.value;
    },
    async input(o: { message: string; default?: string }): Promise<string> {
      const typed = next();
      return typed === ENTER ? (o.default ?? '') : String(typed);
    },
    async confirm(): Promise<boolean> {
      return next() === 'y';
    },
    say: (text) => said.push(text.replace(/\n */g, ' ')),
  };
  const code = runInterviewCommand({ color: false, assessor: 'Tester', ...options } as InterviewCommandOptions, prompter, () => '2026-10-14');
  return { code, said, targetDefaults };
}

describe('interview --from carries last year\'s targets', () => {
  test('without --targets: a confirmed answer and a changed one both keep last year\'s target; assess agrees', async () => {
    const dir = tempDir();
    const from = lastYear(dir);
    const path = join(dir, 'this.answers.yaml');
    // a1: Enter (1), Enter; a2: 1 -> 2, Enter (keeps the evidence); a3: Enter, Enter; then Ctrl-C.
    const r = run([ENTER, ENTER, '2 Most', ENTER, ENTER, ENTER], { from, answers: path });
    expect(await r.code).toBe(130);
    expect(r.targetDefaults).toEqual([]);
    expect(r.said).toEqual(
      expect.arrayContaining([
        "2 of last year's answers set a target, the level the council aims for: it is kept with this year's answer, whether you keep the level or change it (--targets asks each target again).",
        'Last year (2025-10-09): 1 Some, target 1 Some',
        'Last year (2025-10-09): 1 Some, target 2 Most',
        'Last year (2025-10-09): 3 All',
      ]),
    );
    expect((await loadAnswers(path)).answers.answers).toEqual({
      'alpha.a1': { score: 1, target: 1 },
      'alpha.a2': { score: 2, evidence: 'Staff survey', target: 2 },
      'alpha.a3': 3,
    });
    // alpha.a1 is at its own target of 1 and a2 at its target of 2: neither is a gap, as last year.
    const assessed = cli(['assess', path, '--format', 'json']);
    expect(assessed.code).toBe(0);
    const report = JSON.parse(assessed.stdout) as { gaps: { key: string }[]; characteristics: { id: string; toTarget: number | null }[] };
    expect(report.gaps.map((g) => g.key).filter((k) => k.startsWith('alpha.'))).toEqual([]);
    // alpha: weights 1, 2, 1 and targets 1, 2, 3 (the top): 100 * (1 + 2*2 + 3) / (1 + 2*2 + 3) = 100.
    expect(report.characteristics.find((c) => c.id === 'alpha')!.toTarget).toBe(100);
  });

  test('with --targets: last year\'s target is the default offered, and Enter keeps it', async () => {
    const dir = tempDir();
    const from = lastYear(dir);
    const path = join(dir, 'this.answers.yaml');
    // a1: level Enter, evidence Enter, target Enter (1); a2: 1 -> 2, Enter, target 3; a3: Enter, Enter, target Enter (3, the top).
    const r = run([ENTER, ENTER, ENTER, '2 Most', ENTER, '3 All', ENTER, ENTER, ENTER], { from, answers: path, targets: true });
    expect(await r.code).toBe(130);
    expect(r.targetDefaults).toEqual([1, 2, 3]);
    expect((await loadAnswers(path)).answers.answers).toEqual({
      'alpha.a1': { score: 1, target: 1 },
      'alpha.a2': { score: 2, evidence: 'Staff survey', target: 3 },
      'alpha.a3': { score: 3, target: 3 },
    });
    expect(stderr.text()).toContain('Stopped.');
  });
});
