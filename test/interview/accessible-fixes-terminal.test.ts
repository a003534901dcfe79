// The review's findings that are the terminal's own doing, through the built binary in tmux: a line
// longer than the terminal holds (Linux cuts it at 4095 bytes), a paste of several lines, and arrow keys
// typed into a line. None of them may put a cut, misfiled or escaped answer in the file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnswers } from '../../src/io/load.js';
import { bin, fixtures, tempDir } from '../helpers.js';
import { hasTmux, tmuxServer } from './tmux.js';

if (!hasTmux) {
  if (process.env.CI === 'true') throw new Error('tmux is required in CI (.ci/run installs it)');
  console.warn('SKIPPED: the accessible terminal tests need tmux (apt-get install tmux); they run in CI.');
}
const maybe = hasTmux && process.platform === 'linux' ? describe : describe.skip;

const socket = `cr-access-fix-${process.pid}`;
const { tmux, waitForFile, kill } = tmuxServer(socket);
const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
const joined = (session: string) => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session).replace(/\s+/g, ' ').trim();

async function waitForEnd(session: string, pattern: string, what: string): Promise<void> {
  const end = new RegExp(`${pattern}$`);
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (end.test(joined(session))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; the screen shows:\n${tmux('capture-pane', '-p', '-t', session)}`);
}

function start(session: string, dir: string, command: string) {
  const files = { exit: join(dir, `${session}.exit`) };
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', '-c', dir, `sh -c 'exec ${command}'; echo $? > ${files.exit}; sleep 60`);
  return files;
}
const type = (session: string, text: string) => {
  if (text !== '') tmux('send-keys', '-t', session, '-l', text);
  tmux('send-keys', '-t', session, 'Enter');
};
const LEVEL = String.raw`Type 0 to 3, d(?: or n|, n or b) and press Enter \((?:Enter alone: [^;]+; )?\? for help\):`;
const EVIDENCE = String.raw`Evidence \(optional; press Enter to skip\):`;

maybe('the accessible interview: what the terminal does to a line', () => {
  afterAll(() => kill());

  test('a pasted line longer than the terminal holds is refused, never saved cut short; then a paste of two paragraphs answers only this question; arrow keys are left out', async () => {
    const dir = tempDir();
    const answers = join(dir, 'long.answers.yaml');
    const run = start('long', dir, `env NO_COLOR=1 ${process.execPath} ${bin} interview --accessible --rubric ${rubric} --answers ${answers} --assessor Tester`);
    await waitForEnd('long', String.raw`What is the council's name\?`, 'the name prompt');
    type('long', 'Long Council');
    await waitForEnd('long', String.raw`Type 1, 2 or d and press Enter \(\? for help\):`, 'the council type');
    // An arrow key pressed by habit before the number: left out, said once, and the 2 is taken.
    tmux('send-keys', '-t', 'long', 'Up');
    type('long', '2');
    await waitForEnd('long', `Arrow keys do not move within the line here, so what they typed was left out: use Backspace to correct a line, or Ctrl-U to start it again\\. You chose Unitary\\. .*question 1 of 7 .* ${LEVEL}`, 'question 1');
    type('long', '3');
    await waitForEnd('long', `You chose 3 All\\. ${EVIDENCE}`, 'the evidence prompt');
    // 3,503 characters, 5,003 bytes: Linux's terminal keeps 4,095 of them and cuts an é in half.
    const long = `${'x'.repeat(2000)}${'é'.repeat(1500)}END`;
    writeFileSync(join(dir, 'long.txt'), long);
    tmux('load-buffer', '-b', 'L', join(dir, 'long.txt'));
    tmux('paste-buffer', '-b', 'L', '-t', 'long');
    tmux('send-keys', '-t', 'long', 'Enter');
    await waitForEnd('long', `That line was too long to type here: a line in this terminal holds at most 4,095 bytes .* it was not saved\\. .* ${EVIDENCE}`, 'the message for the long line');
    expect((await loadAnswers(answers)).answers.answers).toEqual({ 'alpha.a1': 3 });
    // Two paragraphs pasted at once: the first is the evidence, the rest is set aside and said, not taken by question 2.
    tmux('set-buffer', '-b', 'P', 'Council plan 2026, p.4: objective 3.\n\nService plans follow it.\n');
    tmux('paste-buffer', '-b', 'P', '-t', 'long');
    await waitForEnd(
      'long',
      `Evidence saved: Council plan 2026, p\\.4: objective 3\\. 2 more lines you typed were not used \\(type each answer once its question is asked\\): a blank line, "Service plans follow it\\."\\. .*question 2 of 7 .* ${LEVEL}`,
      'question 2, still waiting',
    );
    // Left arrow twice to fix a typo: the sequences are not saved, and the answer is read back.
    type('long', '1');
    await waitForEnd('long', `You chose 1 Some\\. ${EVIDENCE}`, 'the evidence of question 2');
    tmux('send-keys', '-t', 'long', '-l', 'Plan p4');
    tmux('send-keys', '-t', 'long', 'Left', 'Left');
    type('long', '.');
    await waitForEnd('long', `Evidence saved: Plan p4\\. .*question 3 of 7 .* ${LEVEL}`, 'question 3');
    tmux('send-keys', '-t', 'long', 'C-c');
    expect(await waitForFile(run.exit)).toBe('130');
    expect((await loadAnswers(answers)).answers.answers).toEqual({
      'alpha.a1': { score: 3, evidence: 'Council plan 2026, p.4: objective 3.' },
      'alpha.a2': { score: 1, evidence: 'Plan p4.' },
    });
  });
});
