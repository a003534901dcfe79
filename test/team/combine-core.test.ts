// Issue 13 item 2, in-process: the pure combination (core/combine.ts) and the file it is written as
// (render/combined-file.ts), which must read back as exactly the data, whatever the officers typed.
import { parse } from 'yaml';
import type { CombineInput } from '../../src/core/combine.js';
import { combine, combineProblems, sameViews, viewName } from '../../src/core/combine.js';
import { InputError } from '../../src/core/errors.js';
import type { AnswersFile, Rubric } from '../../src/core/types.js';
import { renderCombinedFile, renderCombineSummary } from '../../src/render/combined-file.js';

const rubric: Rubric = {
  schemaVersion: 1,
  kind: 'rubric',
  id: 'tiny',
  version: '1.0.0',
  title: 'Tiny',
  source: 'tests',
  scale: [
    { value: 0, label: 'None' },
    { value: 1, label: 'Some' },
    { value: 2, label: 'Most' },
    { value: 3, label: 'All' },
  ],
  bands: [{ min: 0, label: 'Low' }],
  profile: [{ id: 'type', question: 'Type?', options: ['county', 'unitary'] }],
  characteristics: [
    {
      id: 'c',
      title: 'C',
      indicators: ['i1', 'i2', 'i3', 'i4'].map((id) => ({ id, statement: id, question: `${id}?`, nextSteps: { 0: 's', 1: 's', 2: 's' } })),
    },
  ],
} as unknown as Rubric;

function input(file: string, answers: AnswersFile['answers'], extra: Partial<AnswersFile> = {}): CombineInput {
  return {
    file,
    answers: { schemaVersion: 1, kind: 'answers', rubric: 'tiny.yaml', council: { name: 'Tinyshire' }, ...extra, answers },
    rubric: { id: 'tiny', version: '1.0.0', hash: 'h', source: 'rubric tiny.yaml' },
    // Positions are the loader's business; here every problem is placed by its path.
    locate: (p) => ({ file, line: 1, col: 1, path: p.label ?? p.path.join('.'), message: p.message }),
  };
}

describe('viewName', () => {
  it('is the assessor, trimmed, else the file name without any extension', () => {
    expect(viewName('a/b/hr.answers.yaml', { assessor: '  Head of HR ' } as AnswersFile)).toEqual({ name: 'Head of HR', fromFileName: false });
    expect(viewName('a/b/hr.answers.yaml', { assessor: '   ' } as AnswersFile)).toEqual({ name: 'hr', fromFileName: true });
    expect(viewName('C:\\officers\\finance.yaml', {} as AnswersFile)).toEqual({ name: 'finance', fromFileName: true });
    expect(viewName('.hidden.yaml', {} as AnswersFile)).toEqual({ name: '.hidden.yaml', fromFileName: true });
  });
});

describe('combine (pure)', () => {
  it('lower median, unknown and n/a, and the summary counts, by hand', () => {
    const result = combine(
      [
        input('a.yaml', { 'c.i1': 0, 'c.i2': 'n/a', 'c.i3': 'unknown', 'c.i4': null }, { assessor: 'A', assessedOn: '2026-01-05', council: { name: 'Tinyshire', type: 'county' } }),
        input('b.yaml', { 'c.i1': 3, 'c.i2': 1, 'c.i3': 'n/a' }, { assessor: 'B', assessedOn: '2026-02-01' }),
        input('c.yaml', { 'c.i1': { score: 1, evidence: 'x' }, 'c.i2': 'n/a', 'c.i3': 'unknown' }, { assessor: 'C', assessedOn: '2025-12-31', council: { name: 'TINYSHIRE ', type: null } }),
      ],
      { rubric, rubricRef: 'tiny.yaml' },
    );
    expect(result.answers.council).toEqual({ name: 'Tinyshire', type: 'county' });
    expect(result.answers.assessedOn).toBe('2026-02-01');
    expect(result.answers.answers).toEqual({
      'c.i1': { score: 1, views: [{ assessor: 'A', score: 0 }, { assessor: 'B', score: 3 }, { assessor: 'C', score: 1, evidence: 'x' }] }, // 0 1 3 -> 1
      'c.i2': { score: 1, views: [{ assessor: 'A', score: 'n/a' }, { assessor: 'B', score: 1 }, { assessor: 'C', score: 'n/a' }] }, // n/a beside a number: disputed
      'c.i3': { score: 'unknown', views: [{ assessor: 'A', score: 'unknown' }, { assessor: 'B', score: 'n/a' }, { assessor: 'C', score: 'unknown' }] },
    });
    expect(result.summary).toMatchObject({ withViews: 3, agree: 1, differByOne: 0, disputed: ['c.i1', 'c.i2'] });
    expect(renderCombineSummary(result.summary)[0]).toBe('3 indicators: 1 agrees, 0 differ by one level, 2 disputed: c.i1, c.i2');
  });

  it('refuses with every problem, located in the file it is about', () => {
    const files = [
      input('a.yaml', {}, { assessor: 'A', council: { name: 'Tinyshire', type: 'county' } }),
      input('b.yaml', {}, { assessor: 'a', council: { name: 'Tinyshire', type: 'unitary' } }),
    ];
    expect(combineProblems(files, rubric).map((p) => `${p.file}: ${p.path}`)).toEqual(['b.yaml: council.type', 'b.yaml: assessor']);
    expect(() => combine(files, { rubric, rubricRef: 'tiny.yaml' })).toThrow(InputError);
  });

  it('sameViews ignores the order of views, and nothing else', () => {
    const a = [{ assessor: 'A', score: 1 as const }, { assessor: 'B', score: 'n/a' as const, evidence: 'e' }];
    expect(sameViews(a, [...a].reverse())).toBe(true);
    expect(sameViews(a, [a[0]!, { ...a[1]!, evidence: 'f' }])).toBe(false);
    expect(sameViews(a, [a[0]!, { ...a[1]!, confidence: 'low' }])).toBe(false);
    expect(sameViews(a, [a[0]!])).toBe(false);
    expect(sameViews(a, [a[0]!, { ...a[1]!, assessor: 'b' }])).toBe(false);
  });
});

describe('renderCombinedFile', () => {
  it('reads back as exactly the data, whatever the names, evidence and file names hold', () => {
    const awkward = [
      'Head of HR: Finance',
      '# not a comment',
      'yes',
      '2nd officer',
      "O'Brien (Policy)",
      'line\nbreak',
      ' "quoted" \\ back',
      'tab\there',
      'emoji 🙂 and é',
      '- dash',
      'null',
    ];
    const file: AnswersFile = {
      schemaVersion: 1,
      kind: 'answers',
      rubric: 'rubrics/my rubric: v2.yaml',
      council: { name: 'St. Ives: "Town" Council', type: 'county' },
      assessedOn: '2026-03-01',
      assessors: awkward as [string, ...string[]],
      answers: {
        'c.i1': {
          score: 2,
          evidence: 'Moderated\nat "the" workshop # 2',
          agreed: 'yes: we agreed\u0007',
          views: awkward.map((assessor, i) => ({ assessor, score: i % 4, evidence: `${assessor} says: {x}, [y]` })) as never,
        },
        'c.i2': { score: 'n/a', views: [{ assessor: 'A', score: 'n/a', confidence: 'low' }] },
      },
    };
    const text = renderCombinedFile(file, rubric, { inputs: ['evil\nname.yaml', 'ok.yaml'] });
    expect(parse(text)).toEqual(file);
    // the file name's line break is shown, not obeyed: every line before the data is a comment
    const header = text.slice(0, text.indexOf('schemaVersion:')).split('\n').filter(Boolean);
    expect(header.every((line) => line.startsWith('# '))).toBe(true);
  });
});
