// The interview driven through its prompts: what is asked, what is saved after each answer, and exits.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { runInterviewCommand } from '../../src/cli/actions/interview.js';
import { assess } from '../../src/core/score.js';
import { indicatorKeys } from '../../src/core/rubric.js';
import { loadAnswers, loadRubric } from '../../src/io/load.js';
import { cli, fixtures, tempDir } from '../helpers.js';
import { scriptedPrompter, captureStderr } from './scripted-prompter.js';

const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
const run = (script: Parameters<typeof scriptedPrompter>[0], options: { answers?: string; resume?: boolean } = {}) => {
  const s = scriptedPrompter(script);
  return { ...s, code: runInterviewCommand({ rubric, color: false, assessor: 'Tester', ...options }, s.prompter) };
};
const statements = (asked: string[]) => asked.filter((m) => /^[A-D] (one|two|three)$/.test(m));

const stderr = captureStderr();

describe('interview', () => {
  test('a full run for a unitary council asks every question and saves exactly what was typed', async () => {
    const path = join(tempDir(), 'new.answers.yaml');
    const r = run(['Testford Council', 'Unitary', '3 All', 'Corporate plan, p. 4', '1 Some', '', '2 Most', '', "Don't know", 'Finance could not say', '2 Most', '', 'Not applicable', '', '0 None', '', 'Finish and show the report'], { answers: path });
    expect(await r.code).toBe(0);
    expect(r.left()).toBe(0);
    expect(statements(r.asked)).toEqual(['A one', 'A two', 'A three', 'B one', 'B two', 'D one', 'D two']);
    expect(r.said).toContain('── Alpha · question 1 of 7 ──');
    const loaded = await loadAnswers(path);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.answers.council).toEqual({ name: 'Testford Council', type: 'unitary' });
    expect(loaded.answers.answers).toEqual({
      'alpha.a1': { score: 3, evidence: 'Corporate plan, p. 4' },
      'alpha.a2': 1,
      'alpha.a3': 2,
      'beta.b1': { score: 'unknown', evidence: 'Finance could not say' },
      'beta.b2': 2,
      'delta.d1': 'n/a',
      'delta.d2': 0,
    });
    // alpha: (3 + 2*1 + 2) / 12; beta: (0 + 3*2) / 12; delta: 0 / 3
    const a = assess(loaded.rubric.rubric, loaded.answers);
    expect(a.characteristics.map((c) => c.score)).toEqual([(100 * 7) / 12, 50, null, 0]);
    expect(r.said.join('\n')).toContain(`Your answers are saved in ${path}`);
    expect(r.said.join('\n')).toMatch(/Overall {2}\d+\.\d \/ 100/);
  });

  test('a county is never asked the unitary-only question', async () => {
    const path = join(tempDir(), 'county.answers.yaml');
    const r = run(['Shire', 'County', '1 Some', '', '1 Some', ''], { answers: path });
    expect(await r.code).toBe(130);
    expect(statements(r.asked)).toEqual(['A one', 'A two', 'B one']);
    expect(r.said).toContain('── Beta · question 3 of 6 ──');
  });

  test('Back returns to the previous question and the changed answer is saved', async () => {
    const path = join(tempDir(), 'back.answers.yaml');
    const r = run(['Backford', 'County', '3 All', '', '← Back to the previous question', '1 Some', 'changed my mind', '2 Most', ''], { answers: path });
    expect(await r.code).toBe(130);
    expect(statements(r.asked)).toEqual(['A one', 'A two', 'A one', 'A two', 'B one']);
    const { answers } = await loadAnswers(path);
    expect(answers.answers).toEqual({ 'alpha.a1': { score: 1, evidence: 'changed my mind' }, 'alpha.a2': 2 });
  });

  test('Ctrl-C after the third answer: exit 130, three answers on disk, and the command to resume', async () => {
    const path = join(tempDir(), 'stop.answers.yaml');
    const r = run(['Stopford', 'County', '1 Some', '', '2 Most', '', '3 All'], { answers: path });
    expect(await r.code).toBe(130);
    // interrupted at the evidence prompt of the third answer: its score is already saved
    const { answers } = await loadAnswers(path);
    expect(answers.answers).toEqual({ 'alpha.a1': 1, 'alpha.a2': 2, 'beta.b1': 3 });
    expect(stderr.text()).toBe(
      `\nStopped. 3 of 6 answers are saved in ${path}\nTo carry on where you left off: council-resilience interview --answers ${path}\n`,
    );
    expect(cli(['validate', path]).code).toBe(0);
  });

  test('resuming skips what is answered, says how many remain, and finishes the same file', async () => {
    const path = join(tempDir(), 'resume.answers.yaml');
    expect(await run(['Resumeton', 'County', '1 Some', '', '2 Most', ''], { answers: path }).code).toBe(130);
    const r = run(['3 All', '', '3 All', '', '3 All', '', '3 All', '', 'Finish and show the report'], { answers: path });
    expect(await r.code).toBe(0);
    expect(r.said).toContain('2 of 6 questions are already answered; 4 to go.');
    expect(statements(r.asked)).toEqual(['B one', 'B two', 'D one', 'D two']);
    const { answers } = await loadAnswers(path);
    expect(Object.keys(answers.answers)).toHaveLength(6);
    expect(answers.answers['alpha.a1']).toBe(1);
  });

  test('the review lets the user revisit one characteristic before finishing', async () => {
    const path = join(tempDir(), 'review.answers.yaml');
    const answers = ['1 Some', '', '1 Some', '', '1 Some', '', '1 Some', '', '1 Some', '', '1 Some', ''];
    const r = run(['Reviewby', 'County', ...answers, 'Revisit Beta', '3 All', '', '3 All', '', 'Finish and show the report'], { answers: path });
    expect(await r.code).toBe(0);
    expect(r.said).toContain('  Beta                   score  33.3  100.0% answered');
    const loaded = await loadAnswers(path);
    expect(loaded.answers.answers['beta.b1']).toBe(3);
    expect(loaded.answers.answers['beta.b2']).toBe(3);
  });

  test('an existing file for the same council is never replaced without asking', async () => {
    const dir = tempDir();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      writeFileSync('keepford.answers.yaml', `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Keepford }\nanswers: { alpha.a1: 2 }\n`);
      const declined = run(['Keepford', false, false]);
      expect(await declined.code).toBe(0);
      expect(declined.said).toContain('Nothing changed. To keep both, choose another file with --answers.');
      expect(readFileSync('keepford.answers.yaml', 'utf8')).toContain('alpha.a1: 2 }');
      const resumed = run(['Keepford', true, 'County']);
      expect(await resumed.code).toBe(130);
      expect(statements(resumed.asked)).toEqual(['A two']);
    } finally {
      process.chdir(cwd);
    }
  });

  test('without a terminal the built binary exits 2 at once, pointing to assess and template', () => {
    const dir = tempDir();
    const r = cli(['interview'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: the interview needs a terminal to type answers in. To score a file you already have, run "council-resilience assess <answers.yaml>"; for a blank file to fill in, "council-resilience template".\n',
    );
    expect(existsSync(join(dir, 'council.answers.yaml'))).toBe(false);
  });

  test.each(['partnership-principles', 'community-power', 'influencing-change', 'facilitative-council'])(
    'a full run with the built-in %s rubric asks every question and saves a file that scores',
    async (id) => {
      const { rubric: builtIn } = await loadRubric(id);
      const keys = indicatorKeys(builtIn);
      const path = join(tempDir(), `${id}.answers.yaml`);
      const s = scriptedPrompter(['Testford Council', 'Unitary', ...keys.flatMap(() => ['2 Developing', '']), 'Finish and show the report']);
      expect(await runInterviewCommand({ rubric: id, color: false, answers: path, assessor: 'Tester' }, s.prompter)).toBe(0);
      expect(s.left()).toBe(0);
      expect(s.said).toContain(`── ${builtIn.characteristics[0]!.title} · question 1 of ${keys.length} ──`);
      const loaded = await loadAnswers(path);
      expect(loaded.answers.rubric).toBe(id);
      expect(Object.keys(loaded.answers.answers)).toEqual(keys);
      expect(assess(loaded.rubric.rubric, loaded.answers).overall.score).toBeCloseTo(200 / 3, 10);
    },
  );
});
