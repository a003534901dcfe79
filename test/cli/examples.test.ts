// The bundled examples: each prints a report, its JSON validates, and the numbers match hand-worked values.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root, tempDir } from '../helpers.js';

const validateReport = new Ajv.default({ allErrors: true }).compile(
  JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8')),
);
const examples = ['brackenford-unitary', 'eastmoor-county', 'saltmarsh-district'].map((n) => `examples/${n}.answers.yaml`);
const json = (file: string, ...args: string[]) => JSON.parse(cli(['assess', file, '--format', 'json', ...args]).stdout);

describe('bundled examples', () => {
  test.each(examples)('%s: text report, and JSON valid against the report schema', (file) => {
    const text = cli(['assess', file]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^Overall {2}\d+\.\d \/ 100/m);
    const report = json(file);
    expect(validateReport(report)).toBe(true);
    expect(report.characteristics.map((c: { id: string }) => c.id)).toEqual([
      'intent', 'approach', 'knowledge', 'commissioning', 'governance', 'culture', 'partnership', 'measurement',
    ]);
  });

  test('saltmarsh (district): unknown counts 0, n/a and the unitary-only indicator are left out', () => {
    const r = json('examples/saltmarsh-district.answers.yaml');
    const score = (id: string) => r.characteristics.find((c: { id: string }) => c.id === id).score;
    expect(score('intent')).toBeCloseTo((100 * (2 + 2 + 0 + 1)) / 12, 12); // budget-and-demand unknown
    expect(score('approach')).toBeCloseTo((100 * (2 + 1 + 2 + 2 + 0 + 1)) / 18, 12); // ward-forums excluded
    expect(score('commissioning')).toBeCloseTo((100 * (1 + 1 + 0)) / 9, 12); // social-investment n/a
    const all = [5 / 12, 8 / 18, 3 / 9, 2 / 9, 7 / 12, 1 / 6, 2 / 9, 2 / 9].map((x) => 100 * x);
    expect(r.overall.score).toBeCloseTo(all.reduce((a, b) => a + b) / 8, 12);
    expect(r.overall.band).toBe('Building foundations');
    expect(r.overall.coverage).toBe(1); // 29 applicable, all answered
    const ward = r.characteristics[1].indicators.find((i: { key: string }) => i.key === 'approach.ward-forums');
    expect(ward).toEqual({ key: 'approach.ward-forums', statement: expect.any(String), applicable: false, answer: 'n/a' });
    expect(r.gaps.slice(0, 3).map((g: { key: string; unknown: boolean }) => [g.key, g.unknown])).toEqual([
      ['intent.budget-and-demand', true],
      ['approach.staff-in-communities', true],
      ['knowledge.spend-by-community', true],
    ]);
  });

  test('eastmoor (county, incomplete): coverage and not-assessed list', () => {
    const r = json('examples/eastmoor-county.answers.yaml');
    expect(r.overall.coverage).toBeCloseTo(17 / 29, 12);
    expect(r.notAssessed).toHaveLength(12);
    expect(r.notAssessed[0]).toBe('intent.service-trap');
    expect(r.notAssessed).not.toContain('approach.ward-forums');
    expect(cli(['assess', 'examples/eastmoor-county.answers.yaml', '--strict']).code).toBe(1);
  });

  test('brackenford (unitary, complete): ward forums scored; passes --strict and --fail-under 70', () => {
    const r = json('examples/brackenford-unitary.answers.yaml');
    expect(r.overall.coverage).toBe(1);
    expect(r.notAssessed).toEqual([]);
    expect(r.characteristics[1].score).toBeCloseTo((100 * (3 + 2 + 2 + 3 + 3 + 1 + 2)) / 21, 12);
    expect(cli(['assess', 'examples/brackenford-unitary.answers.yaml', '--strict', '--fail-under', '70']).code).toBe(0);
  });

  // Rubric 1.3.0 asks Ward Forums of metropolitan and London boroughs too. No bundled example is either, so no
  // example's score moves; Brackenford's answers given as a metropolitan or London borough keep ward-forums (3)
  // in approach: 100 * (3 + 2 + 2 + 3 + 3 + 1 + 2) / 21 = 1600 / 21 = 76.19..., the same as for a unitary.
  test.each(['metropolitan-district', 'london-borough'])('as a %s, Brackenford is still asked about ward forums', (type) => {
    const dir = tempDir();
    const text = readFileSync(join(root, 'examples', 'brackenford-unitary.answers.yaml'), 'utf8');
    writeFileSync(join(dir, 'single-tier.yaml'), text.replace('type: unitary', `type: ${type}`).replace(/^rubric: .*$/m, 'rubric: eight-characteristics'));
    const r = JSON.parse(cli(['assess', 'single-tier.yaml', '--format', 'json'], { cwd: dir }).stdout);
    const ward = r.characteristics[1].indicators.find((i: { key: string }) => i.key === 'approach.ward-forums');
    expect(ward.applicable).toBe(true);
    expect(r.characteristics[1].score).toBeCloseTo((100 * (3 + 2 + 2 + 3 + 3 + 1 + 2)) / 21, 12);
    expect(r.overall.coverage).toBe(1);
  });
});

describe('default rubric', () => {
  test('rubrics lists it with 30 indicators, as text and JSON', () => {
    const text = cli(['rubrics']);
    expect(text.code).toBe(0);
    // The title wraps beside the id to fit 80 columns (issue 11, row 18).
    expect(text.stdout).toMatch(/^eight-characteristics {3}Eight characteristics [^]*?8\s+characteristics, 30 indicators\)$/m);
    const rows = JSON.parse(cli(['rubrics', '--format', 'json']).stdout);
    expect(rows).toContainEqual(expect.objectContaining({ id: 'eight-characteristics', indicators: 30, characteristics: 8 }));
  });

  test('Ward Forums is the one indicator limited by type: single-tier councils (unitary, metropolitan, London)', () => {
    const rubric = readFileSync(join(root, 'rubrics', 'eight-characteristics.yaml'), 'utf8');
    expect(rubric.match(/appliesTo:/g)).toHaveLength(1);
    expect(rubric).toMatch(/- id: ward-forums\n(?:.*\n)*? {8}appliesTo: \{ type: \[unitary, metropolitan-district, london-borough\] \}/);
  });

  test('template round-trips: the blank template validates and assesses as nothing answered', () => {
    const out = join(tempDir(), 'blank.answers.yaml');
    expect(cli(['template', '--output', out]).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/answers\.schema\.json$/);
    expect(text.match(/^ {2}[a-z-]+\.[a-z-]+:$/gm)).toHaveLength(30);
    expect(cli(['validate', out]).code).toBe(0);
    const report = json(out);
    expect(report.overall).toEqual({ score: null, band: null, coverage: 0, toTarget: null });
    expect(report.notAssessed).toHaveLength(30); // no type given, so ward forums applies too
  });
});
