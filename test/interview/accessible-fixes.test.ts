// The review of the accessible prompter (REVIEW-access.md), each finding proved in-process: ACCESSIBLE=off,
// the carry-on command, type-ahead lines, escape sequences typed or in a rubric, read-back, --from's
// evidence wording, the end-of-interview summary.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInterviewCommand } from '../../src/cli/actions/interview.js';
import { runModerate, stoppedMessage } from '../../src/cli/actions/moderate.js';
import { wantsAccessible } from '../../src/cli/terminal-session.js';
import { cleanTyped, cutByTerminal, withoutKeys } from '../../src/interview/accessible.js';
import { loadAnswers } from '../../src/io/load.js';
import { fixtures, root, tempDir } from '../helpers.js';
import { typing } from './line-feeder.js';
import { captureStderr, scriptedPrompter } from './scripted-prompter.js';
import { styleFor } from '../../src/cli/colour.js';
import type { Prompter } from '../../src/interview/prompter.js';

const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
const stderr = captureStderr();

/** Runs `body` with ACCESSIBLE set to `value` (or unset), as `ACCESSIBLE=1 council-resilience ...` would. */
async function withEnv<T>(value: string | undefined, body: () => Promise<T>): Promise<T> {
  const before = process.env.ACCESSIBLE;
  if (value === undefined) delete process.env.ACCESSIBLE;
  else process.env.ACCESSIBLE = value;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env.ACCESSIBLE;
    else process.env.ACCESSIBLE = before;
  }
}

describe('ACCESSIBLE=off means off', () => {
  test('off, OFF, Off and n turn it off; on, 1 and yes turn it on', () => {
    for (const off of ['off', 'OFF', ' Off ', 'n', 'N']) expect(wantsAccessible(undefined, { ACCESSIBLE: off })).toBe(false);
    for (const on of ['on', '1', 'yes']) expect(wantsAccessible(undefined, { ACCESSIBLE: on })).toBe(true);
  });
});

describe('the carry-on command after Ctrl-C keeps the accessible prompts however they were asked for', () => {
  test('interview with ACCESSIBLE=1 and no flag: the command has --accessible in it', async () => {
    const dir = tempDir();
    const answers = join(dir, 'env.answers.yaml');
    const t = typing(['Env Council', '2', '1', '']);
    const code = await withEnv('1', () => runInterviewCommand({ rubric, color: false, assessor: 'Tester', answers }, t.prompter, () => '2026-11-01'));
    expect(code).toBe(130);
    expect(stderr.text()).toContain(`Stopped. 1 of 7 answers are saved in ${answers}\nTo carry on where you left off: council-resilience interview --answers ${answers} --accessible\n`);
  });

  test('interview with ACCESSIBLE=0 and no flag: no --accessible', async () => {
    const dir = tempDir();
    const answers = join(dir, 'env0.answers.yaml');
    const t = typing(['Env Council', '2', '1', '']);
    expect(await withEnv('0', () => runInterviewCommand({ rubric, color: false, assessor: 'Tester', answers }, t.prompter, () => '2026-11-01'))).toBe(130);
    expect(stderr.text()).toContain(`To carry on where you left off: council-resilience interview --answers ${answers}\n`);
  });

  test('moderate --all with ACCESSIBLE=1: --accessible in the command, and the --all note is a command of its own on its own line', async () => {
    const dir = tempDir();
    const path = join(dir, 'combined.answers.yaml');
    writeFileSync(path, readFileSync(join(fixtures, 'team', 'moderate', 'combined.answers.yaml'), 'utf8').replace('../../rubrics/weighted.yaml', rubric));
    const t = typing(['2', 'Most services are covered', '']);
    expect(await withEnv('1', () => runModerate(path, { all: true }, t.prompter))).toBe(130);
    const lines = stderr.text().trim().split('\n');
    expect(lines.slice(-2)).toEqual([
      `To carry on where you left off: council-resilience moderate ${path} --accessible`,
      `To go over every indicator with views again instead: council-resilience moderate ${path} --all --accessible`,
    ]);
    // Each line from "council-resilience" on is a whole command a shell takes (no stray brackets).
    expect(stoppedMessage('a b.yaml', { disputed: 2, unsettled: ['x.y'], settled: 1, withViews: 3, notApplying: [] } as never, true, true).split('\n').slice(1)).toEqual([
      "To carry on where you left off: council-resilience moderate 'a b.yaml' --accessible",
      "To go over every indicator with views again instead: council-resilience moderate 'a b.yaml' --all --accessible",
    ]);
  });
});

describe('keys typed into a line never reach the file', () => {
  test('arrows (CSI and SS3), Home, Delete, Alt-letter and other control characters are left out; a tab is a space', () => {
    expect(cleanTyped('Plan p4\x1b[D\x1b[D.')).toEqual({ text: 'Plan p4.', keys: true });
    expect(cleanTyped('\x1bOA2\x1b[H\x1b[3~\x1b[1;5C\x1bb')).toEqual({ text: '2', keys: true });
    expect(cleanTyped('a\tb\x07\x7f\x9bc')).toEqual({ text: 'a bc', keys: false });
    expect(cleanTyped('Café ✓')).toEqual({ text: 'Café ✓', keys: false });
  });

  test('the terminal cut a line: at its limit, or ending in half a character', () => {
    expect(cutByTerminal('x'.repeat(4094), 4095)).toBe(false);
    expect(cutByTerminal('x'.repeat(4095), 4095)).toBe(true);
    expect(cutByTerminal(`${'é'.repeat(2000)}`, 4095)).toBe(false);
    expect(cutByTerminal(`${'x'.repeat(10)}\ufffd`, 4095)).toBe(true);
  });

  test('an evidence line with arrow keys in it: the note said once, the rest read back and saved', async () => {
    const t = typing(['\x1b[A2', 'Plan p4\x1b[D\x1b[D.', '\x1b[B1']);
    expect(await t.prompter.select({ message: 'Q', choices: [{ name: '1 One', value: 1 }, { name: '2 Two', value: 2 }] })).toBe(2);
    expect(await t.prompter.input({ message: 'Evidence (optional; press Enter to skip):' })).toBe('Plan p4.');
    expect(await t.prompter.select({ message: 'Q', choices: [{ name: '1 One', value: 1 }, { name: '2 Two', value: 2 }] })).toBe(1);
    expect(t.output().match(/Arrow keys do not move/g)).toHaveLength(1);
    expect(t.output()).toContain('Evidence (optional; press Enter to skip): Evidence saved: Plan p4.\n');
    expect(t.output()).not.toContain('\x1b');
  });
});

describe("--from: the evidence prompt says what this prompter's keys do", () => {
  test("last year's evidence is offered; the instruction is - for none (not Backspace), and - leaves none", async () => {
    const dir = tempDir();
    const answers = join(dir, 'new.answers.yaml');
    const last = join(root, 'examples', 'brackenford-unitary-2025.answers.yaml');
    const t = typing(['', '-', '1']);
    const code = runInterviewCommand({ from: last, only: 'approach.ward-forums', color: false, assessor: 'CEO', accessible: true, answers }, t.prompter, () => '2026-11-01');
    expect(await code).toBe(0);
    expect(t.output()).toContain("You chose 2 Developing.\nEvidence (last year's):\nCurrent answer: Ward forums in 14 of 21 wards\nPress Enter to keep it, type - for none, or type a new answer: Cleared.\n");
    expect(t.output()).not.toContain('Backspace');
    expect((await loadAnswers(answers)).answers.answers['approach.ward-forums']).toBe(2);
  });

  test('going back to an answer with evidence: no "press Enter to skip" before "Press Enter to keep it"', () => {
    expect(withoutKeys('Evidence (optional; press Enter to skip):')).toBe('Evidence:');
    expect(withoutKeys("Evidence (press Enter to keep last year's; Backspace, then Enter, for none):")).toBe("Evidence (last year's):");
    expect(withoutKeys('Reason for the agreed level (needed, because the views differ by two levels or more; it goes in the report):')).toBe(
      'Reason for the agreed level (needed, because the views differ by two levels or more; it goes in the report):',
    );
  });
});

describe("only the program's own colour reaches the terminal, whatever the rubric's text holds", () => {
  /** weighted.yaml with conceal, blink, reset, clear-screen and window-title sequences in its words. */
  const evilRubric = () => {
    const dir = tempDir();
    const path = join(dir, 'evil.rubric.yaml');
    const text = readFileSync(rubric, 'utf8')
      .replace('title: Alpha', 'title: "Al\\e]0;pwned\\apha"')
      .replace('statement: A one, question: A one?', 'statement: "A one\\e[5m blink", question: "A one\\e[8m SECRET\\e[0m\\e[2J\\e[H?"')
      .replace('label: Some', 'label: "So\\e[8mme"')
      .replace('question: What type of council is this?', 'question: "What type\\e[2J of council\\r is this?"');
    writeFileSync(path, text);
    return { dir, path };
  };
  const EVIL = /\x1b\[(?:8|5|0|2J|H)|\x1b\]|\x07|\r/;

  test('the accessible prompts with colour on: the only sequences are its own bold and warning colour', async () => {
    const { dir, path } = evilRubric();
    const style = await styleFor(1);
    const own = new Set([...`${style.bold('x')}${style.warn('x')}`.matchAll(/\x1b\[[0-9;]*m/g)].map((m) => m[0]));
    const t = typing(['Evil Council', '2', '?', '1', ''], { style });
    const code = runInterviewCommand({ rubric: path, color: true, assessor: 'Tester', accessible: true, answers: join(dir, 'evil.answers.yaml') }, t.prompter, () => '2026-11-01');
    expect(await code).toBe(130);
    const out = t.output();
    expect(out).toContain('A one\\x1b[8m SECRET\\x1b[0m\\x1b[2J\\x1b[H?');
    expect(out).toContain('Al\\x1b]0;pwned\\x07pha');
    expect(out).not.toMatch(EVIL);
    for (const s of out.match(/\x1b[^a-zA-Z]*[a-zA-Z]/g) ?? []) expect(own.has(s)).toBe(true);
  });

  test('the usual interview: the question, statement, title, levels and profile question it is given hold no escape character', async () => {
    const { dir, path } = evilRubric();
    const script = scriptedPrompter(['Evil Council', 'unitary', 1, '']);
    const shown: string[] = [];
    const prompter: Prompter = {
      ...script.prompter,
      select: (o) => {
        shown.push(o.message, ...o.choices.flatMap((c) => [c.name, c.description ?? '']));
        return script.prompter.select(o);
      },
      input: (o) => {
        shown.push(o.message);
        return script.prompter.input(o);
      },
    };
    expect(await runInterviewCommand({ rubric: path, color: false, assessor: 'Tester', answers: join(dir, 'evil2.answers.yaml') }, prompter, () => '2026-11-01')).toBe(130);
    const all = [...shown, ...script.said].join('\n');
    expect(all).toContain('A one\\x1b[8m SECRET');
    expect(all).toContain('1 So\\x1b[8mme');
    expect(all).toContain('What type\\x1b[2J of council\n is this?');
    expect(all).not.toMatch(/[\x1b\x07\r]/);
  });
});

describe('the report at the end of an accessible interview', () => {
  test('each score in a sentence, "out of 100", and not one block character of a bar', async () => {
    const dir = tempDir();
    const t = typing(['Words Council', '2', '3', '', '1', '', '2', '', 'd', '', '2', '', 'n', '', '0', '', '1']);
    expect(await runInterviewCommand({ rubric, color: false, assessor: 'Tester', accessible: true, answers: join(dir, 'w.answers.yaml') }, t.prompter, () => '2026-11-01')).toBe(0);
    const out = t.output();
    const report = out.slice(out.indexOf('Words Council (unitary)'));
    expect(report).not.toMatch(/[█░▏▎▍▌▋▊▉]/);
    // alpha (3 + 2*1 + 2)/12 = 58.3, beta (0 + 3*2)/12 = 50, delta 0/3; overall (2*58.33 + 50 + 0)/4 = 41.7
    expect(report).toContain('Overall: 41.7 out of 100, Low; 100.0% of 7 questions answered.\n');
    expect(report).toContain('  Alpha: 58.3 out of 100, Mid; 100.0% answered.\n  Beta: 50.0 out of 100, Mid; 100.0% answered.\n  Gamma (no indicators): not scored;');
    expect(report).toContain('  Delta: 0.0 out of 100, Low; 100.0% answered.\n');
  });
});
