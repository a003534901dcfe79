// The accessible prompter (--accessible, ACCESSIBLE=1) in-process, with the typed lines as a stream:
// how each kind of question is numbered, the answer said back, ?, bad entries, back, defaults,
// Ctrl-D, and whole interviews and moderation sessions that save and score exactly what was typed.
import { PassThrough } from 'node:stream';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInterviewCommand } from '../../src/cli/actions/interview.js';
import { runModerate } from '../../src/cli/actions/moderate.js';
import { wantsAccessible } from '../../src/cli/terminal-session.js';
import { styleFor } from '../../src/cli/colour.js';
import { accessiblePrompter, allowedKeys, keyChoices } from '../../src/interview/accessible.js';
import { viewsOf } from '../../src/interview/moderation.js';
import { BACK, isInterrupt, SKIP, type Choice } from '../../src/interview/prompter.js';
import type { Style } from '../../src/render/style.js';
import { assess } from '../../src/core/score.js';
import { loadAnswers } from '../../src/io/load.js';
import { fixtures, tempDir } from '../helpers.js';
import { typing } from './line-feeder.js';
import { captureStderr } from './scripted-prompter.js';

const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
const stderr = captureStderr();

const levels: Choice<unknown>[] = [
  { name: '0 None', value: 0, description: 'Nothing in place.' },
  { name: '1 Some', value: 1, description: 'A few services.' },
  { name: '2 Most', value: 2, description: 'Most services, written down.' },
  { name: '3 All', value: 3, description: 'Every service, reviewed each year.' },
];
const scale: Choice<unknown>[] = [
  ...levels,
  { name: "Don't know", value: 'unknown', description: 'Counted as 0 and flagged in the report until answered.' },
  { name: 'Not applicable', value: 'n/a', description: 'Left out of the scores.' },
  { name: '← Back to the previous question', value: BACK },
];

describe('numbering: what is typed for each kind of question', () => {
  const keys = (choices: { name: string; value: unknown }[]) => keyChoices(choices).map((k) => `${k.key}=${k.words}`);

  test('a level: the scale by its own values, d, n and b; the arrow of Back is not read out', () => {
    expect(keys(scale)).toEqual(['0=0 None', '1=1 Some', '2=2 Most', '3=3 All', "d=Don't know", 'n=Not applicable', 'b=Back to the previous question']);
  });

  test('a scale that starts at 1 (the target) keeps its values: "1" is level 1, not the first line', () => {
    const target = [...levels.slice(1), { name: '← Back to the level for this question', value: BACK }];
    expect(keys(target)).toEqual(['1=1 Some', '2=2 Most', '3=3 All', 'b=Back to the level for this question']);
    // A scale of 1 to 5 with gaps is still its own numbers.
    expect(keys([{ name: '1 Low', value: 1 }, { name: '3 Mid', value: 3 }, { name: '5 High', value: 5 }]).map((k) => k.split('=')[0])).toEqual(['1', '3', '5']);
    expect(allowedKeys(['1', '3', '5', 'b'])).toBe('1, 3, 5 or b');
  });

  test("moderation's agreed level: Skip for now is s, Back b", () => {
    const agreed = [...scale.slice(0, 6), { name: 'Skip for now', value: SKIP }, { name: '← Back to the previous indicator', value: BACK }];
    expect(keys(agreed).map((k) => k.split('=')[0])).toEqual(['0', '1', '2', '3', 'd', 'n', 's', 'b']);
    expect(allowedKeys(keyChoices(agreed).map((k) => k.key))).toBe('0 to 3, d, n, s or b');
  });

  test('a profile field: its options numbered from 1, "Don\'t know / prefer not to say" (null) is d', () => {
    const profile = [
      { name: 'County', value: 'county' },
      { name: 'Unitary', value: 'unitary' },
      { name: 'Metropolitan district', value: 'metropolitan-district' },
      { name: "Don't know / prefer not to say", value: null },
    ];
    expect(keys(profile)).toEqual(['1=County', '2=Unitary', '3=Metropolitan district', "d=Don't know / prefer not to say"]);
  });

  test('a list of words (the review, a confidence): numbered from 1; "unknown" there is an option like any other', () => {
    expect(keys([{ name: 'Finish and show the report', value: 'finish' }, { name: 'Revisit Alpha', value: 'alpha' }, { name: 'Revisit Beta', value: 'beta' }])).toEqual([
      '1=Finish and show the report',
      '2=Revisit Alpha',
      '3=Revisit Beta',
    ]);
    expect(keys([{ name: 'Low', value: 'low' }, { name: 'Medium', value: 'medium' }, { name: 'High', value: 'high' }, { name: 'Unknown', value: 'unknown' }])).toEqual([
      '1=Low',
      '2=Medium',
      '3=High',
      '4=Unknown',
    ]);
  });
});

describe('a question, as it is printed and answered', () => {
  test('printed once as a numbered list; the answer typed by number and said back in words', async () => {
    const t = typing(['2']);
    expect(await t.prompter.select({ message: 'The council works with community groups', choices: scale })).toBe(2);
    expect(t.output()).toBe(
      'The council works with community groups\n' +
        '  0  None\n  1  Some\n  2  Most\n  3  All\n  d  Don\'t know\n  n  Not applicable\n  b  Back to the previous question\n' +
        'Type 0 to 3, d, n or b and press Enter (? for help): ' +
        'You chose 2 Most.\n',
    );
  });

  test('letters and words: d is Don\'t know, n Not applicable, b Back; a label typed in full is taken too; case does not matter', async () => {
    for (const [typed, value] of [['d', 'unknown'], ['N', 'n/a'], ['b', BACK], ['most', 2], [' 3 ', 3], ["Don't know", 'unknown']] as const) {
      const t = typing([typed]);
      expect(await t.prompter.select({ message: 'Q', choices: scale })).toBe(value);
    }
  });

  test('? prints the level descriptors and the question again, then asks again; the list itself is not redrawn', async () => {
    const t = typing(['?', '1']);
    t.prompter.say('── Alpha · question 1 of 7 ──');
    t.prompter.say('What to look for: the plan.');
    expect(await t.prompter.select({ message: 'A one', choices: scale })).toBe(1);
    const out = t.output();
    expect(out).toBe(
      'Alpha, question 1 of 7\nWhat to look for: the plan.\nA one\n' +
        '  0  None\n  1  Some\n  2  Most\n  3  All\n  d  Don\'t know\n  n  Not applicable\n  b  Back to the previous question\n' +
        'Type 0 to 3, d, n or b and press Enter (? for help): ' +
        '\nHelp:\nAlpha, question 1 of 7\nWhat to look for: the plan.\nA one\n' +
        '  0 None: Nothing in place.\n  1 Some: A few services.\n  2 Most: Most services, written down.\n  3 All: Every service, reviewed each year.\n' +
        "  d Don't know: Counted as 0 and flagged in the report until answered.\n  n Not applicable: Left out of the scores.\n  b Back to the previous question\n" +
        'Type the number or letter of your choice, then press Enter; b goes back.\n' +
        'Type 0 to 3, d, n or b and press Enter (? for help): ' +
        'You chose 1 Some.\n',
    );
  });

  test('a long descriptor in help is wrapped between words, under its level', async () => {
    const t = typing(['?', '0'], { width: 40 });
    await t.prompter.select({ message: 'Q', choices: [{ name: '0 None', value: 0, description: 'There is no written plan and nobody is asked to make one.' }] });
    expect(t.output()).toContain('  0 None: There is no written plan and\n    nobody is asked to make one.\n');
  });

  test('an entry that is not a choice says what is allowed and asks again; so does Enter with no default', async () => {
    const t = typing(['7', '', 'x', '0']);
    expect(await t.prompter.select({ message: 'Q', choices: scale.slice(0, 6) })).toBe(0);
    const after = t.output().split('(? for help): ').slice(1);
    expect(after).toEqual([
      '"7" is not one of the choices: type 0 to 3, d or n (? for help).\nType 0 to 3, d or n and press Enter ',
      'Please type 0 to 3, d or n, then press Enter (? for help).\nType 0 to 3, d or n and press Enter ',
      '"x" is not one of the choices: type 0 to 3, d or n (? for help).\nType 0 to 3, d or n and press Enter ',
      'You chose 0 None.\n',
    ]);
    expect(t.output().match(/ {2}3 {2}All/g)).toHaveLength(1);
  });

  test('a default: Enter alone chooses it, and the prompt says which it is', async () => {
    const t = typing(['']);
    expect(await t.prompter.select({ message: 'Q', choices: scale, default: 'n/a' })).toBe('n/a');
    expect(t.output()).toContain('Type 0 to 3, d, n or b and press Enter (Enter alone: Not applicable; ? for help): You chose Not applicable.\n');
  });

  test('text: the question on one line; with a current value, it is shown, Enter keeps it and - clears it', async () => {
    const t = typing(['Plan p. 4', '', '-', 'New text']);
    expect(await t.prompter.input({ message: 'Evidence (optional; press Enter to skip):' })).toBe('Plan p. 4');
    expect(await t.prompter.input({ message: 'Evidence:', default: 'Minutes, 3 March' })).toBe('Minutes, 3 March');
    expect(await t.prompter.input({ message: 'Evidence:', default: 'Minutes, 3 March' })).toBe('');
    expect(await t.prompter.input({ message: 'Evidence:', default: 'Minutes, 3 March' })).toBe('New text');
    expect(t.output()).toBe(
      'Evidence (optional; press Enter to skip): Evidence saved: Plan p. 4\n' +
        'Evidence:\nCurrent answer: Minutes, 3 March\nPress Enter to keep it, type - for none, or type a new answer: Kept: Minutes, 3 March\n' +
        'Evidence:\nCurrent answer: Minutes, 3 March\nPress Enter to keep it, type - for none, or type a new answer: Cleared.\n' +
        'Evidence:\nCurrent answer: Minutes, 3 March\nPress Enter to keep it, type - for none, or type a new answer: Evidence saved: New text\n',
    );
  });

  test('a required answer: Enter alone says one is needed and asks again; - is not a way to clear it', async () => {
    const t = typing(['', '?', 'Brackenford', '-']);
    expect(await t.prompter.input({ message: "What is the council's name?", required: true })).toBe('Brackenford');
    expect(await t.prompter.input({ message: 'Reason (needed):', required: true, default: 'Old reason' })).toBe('-');
    expect(t.output()).toBe(
      "What is the council's name? An answer is needed: type it, then press Enter.\n" +
        "What is the council's name? Type your answer, then press Enter. An answer is needed.\n" +
        "What is the council's name? You typed: Brackenford\n" +
        'Reason (needed):\nCurrent answer: Old reason\nPress Enter to keep it, or type a new answer: Reason saved: -\n',
    );
  });

  test('yes or no: y, yes, n, no, Enter for the default; anything else asks again', async () => {
    const t = typing(['', 'maybe', 'NO', 'yes']);
    expect(await t.prompter.confirm({ message: 'a.yaml already exists. Carry on from where it stopped?', default: true })).toBe(true);
    expect(await t.prompter.confirm({ message: 'Start again and replace a.yaml? Its answers will be lost.', default: false })).toBe(false);
    expect(await t.prompter.confirm({ message: 'Sure?' })).toBe(true);
    expect(t.output()).toBe(
      'a.yaml already exists. Carry on from where it stopped? (y or n; Enter alone: yes): You chose yes.\n' +
        'Start again and replace a.yaml? Its answers will be lost. (y or n; Enter alone: no): Please type y for yes or n for no.\n' +
        'Start again and replace a.yaml? Its answers will be lost. (y or n; Enter alone: no): You chose no.\n' +
        'Sure? (y or n): You chose yes.\n',
    );
  });

  test('the end of the input (Ctrl-D) and the signal (Ctrl-C) stop the question as an interrupt', async () => {
    const t = typing([]);
    const eof = await t.prompter.input({ message: 'Name?' }).catch((e: unknown) => e);
    expect(isInterrupt(eof)).toBe(true);
    expect((eof as Error).name).toBe('ExitPromptError');
    const stop = new AbortController();
    const u = typing([], { end: false, signal: stop.signal });
    const pending = u.prompter.select({ message: 'Q', choices: scale }).catch((e: unknown) => e);
    stop.abort();
    const aborted = await pending;
    expect(isInterrupt(aborted)).toBe(true);
    expect((aborted as Error).name).toBe('AbortPromptError');
    // Once stopped, every later question stops at once.
    expect(isInterrupt(await u.prompter.confirm({ message: 'Again?' }).catch((e: unknown) => e))).toBe(true);
    u.prompter.close();
  });

  test('text typed without Enter before Ctrl-D is not taken as an answer', async () => {
    const input = new PassThrough();
    input.end('2\n3');
    const p = accessiblePrompter({ input, write: () => undefined });
    expect(await p.select({ message: 'Q1', choices: scale })).toBe(2);
    expect(isInterrupt(await p.select({ message: 'Q2', choices: scale }).catch((e: unknown) => e))).toBe(true);
  });

  test('lines that come in one burst (a paste) answer only the question waiting; the rest are set aside and said, not taken as later answers', async () => {
    const input = new PassThrough();
    let out = '';
    const p = accessiblePrompter({ input, write: (t) => void (out += t) });
    const q1 = p.select({ message: 'Q1', choices: scale });
    input.write('1\n\nn\n');
    expect(await q1).toBe(1);
    const q2 = p.select({ message: 'Q2', choices: scale, default: 3 });
    await new Promise((r) => setTimeout(r, 5));
    input.end('2\n');
    expect(await q2).toBe(2);
    expect(out).toContain('You chose 1 Some.\n2 more lines you typed were not used (type each answer once its question is asked): a blank line, "n".\nQ2\n');
  });
});

describe('escape sequences: colour only, and none at all without colour', () => {
  const hostile = 'Plan\x1b[2J p. 4\x1b]0;title\x07\r';

  test('plain (NO_COLOR): a file\'s control characters are shown as text; not one ESC byte is written', async () => {
    const t = typing(['', '2', 'y']);
    t.prompter.say(`Last year: ${hostile}`);
    expect(await t.prompter.input({ message: 'Evidence:', default: hostile })).toBe(hostile);
    expect(await t.prompter.select({ message: `Q ${hostile}`, choices: scale })).toBe(2);
    expect(await t.prompter.confirm({ message: 'Go on?' })).toBe(true);
    expect(t.output()).not.toMatch(/[\x1b\r\x07]/);
    expect(t.output()).toContain('Current answer: Plan\\x1b[2J p. 4\\x1b]0;title\\x07\\r\n');
  });

  test('with colour: only colour sequences (SGR, ending in m), the keys and the answer said back in bold', async () => {
    const t = typing(['2'], { style: await styleFor(1) });
    t.prompter.say(`\x1b[1mbold from the report\x1b[22m and ${hostile}`);
    expect(await t.prompter.select({ message: 'Q', choices: scale })).toBe(2);
    const sequences = t.output().match(/\x1b[^a-zA-Z]*[a-zA-Z]/g) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    for (const s of sequences) expect(s).toMatch(/^\x1b\[[0-9;]*m$/);
    expect(t.output()).toContain('You chose \x1b[1m2 Most\x1b[22m.\n');
  });
});

describe('--accessible or ACCESSIBLE=1', () => {
  test('ACCESSIBLE set to anything but nothing, 0, false or no turns it on; the flag always does', () => {
    expect(wantsAccessible(undefined, {})).toBe(false);
    expect(wantsAccessible(true, {})).toBe(true);
    for (const on of ['1', 'true', 'yes', 'on']) expect(wantsAccessible(undefined, { ACCESSIBLE: on })).toBe(true);
    for (const off of ['', '0', 'false', 'no', ' No ']) expect(wantsAccessible(undefined, { ACCESSIBLE: off })).toBe(false);
  });
});

describe('a whole interview through the accessible prompter', () => {
  const run = (dir: string, lines: string[], options: { answers: string; targets?: boolean }) => {
    const t = typing(lines);
    const code = runInterviewCommand({ rubric, color: false, assessor: 'Tester', accessible: true, ...options }, t.prompter, () => '2026-11-01');
    return { ...t, code };
  };

  test('answers by number, back, a bad entry, Ctrl-D halfway (exit 130, the three answers saved), resume, finish: the file scores as typed', async () => {
    const dir = tempDir();
    const answers = join(dir, 'acc.answers.yaml');
    // Name, type 2 (Unitary); a1 3 with evidence; a2 1; back (b) from a3 to a2, kept by Enter, its evidence kept; a3 9 (bad), then 2; then the input ends.
    const first = run(dir, ['Access Council', '2', '3', 'Plan p. 4', '1', '', 'b', '', '', '9', '2', ''], { answers });
    expect(await first.code).toBe(130);
    const out = first.output();
    expect(out).toContain('What type of council is this?\n  1  County\n  2  Unitary\n  d  Don\'t know / prefer not to say\nType 1, 2 or d and press Enter (? for help): You chose Unitary.\n');
    expect(out).toContain('Alpha, question 1 of 7\nA one?\nA one\n  0  None\n');
    // Back on a2: its answer is offered, and Enter keeps it.
    expect(out).toContain('Type 0 to 3, d, n or b and press Enter (Enter alone: 1 Some; ? for help): You chose 1 Some.\n');
    expect(out).toContain('"9" is not one of the choices: type 0 to 3, d, n or b (? for help).\n');
    expect(stderr.text()).toContain(`Stopped. 3 of 7 answers are saved in ${answers}\nTo carry on where you left off: council-resilience interview --answers ${answers} --accessible\n`);
    expect((await loadAnswers(answers)).answers.answers).toEqual({ 'alpha.a1': { score: 3, evidence: 'Plan p. 4' }, 'alpha.a2': 1, 'alpha.a3': 2 });

    // Resume: d with evidence, 2, n, 0, then 1 (Finish) at the review.
    const second = run(dir, ['d', 'Finance could not say', '2', '', 'n', '', '0', '', '1'], { answers });
    expect(await second.code).toBe(0);
    expect(second.output()).toContain('3 of 7 questions are already answered; 4 to go.\n');
    expect(second.output()).toContain('Finish, or go back over one characteristic?\n  1  Finish and show the report\n  2  Revisit Alpha\n  3  Revisit Beta\n  4  Revisit Delta\n');
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
    // alpha (3 + 2*1 + 2)/12, beta (0 + 3*2)/12, gamma none, delta 0/3
    expect(a.characteristics.map((c) => c.score)).toEqual([(100 * 7) / 12, 50, null, 0]);
    expect(second.output()).not.toContain('\x1b');
  });

  test('--targets: the target is numbered by its level, the top offered; b goes back to the level', async () => {
    const dir = tempDir();
    const answers = join(dir, 'targets.answers.yaml');
    // County; a1 1, no evidence, then Back from its target to its level: 2, Enter (no evidence), Enter (the target offered, 3 All); a2 2, then the input ends at its evidence.
    const r = run(dir, ['Target Council', '1', '1', '', 'b', '2', '', '', '2'], { answers, targets: true });
    expect(await r.code).toBe(130);
    expect(r.output()).toContain('Target: the level this council aims for on this indicator\n  1  Some\n  2  Most\n  3  All\n  b  Back to the level for this question\nType 1 to 3 or b and press Enter (Enter alone: 3 All; ? for help): ');
    expect((await loadAnswers(answers)).answers.answers).toEqual({ 'alpha.a1': { score: 2, target: 3 }, 'alpha.a2': 2 });
  });
});

describe('moderation through the accessible prompter', () => {
  test('settle one by number with a reason, skip one (s), back (b), Ctrl-D: exit 130, the settled one saved, the views kept', async () => {
    const dir = tempDir();
    const path = join(dir, 'combined.answers.yaml');
    writeFileSync(path, readFileSync(join(fixtures, 'team', 'moderate', 'combined.answers.yaml'), 'utf8').replace('../../rubrics/weighted.yaml', rubric));
    const original = await loadAnswers(path);
    // alpha.a1: 2, a reason, no evidence; alpha.a3: s (skip); beta.b1: b (back to alpha.a3); alpha.a3 again: then the input ends.
    const t = typing(['2', 'Most services are covered', '', 's', 'b']);
    expect(await runModerate(path, { accessible: true }, t.prompter)).toBe(130);
    const out = t.output();
    expect(out).toContain('Alpha, disputed 1 of 4\n');
    expect(out).toContain('Agreed level:\n  0  None\n  1  Some\n  2  Most\n  3  All\n  d  Don\'t know\n  n  Not applicable\n  s  Skip for now\nType 0 to 3, d, n or s and press Enter (Enter alone: 1 Some; ? for help): You chose 2 Most.\n');
    expect(out).toContain('Type 0 to 3, d, n, s or b and press Enter (Enter alone: 2 Most; ? for help): You chose Back to the previous indicator.\n');
    expect(out.split('Alpha, disputed 2 of 4\n')).toHaveLength(3);
    expect(stderr.text()).toContain(`Stopped. 1 of 4 disputed indicators is settled in ${path}; 3 remain.\nTo carry on where you left off: council-resilience moderate ${path} --accessible\n`);
    const saved = (await loadAnswers(path)).answers.answers;
    expect(saved['alpha.a1']).toEqual({ score: 2, views: viewsOf(original.answers.answers['alpha.a1']), agreed: 'Most services are covered' });
    expect(saved['alpha.a3']).toEqual(original.answers.answers['alpha.a3']);
    expect(out).not.toContain('\x1b');
  });
});
