// `moderate`, and the interview's question text, wrapped to the terminal's width (REVIEW-13 entry
// 10): in a 40-column terminal no line is wider than 40 columns and no word that fits on a line is
// split. The width is the terminal's (process.stdout.columns, taken as 40 to 100), as the CLI reads it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInterviewCommand } from '../../src/cli/actions/interview.js';
import { runModerate } from '../../src/cli/actions/moderate.js';
import { promptWidth } from '../../src/cli/width.js';
import { loadRubric } from '../../src/io/load.js';
import { columns } from '../../src/render/width.js';
import { root, tempDir } from '../helpers.js';
import { captureStderr, hooked, scriptedPrompter } from '../interview/scripted-prompter.js';

captureStderr();

/** Runs `body` as if stdout were a terminal `n` columns wide. */
async function inTerminal<T>(n: number | undefined, body: () => Promise<T>): Promise<T> {
  const had = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
  Object.defineProperty(process.stdout, 'columns', { value: n, configurable: true, writable: true });
  try {
    return await body();
  } finally {
    if (had) Object.defineProperty(process.stdout, 'columns', had);
    else delete (process.stdout as { columns?: number }).columns;
  }
}

/** Every line of everything said. */
const lines = (said: string[]) => said.flatMap((text) => text.split('\n'));
/** What was said, each text's lines joined again as the words they were wrapped from. */
const unwrapped = (said: string[]) => said.map((text) => text.replace(/\n\s*/g, ' '));

const rubric = (await loadRubric('eight-characteristics')).rubric;
const indicator = (key: string) => {
  const [c, i] = key.split('.');
  return rubric.characteristics.find((x) => x.id === c)!.indicators.find((x) => x.id === i)!;
};

describe('the width the CLI reads', () => {
  test.each([
    [40, 38],
    [25, 38], // never narrower than 40
    [100, 98],
    [200, 98], // never wider than 100
    [undefined, 78], // not a terminal: 80
  ])('a terminal %p columns wide: lines of %p', async (n, want) => {
    expect(await inTerminal(n, async () => promptWidth())).toBe(want);
  });
});

describe('moderate in a 40-column terminal', () => {
  test('statement, question, views, evidence and messages: no line over 40 columns, no word split', async () => {
    const path = join(tempDir(), 't.yaml'); // short, so every word of the messages fits a line
    writeFileSync(path, readFileSync(join(root, 'examples', 'team', 'combined.answers.yaml'), 'utf8'));
    const s = hooked([
      '2 Developing',
      // The lead settles it meanwhile: the message saying so is wrapped too.
      () => writeFileSync(path, readFileSync(path, 'utf8').replace('  approach.staff-in-communities:   # disputed: views from 1 to 3\n    score: 1\n', '  approach.staff-in-communities:   # disputed: views from 1 to 3\n    score: 2\n    agreed: Settled by the lead with HR on Friday\n')),
      'The counts exist but services do not use them yet',
    ]);
    expect(await inTerminal(40, () => runModerate(path, {}, s.prompter))).toBe(130);

    const over = lines(s.said).filter((line) => columns(line) > 40);
    expect(over).toEqual([]);
    const text = unwrapped(s.said);
    const staff = indicator('approach.staff-in-communities');
    expect(text).toContain(staff.statement);
    expect(text).toContain(staff.question);
    expect(text).toContain('  Head of Communities: 1\u00a0Emerging (confidence: medium)');
    expect(text).toContain('    Evidence: The staff survey asks where staff live, but nobody uses the answers');
    expect(text).toContain('  Head of HR and Organisational Development: 3\u00a0Embedded (confidence: high)');
    expect(text).toContain(
      '    Evidence: Anonymised counts of staff by home area go to the locality teams each quarter; 60 staff have joined the community links register',
    );
    expect(text).toContain(
      'Someone else settled approach.staff-in-communities while you were on it: 2 Developing, reason: Settled by the lead with HR on Friday. ' +
        'Theirs is kept, and the level agreed here (2 Developing, reason: The counts exist but services do not use them yet) was not saved; ' +
        'to change it, go back to it or run moderate again with --all.',
    );
    // The hanging indents hold on every line of a view.
    const hr = s.said.find((t) => t.startsWith('  Head of HR'))!;
    expect(hr.split('\n').slice(1).every((l) => l.startsWith('    ') && !l.startsWith('     '))).toBe(true);
    expect(hr.split('\n').length).toBeGreaterThan(1);
  });

  test('the same session in a 100-column terminal: the same words, in longer lines', async () => {
    const path = join(tempDir(), 't.yaml');
    writeFileSync(path, readFileSync(join(root, 'examples', 'team', 'combined.answers.yaml'), 'utf8'));
    const s = scriptedPrompter([]);
    expect(await inTerminal(100, () => runModerate(path, {}, s.prompter))).toBe(130);
    const longest = Math.max(...lines(s.said).map(columns));
    expect(longest).toBeGreaterThan(78);
    expect(longest).toBeLessThanOrEqual(98);
    expect(unwrapped(s.said)).toContain(indicator('approach.staff-in-communities').statement);
  });
});

describe('the interview in a 40-column terminal', () => {
  test('the question and "What to look for": no line over 40 columns, no word split', async () => {
    const path = join(tempDir(), 'mine.yaml');
    writeFileSync(
      path,
      'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Saltby District Council, type: district }\nassessor: Tester\nanswers: {}\n',
    );
    const s = scriptedPrompter([]);
    expect(await inTerminal(40, () => runInterviewCommand({ answers: path, only: 'approach.staff-in-communities', color: false }, s.prompter))).toBe(130);
    const staff = indicator('approach.staff-in-communities');
    const question = s.said.find((t) => t.startsWith(staff.question.split(' ')[0]!) && t.replace(/\n\s*/g, ' ') === staff.question);
    const guidance = s.said.find((t) => t.startsWith('  What to look for:'));
    expect(question).toBeDefined();
    expect(question!.split('\n').length).toBeGreaterThan(1);
    expect(guidance!.replace(/\n\s*/g, ' ')).toBe(`  What to look for: ${staff.guidance}`);
    for (const text of [question!, guidance!]) expect(text.split('\n').filter((l) => columns(l) > 40)).toEqual([]);
  });
});
