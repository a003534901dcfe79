// End to end, as a person would: the built binary in a real pseudo-terminal (tmux), typing answers,
// pressing Ctrl-C halfway, resuming, finishing, then scoring the file that was saved.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess } from '../../src/core/score.js';
import { loadAnswers, loadRubric } from '../../src/io/load.js';
import { wrap } from '../../src/render/wrap.js';
import { bin, fixtures, tempDir } from '../helpers.js';
import { hasTmux, tmuxServer } from './tmux.js';

if (!hasTmux) {
  if (process.env.CI === 'true') throw new Error('tmux is required in CI (.ci/run installs it)');
  console.warn('SKIPPED: the terminal interview test needs tmux (apt-get install tmux); it runs in CI.');
}
const maybe = hasTmux ? describe : describe.skip;

const socket = `cr-test-${process.pid}`;
const { tmux, screen, waitFor, waitForFile } = tmuxServer(socket);

maybe('interview in a real terminal', () => {
  afterAll(() => spawnSync('tmux', ['-L', socket, 'kill-server']));

  test('answer, Ctrl-C, resume, finish: the saved file scores exactly what was typed', async () => {
    const dir = tempDir();
    const answers = join(dir, 'terminal.answers.yaml');
    const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
    const start = (session: string) => {
      const exitFile = join(dir, `${session}.exit`);
      const command = `NO_COLOR=1 ${process.execPath} ${bin} interview --rubric ${rubric} --answers ${answers} --assessor Tester; echo $? > ${exitFile}; sleep 60`; // sleep: keep the screen to read
      tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', '-c', dir, command);
      return exitFile;
    };
    /** Moves down `steps` places in a select and presses Enter, then types the evidence line. */
    const answer = async (session: string, question: number, steps: number, evidence: string) => {
      await waitFor(session, new RegExp(`question ${question} of 7`), `question ${question}`);
      // The heading is printed before the list is drawn; keys sent before the list listens can be lost.
      await waitFor(session, /❯ 0 None/, `the choices of question ${question}`);
      for (let i = 0; i < steps; i++) tmux('send-keys', '-t', session, 'Down');
      tmux('send-keys', '-t', session, 'Enter');
      await waitFor(session, /^\? Evidence \(optional; press Enter to skip\):\s*$/m, `the evidence prompt of question ${question}`);
      if (evidence) tmux('send-keys', '-t', session, '-l', evidence);
      tmux('send-keys', '-t', session, 'Enter');
    };

    const first = start('first');
    await waitFor('first', /What is the council's name\?/, 'the name prompt');
    tmux('send-keys', '-t', 'first', '-l', 'Terminal Borough Council');
    tmux('send-keys', '-t', 'first', 'Enter');
    await waitFor('first', /What type of council is this\?[\s\S]*❯/, 'the council type');
    tmux('send-keys', '-t', 'first', 'Down', 'Enter'); // Unitary
    await answer('first', 1, 3, 'Plan p. 4'); // 3 All
    await answer('first', 2, 1, ''); // 1 Some
    await answer('first', 3, 2, ''); // 2 Most (unitary-only a3)
    await waitFor('first', /question 4 of 7/, 'question 4');
    tmux('send-keys', '-t', 'first', 'C-c');
    expect(await waitForFile(first)).toBe('130');
    expect(screen('first')).toContain(`To carry on where you left off: council-resilience interview --answers ${answers}`);
    const partial = await loadAnswers(answers);
    expect(partial.answers.answers).toEqual({ 'alpha.a1': { score: 3, evidence: 'Plan p. 4' }, 'alpha.a2': 1, 'alpha.a3': 2 });

    const second = start('second');
    await waitFor('second', /3 of 7 questions are already answered; 4 to go\./, 'the resume message');
    await answer('second', 4, 4, 'Finance could not say'); // Don't know
    await answer('second', 5, 2, ''); // 2 Most
    await answer('second', 6, 5, ''); // Not applicable
    await answer('second', 7, 0, ''); // 0 None
    await waitFor('second', /Finish, or go back over one characteristic\?[\s\S]*❯/, 'the review');
    tmux('send-keys', '-t', 'second', 'Enter'); // Finish
    expect(await waitForFile(second)).toBe('0');
    expect(screen('second')).toContain(`Your answers are saved in ${answers}`);

    const done = await loadAnswers(answers);
    expect(done.answers.answers).toEqual({
      'alpha.a1': { score: 3, evidence: 'Plan p. 4' },
      'alpha.a2': 1,
      'alpha.a3': 2,
      'beta.b1': { score: 'unknown', evidence: 'Finance could not say' },
      'beta.b2': 2,
      'delta.d1': 'n/a',
      'delta.d2': 0,
    });
    const a = assess(done.rubric.rubric, done.answers);
    // alpha (3 + 2*1 + 2)/12, beta (0 + 3*2)/12, gamma none, delta 0/3; overall (2*58.33 + 50 + 0)/4
    expect(a.characteristics.map((c) => c.score)).toEqual([(100 * 7) / 12, 50, null, 0]);
    expect(a.overall.score).toBeCloseTo((2 * ((100 * 7) / 12) + 50 + 0) / 4, 12);
  });

  test('on a narrow terminal, a long statement and its level descriptions break between words', async () => {
    const dir = tempDir();
    const exitFile = join(dir, 'narrow.exit');
    const command = `NO_COLOR=1 ${process.execPath} ${bin} interview --rubric facilitative-council --answers ${join(dir, 'narrow.yaml')} --assessor Tester; echo $? > ${exitFile}; sleep 60`;
    tmux('new-session', '-d', '-s', 'narrow', '-x', '60', '-y', '50', '-c', dir, command);
    await waitFor('narrow', /What is the council's name\?/, 'the name prompt');
    tmux('send-keys', '-t', 'narrow', '-l', 'Narrow Council');
    tmux('send-keys', '-t', 'narrow', 'Enter');
    await waitFor('narrow', /What type of council is this\?[\s\S]*❯/, 'the council type');
    tmux('send-keys', '-t', 'narrow', 'Enter');
    await waitFor('narrow', /❯ 0 Not in place/, 'the first question');
    const { rubric } = await loadRubric('facilitative-council');
    const first = rubric.characteristics[0]!.indicators[0]!;
    const lines = screen('narrow').split('\n').map((l) => l.trimEnd());
    // What the 60-column terminal shows: "? " and the statement wrapped to 58 columns, then the level 0 text.
    const statement = wrap(first.statement, 58);
    expect(lines).toContain(`? ${statement[0]}`);
    for (const line of statement.slice(1)) expect(lines).toContain(line);
    for (const line of wrap(first.levels!['0']!, 59)) expect(lines).toContain(line);
    tmux('send-keys', '-t', 'narrow', 'C-c');
    expect(await waitForFile(exitFile)).toBe('130');
  });
});

// Issue 11: signals, an answers path that cannot be written, and the local date, through the built binary.
maybe('interview in a real terminal: hardening', () => {
  // A server of its own: the block above stops its server when it ends, which may still be under way.
  const hardSocket = `${socket}-hardening`;
  const { tmux, screen, waitFor, kill } = tmuxServer(hardSocket);
  afterAll(() => kill());
  const rubric = join(fixtures, 'rubrics', 'weighted.yaml');

  /** Starts the interview in a tmux session; the shell records node's pid and, when it ends, its exit code. */
  const start = (session: string, dir: string, args: string, env = '') => {
    const files = { pid: join(dir, `${session}.pid`), exit: join(dir, `${session}.exit`) };
    const node = `env NO_COLOR=1 ${env} ${process.execPath} ${bin} interview --rubric ${rubric} --assessor Tester ${args}`;
    const command = `sh -c 'echo $$ > ${files.pid}; exec ${node}'; echo $? > ${files.exit}; sleep 60`;
    tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', '-c', dir, command);
    return files;
  };
  const type = (session: string, text: string) => {
    tmux('send-keys', '-t', session, '-l', text);
    tmux('send-keys', '-t', session, 'Enter');
  };

  test.each(['TERM', 'HUP'])('SIG%s at a question stops like Ctrl-C: says where the answers are, shows the cursor, exits 130', async (signal) => {
    const dir = tempDir();
    const session = `sig${signal.toLowerCase()}`;
    const answers = join(dir, 'signal.answers.yaml');
    const files = start(session, dir, `--answers ${answers}`);
    await waitFor(session, /What is the council's name\?/, 'the name prompt');
    type(session, 'Signal Council');
    await waitFor(session, /What type of council is this\?[\s\S]*❯/, 'the council type');
    tmux('send-keys', '-t', session, 'Enter'); // County
    await waitFor(session, /❯ 0 None/, 'the first question');
    tmux('send-keys', '-t', session, 'Down', 'Enter'); // 1 Some
    await waitFor(session, /^\? Evidence \(optional; press Enter to skip\):\s*$/m, 'the evidence prompt');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /question 2 of 6[\s\S]*❯ 0 None/, 'the second question');
    expect(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('0'); // the list hides it
    execFileSync('kill', [`-${signal}`, readFileSync(files.pid, 'utf8').trim()]);
    expect(await waitForFile(files.exit)).toBe('130');
    const lines = screen(session).split('\n').map((l) => l.trimEnd());
    expect(lines).toContain(`Stopped. 1 of 6 answers are saved in ${answers}`);
    expect(lines).toContain(`To carry on where you left off: council-resilience interview --answers ${answers}`);
    expect(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('1');
    expect((await loadAnswers(answers)).answers.answers).toEqual({ 'alpha.a1': 1 });
  });

  test('an answers path that cannot be written: exit 2 at once, one line naming it and why, nothing asked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.txt'), 'a file\n');
    writeFileSync(join(dir, 'ro.yaml'), `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Ro }\nanswers: {}\n`, { mode: 0o444 });
    mkdirSync(join(dir, 'locked'), { mode: 0o555 });
    const cases = [
      [join(dir, 'missing', 'a.yaml'), `the folder ${join(dir, 'missing')} does not exist`],
      [join(dir, 'plain.txt', 'a.yaml'), `${join(dir, 'plain.txt')} is a file, not a folder`],
      [join(dir, 'ro.yaml'), 'the file is read-only'],
      [join(dir, 'locked', 'a.yaml'), `the folder ${join(dir, 'locked')} is read-only`],
    ];
    for (const [i, [path]] of cases.entries()) {
      const files = start(`unwritable${i}`, dir, `--answers ${path}`);
      expect(await waitForFile(files.exit)).toBe('2');
    }
    for (const [i, [path, why]] of cases.entries()) {
      const lines = screen(`unwritable${i}`).split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
      expect(lines).toEqual([`error: cannot save answers to ${path}: ${why}; choose another file with --answers`]);
    }
    expect(readFileSync(join(dir, 'ro.yaml'), 'utf8')).toContain('name: Ro');
  });

  /** Picks the choice `steps` places down in the list on screen, then types the evidence line. */
  const answer = async (session: string, question: number, steps: number, evidence: string) => {
    await waitFor(session, new RegExp(`question ${question} of 6[\\s\\S]*❯ 0 None`), `question ${question}`);
    for (let i = 0; i < steps; i++) tmux('send-keys', '-t', session, 'Down');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /^\? Evidence \(optional; press Enter to skip\):\s*$/m, `the evidence prompt of question ${question}`);
    type(session, evidence);
  };
  const begin = async (session: string, name: string) => {
    await waitFor(session, /What is the council's name\?/, 'the name prompt');
    type(session, name);
    await waitFor(session, /What type of council is this\?[\s\S]*❯/, 'the council type');
    tmux('send-keys', '-t', session, 'Enter'); // County
  };
  const lines = (session: string) => screen(session).split('\n').map((l) => l.trimEnd());

  test('two people on one file at once: the second one\'s answers are kept, and a clash is shown to the first', async () => {
    const dir = tempDir();
    const answers = join(dir, 'pair.answers.yaml');
    const first = start('pairA', dir, `--answers ${answers}`);
    await begin('pairA', 'Pair Council');
    await answer('pairA', 1, 1, ''); // 1 Some
    await waitFor('pairA', /question 2 of 6/, 'question 2 for the first person');
    const second = start('pairB', dir, `--answers ${answers}`);
    await waitFor('pairB', /1 of 6 questions are already answered; 5 to go\./, 'the resume message');
    await answer('pairB', 2, 3, 'B view'); // 3 All
    await answer('pairB', 3, 0, ''); // 0 None
    await waitFor('pairB', /question 4 of 6[\s\S]*❯ 0 None/, 'question 4 for the second person');
    tmux('send-keys', '-t', 'pairB', 'C-c');
    expect(await waitForFile(second.exit)).toBe('130');
    await answer('pairA', 2, 2, ''); // 2 Most, differently from the second person
    await waitFor('pairA', /question 4 of 6[\s\S]*❯ 0 None/, 'question 4 (B one was answered by the other person)');
    expect(lines('pairA')).toEqual(
      expect.arrayContaining([
        `Someone else saved answers in ${answers} while you were answering; their 1 answer to questions you have not changed is kept.`,
        'They answered 1 question differently from you. Your answers are kept in the file; theirs were:',
        '  alpha.a2: they said 3 All (evidence: "B view"); you said 2 Most',
      ]),
    );
    tmux('send-keys', '-t', 'pairA', 'C-c');
    expect(await waitForFile(first.exit)).toBe('130');
    expect(lines('pairA')).toContain(`Stopped. 3 of 6 answers are saved in ${answers}`);
    expect((await loadAnswers(answers)).answers.answers).toEqual({ 'alpha.a1': 1, 'alpha.a2': 2, 'beta.b1': 0 });
  });

  test('the folder deleted halfway: the interview says so, asks for another file and saves everything there', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'share'));
    const answers = join(dir, 'share', 'gone.answers.yaml');
    const rescued = join(dir, 'rescued.answers.yaml');
    const files = start('deleted', dir, `--answers ${answers}`);
    await begin('deleted', 'Gone Council');
    await answer('deleted', 1, 1, 'minutes'); // 1 Some
    await waitFor('deleted', /question 2 of 6[\s\S]*❯ 0 None/, 'question 2');
    rmSync(join(dir, 'share'), { recursive: true });
    tmux('send-keys', '-t', 'deleted', 'Down', 'Down', 'Enter'); // 2 Most
    await waitFor('deleted', /Type the path of another file to save your answers in:\s*$/m, 'the question for another file');
    expect(lines('deleted')).toContain(
      `Could not save your answers to ${answers}: the folder ${join(dir, 'share')} does not exist. They are kept until they can be saved.`,
    );
    type('deleted', rescued);
    await waitFor('deleted', /^\? Evidence \(optional; press Enter to skip\):\s*$/m, 'the evidence prompt');
    tmux('send-keys', '-t', 'deleted', 'C-c');
    expect(await waitForFile(files.exit)).toBe('130');
    expect(lines('deleted')).toContain(`Stopped. 2 of 6 answers are saved in ${rescued}`);
    expect((await loadAnswers(rescued)).answers.answers).toEqual({ 'alpha.a1': { score: 1, evidence: 'minutes' }, 'alpha.a2': 2 });
  });

  test('assessedOn is the local date: Kiritimati (UTC+14) and UTC-12, one of which is never the UTC date', async () => {
    const dir = tempDir();
    const zones = ['Pacific/Kiritimati', 'Etc/GMT+12'];
    const localDate = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const before = zones.map(localDate);
    const runs = zones.map((zone, i) => ({ session: `tz${i}`, answers: join(dir, `tz${i}.yaml`), files: start(`tz${i}`, dir, `--answers ${join(dir, `tz${i}.yaml`)}`, `TZ=${zone}`) }));
    for (const { session, files } of runs) {
      await waitFor(session, /What is the council's name\?/, 'the name prompt');
      type(session, 'Datum Council');
      await waitFor(session, /What type of council is this\?[\s\S]*❯/, 'the council type');
      tmux('send-keys', '-t', session, 'C-c');
      expect(await waitForFile(files.exit)).toBe('130');
    }
    const after = zones.map(localDate);
    for (const [i, { answers }] of runs.entries()) {
      expect([before[i], after[i]]).toContain((await loadAnswers(answers)).answers.assessedOn);
    }
  });
});
