// `moderate` end to end, as a workshop would use it: the built binary in a real pseudo-terminal
// (tmux), settling one indicator, going back to it, pressing Ctrl-C, carrying on, finishing; then
// the file on disk validates, scores exactly as typed, and still holds every view as it was.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnswers } from '../../src/io/load.js';
import { viewsOf } from '../../src/interview/moderation.js';
import { bin, cli, fixtures, tempDir } from '../helpers.js';
import { hasTmux, tmuxServer } from '../interview/tmux.js';

if (!hasTmux) {
  if (process.env.CI === 'true') throw new Error('tmux is required in CI (.ci/run installs it)');
  console.warn('SKIPPED: the terminal moderation test needs tmux (apt-get install tmux); it runs in CI.');
}
const maybe = hasTmux ? describe : describe.skip;

const socket = `cr-moderate-${process.pid}`;
const { tmux, waitFor, waitForFile, kill } = tmuxServer(socket);
/** Everything the session printed, scrolled off the screen or not. */
const history = (session: string) => tmux('capture-pane', '-p', '-S', '-', '-t', session);
const times = (text: string, needle: string) => text.split(needle).length - 1;

/** Polls the screen, its lines joined as the words they were wrapped from, until `pattern` shows at the end. */
async function waitForEnd(session: string, pattern: string, what: string): Promise<void> {
  const end = new RegExp(`${pattern}\\s*$`);
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (end.test(tmux('capture-pane', '-p', '-t', session).replace(/\s*\n\s*/g, ' '))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; the screen shows:\n${tmux('capture-pane', '-p', '-t', session)}`);
}

/** Polls the whole history until `needle` shows `n` times. */
async function waitForTimes(session: string, needle: string, n: number): Promise<void> {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (times(history(session), needle) >= n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for "${needle}" ${n} times; the screen shows:\n${history(session)}`);
}

maybe('moderate in a real terminal', () => {
  afterAll(() => kill());

  test('settle one, go back to it, Ctrl-C, carry on, finish: the file validates, scores as typed and keeps the views', async () => {
    const dir = tempDir();
    const path = join(dir, 'combined.answers.yaml');
    const fixture = join(fixtures, 'team', 'moderate', 'combined.answers.yaml');
    writeFileSync(path, readFileSync(fixture, 'utf8').replace('../../rubrics/weighted.yaml', join(fixtures, 'rubrics', 'weighted.yaml')));
    const original = await loadAnswers(path);

    const start = (session: string) => {
      const exitFile = join(dir, `${session}.exit`);
      const command = `NO_COLOR=1 ${process.execPath} ${bin} moderate ${path}; echo $? > ${exitFile}; sleep 60`; // sleep: keep the screen to read
      tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', '-c', dir, command);
      return exitFile;
    };
    const keys = (session: string, ...k: string[]) => tmux('send-keys', '-t', session, ...k);
    const type = (session: string, text: string) => {
      if (text) tmux('send-keys', '-t', session, '-l', text);
      keys(session, 'Enter');
    };
    /** Waits for the `n`th showing of an indicator with the level list drawn on `selected`, moves `down` and picks. */
    const pick = async (session: string, header: string, n: number, selected: string, down: number) => {
      await waitForTimes(session, header, n);
      // The heading is printed before the list is drawn; keys sent before the list listens can be lost.
      await waitFor(session, new RegExp(`❯ ${selected}`), `the levels under ${header}, on ${selected}`);
      for (let i = 0; i < down; i++) keys(session, 'Down');
      keys(session, 'Enter');
    };
    const reason = String.raw`Reason for the agreed level \(needed, because [^)]*\):`;
    const evidence = String.raw`Evidence for the agreed level \(optional; press Enter to skip\):`;
    /** Waits for `prompt` with nothing typed after it yet, then types `text` and Enter. */
    const answerLast = async (session: string, prompt: string, what: string, text: string) => {
      await waitForEnd(session, prompt, what);
      type(session, text);
    };

    const first = start('first');
    await pick('first', '── Alpha · disputed 1 of 4 ──', 1, '1 Some', 1); // 2 Most
    await answerLast('first', reason, 'the reason for alpha.a1', 'Most services are covered');
    await answerLast('first', evidence, 'the evidence for alpha.a1', 'Plan p. 4');
    await pick('first', '── Alpha · disputed 2 of 4 ──', 1, '0 None', 7); // ← Back, the last choice
    // Back on alpha.a1, offered as agreed: 2 Most, the reason and the evidence typed.
    await waitFor('first', /Settled at 2 Most; reason: Most services are covered/, 'alpha.a1 again');
    await pick('first', '── Alpha · disputed 1 of 4 ──', 2, '2 Most', 1); // 3 All
    await waitForEnd('first', String.raw`\(needed, because the views differ by two levels or more; it goes in the report\): \(Most services are covered\)`, 'the reason typed before');
    keys('first', 'Enter');
    await waitForEnd('first', String.raw`\(optional; press Enter to skip\): \(Plan p\. 4\)`, 'the evidence typed before');
    keys('first', 'Enter');
    await waitForTimes('first', '── Alpha · disputed 2 of 4 ──', 2);
    await waitFor('first', /❯ 0 None/, 'the levels of alpha.a3');
    keys('first', 'C-c');
    expect(await waitForFile(first)).toBe('130');
    const stopped = history('first');
    expect(stopped).toContain(`Stopped. 1 of 4 disputed indicators is settled in ${path}; 3 remain.`);
    expect(stopped).toContain(`To carry on where you left off: council-resilience moderate ${path}`);
    const partial = (await loadAnswers(path)).answers.answers;
    expect(partial['alpha.a1']).toEqual({ score: 3, views: viewsOf(original.answers.answers['alpha.a1']), agreed: 'Most services are covered', evidence: 'Plan p. 4' });
    expect(partial['alpha.a3']).toEqual(original.answers.answers['alpha.a3']);

    const second = start('second');
    await waitFor('second', /1 of 4 disputed indicators are already settled; 3 to go\./, 'the resume message');
    await pick('second', '── Alpha · disputed 2 of 4 ──', 1, '0 None', 3); // 3 All
    await answerLast('second', reason, 'the reason for alpha.a3', 'The minutes show it');
    await answerLast('second', evidence, 'the evidence for alpha.a3', '');
    await pick('second', '── Beta · disputed 3 of 4 ──', 1, '2 Most', 3); // Not applicable
    await answerLast('second', String.raw`\(needed, because one view says not applicable and another gives a level; it goes in the report\):`, 'the reason for beta.b1', 'No such service here');
    await answerLast('second', evidence, 'the evidence for beta.b1', '');
    await pick('second', '── Delta · disputed 4 of 4 ──', 1, '2 Most', 0); // the combined score, as offered
    await answerLast('second', reason, 'the reason for delta.d2', 'The middle view');
    await answerLast('second', evidence, 'the evidence for delta.d2', '');
    expect(await waitForFile(second)).toBe('0');
    expect(history('second')).toContain(`Settled 4 of 4 disputed indicators. Saved in ${path}.`);
    // The first session's settlement was not asked again.
    expect(times(history('second'), '── Alpha · disputed 1 of 4 ──')).toBe(0);

    expect(cli(['validate', path])).toMatchObject({ code: 0 });
    const report = cli(['assess', path, '--format', 'json']);
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout);
    const scores = Object.fromEntries(json.characteristics.flatMap((c: { indicators: { key: string; answer: unknown }[] }) => c.indicators.map((i) => [i.key, i.answer])));
    expect(scores).toEqual({ 'alpha.a1': 3, 'alpha.a2': 2, 'alpha.a3': 3, 'beta.b1': 'n/a', 'beta.b2': 3, 'delta.d1': 'unknown', 'delta.d2': 2 });
    // alpha (3 + 2*2 + 3) / 12; beta b2 3/3 (b1 n/a); delta (0 + 2) / 6; overall (2*alpha + beta + delta) / 4 = 75
    expect(json.characteristics.map((c: { score: number | null }) => c.score)).toEqual([(100 * 10) / 12, 100, null, (100 * 2) / 6]);
    expect(json.overall.score).toBeCloseTo(75, 12);

    const done = (await loadAnswers(path)).answers;
    for (const [key, answer] of Object.entries(original.answers.answers)) expect(viewsOf(done.answers[key])).toEqual(viewsOf(answer));
    expect(done.answers['alpha.a3']).toMatchObject({ score: 3, agreed: 'The minutes show it' });
    expect(done.answers['beta.b1']).toMatchObject({ score: 'n/a', agreed: 'No such service here' });
    expect(done.answers['delta.d2']).toMatchObject({ score: 2, agreed: 'The middle view' });
    expect(readFileSync(path, 'utf8')).toContain('      - assessor: B # the head of HR\n');
  });
});

maybe('moderate in a real terminal: signals', () => {
  const { tmux, waitFor, waitForFile, screen, kill } = tmuxServer(`${socket}-signals`);
  afterAll(() => kill());

  test.each(['TERM', 'HUP'])('SIG%s at a question stops like Ctrl-C: what is settled stays, the command to carry on, the cursor shown, exit 130', async (signal) => {
    const dir = tempDir();
    const path = join(dir, 'combined.answers.yaml');
    writeFileSync(path, readFileSync(join(fixtures, 'team', 'moderate', 'combined.answers.yaml'), 'utf8').replace('../../rubrics/weighted.yaml', join(fixtures, 'rubrics', 'weighted.yaml')));
    const session = `sig${signal.toLowerCase()}`;
    const files = { pid: join(dir, `${session}.pid`), exit: join(dir, `${session}.exit`) };
    const node = `env NO_COLOR=1 ${process.execPath} ${bin} moderate ${path}`;
    tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', '-c', dir, `sh -c 'echo $$ > ${files.pid}; exec ${node}'; echo $? > ${files.exit}; sleep 60`);
    await waitFor(session, /disputed 1 of 4[\s\S]*❯ 1 Some/, 'the first indicator');
    tmux('send-keys', '-t', session, 'Enter'); // 1 Some, the combined score
    await waitFor(session, /the report\):\s*$/m, 'the reason prompt');
    tmux('send-keys', '-t', session, '-l', 'The lower view is right');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /press Enter to skip\):\s*$/m, 'the evidence prompt');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(session, /disputed 2 of 4[\s\S]*❯ 0 None/, 'the second indicator');
    expect(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('0'); // the list hides it
    execFileSync('kill', [`-${signal}`, readFileSync(files.pid, 'utf8').trim()]);
    expect(await waitForFile(files.exit)).toBe('130');
    const lines = screen(session).split('\n').map((l) => l.trimEnd());
    expect(lines).toContain(`Stopped. 1 of 4 disputed indicators is settled in ${path}; 3 remain.`);
    expect(lines).toContain(`To carry on where you left off: council-resilience moderate ${path}`);
    expect(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('1');
    expect((await loadAnswers(path)).answers.answers['alpha.a1']).toMatchObject({ score: 1, agreed: 'The lower view is right' });
  });
});

describe('moderate refuses, through the binary', () => {
  const here = join('test', 'fixtures', 'team', 'moderate');
  test('without a terminal: exit 2 and one line saying to edit the file instead', () => {
    const dir = tempDir();
    const path = join(dir, 'combined.answers.yaml');
    writeFileSync(path, readFileSync(join(fixtures, 'team', 'moderate', 'combined.answers.yaml'), 'utf8').replace('../../rubrics/weighted.yaml', join(fixtures, 'rubrics', 'weighted.yaml')));
    const r = cli(['moderate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: moderate needs a terminal to choose the agreed levels in; without one, edit ${path} instead: under each disputed answer ` +
        `write the agreed "score" and "agreed: <reason>", then check it with "council-resilience validate ${path}"\n`,
    );
  });

  test('a file that is not combined: exit 2, saying to run combine first', () => {
    const r = cli(['moderate', join(here, 'plain.answers.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: ${join(here, 'plain.answers.yaml')} holds no assessors' views, so there is nothing to moderate; combine the assessors' files first ` +
        `(council-resilience combine <answers.yaml...> --output combined.yaml), then moderate the combined file\n`,
    );
  });

  test('an invalid file: its located errors, exit 2', () => {
    const file = join(here, 'invalid.answers.yaml');
    const r = cli(['moderate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${file}:7:22: alpha.a1.score: 9 is not on the scale 0-3\n` + `${file}:8:33: alpha.a2.views.0.assessor: required key is missing; expected whose view this is\n`,
    );
  });

  test('--help shows the examples', () => {
    const r = cli(['moderate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ council-resilience moderate combined.answers.yaml --all');
    expect(r.stdout).toContain('--all');
  });
});
