// The JSON report of a combined answers file (SPEC "Several assessors"): views, spread, disputed and
// agreed per indicator, and agreement, against values worked out by hand from the fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root } from '../helpers.js';

const dir = 'test/fixtures/team/reports';
const unsettled = `${dir}/unsettled.answers.yaml`;
const settled = `${dir}/settled.answers.yaml`;
const noAssessors = `${dir}/no-assessors.answers.yaml`;
const reportSchema = JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8'));
const validateReport = new Ajv.default({ allErrors: true }).compile(reportSchema);

interface Indicator {
  key: string;
  answer: unknown;
  views?: { assessor: string; score: unknown; evidence?: string; confidence?: string }[];
  spread?: number | null;
  disputed?: boolean;
  agreed?: string | null;
  [k: string]: unknown;
}

function report(file: string) {
  const r = cli(['assess', file, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(validateReport(json)).toBe(true);
  const indicators = new Map<string, Indicator>(json.characteristics.flatMap((c: { indicators: Indicator[] }) => c.indicators).map((i: Indicator) => [i.key, i]));
  return { json, indicators };
}

/** [answer, spread, disputed, agreed] of one indicator. */
const fields = (i: Indicator | undefined) => [i?.answer, i?.spread, i?.disputed, i?.agreed];

describe('assess --format json of a combined file', () => {
  let json: ReturnType<typeof report>['json'];
  let indicators: ReturnType<typeof report>['indicators'];
  beforeAll(() => ({ json, indicators } = report(unsettled)));

  test('spread and disputed per SPEC, worked by hand for odd and even views, n/a, unknown and a single view', () => {
    // 1, 3, 2: sorted 1 2 3, spread 3 - 1 = 2 >= 2
    expect(fields(indicators.get('intent.strategic-plans'))).toEqual([2, 2, true, null]);
    // 3, 1 (even): spread 2, disputed; agreed at 2 with a reason
    expect(fields(indicators.get('intent.defined-approach'))).toEqual([2, 2, true, 'The approach is agreed but not yet used by every directorate.']);
    // 2, 3: one level apart
    expect(fields(indicators.get('intent.budget-and-demand'))).toEqual([2, 1, false, null]);
    // n/a beside 2: one number, spread 0, yet disputed
    expect(fields(indicators.get('intent.service-trap'))).toEqual([2, 0, true, null]);
    // unknown, 1, 2: unknown is not numeric, spread 2 - 1 = 1
    expect(fields(indicators.get('approach.reducing-demand'))).toEqual([1, 1, false, null]);
    // unknown, unknown and n/a, n/a: no number, so no spread to measure
    expect(fields(indicators.get('approach.co-production'))).toEqual(['unknown', null, false, null]);
    expect(fields(indicators.get('approach.member-involvement'))).toEqual(['n/a', null, false, null]);
    // one view: spread 0
    expect(fields(indicators.get('approach.ward-forums'))).toEqual([3, 0, false, null]);
    // 0, 3, 1, 2 (even): spread 3
    expect(fields(indicators.get('approach.community-teams'))).toEqual([1, 3, true, null]);
    // unknown, 0, 3: spread 3
    expect(fields(indicators.get('knowledge.asset-mapping'))).toEqual([1, 3, true, 'Mapping exists for two wards only.']);
  });

  test('in a combined file every indicator has all four fields: an answer without views, or none at all, has views []', () => {
    expect(fields(indicators.get('approach.staff-in-communities'))).toEqual([2, null, false, null]);
    expect(indicators.get('approach.staff-in-communities')!.views).toEqual([]);
    expect(fields(indicators.get('approach.devolved-budgets'))).toEqual([null, null, false, null]);
    expect(indicators.get('approach.devolved-budgets')!.views).toEqual([]);
    for (const i of indicators.values()) expect(Object.keys(i).slice(-4)).toEqual(['views', 'spread', 'disputed', 'agreed']);
  });

  test('views as in the file, in its order, each with assessor, score and evidence and confidence where given', () => {
    expect(indicators.get('intent.strategic-plans')!.views).toEqual([
      { assessor: 'Head of HR', score: 1, evidence: 'Only the workforce plan mentions it.', confidence: 'high' },
      { assessor: 'Finance', score: 3, evidence: 'The medium-term financial plan, section 4.' },
      { assessor: 'Head of Commissioning', score: 2 },
    ]);
    expect(indicators.get('approach.community-teams')!.views!.map((v) => v.score)).toEqual([0, 3, 1, 2]);
    expect(indicators.get('approach.community-teams')!.views![0]!.evidence).toBe('Two posts,\nboth vacant \u001b[31msince May');
    // the answer's own evidence (the moderation's) stays where it was
    expect(indicators.get('intent.defined-approach')!.evidence).toBe('Cabinet paper of March 2026.');
  });

  test('agreement: the assessors, 10 indicators with views, 5 disputed, 2 settled', () => {
    expect(Object.keys(json)).toEqual([
      'schemaVersion', 'tool', 'rubric', 'council', 'source', 'overall', 'characteristics', 'gaps', 'notAssessed', 'agreement',
    ]);
    expect(json.agreement).toEqual({
      assessors: ['Head of HR', 'Finance', 'Head of Commissioning', 'Deputy Chief Executive'],
      withViews: 10,
      disputed: 5,
      settled: 2,
    });
  });

  test('scores come from each answer\'s score, as for any answers file', () => {
    // intent: 2 + 2 + 2 + 2 of 4 x 3
    expect(json.characteristics[0].score).toBeCloseTo((100 * 8) / 12, 12);
  });

  test('all disputes settled: settled equals disputed', () => {
    const { json: s, indicators: i } = report(settled);
    expect(s.agreement).toEqual({ assessors: ['Head of HR', 'Finance'], withViews: 4, disputed: 2, settled: 2 });
    expect(fields(i.get('knowledge.spend-by-community'))).toEqual([0, 1, false, null]);
    expect(fields(i.get('commissioning.early-engagement'))).toEqual([2, 0, false, null]);
    expect(fields(i.get('approach.co-production'))).toEqual([2, 0, true, "Co-production is part of the council's work, so it applies."]);
  });

  test('views without an assessors list: the assessors in the order their views first appear', () => {
    const { json: n } = report(noAssessors);
    expect(n.agreement).toEqual({ assessors: ['Policy Lead', 'Head of HR', 'Learning Manager'], withViews: 2, disputed: 0, settled: 0 });
  });

  test('an ordinary answers file: no views, spread, disputed, agreed or agreement anywhere', () => {
    for (const file of ['examples/saltmarsh-district.answers.yaml', 'examples/brackenford-unitary.answers.yaml']) {
      const { json: o, indicators: i } = report(file);
      expect(o.agreement).toBeUndefined();
      for (const indicator of i.values()) {
        for (const key of ['views', 'spread', 'disputed', 'agreed']) expect(Object.hasOwn(indicator, key)).toBe(false);
      }
    }
  });

  test('the schema refuses a combined indicator with only some of the four fields', () => {
    const broken = structuredClone(json);
    delete broken.characteristics[0].indicators[0].spread;
    expect(validateReport(broken)).toBe(false);
    const stray = structuredClone(report('examples/saltmarsh-district.answers.yaml').json);
    stray.characteristics[0].indicators[0].disputed = false;
    expect(validateReport(stray)).toBe(false);
  });
});
