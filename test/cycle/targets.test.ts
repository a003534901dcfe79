// SPEC "Targets", through the built binary: toTarget and gap order against hand-worked values,
// validate's located errors for a bad target, and the "of the way to this council's targets" line
// in every report format (and nowhere when no target is set).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const dir = 'test/fixtures/cycle/targets';
const county = `${dir}/county.answers.yaml`;
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

function json(args: string[]) {
  const r = cli(['assess', ...args, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

// The fixture, worked by hand (weights: alpha W=2 with a1 w=1, a2 w=2; beta W=1 with b2 w=3):
// alpha: S = {a1: 3 (target 2), a2: 1 (target 2)}; a3 does not apply to a county.
//   score = 100 (1*3 + 2*1) / (1*3 + 2*3) = 500/9;  toTarget = 100 (1*min(3,2) + 2*min(1,2)) / (1*2 + 2*2) = 200/3
// beta: S = {b1: unknown=0 (target 1), b2: 2 (target 2), b3: 1 (no target: max 3)}
//   score = 100 (0 + 3*2 + 1) / (3 + 9 + 3) = 140/3;  toTarget = 100 (0 + 6 + 1) / (1 + 6 + 3) = 70
// delta: d1 n/a (its target changes nothing), d2 not assessed: S empty, both null.
// overall score = (2*500/9 + 140/3) / 3 = 1420/27;  toTarget = (2*200/3 + 70) / 3 = 610/9
// gaps (v < t): a2 2*2*(2-1) = 4, b3 1*1*(3-1) = 2, b1 1*1*(1-0) = 1; a1 above, b2 at target: none.
describe('toTarget and gaps, worked by hand', () => {
  test('own targets below, at and above the level; unknown; n/a; appliesTo; weights', () => {
    const report = json([county]);
    const by = (id: string) => report.characteristics.find((c: { id: string }) => c.id === id);
    expect(by('alpha').score).toBeCloseTo(500 / 9, 10);
    expect(by('alpha').toTarget).toBeCloseTo(200 / 3, 10);
    expect(by('beta').score).toBeCloseTo(140 / 3, 10);
    expect(by('beta').toTarget).toBeCloseTo(70, 10);
    expect(by('delta').score).toBeNull();
    expect(by('delta').toTarget).toBeNull();
    expect(report.overall.score).toBeCloseTo(1420 / 27, 10);
    expect(report.overall.toTarget).toBeCloseTo(610 / 9, 10);
    expect(report.gaps.map((g: { key: string; target: number; priority: number; score: number; unknown: boolean }) => [g.key, g.score, g.unknown, g.target, g.priority])).toEqual([
      ['alpha.a2', 1, false, 2, 4],
      ['beta.b3', 1, false, 3, 2],
      ['beta.b1', 0, true, 1, 1],
    ]);
    // Each indicator's own target is in the report; one without a target has none.
    const indicator = (key: string) => report.characteristics.flatMap((c: { indicators: unknown[] }) => c.indicators).find((i: { key: string }) => i.key === key);
    expect(indicator('alpha.a1').target).toBe(2);
    expect(indicator('beta.b3')).not.toHaveProperty('target');
  });

  test('--target 2 sets t_i where an answer sets none, for gaps and toTarget alike', () => {
    const report = json([county, '--target', '2']);
    const beta = report.characteristics.find((c: { id: string }) => c.id === 'beta');
    // b3 now aims at 2: toTarget = 100 (0 + 6 + 1) / (1 + 6 + 2) = 700/9; the score is unchanged.
    expect(beta.toTarget).toBeCloseTo(700 / 9, 10);
    expect(beta.score).toBeCloseTo(140 / 3, 10);
    expect(report.overall.toTarget).toBeCloseTo((400 / 3 + 700 / 9) / 3, 10);
    // b1 and b3 tie at priority 1: rubric order.
    expect(report.gaps.map((g: { key: string; priority: number; target: number }) => [g.key, g.target, g.priority])).toEqual([
      ['alpha.a2', 2, 4],
      ['beta.b1', 1, 1],
      ['beta.b3', 2, 1],
    ]);
  });

  test('with no targets and no --target, toTarget equals the score, and the gaps are measured against the top', () => {
    const out = tempDir();
    copyFileSync(`${dir}/rubric.yaml`, join(out, 'rubric.yaml'));
    const plain = readFileSync(county, 'utf8').replace(/, target: \d/g, '');
    writeFileSync(join(out, 'plain.yaml'), plain);
    const report = json([join(out, 'plain.yaml')]);
    for (const c of report.characteristics) expect(c.toTarget).toBe(c.score);
    expect(report.overall.toTarget).toBe(report.overall.score);
    expect(report.gaps.map((g: { key: string; priority: number }) => [g.key, g.priority])).toEqual([
      ['alpha.a2', 8],
      ['beta.b1', 3],
      ['beta.b2', 3],
      ['beta.b3', 2],
    ]);
  });

  test('every example answers file has toTarget equal to its score', () => {
    const report = json(['examples/saltmarsh-district.answers.yaml']);
    expect(report.overall.toTarget).toBe(report.overall.score);
    for (const c of report.characteristics) expect(c.toTarget).toBe(c.score);
  });
});

describe('validate: a target off the scale, with its location', () => {
  test('each bad target is one located line, exit 2', () => {
    const out = tempDir();
    copyFileSync(`${dir}/rubric.yaml`, join(out, 'rubric.yaml'));
    writeFileSync(
      join(out, 'bad.yaml'),
      [
        'schemaVersion: 1',
        'kind: answers',
        'rubric: rubric.yaml',
        'council: { name: Testshire County Council, type: county }',
        'answers:',
        '  alpha.a1: { score: 3, target: 5 }',
        '  alpha.a2: { score: 1, target: 0 }',
        '  beta.b1: { score: unknown, target: 1.5 }',
        '  beta.b2: { score: 2, target: high }',
        '  beta.b3: { score: 2, target: 3 }',
        '',
      ].join('\n'),
    );
    const r = cli(['validate', 'bad.yaml'], { cwd: out });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'bad.yaml:6:33: alpha.a1.target: 5 is not a level on the scale 1-3',
      'bad.yaml:7:33: alpha.a2.target: 0 is not a target; a target is a level from 1 to 3, the level this council aims for',
      'bad.yaml:8:38: beta.b1.target: 1.5 is not a whole number; a target is a level from 1 to 3',
      'bad.yaml:9:32: beta.b2.target: "high" is not a target; expected a whole number from 1 to 3',
    ]);
    // assess refuses it the same way.
    expect(cli(['assess', 'bad.yaml'], { cwd: out }).code).toBe(2);
  });

  test('a file whose answers set targets on the scale validates', () => {
    expect(cli(['validate', county]).code).toBe(0);
  });
});

describe('the toTarget line in every format', () => {
  test('text: under the overall line and under each characteristic whose figure differs', () => {
    const r = cli(['assess', county]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Overall'));
    expect(lines[at + 1]).toBe("52.6, 67.8% of the way to this council's targets");
    expect(lines.slice(at + 3, at + 8)).toEqual([
      '  Alpha     ███████████░░░░░░░░░  55.6  Mid         100.0% answered',
      "            66.7% of the way to this council's targets",
      '  Beta      █████████░░░░░░░░░░░  46.7  Low         100.0% answered',
      "            70.0% of the way to this council's targets",
      '  Delta     ░░░░░░░░░░░░░░░░░░░░     –  not scored   50.0% answered',
    ]);
    expect(r.stdout).toContain('Top 3 next steps (of 3 gaps below their targets)');
    expect(r.stdout).toContain('  2. beta.b3 · now 1 Some, target 3 All');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  test('markdown: a summary row and each characteristic, and markdownlint passes', () => {
    const out = tempDir();
    const file = join(out, 'county.md');
    expect(cli(['assess', county, '--format', 'markdown', '--output', file]).code).toBe(0);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain("| Towards targets | 67.8% of the way to this council's targets |");
    expect(md).toContain("Score: 55.6 (Mid), 66.7% of the way to this council's targets. Answered: 100.0%.");
    expect(md).toContain('1. **A two** Now: Some (1). Target: Most (2). a2 step 1');
    const lint = spawnSync(process.execPath, [markdownlint, file], { cwd: out, encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toContain('Summary: 0 error(s)');
  });

  test('html: beside the overall score, a column and each characteristic', () => {
    const html = cli(['assess', county, '--format', 'html']).stdout;
    expect(html).toContain('<p>52.6, 67.8% of the way to this council&#39;s targets.</p>');
    expect(html).toContain('<th scope="col">Towards targets</th>');
    expect(html).toContain('<td class="num">66.7%</td>');
    expect(html).toContain('Score: <strong>55.6</strong> (Mid), 66.7% of the way to this council&#39;s targets.');
  });

  test('no target set and no --target: no such line in any format', () => {
    for (const format of ['text', 'markdown', 'html']) {
      const r = cli(['assess', 'examples/brackenford-unitary.answers.yaml', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('of the way to');
      expect(r.stdout).not.toContain('Towards targets');
    }
  });
});
