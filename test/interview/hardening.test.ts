// The interview against a hostile disk and a second person: two interviews on one file, a folder that
// cannot be written or vanishes halfway, a read-only file, and the date it writes.
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { jest } from '@jest/globals';
import { runInterviewCommand, today } from '../../src/cli/actions/interview.js';
import type { Prompter } from '../../src/interview/prompter.js';
import { loadAnswers } from '../../src/io/load.js';
import { cli, fixtures, tempDir } from '../helpers.js';
import type { Keystroke, Step } from './scripted-prompter.js';
import { captureStderr, hooked, scriptedPrompter } from './scripted-prompter.js';

const rubric = join(fixtures, 'rubrics', 'weighted.yaml');
const DATE = () => '2026-11-01';


const interview = (script: Step[], answers: string, date = DATE) => {
  const s = hooked(script);
  return { ...s, code: runInterviewCommand({ rubric, color: false, answers, assessor: 'Tester' }, s.prompter, date) };
};
const statements = (asked: string[]) => asked.filter((m) => /^[A-D] (one|two|three)$/.test(m));
const ANOTHER_FILE = 'Type the path of another file to save your answers in:';

const stderr = captureStderr();

describe('two interviews on one answers file', () => {
  test('a second writer between questions: their new answers are kept, and their later answer to a question I answered earlier replaces mine, with a word', async () => {
    const path = join(tempDir(), 'shared.answers.yaml');
    // Someone else, in an editor or another interview, answers b1 and d2 and answers a1 differently.
    const otherWriter = () => {
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('  alpha.a1: 1\n');
      writeFileSync(path, text.replace('  alpha.a1: 1\n', '  alpha.a1: 2\n  beta.b1: { score: 3, evidence: "their minutes" }\n  delta.d2: 2\n'));
    };
    const r = interview(
      ['Shareford', 'County', '1 Some', '', otherWriter, '2 Most', 'my evidence', '0 None', '', '3 All', '', 'Finish and show the report'],
      path,
    );
    expect(await r.code).toBe(0);
    expect(r.left()).toBe(0);
    // b1 and d2 were answered by the other person, so this interview does not ask them.
    expect(statements(r.asked)).toEqual(['A one', 'A two', 'B two', 'D one']);
    expect(r.said).toContain(
      `Someone else saved answers in ${path} while you were answering; their 2 answers to questions you have not changed are kept.`,
    );
    // a1 was answered (and saved) before they changed it: theirs is the latest answer, and it stays.
    expect(r.said).toContain('  alpha.a1: someone else has since answered 2 Most (you said 1 Some); theirs is now in the file');
    expect(r.said.some((l) => l.startsWith('They answered'))).toBe(false);
    const { answers } = await loadAnswers(path);
    expect(answers.council).toEqual({ name: 'Shareford', type: 'county' });
    expect(answers.answers).toEqual({
      'alpha.a1': 2,
      'alpha.a2': { score: 2, evidence: 'my evidence' },
      'beta.b1': { score: 3, evidence: 'their minutes' },
      'beta.b2': 0,
      'delta.d1': 3,
      'delta.d2': 2,
    });
  });

  test('two interviews take turns on one file: the final file holds both people\'s answers', async () => {
    const path = join(tempDir(), 'turns.answers.yaml');
    let second: ReturnType<typeof interview> | undefined;
    // While the first person thinks about A two, a colleague resumes the same file, answers three
    // questions (one of them A two, differently) and stops with Ctrl-C.
    const colleague = async () => {
      second = interview(['3 All', 'their view', '0 None', '', '2 Most', ''], path);
      expect(await second.code).toBe(130);
    };
    const r = interview(['Turnford', 'County', '1 Some', '', colleague, '2 Most', '', '1 Some', '', '1 Some', '', 'Finish and show the report'], path);
    expect(await r.code).toBe(0);
    expect(statements(second!.asked)).toEqual(['A two', 'B one', 'B two', 'D one']); // Ctrl-C at D one
    expect(statements(r.asked)).toEqual(['A one', 'A two', 'D one', 'D two']);
    expect(r.said).toContain('  alpha.a2: they said 3 All (evidence: "their view"); you said 2 Most');
    const { answers } = await loadAnswers(path);
    expect(answers.answers).toEqual({
      'alpha.a1': 1,
      'alpha.a2': 2,
      'beta.b1': 0,
      'beta.b2': 2,
      'delta.d1': 1,
      'delta.d2': 1,
    });
  });

  test('an answer replaced by someone else is told once, not again at every later save', async () => {
    const path = join(tempDir(), 'once.answers.yaml');
    const clash = () => writeFileSync(path, readFileSync(path, 'utf8').replace('  alpha.a1: 1\n', '  alpha.a1: 3\n'));
    const r = interview(['Onceford', 'County', '1 Some', '', clash, '2 Most', '', '2 Most', '', '2 Most', '', '2 Most', '', '2 Most', '', 'Finish and show the report'], path);
    expect(await r.code).toBe(0);
    expect(r.said.filter((l) => l.includes('alpha.a1:'))).toEqual(['  alpha.a1: someone else has since answered 3 All (you said 1 Some); theirs is now in the file']);
    expect((await loadAnswers(path)).answers.answers['alpha.a1']).toBe(3);
  });

  test('a file only reformatted by someone else needs no word; a field they added (the assessor) is kept', async () => {
    const path = join(tempDir(), 'tidy.answers.yaml');
    // The same answers written another way (flow style, other order), as a tidy-minded colleague might.
    const reformat = (extra: string) => async () => {
      const { answers: file } = await loadAnswers(path);
      writeFileSync(path, `kind: answers\nschemaVersion: 1\nrubric: ${file.rubric}\nassessedOn: ${file.assessedOn}\n${extra}council: {type: county, name: Tidyton}\nanswers: ${JSON.stringify(file.answers)}\n`);
    };
    const s = hooked(['Tidyton', '', 'County', '1 Some', '', reformat(''), '2 Most', '', reformat('assessor: Jo Bloggs\n'), '3 All', '']);
    const r = { ...s, code: runInterviewCommand({ rubric, color: false, answers: path }, s.prompter, DATE) };
    expect(await r.code).toBe(130);
    const merges = r.said.filter((l) => l.startsWith('Someone else'));
    expect(merges).toEqual([`Someone else saved answers in ${path} while you were answering; their assessor is kept.`]);
    const { answers } = await loadAnswers(path);
    expect(answers.assessor).toBe('Jo Bloggs');
    expect(answers.answers).toEqual({ 'alpha.a1': 1, 'alpha.a2': 2, 'beta.b1': 3 });
  });

  test('a file half-edited into invalid YAML is left alone; my answers go to a copy beside it, exit 2', async () => {
    const dir = tempDir();
    const path = join(dir, 'half.answers.yaml');
    const copy = join(dir, 'half.answers.copy.yaml');
    const halfEdited = 'schemaVersion: 1\nkind: answers\nanswers: { alpha.a1: 7\n';
    const r = interview(['Halfton', 'County', '1 Some', '', () => writeFileSync(path, halfEdited), '2 Most', 'kept'], path);
    expect(await r.code).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(halfEdited);
    expect(stderr.text()).toBe(
      `${path}:4:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }\n` +
        `error: ${path} was changed by someone else while you were answering and is no longer a valid answers file, so it was left as it is. ` +
        `Your answers are saved in ${copy}; to carry on with them: council-resilience interview --answers ${copy}\n`,
    );
    const { answers } = await loadAnswers(copy);
    expect(answers.answers).toEqual({ 'alpha.a1': 1, 'alpha.a2': 2 });
    expect(cli(['validate', copy]).code).toBe(0);
  });

  test('a file switched to another rubric is left alone, and my answers go to a copy', async () => {
    const dir = tempDir();
    const path = join(dir, 'switch.answers.yaml');
    const other = 'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Switchby }\nanswers: {}\n';
    const r = interview(['Switchby', 'County', '1 Some', '', () => writeFileSync(path, other), '2 Most', ''], path);
    expect(await r.code).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe(other);
    expect(stderr.text()).toContain(`${path} was changed by someone else while you were answering and now names the rubric "eight-characteristics", not `);
    expect((await loadAnswers(join(dir, 'switch.answers.copy.yaml'))).answers.answers).toEqual({ 'alpha.a1': 1, 'alpha.a2': 2 });
  });

  test('replacing an existing file (after saying yes) does not merge its old answers back in', async () => {
    const dir = tempDir();
    const path = join(dir, 'oldham.answers.yaml');
    writeFileSync(path, `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Oldham }\nanswers: { alpha.a1: 2, beta.b1: 3 }\n`);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const s = hooked(['Oldham', false, true, 'County', '1 Some', '']);
      expect(await runInterviewCommand({ rubric, color: false, assessor: 'Tester' }, s.prompter, DATE)).toBe(130);
    } finally {
      process.chdir(cwd);
    }
    expect((await loadAnswers(path)).answers.answers).toEqual({ 'alpha.a1': 1 });
  });
});

describe('an answers file that cannot be saved', () => {
  const expectNothingAsked = async (answers: string, message: string) => {
    const s = hooked(['Never asked']);
    await expect(runInterviewCommand({ rubric, color: false, answers }, s.prompter, DATE)).rejects.toThrow(message);
    expect(s.asked).toEqual([]);
  };

  test('a folder that does not exist: stopped before the first question', async () => {
    const path = join(tempDir(), 'missing', 'x.answers.yaml');
    await expectNothingAsked(path, `cannot save answers to ${path}: the folder ${join(path, '..')} does not exist; choose another file with --answers`);
  });

  test('a path under a file: stopped before the first question', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain'), 'not a folder\n');
    const path = join(dir, 'plain', 'x.answers.yaml');
    await expectNothingAsked(path, `cannot save answers to ${path}: ${join(dir, 'plain')} is a file, not a folder`);
  });

  test('a read-only folder (no write bit, even for root): stopped before the first question', async () => {
    const folder = join(tempDir(), 'locked');
    mkdirSync(folder, { mode: 0o555 });
    try {
      await expectNothingAsked(join(folder, 'x.yaml'), `cannot save answers to ${join(folder, 'x.yaml')}: the folder ${folder} is read-only`);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  test('a read-only answers file: stopped before the first question, the file untouched', async () => {
    const path = join(tempDir(), 'ro.answers.yaml');
    const text = `schemaVersion: 1\nkind: answers\nrubric: ${rubric}\ncouncil: { name: Rofield }\nanswers: { alpha.a1: 2 }\n`;
    writeFileSync(path, text, { mode: 0o444 });
    await expectNothingAsked(path, `cannot save answers to ${path}: the file is read-only; choose another file with --answers`);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  test('a folder as the answers file: stopped before the first question', async () => {
    const dir = tempDir();
    await expectNothingAsked(dir, `cannot save answers to ${dir}: it is a folder`);
  });

  test('the folder deleted halfway: says why, keeps the answers, asks for another file and finishes there', async () => {
    const dir = tempDir();
    const folder = join(dir, 'shared-drive');
    mkdirSync(folder);
    const path = join(folder, 'gone.answers.yaml');
    mkdirSync(join(dir, 'home', 'officer'), { recursive: true });
    const elsewhere = join(dir, 'home', 'officer', 'rescued.answers.yaml');
    const taken = join(dir, 'taken.yaml');
    writeFileSync(taken, 'someone else\'s file\n');
    const r = interview(
      [
        'Goneby', 'County', '1 Some', 'first evidence',
        () => rmSync(folder, { recursive: true }),
        '2 Most',
        join(dir, 'nowhere', 'x.yaml'), taken, elsewhere,
        '',
        '3 All', '', '0 None', '', '1 Some', '', '2 Most', '', 'Finish and show the report',
      ],
      path,
    );
    expect(await r.code).toBe(0);
    expect(r.left()).toBe(0);
    expect(r.said).toContain(`Could not save your answers to ${path}: the folder ${folder} does not exist. They are kept until they can be saved.`);
    expect(r.said).toContain(`Cannot save to ${join(dir, 'nowhere', 'x.yaml')}: the folder ${join(dir, 'nowhere')} does not exist.`);
    expect(r.said).toContain(`Cannot save to ${taken}: it already exists; type the name of a new file, so that nothing in it is replaced.`);
    expect(r.asked.filter((m) => m === ANOTHER_FILE)).toHaveLength(3);
    expect(r.said.at(-1)).toBe(`Your answers are saved in ${elsewhere}`);
    expect(readFileSync(taken, 'utf8')).toBe('someone else\'s file\n');
    const { answers } = await loadAnswers(elsewhere);
    expect(answers.answers).toEqual({
      'alpha.a1': { score: 1, evidence: 'first evidence' },
      'alpha.a2': 2,
      'beta.b1': 3,
      'beta.b2': 0,
      'delta.d1': 1,
      'delta.d2': 2,
    });
    // The rubric is named by a path relative to the file, so it is rewritten for the new folder.
    expect(resolve(dirname(elsewhere), answers.rubric)).toBe(rubric);
    expect(cli(['validate', elsewhere]).code).toBe(0);
  });

  test('the folder deleted halfway, then Ctrl-C at the question for another file: exit 130, saying nothing is saved', async () => {
    const folder = join(tempDir(), 'vanishing');
    mkdirSync(folder);
    const path = join(folder, 'v.answers.yaml');
    const r = interview(['Vanton', 'County', '1 Some', '', () => rmSync(folder, { recursive: true }), '2 Most'], path);
    expect(await r.code).toBe(130);
    expect(r.asked.at(-1)).toBe(ANOTHER_FILE);
    expect(stderr.text()).toBe(`\nStopped. Your answers are not saved: ${path} could not be written.\n`);
  });

  test('a file made read-only halfway is not replaced; Ctrl-C then says what the file still holds', async () => {
    const path = join(tempDir(), 'frozen.answers.yaml');
    let before = '';
    const freeze = () => {
      before = readFileSync(path, 'utf8');
      chmodSync(path, 0o444);
    };
    const r = interview(['Frozenby', 'County', '1 Some', '', freeze, '2 Most'], path);
    expect(await r.code).toBe(130);
    expect(r.said).toContain(`Could not save your answers to ${path}: the file is read-only. They are kept until they can be saved.`);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(stderr.text()).toBe(
      `\nStopped. 1 of 6 answers are saved in ${path}\nTo carry on where you left off: council-resilience interview --answers ${path}\n`,
    );
  });
});

describe("the interview's date", () => {
  test('today() is the local calendar date, whatever UTC says', () => {
    expect(today(new Date(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31');
    expect(today(new Date(2027, 0, 1, 0, 0, 1))).toBe('2027-01-01');
    expect(today(new Date(2027, 1, 3, 12))).toBe('2027-02-03');
  });

  test('the command writes the date it is given as assessedOn', async () => {
    const path = join(tempDir(), 'dated.answers.yaml');
    const r = interview(['Datesby', 'County'], path, () => '2027-01-01');
    expect(await r.code).toBe(130);
    expect((await loadAnswers(path)).answers.assessedOn).toBe('2027-01-01');
  });
});
