// Issue 14, item 5: `interview --from LAST.yaml`, driven through its prompts. Last year's answers are
// offered (the default choice and evidence) and written only when confirmed or changed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runInterviewCommand, type InterviewCommandOptions } from '../../src/cli/actions/interview.js';
import { assess } from '../../src/core/score.js';
import { loadAnswers, loadRubric } from '../../src/io/load.js';
import type { Choice, Prompter } from '../../src/interview/prompter.js';
import { bin, cli, fixtures, tempDir } from '../helpers.js';
import { captureStderr, Interrupted } from '../interview/scripted-prompter.js';

const carry = (name: string) => join(fixtures, 'cycle', 'carry', name);
const LAST = carry('last.answers.yaml');
const rubricFile = join(fixtures, 'rubrics', 'weighted.yaml');
const DATE = () => '2026-10-14';
/** Enter on a prompt: the default choice or text. */
const ENTER = '⏎';

interface Asked {
  kind: 'select' | 'input' | 'confirm';
  message: string;
  default?: unknown;
}

/** A scripted person who can press Enter on a list; records every prompt with its default. */
function person(script: (string | number | boolean | null)[]) {
  const asked: Asked[] = [];
  const said: string[] = [];
  const next = (a: Asked) => {
    asked.push(a);
    if (script.length === 0) throw new Interrupted('User force closed the prompt with SIGINT');
    return script.shift();
  };
  const prompter: Prompter = {
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
      const want = next({ kind: 'select', message: o.message, ...(o.default !== undefined && { default: o.default }) });
      if (want === ENTER) {
        if (o.default === undefined) throw new Error(`Enter on "${o.message}", which has no default`);
        return o.default;
      }
      const choice = o.choices.find((c) => c.name === want || c.value === want);
      if (!choice) throw new Error(`script says ${String(want)} but the choices for "${o.message}" are ${o.choices.map((c) => c.name).join(' | ')}`);
      return choice.value;
    },
    async input(o: { message: string; default?: string }): Promise<string> {
      const typed = next({ kind: 'input', message: o.message, ...(o.default !== undefined && { default: o.default }) });
      return typed === ENTER || typed === '' ? (o.default ?? '') : String(typed);
    },
    async confirm(o: { message: string; default?: boolean }): Promise<boolean> {
      const typed = next({ kind: 'confirm', message: o.message });
      return typed === ENTER ? o.default === true : typed === true;
    },
    // Lines as they would read unwrapped (the interview wraps long ones at 78 columns).
    say: (text) => said.push(text.replace(/\n */g, ' ')),
  };
  const questions = () => asked.filter((a) => a.kind === 'select' && /^[A-D] (one|two|three)$/.test(a.message));
  return { prompter, asked, said, questions, left: () => script.length };
}

const run = (script: Parameters<typeof person>[0], options: Partial<InterviewCommandOptions>) => {
  const p = person(script);
  return { ...p, code: runInterviewCommand({ color: false, assessor: 'Tester', from: LAST, ...options }, p.prompter, DATE) };
};

const stderr = captureStderr();
const KEPT_EVIDENCE = "Evidence (press Enter to keep last year's; Backspace, then Enter, for none):";
const NO_EVIDENCE = 'Evidence (optional; press Enter to skip):';

describe('interview --from: last year is offered, not written', () => {
  test('every question starts on last year\'s answer and evidence, and nothing else is asked', async () => {
    const path = join(tempDir(), 'new.answers.yaml');
    const r = run([ENTER, ENTER], { answers: path });
    expect(await r.code).toBe(130);
    // No council name, no profile question, no assessor (given): the first prompt is the first question.
    expect(r.asked).toEqual([
      { kind: 'select', message: 'A one', default: 2 },
      { kind: 'input', message: KEPT_EVIDENCE, default: 'Corporate plan 2025, p. 4' },
      { kind: 'select', message: 'A two', default: 1 },
    ]);
    expect(r.said).toEqual(
      expect.arrayContaining([
        `Starting from last year's answers in ${LAST} (Carryford Council, 2025-10-09): each question starts on last year's answer; press Enter to keep it, or choose another. Only what you confirm or change is saved.`,
        'Last year (2025-10-09): 2 Most',
        '  Evidence: Corporate plan 2025, p. 4',
        'Last year (2025-10-09): 1 Some',
      ]),
    );
    expect(r.said.join('\n')).not.toContain('combines several');
    // Ctrl-C at the second question: only the confirmed first answer is in the new file, without last year's confidence.
    const saved = await loadAnswers(path);
    expect(saved.answers.answers).toEqual({ 'alpha.a1': { score: 2, evidence: 'Corporate plan 2025, p. 4' } });
    expect(saved.answers.council).toEqual({ name: 'Carryford Council', type: 'unitary' });
    expect(saved.answers.assessedOn).toBe('2026-10-14');
    expect(saved.answers.assessor).toBe('Tester');
    expect(saved.answers.rubric).toBe(relative(join(path, '..'), rubricFile));
    expect(saved.rubric.rubric.id).toBe('weighted');
  });

  test('confirm two, change one, Ctrl-C: exactly those three answers, scored as hand-worked', async () => {
    const path = join(tempDir(), 'three.answers.yaml');
    const lastText = readFileSync(LAST, 'utf8');
    // a1: Enter, Enter (2, last year's evidence); a2: 1 -> 2, no evidence; a3: Enter (3), own evidence.
    const r = run([ENTER, ENTER, '2 Most', ENTER, ENTER, 'Housing plan 2026'], { answers: path });
    expect(await r.code).toBe(130);
    expect(r.questions().map((q) => [q.message, q.default])).toEqual([
      ['A one', 2],
      ['A two', 1],
      ['A three', 3],
      ['B one', 'unknown'],
    ]);
    expect(r.asked.filter((a) => a.kind === 'input').map((a) => a.message)).toEqual([KEPT_EVIDENCE, NO_EVIDENCE, NO_EVIDENCE]);
    expect(stderr.text()).toBe(
      `\nStopped. 3 of 7 answers are saved in ${path}\nTo carry on where you left off: council-resilience interview --answers ${path} --from ${LAST}\n`,
    );
    const saved = await loadAnswers(path);
    expect(saved.warnings).toEqual([]);
    expect(saved.answers.answers).toEqual({
      'alpha.a1': { score: 2, evidence: 'Corporate plan 2025, p. 4' },
      'alpha.a2': 2,
      'alpha.a3': { score: 3, evidence: 'Housing plan 2026' },
    });
    // alpha (weights 1, 2, 1): (2 + 2*2 + 3) / (3 * 4) = 9/12 = 75; beta and delta: nothing answered yet.
    const a = assess(saved.rubric.rubric, saved.answers);
    expect(a.characteristics.map((c) => [c.id, c.score])).toEqual([
      ['alpha', 75],
      ['beta', null],
      ['gamma', null],
      ['delta', null],
    ]);
    expect(readFileSync(LAST, 'utf8')).toBe(lastText);
    const validated = cli(['validate', path]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
  });

  test('a full run: the end screen counts what went up, down, stayed and is new, as worked by hand', async () => {
    const path = join(tempDir(), 'full.answers.yaml');
    const r = run(
      [
        ENTER, ENTER, // a1: 2 -> 2, evidence kept
        '2 Most', ENTER, // a2: 1 -> 2 (up)
        '1 Some', ENTER, // a3: 3 -> 1 (down)
        ENTER, 'Finance asked', // b1: Don't know -> Don't know (the same)
        '3 All', ENTER, // b2: 2 -> 3 (up), last year's evidence kept
        '2 Most', ENTER, // d1: n/a -> 2
        '1 Some', ENTER, // d2: not answered last year -> 1 (new)
        'Finish and show the report',
      ],
      { answers: path },
    );
    expect(await r.code).toBe(0);
    expect(r.left()).toBe(0);
    expect(r.said).toEqual(
      expect.arrayContaining([
        'Last year: not answered.',
        `Compared with last year (${LAST}, 2025-10-09): 2 questions went up, 1 went down, 2 stayed the same, 1 is new, 1 changed to or from Don't know or Not applicable`,
        '  Went up: alpha.a2 (1 → 2), beta.b2 (2 → 3)',
        '  Went down: alpha.a3 (3 → 1)',
        `Your answers are saved in ${path}`,
        `Every change from last year: council-resilience compare ${LAST} ${path}`,
      ]),
    );
    // The d2 question had nothing to offer.
    expect(r.questions().find((q) => q.message === 'D two')).toEqual({ kind: 'select', message: 'D two' });
    const saved = await loadAnswers(path);
    expect(saved.answers.answers).toEqual({
      'alpha.a1': { score: 2, evidence: 'Corporate plan 2025, p. 4' },
      'alpha.a2': 2,
      'alpha.a3': 1,
      'beta.b1': { score: 'unknown', evidence: 'Finance asked' },
      'beta.b2': { score: 3, evidence: 'Budget book 2025' },
      'delta.d1': 2,
      'delta.d2': 1,
    });
    // `compare LAST new` agrees: the same two up, one down and one new.
    const compared = cli(['compare', LAST, path, '--format', 'json']);
    expect(compared.code).toBe(0);
    const json = JSON.parse(compared.stdout) as Record<string, { key: string }[]>;
    expect([json.improved, json.regressed, json.newlyAssessed].map((rows) => rows!.map((row) => row.key))).toEqual([
      ['alpha.a2', 'beta.b2'],
      ['alpha.a3'],
      ['delta.d2'],
    ]);
  });

  test('a question revisited at the end starts on this year\'s answer, with last year\'s shown', async () => {
    const path = join(tempDir(), 'revisit.answers.yaml');
    const all = [ENTER, ENTER, '0 None', ENTER, ENTER, ENTER, ENTER, ENTER, ENTER, ENTER, ENTER, ENTER, '3 All', ENTER];
    const r = run([...all, 'Revisit Alpha', ENTER, ENTER], { answers: path });
    expect(await r.code).toBe(130);
    // a2 was changed to 0 this year: the revisit offers 0, not last year's 1.
    expect(r.questions().filter((q) => q.message === 'A two').map((q) => q.default)).toEqual([1, 0]);
    expect(r.said).toEqual(
      expect.arrayContaining([
        `Compared with last year (${LAST}, 2025-10-09): 0 questions went up, 1 went down, 5 stayed the same, 1 is new`,
        '  Went down: alpha.a2 (1 → 0)',
      ]),
    );
    expect(r.said.join('\n')).not.toContain('Went up');
  });
});

describe('interview --from with --only and with resume', () => {
  test('--only alpha: just those questions, each on last year\'s answer; the end screen counts them', async () => {
    const path = join(tempDir(), 'only.answers.yaml');
    const r = run([ENTER, ENTER, '0 None', ENTER, ENTER, ENTER, 'Finish and show the report'], { answers: path, only: 'alpha' });
    expect(await r.code).toBe(0);
    expect(r.questions().map((q) => [q.message, q.default])).toEqual([
      ['A one', 2],
      ['A two', 1],
      ['A three', 3],
    ]);
    expect(r.said).toEqual(
      expect.arrayContaining([
        `Compared with last year (${LAST}, 2025-10-09): 0 questions went up, 1 went down, 2 stayed the same, 0 are new`,
        '  Went down: alpha.a2 (1 → 0)',
        '3 of 3 chosen questions (--only alpha) are answered.',
      ]),
    );
    expect((await loadAnswers(path)).answers.answers).toEqual({
      'alpha.a1': { score: 2, evidence: 'Corporate plan 2025, p. 4' },
      'alpha.a2': 0,
      'alpha.a3': 3,
    });
  });

  test('a half-done file carried on with --from again: the unanswered questions still start on last year\'s', async () => {
    const path = join(tempDir(), 'resume.answers.yaml');
    const first = run([ENTER, ENTER, '3 All', ENTER], { answers: path });
    expect(await first.code).toBe(130);
    const second = run([ENTER, ENTER], { answers: path, assessor: undefined });
    expect(await second.code).toBe(130);
    expect(second.said).toEqual(
      expect.arrayContaining([`Carrying on with ${path} (Carryford Council).`, '2 of 7 questions are already answered; 5 to go.']),
    );
    // The assessor is in the file already; the first question asked is a3, on last year's 3.
    expect(second.asked[0]).toEqual({ kind: 'select', message: 'A three', default: 3 });
    expect(second.questions().map((q) => [q.message, q.default])).toEqual([
      ['A three', 3],
      ['B one', 'unknown'],
    ]);
    const saved = await loadAnswers(path);
    expect(saved.answers.answers).toEqual({ 'alpha.a1': { score: 2, evidence: 'Corporate plan 2025, p. 4' }, 'alpha.a2': 3, 'alpha.a3': 3 });
    expect(saved.answers.assessor).toBe('Tester');
  });

  test('the same half-done file carried on without --from offers nothing', async () => {
    const path = join(tempDir(), 'plain.answers.yaml');
    expect(await run([ENTER, ENTER], { answers: path }).code).toBe(130);
    const p = person(['2 Most']);
    expect(await runInterviewCommand({ color: false, answers: path }, p.prompter, DATE)).toBe(130);
    expect(p.asked[0]).toEqual({ kind: 'select', message: 'A two' });
    expect(p.said.join('\n')).not.toContain('Last year');
  });

  test('a combined file: its combined scores are offered, and that is said once', async () => {
    const path = join(tempDir(), 'from-combined.answers.yaml');
    const r = run([ENTER, ENTER, ENTER], { answers: path, from: carry('combined.answers.yaml') });
    expect(await r.code).toBe(130);
    expect(r.said.filter((l) => l.includes('combines'))).toEqual([
      `${carry('combined.answers.yaml')} combines several assessors' views: each question starts on its combined score.`,
    ]);
    expect(r.asked.slice(0, 3)).toEqual([
      { kind: 'select', message: 'A one', default: 1 },
      { kind: 'input', message: KEPT_EVIDENCE, default: 'Agreed at moderation' },
      { kind: 'select', message: 'A two', default: 2 },
    ]);
    const saved = await loadAnswers(path);
    // A county, as last year: no views, no assessors list copied; only the confirmed a1 and a2's level.
    expect(saved.answers.council).toEqual({ name: 'Carryford Council', type: 'county' });
    expect(saved.answers.assessors).toBeUndefined();
    expect(saved.answers.answers).toEqual({ 'alpha.a1': { score: 1, evidence: 'Agreed at moderation' }, 'alpha.a2': 2 });
  });
});

describe('interview --from refuses, before anything is asked or written (exit 2)', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  if (!hasScript && process.env.CI === 'true') throw new Error('script(1) is required in CI');
  if (!hasScript) console.warn('SKIPPED: the interview --from refusals need script(1) (util-linux) for a terminal; they run in CI.');
  /** The built binary in a terminal (script(1) gives it one): what the screen shows, and the exit code. */
  const terminal = (args: string, cwd: string) => {
    const r = spawnSync('script', ['-qec', `NO_COLOR=1 ${process.execPath} ${bin} interview ${args}`, '/dev/null'], {
      encoding: 'utf8',
      timeout: 20000,
      input: '',
      cwd,
    });
    return { screen: r.stdout.replace(/\r/g, ''), code: r.status };
  };
  const maybe = hasScript ? test : test.skip;

  maybe('--answers naming last year\'s file itself', () => {
    const dir = tempDir();
    const last = join(dir, 'last.answers.yaml');
    const text = readFileSync(LAST, 'utf8').replace('../../rubrics/weighted.yaml', rubricFile);
    writeFileSync(last, text);
    const r = terminal(`--from ${last} --answers ${last} --assessor X`, dir);
    expect(r.screen).toBe(
      `error: --answers ${last} is last year's file (--from ${last}); it is never written over: choose another file for this year's answers with --answers\n`,
    );
    expect(r.code).toBe(2);
    // Another name for the same file is refused as well.
    const other = terminal(`--from last.answers.yaml --answers ./sub/../last.answers.yaml --assessor X`, dir);
    expect(other.screen).toBe(
      `error: --answers ./sub/../last.answers.yaml is last year's file (--from last.answers.yaml); it is never written over: choose another file for this year's answers with --answers\n`,
    );
    expect(other.code).toBe(2);
    expect(readFileSync(last, 'utf8')).toBe(text);
  });

  maybe('the name from the council\'s name that is last year\'s file', () => {
    const dir = tempDir();
    const last = join(dir, 'carryford-council.answers.yaml');
    const text = readFileSync(LAST, 'utf8').replace('../../rubrics/weighted.yaml', rubricFile);
    writeFileSync(last, text);
    const r = terminal(`--from carryford-council.answers.yaml --assessor X`, dir);
    expect(r.screen).toBe(
      `error: this year's answers would be saved in carryford-council.answers.yaml (from the council's name), which is last year's file (--from carryford-council.answers.yaml); it is never written over: choose another file for this year's answers with --answers\n`,
    );
    expect(r.code).toBe(2);
    expect(readFileSync(last, 'utf8')).toBe(text);
  });

  maybe('a --rubric other than the one last year\'s file names, naming both', async () => {
    const dir = tempDir();
    const r = terminal(`--from ${LAST} --rubric eight-characteristics --answers new.answers.yaml --assessor X`, dir);
    const { version } = (await loadRubric('eight-characteristics')).rubric;
    expect(r.screen).toBe(
      `error: --rubric eight-characteristics is "eight-characteristics" version ${version} (the built-in rubric), but ${LAST} (--from) was answered on "weighted" version 0.1.0 (rubric ${rubricFile}); last year's answers are carried forward on the rubric they answered, so leave out --rubric\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'new.answers.yaml'))).toBe(false);
    // The same rubric named with --rubric is no mistake.
    const same = person([]);
    return expect(runInterviewCommand({ color: false, assessor: 'X', from: LAST, rubric: rubricFile, answers: join(dir, 'same.answers.yaml') }, same.prompter, DATE)).resolves.toBe(130);
  });

  maybe('an invalid last year\'s file: its located errors', () => {
    const dir = tempDir();
    const r = terminal(`--from ${carry('invalid.answers.yaml')} --answers new.answers.yaml --assessor X`, dir);
    expect(r.screen).toBe(
      `${carry('invalid.answers.yaml')}:8:13: alpha.a1: 5 is not on the scale 0-3\n` +
        `${carry('invalid.answers.yaml')}:9:3: alpha.a9: not an indicator of rubric "weighted"; did you mean "alpha.a1"?\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'new.answers.yaml'))).toBe(false);
  });

  maybe('a half-done file of another council carried on with --from', () => {
    const dir = tempDir();
    const other = join(dir, 'other.answers.yaml');
    copyFileSync(carry('last.answers.yaml'), other);
    writeFileSync(other, readFileSync(other, 'utf8').replace('../../rubrics/weighted.yaml', rubricFile).replace('Carryford Council', 'Otherton Council'));
    const before = readFileSync(other, 'utf8');
    const r = terminal(`--from ${LAST} --answers ${other} --assessor X`, dir);
    expect(r.screen).toBe(
      `error: ${other} is for "Otherton Council", but ${LAST} (--from) is for "Carryford Council"; choose another file for this year's answers with --answers\n`,
    );
    expect(r.code).toBe(2);
    expect(readFileSync(other, 'utf8')).toBe(before);
  });
});

