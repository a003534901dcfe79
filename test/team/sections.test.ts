// Issue 13, item 1: one assessor answers only their sections (--only) and says who they are
// (--assessor, or "Who is answering?"). The pure reading of --only, then the interview driven
// through its Prompter.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInterviewCommand } from '../../src/cli/actions/interview.js';
import { UsageError } from '../../src/core/errors.js';
import { parseSelection, selectionProblemMessage } from '../../src/core/selection.js';
import { loadAnswers, loadRubric } from '../../src/io/load.js';
import { cli, fixtures, tempDir } from '../helpers.js';
import { captureStderr, scriptedPrompter, type Keystroke } from '../interview/scripted-prompter.js';

const rubricPath = join(fixtures, 'rubrics', 'weighted.yaml');
const WHO = 'Who is answering? A name or a job title, such as Head of HR (optional; press Enter to skip):';
const stderr = captureStderr();

const statements = (asked: string[]) => asked.filter((m) => /^[A-D] (one|two|three)$/.test(m));
const run = (script: Keystroke[], options: { answers: string; only?: string; assessor?: string }) => {
  const s = scriptedPrompter(script);
  return { ...s, code: runInterviewCommand({ rubric: rubricPath, color: false, ...options }, s.prompter, () => '2026-11-01') };
};

describe('parseSelection: --only read against a rubric', () => {
  test('characteristic ids and indicator keys, spaces around commas, duplicates and a trailing comma: rubric order', async () => {
    const { rubric } = await loadRubric(rubricPath);
    const result = parseSelection(rubric, ' beta , alpha.a2,beta,');
    expect(result.problems).toEqual([]);
    const selection = result.selection!;
    expect(selection.ids).toEqual(['beta', 'alpha.a2']);
    expect(selection.keys).toEqual(['alpha.a2', 'beta.b1', 'beta.b2']);
    expect(selection.characteristics).toEqual(['alpha', 'beta']);
    expect(['alpha.a1', 'alpha.a2', 'beta.b2', 'delta.d1'].map((k) => selection.has(k))).toEqual([false, true, true, false]);
  });

  test('every mistake comes back as data, with the likely id meant', async () => {
    const { rubric } = await loadRubric(rubricPath);
    expect(parseSelection(rubric, 'aplha,b1,zzzzzz,delta').problems).toEqual([
      { code: 'unknown', id: 'aplha', rubric: 'weighted', near: 'alpha' },
      // an indicator's id without its characteristic: the full key is suggested
      { code: 'unknown', id: 'b1', rubric: 'weighted', near: 'beta.b1' },
      { code: 'unknown', id: 'zzzzzz', rubric: 'weighted' },
    ]);
    expect(parseSelection(rubric, ' , ,').problems).toEqual([{ code: 'empty', example: 'alpha,beta.b1' }]);
    expect(parseSelection(rubric, '').problems).toEqual([{ code: 'empty', example: 'alpha,beta.b1' }]);
    expect(parseSelection(rubric, 'gamma').problems).toEqual([{ code: 'no-indicators', ids: ['gamma'], rubric: 'weighted' }]);
  });

  test('the words for each problem', async () => {
    const { rubric } = await loadRubric('eight-characteristics');
    const words = (raw: string) => parseSelection(rubric, raw).problems.map((p) => selectionProblemMessage(p));
    expect(words('aproach')).toEqual(['--only: "aproach" is not a characteristic or indicator of rubric "eight-characteristics"; did you mean "approach"?']);
    expect(words('approach.co-prodution')).toEqual([
      '--only: "approach.co-prodution" is not a characteristic or indicator of rubric "eight-characteristics"; did you mean "approach.co-production"?',
    ]);
    expect(words('finance')).toEqual(['--only: "finance" is not a characteristic or indicator of rubric "eight-characteristics"']);
    expect(words(',')).toEqual([
      '--only: name the characteristics or indicators to include, separated by commas, such as --only intent,approach.reducing-demand',
    ]);
    const weighted = (await loadRubric(rubricPath)).rubric;
    expect(selectionProblemMessage(parseSelection(weighted, 'gamma').problems[0]!)).toBe(
      '--only: "gamma" has no indicators in rubric "weighted", so it selects no questions',
    );
  });
});

describe('interview --only', () => {
  test('asks only the chosen questions, in rubric order, and counts within them (header, review, end screen)', async () => {
    const path = join(tempDir(), 'only.answers.yaml');
    const r = run(['Onlyford', '', 'County', '2 Most', 'Plan p. 9', '3 All', '', '1 Some', '', 'Finish and show the report'], {
      answers: path,
      only: 'beta, alpha.a2',
    });
    expect(await r.code).toBe(0);
    expect(r.left()).toBe(0);
    expect(statements(r.asked)).toEqual(['A two', 'B one', 'B two']);
    expect(r.said).toEqual(expect.arrayContaining(['── Alpha · question 1 of 3 ──', '── Beta · question 2 of 3 ──', '── Beta · question 3 of 3 ──']));
    // alpha (county): only a2 (weight 2) answered, 2 of 3 -> 66.7; beta: (3 + 3*1) / (4*3) -> 50.0
    const review = r.said.slice(r.said.indexOf('Your answers so far: 3 of 3 chosen questions answered.'));
    expect(review.slice(0, 3)).toEqual([
      'Your answers so far: 3 of 3 chosen questions answered.',
      '  Alpha  score  66.7  1 of 1 answered',
      '  Beta   score  50.0  2 of 2 answered',
    ]);
    expect(r.said).toContain('3 of 3 chosen questions (--only beta,alpha.a2) are answered.');
    expect(r.said.at(-1)).toBe(`Your answers are saved in ${path}`);
    const { answers } = await loadAnswers(path);
    expect(answers.answers).toEqual({ 'alpha.a2': { score: 2, evidence: 'Plan p. 9' }, 'beta.b1': 3, 'beta.b2': 1 });
  });

  test('the review offers only the chosen characteristics', async () => {
    const path = join(tempDir(), 'review.answers.yaml');
    const r = run(['Reviewford', '', 'County', '1 Some', '', '1 Some', '', 'Revisit Alpha'], { answers: path, only: 'beta' });
    await expect(r.code).rejects.toThrow('the choices for "Finish, or go back over one characteristic?" are Finish and show the report | Revisit Beta');
  });

  test('Ctrl-C counts within the selection and the command to carry on repeats it; resuming keeps answers outside it untouched', async () => {
    const path = join(tempDir(), 'resume.answers.yaml');
    const before = [
      'schemaVersion: 1',
      'kind: answers',
      `rubric: ${rubricPath}`,
      'council: { name: Resumeton, type: unitary }',
      'assessor: Head of Finance',
      'answers:',
      '  alpha.a1: { score: 1, evidence: "Old plan" }   # Sam: checked',
      '  delta.d1: 2',
      '',
    ].join('\n');
    writeFileSync(path, before);

    const first = run(['2 Most', ''], { answers: path, only: 'beta,alpha.a2' });
    expect(await first.code).toBe(130);
    expect(first.asked).not.toContain(WHO);
    expect(stderr.text()).toBe(
      `\nStopped. 1 of 3 answers are saved in ${path}\nTo carry on where you left off: council-resilience interview --answers ${path} --only beta,alpha.a2\n`,
    );

    const second = run(['3 All', '', '0 None', '', 'Finish and show the report'], { answers: path, only: 'beta,alpha.a2' });
    expect(await second.code).toBe(0);
    expect(second.said).toContain('1 of 3 questions are already answered; 2 to go.');
    expect(second.said).toContain('── Beta · question 2 of 3 ──');
    expect(statements(second.asked)).toEqual(['B one', 'B two']);
    expect(second.asked).not.toContain(WHO);

    const text = readFileSync(path, 'utf8');
    expect(text).toContain('\n  alpha.a1: { score: 1, evidence: "Old plan" }   # Sam: checked\n');
    expect(text).toContain('\n  delta.d1: 2\n');
    const { answers } = await loadAnswers(path);
    expect(answers.assessor).toBe('Head of Finance');
    expect(answers.answers).toEqual({ 'alpha.a1': { score: 1, evidence: 'Old plan' }, 'delta.d1': 2, 'alpha.a2': 2, 'beta.b1': 3, 'beta.b2': 0 });
  });

  test('chosen questions that do not apply to the council: said so, nothing asked, the review offers only Finish', async () => {
    const path = join(tempDir(), 'none.answers.yaml');
    const r = run(['Shire', '', 'County', 'Finish and show the report'], { answers: path, only: 'alpha.a3' }); // a3: unitary only
    expect(await r.code).toBe(0);
    expect(r.said).toContain('None of the questions chosen with --only apply to this council, so there is nothing to ask.');
    expect(statements(r.asked)).toEqual([]);
    expect(r.said).toContain('0 of 0 chosen questions (--only alpha.a3) are answered.');
  });

  test.each([
    ['aplha', 'error text', '--only: "aplha" is not a characteristic or indicator of rubric "weighted"; did you mean "alpha"?'],
    ['', 'empty', '--only: name the characteristics or indicators to include, separated by commas, such as --only alpha,beta.b1'],
  ])('a mistake in --only (%s) stops before anything is asked or written: new file and resumed file', async (only, _what, message) => {
    const dir = tempDir();
    const fresh = join(dir, 'fresh.answers.yaml');
    const r = run(['Never asked'], { answers: fresh, only });
    await expect(r.code).rejects.toThrow(new UsageError(message));
    expect(r.asked).toEqual([]);
    expect(existsSync(fresh)).toBe(false);

    const kept = join(dir, 'kept.answers.yaml');
    const text = `schemaVersion: 1\nkind: answers\nrubric: ${rubricPath}\ncouncil: { name: Kept }\nanswers: { alpha.a1: 2 }\n`;
    writeFileSync(kept, text);
    const again = run(['Never asked'], { answers: kept, only });
    await expect(again.code).rejects.toThrow(new UsageError(message));
    expect(again.asked).toEqual([]);
    expect(again.said).toEqual([]);
    expect(readFileSync(kept, 'utf8')).toBe(text);
  });
});

describe('interview --assessor and "Who is answering?"', () => {
  test('--assessor is saved (trimmed) and the question is not asked', async () => {
    const path = join(tempDir(), 'given.answers.yaml');
    const r = run(['Givenford', 'County', '1 Some', ''], { answers: path, assessor: '  Head of HR ' });
    expect(await r.code).toBe(130);
    expect(r.asked).not.toContain(WHO);
    expect(r.asked).toEqual(["What is the council's name?", 'What type of council is this?', 'A one', 'Evidence (optional; press Enter to skip):', 'A two']);
    const { answers } = await loadAnswers(path);
    expect(answers.assessor).toBe('Head of HR');
    expect(answers.answers).toEqual({ 'alpha.a1': 1 });
  });

  test('asked once after the council name and saved; resuming a file that has an assessor does not ask again', async () => {
    const path = join(tempDir(), 'asked.answers.yaml');
    const first = run(['Askford', '  Head of Finance ', 'County', '1 Some', ''], { answers: path });
    expect(await first.code).toBe(130);
    expect(first.asked.slice(0, 3)).toEqual(["What is the council's name?", WHO, 'What type of council is this?']);
    expect(first.asked.filter((m) => m === WHO)).toHaveLength(1);
    expect((await loadAnswers(path)).answers.assessor).toBe('Head of Finance');

    const second = run(['2 Most', ''], { answers: path });
    expect(await second.code).toBe(130);
    expect(second.asked).toEqual(['A two', 'Evidence (optional; press Enter to skip):', 'B one']);
    const { answers } = await loadAnswers(path);
    expect(answers.assessor).toBe('Head of Finance');
    expect(answers.answers).toEqual({ 'alpha.a1': 1, 'alpha.a2': 2 });
  });

  test('Enter skips it: no assessor in the file, which validates; a file with none is asked again on resume', async () => {
    const path = join(tempDir(), 'skipped.answers.yaml');
    const first = run(['Skipford', '', 'County', '1 Some', ''], { answers: path });
    expect(await first.code).toBe(130);
    expect(readFileSync(path, 'utf8')).not.toMatch(/^assessor:/m);
    expect((await loadAnswers(path)).answers.assessor).toBeUndefined();
    expect(cli(['validate', path]).code).toBe(0);

    const second = run(['Head of Policy'], { answers: path });
    expect(await second.code).toBe(130);
    expect(second.asked).toEqual([WHO, 'A two']);
    expect((await loadAnswers(path)).answers.assessor).toBe('Head of Policy');
  });

  // Review 13 entry 9: this test expected the file's assessor to be replaced; a file is one person's
  // view, so another --assessor is now refused before anything is asked or written.
  test('--assessor on a file that names someone else is refused, and the file is left as it was; the same name in another spelling is not', async () => {
    const path = join(tempDir(), 'other.answers.yaml');
    const text = `schemaVersion: 1\nkind: answers\nrubric: ${rubricPath}\ncouncil: { name: Other, type: county }\nassessor: Head of Finance\nanswers: { alpha.a1: 2 }\n`;
    writeFileSync(path, text);
    const r = run([], { answers: path, assessor: 'Head of HR' });
    await expect(r.code).rejects.toThrow(
      new UsageError(
        `${path} holds Head of Finance's answers (its assessor:); to answer as Head of HR, start your own file with --answers ${join(path, '..', 'head-of-hr.answers.yaml')}, or leave out --assessor to carry on with Head of Finance's`,
      ),
    );
    expect(r.asked).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(text);

    const same = run([], { answers: path, assessor: ' head of finance ' });
    expect(await same.code).toBe(130);
    expect(same.asked).toEqual(['A two']);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  test('an --assessor of nothing but spaces is a usage error, before anything is asked', async () => {
    const path = join(tempDir(), 'blank.answers.yaml');
    const r = run(['Never asked'], { answers: path, assessor: '   ' });
    await expect(r.code).rejects.toThrow(
      new UsageError('--assessor: give the name or job title of who is answering, such as --assessor "Head of HR"'),
    );
    expect(r.asked).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });
});
