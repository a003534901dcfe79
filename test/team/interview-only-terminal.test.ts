// Issue 13, item 1, end to end as a colleague would: `interview --only approach --assessor "Head of HR"`
// through the built binary in a real terminal (tmux): answer two, Ctrl-C, resume, finish.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isApplicable } from '../../src/core/answers.js';
import { indicatorKey } from '../../src/core/rubric.js';
import { loadAnswers, loadRubric } from '../../src/io/load.js';
import { bin, cli, tempDir } from '../helpers.js';
import { hasTmux, tmuxServer } from '../interview/tmux.js';

if (!hasTmux) {
  if (process.env.CI === 'true') throw new Error('tmux is required in CI (.ci/run installs it)');
  console.warn('SKIPPED: the terminal interview --only test needs tmux (apt-get install tmux); it runs in CI.');
}
const maybe = hasTmux ? describe : describe.skip;

const socket = `cr-test-only-${process.pid}`;
const { tmux, screen, waitFor, waitForFile, kill } = tmuxServer(socket);
const lines = (session: string) => screen(session).split('\n').map((l) => l.trimEnd());

maybe('interview --only --assessor in a real terminal', () => {
  /** Runs the built binary in a new tmux session; the shell writes its exit code to a file when it ends. */
  const start = (dir: string, session: string, args: string) => {
    const exitFile = join(dir, `${session}.exit`);
    const command = `NO_COLOR=1 ${process.execPath} ${bin} interview ${args}; echo $? > ${exitFile}; sleep 60`; // sleep: keep the screen to read
    tmux('new-session', '-d', '-s', session, '-x', '140', '-y', '60', '-c', dir, command);
    return exitFile;
  };
  const type = (session: string, text: string) => {
    tmux('send-keys', '-t', session, '-l', text);
    tmux('send-keys', '-t', session, 'Enter');
  };

  test('"question 1 of N" counts the approach questions that apply; two answered, Ctrl-C, resume, finish: only approach answers, assessor saved', async () => {
    const dir = tempDir();
    const answers = join(dir, 'hr.answers.yaml');
    const { rubric } = await loadRubric('eight-characteristics');
    const approach = rubric.characteristics.find((c) => c.id === 'approach')!;
    const county = { name: 'Team Council', type: 'county' };
    const chosen = approach.indicators.filter((i) => isApplicable(i, county)).map((i) => indicatorKey(approach, i));
    const n = chosen.length;
    expect(n).toBe(6); // seven approach indicators; ward forums are for single-tier councils only

    /** Moves down `steps` places in the list of levels and presses Enter, then types the evidence. */
    const answer = async (session: string, question: number, steps: number, evidence: string) => {
      await waitFor(session, new RegExp(`Approach · question ${question} of ${n} ──[\\s\\S]*❯ 0 Not in place`), `question ${question}`);
      for (let i = 0; i < steps; i++) tmux('send-keys', '-t', session, 'Down');
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor(session, /^\? Evidence \(optional; press Enter to skip\):\s*$/m, `the evidence prompt of question ${question}`);
      type(session, evidence);
    };

    const first = start(dir, 'first', `--only approach --assessor "Head of HR" --answers ${answers}`);
    await waitFor('first', /What is the council's name\?/, 'the name prompt');
    type('first', 'Team Council');
    await waitFor('first', /What type of council is this\?[\s\S]*❯ County/, 'the council type');
    tmux('send-keys', '-t', 'first', 'Enter'); // County
    await answer('first', 1, 2, 'Demand plan 2025'); // 2 Developing
    await answer('first', 2, 1, ''); // 1 Emerging
    await waitFor('first', new RegExp(`Approach · question 3 of ${n} ──[\\s\\S]*❯ 0 Not in place`), 'question 3');
    tmux('send-keys', '-t', 'first', 'C-c');
    expect(await waitForFile(first)).toBe('130');
    expect(lines('first')).toEqual(
      expect.arrayContaining([
        `Stopped. 2 of ${n} answers are saved in ${answers}`,
        `To carry on where you left off: council-resilience interview --answers ${answers} --only approach`,
      ]),
    );
    expect(screen('first')).not.toContain('Who is answering?');
    const partial = await loadAnswers(answers);
    expect(partial.answers.assessor).toBe('Head of HR');
    expect(partial.answers.answers).toEqual({ [chosen[0]!]: { score: 2, evidence: 'Demand plan 2025' }, [chosen[1]!]: 1 });

    // Carry on with the command it printed: the assessor is in the file, so it is not asked again.
    const second = start(dir, 'second', `--answers ${answers} --only approach`);
    await waitFor('second', new RegExp(`2 of ${n} questions are already answered; ${n - 2} to go\\.`), 'the resume message');
    await answer('second', 3, 3, ''); // 3 Embedded
    await answer('second', 4, 0, ''); // 0 Not in place
    await answer('second', 5, 4, 'Nobody could say'); // Don't know
    await answer('second', 6, 1, ''); // 1 Emerging
    await waitFor('second', /Finish, or go back over one characteristic\?[\s\S]*❯ Finish and show the report/, 'the review');
    expect(lines('second')).toContain(`Your answers so far: ${n} of ${n} chosen questions answered.`);
    expect(screen('second')).not.toContain('Revisit Intent'); // only the chosen characteristic is offered
    expect(screen('second')).toContain('Revisit Approach');
    tmux('send-keys', '-t', 'second', 'Enter'); // Finish
    expect(await waitForFile(second)).toBe('0');
    expect(screen('second')).not.toContain('Who is answering?');
    expect(lines('second')).toEqual(
      expect.arrayContaining([`${n} of ${n} chosen questions (--only approach) are answered.`, `Your answers are saved in ${answers}`]),
    );

    const done = await loadAnswers(answers);
    expect(done.answers.assessor).toBe('Head of HR');
    expect(done.answers.council).toEqual(county);
    expect(done.answers.answers).toEqual({
      [chosen[0]!]: { score: 2, evidence: 'Demand plan 2025' },
      [chosen[1]!]: 1,
      [chosen[2]!]: 3,
      [chosen[3]!]: 0,
      [chosen[4]!]: { score: 'unknown', evidence: 'Nobody could say' },
      [chosen[5]!]: 1,
    });
    const validated = cli(['validate', answers]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
  });

  test('a misspelt --only in a terminal: exit 2 with the exact line, nothing asked, no file', async () => {
    const dir = tempDir();
    const answers = join(dir, 'never.answers.yaml');
    const exit = start(dir, 'misspelt', `--only aproach --assessor "Head of HR" --answers ${answers}`);
    expect(await waitForFile(exit)).toBe('2');
    expect(lines('misspelt').filter((l) => l !== '')).toEqual([
      'error: --only: "aproach" is not a characteristic or indicator of rubric "eight-characteristics"; did you mean "approach"?',
    ]);
    expect(existsSync(answers)).toBe(false);
  });
});

// The tmux server is this file's own: stopped when the file's tests are done, passed or not.
afterAll(() => kill());
