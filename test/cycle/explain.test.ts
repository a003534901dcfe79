// `explain`, through the built binary: its numbers equal the JSON report's for every example
// answers file, its text for a hand-worked fixture line by line, narrowing, and the unknown-argument error.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root, tempDir } from '../helpers.js';

const county = 'test/fixtures/cycle/targets/county.answers.yaml';
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.answers.yaml')).sort().map((f) => `examples/${f}`);

const validateExplanation = new Ajv.default({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(join(root, 'schemas', 'explain.schema.json'), 'utf8')));

function run(args: string[]) {
  const r = cli(args);
  expect(r.code).toBe(0);
  return r.stdout;
}

describe("explain's numbers are the JSON report's", () => {
  test.each([...examples, county])('%s', (file) => {
    const report = JSON.parse(run(['assess', file, '--format', 'json']));
    const e = JSON.parse(run(['explain', file, '--format', 'json']));
    expect(e.schemaVersion).toBe(1);
    expect(validateExplanation(e) ? [] : validateExplanation.errors).toEqual([]);
    expect(e.overall.score).toBe(report.overall.score);
    expect(e.overall.toTarget).toBe(report.overall.toTarget);
    expect(e.overall.band?.label ?? null).toBe(report.overall.band);
    expect(e.characteristics.map((c: { id: string; score: number | null; toTarget: number | null; band: { label: string } | null }) => [c.id, c.score, c.toTarget, c.band?.label ?? null])).toEqual(
      report.characteristics.map((c: { id: string; score: number | null; toTarget: number | null; band: string | null }) => [c.id, c.score, c.toTarget, c.band]),
    );
    // The sums it shows give the report's numbers, and each term is weight x level.
    for (const c of e.characteristics) {
      if (c.score !== null) {
        expect((100 * c.sums.points) / c.sums.possible).toBeCloseTo(c.score, 9);
        expect((100 * c.sums.reached) / c.sums.aimed).toBeCloseTo(c.toTarget, 9);
      }
      for (const i of c.indicators) if (i.counted) expect(i.points).toBe(i.weight * i.level);
      // Every indicator is shown: counted, or left out with a reason.
      for (const i of c.indicators) expect(i.counted || i.leftOut !== undefined).toBe(true);
    }
    expect(e.gaps.map((g: { key: string; priority: number; target: number; level: number }) => [g.key, g.priority, g.target, g.level])).toEqual(
      report.gaps.map((g: { key: string; priority: number; target: number; score: number }) => [g.key, g.priority, g.target, g.score]),
    );
    for (const g of e.gaps) expect(g.characteristicWeight * g.weight * (g.target - g.level)).toBeCloseTo(g.priority, 9);
  });
});

describe('explain text, worked by hand', () => {
  test('the whole working of the targets fixture, line by line, within 80 columns', () => {
    const r = cli(['explain', county]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('alpha.a3: warning: does not apply to this council');
    expect(r.stdout.split('\n')).toEqual([
      'How the scores of Testshire County Council were worked out',
      'Rubric: Targets test rubric, version 0.1.0; levels 0-3',
      '',
      'Alpha (alpha), weight 2: weight × level out of weight × 3',
      '  alpha.a1  1 × 3 = 3 out of 1 × 3 = 3',
      "            target 2 (this council's): 1 × min(3, 2) = 2 out of 1 × 2 = 2",
      '  alpha.a2  2 × 1 = 2 out of 2 × 3 = 6',
      "            target 2 (this council's): 2 × min(1, 2) = 2 out of 2 × 2 = 4",
      '  alpha.a3',
      '      left out: does not apply to a council of this type (its type is county;',
      '      the indicator applies only where type is unitary)',
      '  Sums over the 2 counted: 5 out of 9; towards targets 4 out of 6',
      '  Score: 100 × 5 / 9 = 55.6',
      '  Band: Mid, as 55.6 is at least 50, below 75 (High)',
      "  Towards targets: 100 × 4 / 6 = 66.7% of the way to this council's targets",
      '',
      'Beta (beta), weight 1: weight × level out of weight × 3',
      "  beta.b1  1 × 0 = 0 out of 1 × 3 = 3 (don't know: 0)",
      "           target 1 (this council's): 1 × min(0, 1) = 0 out of 1 × 1 = 1",
      '  beta.b2  3 × 2 = 6 out of 3 × 3 = 9',
      "           target 2 (this council's): 3 × min(2, 2) = 6 out of 3 × 2 = 6",
      '  beta.b3  1 × 1 = 1 out of 1 × 3 = 3',
      '           target 3 (the top of the scale): 1 × min(1, 3) = 1 out of 1 × 3 = 3',
      '  Sums over the 3 counted: 7 out of 15; towards targets 7 out of 10',
      '  Score: 100 × 7 / 15 = 46.7',
      '  Band: Low, as 46.7 is at least 0, below 50 (Mid)',
      "  Towards targets: 100 × 7 / 10 = 70.0% of the way to this council's targets",
      '',
      'Delta (delta), weight 1: weight × level out of weight × 3',
      '  delta.d1  left out: answered n/a (not applicable)',
      '  delta.d2  left out: not assessed (no answer yet)',
      '  Score: none, as no indicator is counted (left out of the overall score)',
      '  Band: none (no score)',
      '',
      'Overall: the weighted mean of the characteristic scores',
      '  Overall score: (2 × 55.6 + 1 × 46.7) / (2 + 1) = 52.6',
      '  Left out, with no score: Delta',
      '  Band: Mid, as 52.6 is at least 50, below 75 (High)',
      '  Overall towards targets: (2 × 66.7 + 1 × 70.0) / (2 + 1) = 67.8% of the way to',
      "  this council's targets",
      '',
      'Gaps, highest priority first: priority = W × w × (target - level)',
      '  1. alpha.a2  2 × 2 × (2 - 1) = 4',
      '  2. beta.b3   1 × 1 × (3 - 1) = 2',
      "  3. beta.b1   1 × 1 × (1 - 0) = 1 (don't know: 0)",
      '',
    ]);
  });

  test('an example explains within 80 columns, and its markdown passes markdownlint', () => {
    for (const file of examples) {
      for (const line of run(['explain', file]).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    }
    const out = tempDir();
    const md = join(out, 'working.md');
    expect(cli(['explain', 'examples/eastmoor-county.answers.yaml', '--format', 'markdown', '--output', md]).code).toBe(0);
    expect(cli(['explain', county, '--format', 'markdown', '--output', join(out, 'county.md')]).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('## Gaps');
    const lint = spawnSync(process.execPath, [markdownlint, md, join(out, 'county.md')], { cwd: out, encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toContain('Summary: 0 error(s)');
    expect(lint.status).toBe(0);
  });
});

describe('narrowing', () => {
  test('a characteristic id and an indicator key: those blocks and those gaps, no overall', () => {
    const e = JSON.parse(run(['explain', county, 'delta', 'beta.b3', '--format', 'json']));
    expect(e.narrowedTo).toEqual(['delta', 'beta.b3']);
    expect(e.characteristics.map((c: { id: string }) => c.id)).toEqual(['beta', 'delta']);
    const beta = e.characteristics[0];
    expect(beta.indicators.map((i: { key: string }) => i.key)).toEqual(['beta.b3']);
    expect(beta.notShown).toBe(2);
    // The sums and score are still the whole characteristic's.
    expect(beta.sums).toEqual({ points: 7, possible: 15, reached: 7, aimed: 10 });
    expect(e.overall).toBeNull();
    expect(e.gaps.map((g: { key: string; rank: number }) => [g.key, g.rank])).toEqual([['beta.b3', 2]]);
    const text = run(['explain', county, 'beta.b3']);
    expect(text).toContain('Only: beta.b3');
    expect(text).toContain('  (2 more not shown; their terms are in the sums)');
    expect(text).toContain('  Sums of all 3 counted: 7 out of 15; towards targets 7 out of 10');
    expect(text).not.toContain('Alpha');
    expect(text).not.toContain('Overall');
  });

  test('an unknown argument is exit 2 with a did-you-mean, and nothing on stdout', () => {
    const r = cli(['explain', county, 'beta', 'alpah']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: explain: "alpah" is not a characteristic or indicator of rubric "targets-test"; did you mean "alpha"?');
    const b = cli(['explain', county, 'b3']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('did you mean "beta.b3"?');
  });

  test('--target works as in assess: the same gaps, and above the scale is exit 2', () => {
    const report = JSON.parse(run(['assess', 'examples/eastmoor-county.answers.yaml', '--target', '2', '--format', 'json']));
    const e = JSON.parse(run(['explain', 'examples/eastmoor-county.answers.yaml', '--target', '2', '--format', 'json']));
    expect(e.targets).toBe(true);
    expect(e.overall.toTarget).toBe(report.overall.toTarget);
    expect(e.gaps.map((g: { key: string; priority: number }) => [g.key, g.priority])).toEqual(report.gaps.map((g: { key: string; priority: number }) => [g.key, g.priority]));
    expect(run(['explain', 'examples/eastmoor-county.answers.yaml', '--target', '2'])).toContain('(--target)');
    const r = cli(['explain', county, '--target', '4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target 4 is above the top of the scale of rubric "targets-test" (3); use 1-3');
  });

  test('a bad --format is a usage error', () => {
    expect(cli(['explain', county, '--format', 'html']).code).toBe(2);
  });
});
