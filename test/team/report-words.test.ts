// The words beside an answer for every mix of views (in-process: the renderers' shared helper), and
// the core's spread, disputed and settled for the cases the fixtures do not reach.
import { isSettled, needsSettling, viewFields } from '../../src/core/agreement.js';
import { agreementSummaryLine, asSentence, viewsRange } from '../../src/render/agreement.js';

type Score = number | 'n/a' | 'unknown';
const views = (...scores: Score[]) => scores.map((score, i) => ({ assessor: `A${i}`, score }));

describe('viewsRange: what the views were, beside the answer', () => {
  test.each<[Score[], string | null]>([
    [[], null],
    [[2], 'from 1 assessor'],
    [['n/a'], 'from 1 assessor'],
    [[2, 2], 'both assessors agree'],
    [['unknown', 'unknown', 'unknown'], 'all 3 assessors agree'],
    [[1, 3, 2], 'views 1–3 from 3 assessors'],
    [[3, 0, 1, 2], 'views 0–3 from 4 assessors'],
    [[2, 'n/a'], 'views 2 and not applicable from 2 assessors'],
    [[2, 2, 'unknown'], "views 2 and don't know from 3 assessors"],
    [['unknown', 'n/a'], "views don't know and not applicable from 2 assessors"],
    [[1, 'n/a', 3, 'unknown', 2], "views 1–3, don't know and not applicable from 5 assessors"],
  ])('%j -> %j', (scores, words) => {
    expect(viewsRange(views(...scores))).toBe(words);
  });

  test('no views field at all (an ordinary file): nothing', () => {
    expect(viewsRange(undefined)).toBeNull();
  });
});

describe('viewFields and settling', () => {
  test.each<[Score[], number | null, boolean]>([
    [[], null, false],
    [['unknown'], null, false],
    [['n/a', 'unknown'], null, false],
    [['n/a', 0], 0, true],
    [[0, 1], 1, false],
    [[0, 2], 2, true],
    [[3, 'unknown', 3], 0, false],
  ])('%j: spread %j, disputed %j', (scores, spread, disputed) => {
    // views: [] cannot be written in a file (minItems 1), but the report must not care
    const f = viewFields({ score: null, views: views(...scores) as [ReturnType<typeof views>[number]] });
    expect([f.spread, f.disputed]).toEqual([spread, disputed]);
  });

  test('a plain answer in a combined file has no views', () => {
    expect(viewFields(2)).toEqual({ views: [], spread: null, disputed: false, agreed: null });
    expect(viewFields(undefined)).toEqual({ views: [], spread: null, disputed: false, agreed: null });
  });

  test('settled: disputed, with agreed that gives a reason; a blank one settles nothing', () => {
    expect(isSettled({ disputed: true, agreed: 'We agreed 2.' })).toBe(true);
    expect(isSettled({ disputed: true, agreed: ' \n ' })).toBe(false);
    expect(isSettled({ disputed: true, agreed: '' })).toBe(false);
    expect(isSettled({ disputed: true, agreed: null })).toBe(false);
    expect(isSettled({ disputed: false, agreed: 'Checked together.' })).toBe(false);
    expect(needsSettling({ disputed: false, agreed: null })).toBe(false);
    expect(needsSettling({ disputed: false, agreed: '' })).toBe(false);
    expect(needsSettling({ disputed: true, agreed: null })).toBe(true);
    expect(needsSettling({ disputed: true, agreed: '' })).toBe(true);
    expect(needsSettling({ disputed: true, agreed: ' \t ' })).toBe(true);
    expect(needsSettling({ disputed: true, agreed: 'We agreed 2.' })).toBe(false);
  });

  test('an indicator that does not apply is never disputed, whatever its views', () => {
    const answer = { score: 0, views: views(0, 3) as [ReturnType<typeof views>[number]] };
    expect(viewFields(answer).disputed).toBe(true);
    expect(viewFields(answer, false)).toMatchObject({ spread: 3, disputed: false });
    expect(needsSettling(viewFields(answer, false))).toBe(false);
  });
});

describe('agreementSummaryLine', () => {
  const line = (withViews: number, disputed: number, settled: number, assessors = ['Finance', 'HR']) =>
    agreementSummaryLine({ assessors, withViews, disputed, settled });
  test('every count said in words', () => {
    const why = '(views two or more levels apart, or not applicable beside a level)';
    expect(line(0, 0, 0)).toBe('Assessors: Finance, HR. No indicator has views yet.');
    expect(line(1, 0, 0)).toBe(`Assessors: Finance, HR. The 1 indicator with views is not disputed ${why}.`);
    expect(line(7, 0, 0)).toBe(`Assessors: Finance, HR. None of the 7 indicators with views is disputed ${why}.`);
    expect(line(7, 1, 0)).toBe(`Assessors: Finance, HR. 1 of 7 indicators with views is disputed ${why}: it is not yet settled.`);
    expect(line(7, 1, 1)).toBe(`Assessors: Finance, HR. 1 of 7 indicators with views is disputed ${why}: it is settled.`);
    expect(line(7, 3, 0)).toBe(`Assessors: Finance, HR. 3 of 7 indicators with views are disputed ${why}: none is settled yet.`);
    expect(line(7, 3, 3)).toBe(`Assessors: Finance, HR. 3 of 7 indicators with views are disputed ${why}: all are settled.`);
    expect(line(7, 3, 1, [])).toBe(`3 of 7 indicators with views are disputed ${why}: 1 settled, 2 not yet settled.`);
  });
});

describe('the text report at any width', () => {
  test.each([20, 33, 40, 60, 100])('every line of a combined file\'s report fits %i columns', async (width) => {
    const { loadAnswers } = await import('../../src/io/load.js');
    const { assess } = await import('../../src/core/score.js');
    const { renderText } = await import('../../src/render/text.js');
    const { columns } = await import('../../src/render/width.js');
    const loaded = await loadAnswers('test/fixtures/team/reports/unsettled.answers.yaml');
    const text = renderText(assess(loaded.rubric.rubric, loaded.answers), { width, scale: loaded.rubric.rubric.scale, top: 30 });
    expect(text.replace(/\s+/g, ' ')).toContain('Where assessors disagreed');
    for (const line of text.split('\n')) expect({ line, fits: columns(line) <= width }).toEqual({ line, fits: true });
  });
});

test('a reason typed without a full stop gets one, so the evidence after it reads as its own sentence', () => {
  expect(asSentence('services do not yet use them')).toBe('services do not yet use them.');
  expect(asSentence('as agreed.')).toBe('as agreed.');
  expect(asSentence('Really?  ')).toBe('Really?');
  expect(asSentence('see "the plan."')).toBe('see "the plan."');
});
