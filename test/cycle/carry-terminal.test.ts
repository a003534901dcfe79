// Issue 14, item 5, end to end as a council would next year: `interview --from LAST --answers NEW`
// through the built binary in a real terminal (tmux): confirm two, change one, Ctrl-C.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isApplicable } from '../../src/core/answers.js';
import { indicatorKey } from '../../src/core/rubric.js';
import { loadAnswers, loadRubric } from '../../src/io/load.js';
import { bin, cli, root, tempDir } from '../helpers.js';
import { hasTmux, tmuxServer } from '../interview/tmux.js';

if (!hasTmux) {
  if (process.env.CI === 'true') throw new Error('tmux is required in CI (.ci/run installs it)');
  console.warn('SKIPPED: the terminal interview --from test needs tmux (apt-get install tmux); it runs in CI.');
}
const maybe = hasTmux ? describe : describe.skip;

const socket = `cr-test-carry-${process.pid}`;
const { tmux, screen, waitFor, waitForFile, kill } = tmuxServer(socket);
/** The screen's lines, with those the terminal wrapped joined again. */
const lines = (session: string) => tmux('capture-pane', '-p', '-J', '-t', session).split('\n').map((l) => l.trimEnd());
const LAST = 'examples/brackenford-unitary-2025.answers.yaml';

maybe('interview --from in a real terminal', () => {
  /** Runs the built binary in a new tmux session; the shell writes its exit code to a file when it ends. */
  const start = (dir: string, session: string, args: string) => {
    const exitFile = join(dir, `${session}.exit`);
    const command = `NO_COLOR=1 ${process.execPath} ${bin} interview ${args}; echo $? > ${exitFile}; sleep 60`; // sleep: keep the screen to read
    tmux('new-session', '-d', '-s', session, '-x', '140', '-y', '60', '-c', dir, command);
    return exitFile;
  };
  const type = (session: string, text: string) => {
    if (text !== '') tmux('send-keys', '-t', session, '-l', text);
    tmux('send-keys', '-t', session, 'Enter');
  };
  /** A folder with last year's example file in it, at the path the README names. */
  const folder = () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'examples'));
    copyFileSync(join(root, LAST), join(dir, LAST));
    return dir;
  };

  test('confirm two, change one, Ctrl-C (130): exactly those three answers, valid, scored as hand-worked', async () => {
    const dir = folder();
    const lastText = readFileSync(join(dir, LAST), 'utf8');
    const { rubric } = await loadRubric('eight-characteristics');
    const unitary = { name: 'Brackenford Borough Council', type: 'unitary' };
    const keys = rubric.characteristics.flatMap((c) => c.indicators.filter((i) => isApplicable(i, unitary)).map((i) => indicatorKey(c, i)));
    const n = keys.length;
    expect(keys.slice(0, 4)).toEqual(['intent.strategic-plans', 'intent.defined-approach', 'intent.budget-and-demand', 'intent.service-trap']);
    const question = (q: number, last: string) =>
      new RegExp(`Intent · question ${q} of ${n} ──[\\s\\S]*Last year \\(2025-10-09\\): ${last}\\n[\\s\\S]*❯ ${last}`);

    const exit = start(dir, 'carry', `--from ${LAST} --answers brackenford-2026.answers.yaml --assessor "Head of Communities"`);
    await waitFor('carry', question(1, '2 Developing'), 'question 1 on last year\'s 2');
    expect(screen('carry')).not.toContain("What is the council's name?");
    expect(screen('carry')).not.toContain('What type of council is this?');
    tmux('send-keys', '-t', 'carry', 'Enter'); // confirm 2
    await waitFor('carry', /^\? Evidence \(optional; press Enter to skip\):\s*$/m, 'the evidence prompt of question 1');
    type('carry', '');
    await waitFor('carry', question(2, '2 Developing'), 'question 2 on last year\'s 2');
    tmux('send-keys', '-t', 'carry', 'Enter'); // confirm 2
    await waitFor('carry', /^\? Evidence \(optional; press Enter to skip\):\s*$/m, 'the evidence prompt of question 2');
    type('carry', '');
    await waitFor('carry', question(3, '1 Emerging'), 'question 3 on last year\'s 1');
    tmux('send-keys', '-t', 'carry', 'Down');
    tmux('send-keys', '-t', 'carry', 'Down');
    tmux('send-keys', '-t', 'carry', 'Enter'); // 1 -> 3 Embedded
    await waitFor('carry', /^\? Evidence \(optional; press Enter to skip\):\s*$/m, 'the evidence prompt of question 3');
    type('carry', 'Budget 2026/27, p. 12');
    await waitFor('carry', question(4, '2 Developing'), 'question 4 on last year\'s 2');
    tmux('send-keys', '-t', 'carry', 'C-c');
    expect(await waitForFile(exit)).toBe('130');
    expect(lines('carry')).toEqual(
      expect.arrayContaining([
        `Stopped. 3 of ${n} answers are saved in brackenford-2026.answers.yaml`,
        `To carry on where you left off: council-resilience interview --answers brackenford-2026.answers.yaml --from ${LAST}`,
      ]),
    );

    const saved = await loadAnswers(join(dir, 'brackenford-2026.answers.yaml'));
    expect(saved.answers.answers).toEqual({
      'intent.strategic-plans': 2,
      'intent.defined-approach': 2,
      'intent.budget-and-demand': { score: 3, evidence: 'Budget 2026/27, p. 12' },
    });
    const last = await loadAnswers(join(dir, LAST));
    expect(saved.answers.answers['intent.strategic-plans']).toBe(last.answers.answers['intent.strategic-plans']);
    expect(saved.answers.answers['intent.defined-approach']).toBe(last.answers.answers['intent.defined-approach']);
    expect(last.answers.answers['intent.budget-and-demand']).toBe(1);
    expect(saved.answers.council).toEqual(unitary);
    expect(saved.answers.rubric).toBe('eight-characteristics');
    expect(saved.answers.assessor).toBe('Head of Communities');
    expect(saved.answers.assessedOn).not.toBe('2025-10-09');
    expect(saved.answers.assessedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(readFileSync(join(dir, LAST), 'utf8')).toBe(lastText);

    const validated = cli(['validate', 'brackenford-2026.answers.yaml'], { cwd: dir });
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    const assessed = cli(['assess', 'brackenford-2026.answers.yaml', '--format', 'json'], { cwd: dir });
    expect(assessed.code).toBe(0);
    const report = JSON.parse(assessed.stdout) as { overall: { score: number }; characteristics: { id: string; score: number | null }[] };
    // intent, four indicators of weight 1, three answered: (2 + 2 + 3) / (3 x 3) = 7/9; the other seven not assessed yet.
    expect(report.characteristics.find((c) => c.id === 'intent')!.score).toBeCloseTo((100 * 7) / 9, 10);
    expect(report.characteristics.filter((c) => c.id !== 'intent').map((c) => c.score)).toEqual([null, null, null, null, null, null, null]);
    expect(report.overall.score).toBeCloseTo((100 * 7) / 9, 10);
  });

  test('last year\'s evidence is shown and offered with its control characters made visible; Enter keeps it', async () => {
    const dir = folder();
    const hostile = readFileSync(join(dir, LAST), 'utf8').replace('"Ward forums in 14 of 21 wards"', '"Ward forums \\e[31min 14\\e[0m of 21 wards"');
    writeFileSync(join(dir, 'last.answers.yaml'), hostile);
    const exit = start(dir, 'evidence', '--from last.answers.yaml --answers new.answers.yaml --only approach.ward-forums --assessor X');
    await waitFor('evidence', /Last year \(2025-10-09\): 2 Developing\n\s+Evidence: Ward forums \\x1b\[31min 14\\x1b\[0m of 21 wards[\s\S]*❯ 2 Developing/, 'the question');
    tmux('send-keys', '-t', 'evidence', 'Enter');
    await waitFor(
      'evidence',
      /Evidence \(press Enter to keep last year's; Backspace, then Enter, for none\): \(Ward forums \\x1b\[31min 14\\x1b\[0m of 21 wards\)\s*$/m,
      'the evidence prompt with last year\'s evidence as its default',
    );
    tmux('send-keys', '-t', 'evidence', 'Enter');
    await waitFor('evidence', new RegExp(/Compared with last year \(last\.answers\.yaml, 2025-10-09\): 0 questions went up, 0 went down, 1 stayed the same, 0 are new/.source.replace(/ /g, '\\s+')), 'the end screen');
    tmux('send-keys', '-t', 'evidence', 'Enter'); // Finish
    expect(await waitForFile(exit)).toBe('0');
    expect(lines('evidence')).toContain('Every change from last year: council-resilience compare last.answers.yaml new.answers.yaml');
    const saved = await loadAnswers(join(dir, 'new.answers.yaml'));
    expect(saved.answers.answers).toEqual({ 'approach.ward-forums': { score: 2, evidence: 'Ward forums \u001b[31min 14\u001b[0m of 21 wards' } });
  });
});

// The tmux server is this file's own: stopped when the file's tests are done, passed or not.
afterAll(() => kill());
