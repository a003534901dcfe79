// The accessible prompts end to end, as a screen-reader user would use them: the built binary in a
// real pseudo-terminal (tmux), answers typed by number, Ctrl-C halfway, resume, finish; and
// `tmux pipe-pane -O` keeping every byte the program (and the terminal's echo) wrote, to prove that
// under NO_COLOR not one escape sequence reached the terminal.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnswers } from '../../src/io/load.js';
import { viewsOf } from '../../src/interview/moderation.js';
import { bin, cli, fixtures, tempDir } from '../helpers.js';
import { hasTmux, tmuxServer } from './tmux.js';

if (!hasTmux) {
  if (process.env.CI === 'true') throw new Error('tmux is required in CI (.ci/run installs it)');
  console.warn('SKIPPED: the accessible terminal tests need tmux (apt-get install tmux); they run in CI.');
}
const maybe = hasTmux ? describe : describe.skip;

const socket = `cr-access-${process.pid}`;
const { tmux, waitForFile, kill } = tmuxServer(socket);
const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
const ESC = 0x1b;

/** Everything the session printed, scrolled off the screen or not, lines the terminal wrapped joined again. */
const history = (session: string) => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
/** The screen with every run of spaces and line breaks as one space: the words, however they were wrapped and lined up. */
const joined = (session: string) => tmux('capture-pane', '-p', '-t', session).replace(/\s+/g, ' ').trim();

/** Polls the screen until `pattern` (against the joined screen) matches right at its end: the program is waiting there. */
async function waitForEnd(session: string, pattern: string, what: string): Promise<void> {
  const end = new RegExp(`${pattern}$`);
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (end.test(joined(session))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; the screen shows:\n${tmux('capture-pane', '-p', '-t', session)}`);
}

/**
 * Starts `command` in a new tmux session, its raw output piped to a file before it writes a byte
 * (it waits for a go file, made once pipe-pane is on). The shell records the exit code.
 */
function start(session: string, dir: string, command: string) {
  const files = { go: join(dir, `${session}.go`), exit: join(dir, `${session}.exit`), raw: join(dir, `${session}.raw`) };
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', '-c', dir, `sh -c 'while [ ! -e ${files.go} ]; do sleep 0.05; done; exec ${command}'; echo $? > ${files.exit}; sleep 60`);
  tmux('pipe-pane', '-O', '-t', session, `cat > ${files.raw}`);
  writeFileSync(files.go, '');
  return files;
}

const type = (session: string, text: string) => {
  if (text !== '') tmux('send-keys', '-t', session, '-l', text);
  tmux('send-keys', '-t', session, 'Enter');
};
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEVEL_PROMPT = String.raw`Type 0 to 3, d(?: or n|, n or b) and press Enter \((?:Enter alone: [^;]+; )?\? for help\):`;
const EVIDENCE = String.raw`Evidence \(optional; press Enter to skip\):`;

/** The raw bytes once the program has ended and the pipe has caught up. */
async function rawBytes(path: string, last: string): Promise<Buffer> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && !readFileSync(path).includes(last)) await new Promise((r) => setTimeout(r, 50));
  return readFileSync(path);
}

maybe('the accessible interview in a real terminal', () => {
  afterAll(() => kill());

  test('NO_COLOR=1 interview --accessible: three answers by number, Ctrl-C (130, all three saved), resume, finish; no ESC byte anywhere', async () => {
    const dir = tempDir();
    const answers = join(dir, 'access.answers.yaml');
    const command = `env NO_COLOR=1 ${process.execPath} ${bin} interview --accessible --rubric ${rubric} --answers ${answers} --assessor Tester`;
    /** Answers question `n` by typing `key` and then `evidence`. */
    const answer = async (session: string, n: number, key: string, said: string, evidence: string) => {
      await waitForEnd(session, `question ${n} of 7 .* ${LEVEL_PROMPT}`, `the level prompt of question ${n}`);
      type(session, key);
      await waitForEnd(session, `question ${n} of 7 .* You chose ${escape(said)}\\. ${EVIDENCE}`, `the evidence prompt of question ${n}`);
      type(session, evidence);
    };

    const first = start('first', dir, command);
    await waitForEnd('first', String.raw`What is the council's name\?`, 'the name prompt');
    type('first', 'Access Borough Council');
    await waitForEnd('first', String.raw`What type of council is this\? 1 County 2 Unitary d Don't know / prefer not to say Type 1, 2 or d and press Enter \(\? for help\):`, 'the council type, numbered');
    type('first', '2');
    await answer('first', 1, '3', '3 All', 'Plan p. 4');
    // A number that is not on the scale: said so, and asked again.
    await waitForEnd('first', `question 2 of 7 .* ${LEVEL_PROMPT}`, 'question 2');
    type('first', '7');
    await waitForEnd('first', `"7" is not one of the choices: type 0 to 3, d, n or b \\(\\? for help\\)\\. ${LEVEL_PROMPT}`, 'the message for 7');
    await answer('first', 2, '1', '1 Some', '');
    // ? gives the help, and the question is asked again.
    await waitForEnd('first', `question 3 of 7 .* ${LEVEL_PROMPT}`, 'question 3');
    type('first', '?');
    await waitForEnd('first', `Help: Alpha, question 3 of 7 A three\\? A three 0 None 1 Some 2 Most 3 All d Don't know: Counted as 0 .* b goes back\\. ${LEVEL_PROMPT}`, 'the help');
    await answer('first', 3, '2', '2 Most', '');
    await waitForEnd('first', `question 4 of 7 .* ${LEVEL_PROMPT}`, 'question 4');
    // The cursor was never hidden: there was nothing to hide it for.
    expect(tmux('display', '-p', '-t', 'first', '#{cursor_flag}').trim()).toBe('1');
    tmux('send-keys', '-t', 'first', 'C-c');
    expect(await waitForFile(first.exit)).toBe('130');
    const stopped = history('first');
    expect(stopped).toContain(`Stopped. 3 of 7 answers are saved in ${answers}`);
    expect(stopped).toContain(`To carry on where you left off: council-resilience interview --answers ${answers} --accessible`);
    expect((await loadAnswers(answers)).answers.answers).toEqual({ 'alpha.a1': { score: 3, evidence: 'Plan p. 4' }, 'alpha.a2': 1, 'alpha.a3': 2 });
    const raw1 = await rawBytes(first.raw, '--accessible\r\n');
    expect(raw1.toString('utf8')).toContain('You chose 3 All.\r\n');
    expect(raw1.toString('utf8')).toContain('Stopped. 3 of 7 answers are saved in ');
    expect(raw1.indexOf(ESC)).toBe(-1);

    const second = start('second', dir, command);
    await waitForEnd('second', `3 of 7 questions are already answered; 4 to go\\. Beta, question 4 of 7 .* ${LEVEL_PROMPT}`, 'the resume message');
    await answer('second', 4, 'd', "Don't know", 'Finance could not say');
    await answer('second', 5, '2', '2 Most', '');
    await answer('second', 6, 'n', 'Not applicable', '');
    await answer('second', 7, '0', '0 None', '');
    await waitForEnd('second', String.raw`Finish, or go back over one characteristic\? 1 Finish and show the report 2 Revisit Alpha 3 Revisit Beta 4 Revisit Delta Type 1 to 4 and press Enter \(\? for help\):`, 'the review');
    type('second', '1');
    expect(await waitForFile(second.exit)).toBe('0');
    expect(history('second')).toContain(`Your answers are saved in ${answers}`);
    const raw2 = await rawBytes(second.raw, `Your answers are saved in ${answers}\r\n`);
    expect(raw2.toString('utf8')).toContain('You chose Finish and show the report.\r\n');
    expect(raw2.indexOf(ESC)).toBe(-1);

    expect(cli(['validate', answers])).toMatchObject({ code: 0 });
    const report = cli(['assess', answers, '--format', 'json']);
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout);
    const typed = Object.fromEntries(json.characteristics.flatMap((c: { indicators: { key: string; answer: unknown }[] }) => c.indicators.map((i) => [i.key, i.answer])));
    expect(typed).toEqual({ 'alpha.a1': 3, 'alpha.a2': 1, 'alpha.a3': 2, 'beta.b1': 'unknown', 'beta.b2': 2, 'delta.d1': 'n/a', 'delta.d2': 0 });
    // alpha (3 + 2*1 + 2)/12, beta (0 + 3*2)/12, gamma none, delta 0/3; overall (2*58.33 + 50 + 0)/4
    expect(json.characteristics.map((c: { score: number | null }) => c.score)).toEqual([(100 * 7) / 12, 50, null, 0]);
    expect(json.overall.score).toBeCloseTo((2 * ((100 * 7) / 12) + 50 + 0) / 4, 12);
  });

  test('--no-color (colour otherwise on): Ctrl-D at the evidence stops as in the usual interview, 130, the level saved; no ESC byte', async () => {
    const dir = tempDir();
    const answers = join(dir, 'eof.answers.yaml');
    const run = start('eof', dir, `env -u NO_COLOR -u FORCE_COLOR ${process.execPath} ${bin} --no-color interview --accessible --rubric ${rubric} --answers ${answers} --assessor Tester`);
    await waitForEnd('eof', String.raw`What is the council's name\?`, 'the name prompt');
    type('eof', 'Eof Council');
    await waitForEnd('eof', String.raw`Type 1, 2 or d and press Enter \(\? for help\):`, 'the council type');
    type('eof', 'd');
    await waitForEnd('eof', `question 1 of 7 .* ${LEVEL_PROMPT}`, 'question 1');
    type('eof', '1');
    await waitForEnd('eof', `You chose 1 Some\\. ${EVIDENCE}`, 'the evidence prompt');
    tmux('send-keys', '-t', 'eof', 'C-d');
    expect(await waitForFile(run.exit)).toBe('130');
    expect(history('eof')).toContain(`Stopped. 1 of 7 answers are saved in ${answers}`);
    expect((await loadAnswers(answers)).answers).toMatchObject({ council: { name: 'Eof Council', type: null }, answers: { 'alpha.a1': 1 } });
    const raw = await rawBytes(run.raw, '--accessible\r\n');
    expect(raw.toString('utf8')).toContain("You chose Don't know / prefer not to say.\r\n");
    expect(raw.indexOf(ESC)).toBe(-1);
  });

  test('ACCESSIBLE=1 moderate: one disputed indicator settled by number with a reason, Ctrl-C (130, it is saved, the views kept); no ESC byte', async () => {
    const dir = tempDir();
    const path = join(dir, 'combined.answers.yaml');
    writeFileSync(path, readFileSync(join(fixtures, 'team', 'moderate', 'combined.answers.yaml'), 'utf8').replace('../../rubrics/weighted.yaml', rubric));
    const original = await loadAnswers(path);
    const run = start('moderate', dir, `env ACCESSIBLE=1 NO_COLOR=1 ${process.execPath} ${bin} moderate ${path}`);
    const agreed = (n: number, offered: string, back: string) =>
      `Alpha, disputed ${n} of 4 .* Agreed level: 0 None 1 Some 2 Most 3 All d Don't know n Not applicable s Skip for now ${back}` +
      `Type 0 to 3, d, n${back === '' ? ' or s' : ', s or b'} and press Enter \\(Enter alone: ${offered}; \\? for help\\):`;
    await waitForEnd('moderate', agreed(1, '1 Some', ''), 'the agreed level of alpha.a1, numbered');
    type('moderate', '2');
    await waitForEnd('moderate', String.raw`You chose 2 Most\. Reason for the agreed level \(needed, because the views differ by two levels or more; it goes in the report\):`, 'the reason');
    type('moderate', 'Most services are covered');
    await waitForEnd('moderate', String.raw`Evidence for the agreed level \(optional; press Enter to skip\):`, 'the evidence');
    type('moderate', '');
    await waitForEnd('moderate', agreed(2, '0 None', 'b Back to the previous indicator '), 'alpha.a3');
    tmux('send-keys', '-t', 'moderate', 'C-c');
    expect(await waitForFile(run.exit)).toBe('130');
    const stopped = history('moderate');
    expect(stopped).toContain(`Stopped. 1 of 4 disputed indicators is settled in ${path}; 3 remain.`);
    expect(stopped).toContain(`To carry on where you left off: council-resilience moderate ${path} --accessible\n`);
    const saved = (await loadAnswers(path)).answers.answers;
    expect(saved['alpha.a1']).toEqual({ score: 2, views: viewsOf(original.answers.answers['alpha.a1']), agreed: 'Most services are covered' });
    for (const key of ['alpha.a2', 'alpha.a3', 'beta.b1', 'beta.b2', 'delta.d1', 'delta.d2']) expect(saved[key]).toEqual(original.answers.answers[key]);
    expect(cli(['validate', path])).toMatchObject({ code: 0 });
    const report = JSON.parse(cli(['assess', path, '--format', 'json']).stdout);
    expect(report.characteristics[0].indicators.map((i: { answer: unknown }) => i.answer)).toEqual([2, 2, 0]);
    const raw = await rawBytes(run.raw, '3 remain.\r\n');
    expect(raw.toString('utf8')).toContain('You chose 2 Most.\r\n');
    expect(raw.indexOf(ESC)).toBe(-1);
  });
});
