// core/sheet-answers.ts on its own: plain cells in, an answers file and located problems out.
import { sheetsToAnswers, templateContent, type Sheet } from '../../src/core/sheet-answers.js';
import type { Rubric } from '../../src/core/types.js';

const rubric = {
  schemaVersion: 1,
  kind: 'rubric',
  id: 'tiny',
  version: '1.0.0',
  title: 'Tiny',
  source: 'test',
  scale: [
    { value: 0, label: 'None' },
    { value: 1, label: 'Some' },
    { value: 2, label: 'All' },
  ],
  bands: [{ min: 0, label: 'Any' }],
  profile: [{ id: 'type', question: 'Type?', options: ['county', 'district'] }],
  characteristics: [
    {
      id: 'a',
      title: 'A',
      indicators: [
        { id: 'one', statement: 'One.', question: 'One?', nextSteps: { 0: 'x', 1: 'y' } },
        { id: 'two', statement: 'Two.', question: 'Two?', nextSteps: { 0: 'x', 1: 'y' } },
        { id: 'three', statement: 'Three.', question: 'Three?', nextSteps: { 0: 'x', 1: 'y' } },
      ],
    },
  ],
} as unknown as Rubric;

const header = templateContent(rubric, { rubricRef: 'tiny' }).header;
const council: Sheet = {
  name: 'Council',
  rows: [
    { number: 2, cells: ['Council name', 'Tinyton'] },
    { number: 3, cells: ['Type?', 'district'] },
    { number: 4, cells: ['Assessed on', { day: '2026-05-01' }] },
  ],
};
const row = (number: number, key: string, answer: unknown, evidence: unknown = null, confidence: unknown = null, target: unknown = null) => ({
  number,
  cells: [key, null, null, null, null, null, null, null, answer, evidence, confidence, target] as Sheet['rows'][number]['cells'],
});

test('rows matched by Key in any order; blanks unanswered; numbers, labels and words read; text kept as typed', () => {
  const answers: Sheet = {
    name: 'Answers',
    rows: [
      { number: 1, cells: header },
      row(2, 'a.three', "Don\u2019t know", '  +44 | @x  '),
      row(3, 'a.one', '2 All', null, 'High', 2),
      row(4, 'a.two', null),
    ],
  };
  const { answerCells, ...read } = sheetsToAnswers(rubric, 'tiny', { council, answers });
  // Each answered indicator's Answer cell, where a warning about it is shown.
  expect(answerCells.get('a.one')).toEqual({ sheet: 'Answers', row: 3, col: 9, label: 'a.one', message: '' });
  expect(read).toEqual({
    problems: [],
    file: {
      schemaVersion: 1,
      kind: 'answers',
      rubric: 'tiny',
      council: { name: 'Tinyton', type: 'district' },
      assessedOn: '2026-05-01',
      answers: { 'a.one': { score: 2, confidence: 'high', target: 2 }, 'a.three': { score: 'unknown', evidence: '  +44 | @x  ' } },
    },
  });
});

test('each mistake located by sheet, row and column (from 1)', () => {
  const answers: Sheet = {
    name: 'Answers',
    rows: [{ number: 1, cells: header }, row(2, 'a.one', 3), row(3, 'a.tow', 1), row(4, 'a.one', 1), row(5, 'a.two', { formula: 'A1' })],
  };
  expect(sheetsToAnswers(rubric, 'tiny', { council, answers }).problems).toEqual([
    { sheet: 'Answers', row: 2, col: 9, label: 'a.one', message: '3 is not on the scale 0-2' },
    { sheet: 'Answers', row: 3, col: 1, label: 'a.tow', message: 'not an indicator of rubric "tiny"; did you mean "a.two"?' },
    { sheet: 'Answers', row: 4, col: 1, label: 'a.one', message: 'is already on row 2; each indicator has one row' },
    { sheet: 'Answers', row: 5, col: 9, message: 'is a formula (=A1); type the value itself: formulas are never worked out' },
  ]);
});
