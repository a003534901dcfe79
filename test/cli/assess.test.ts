import { linkSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root, tempDir } from '../helpers.js';

const county = 'test/fixtures/answers/weighted-county.yaml';
const reportSchema = JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8'));
const validateReport = new Ajv.default({ allErrors: true }).compile(reportSchema);

describe('assess --format json', () => {
  test('prints the SPEC report with hand-worked numbers, valid against schemas/report.schema.json', () => {
    const r = cli(['assess', county, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validateReport(report)).toBe(true);
    expect(Object.keys(report)).toEqual([
      'schemaVersion', 'tool', 'rubric', 'council', 'source', 'overall', 'characteristics', 'gaps', 'notAssessed',
    ]);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'council-resilience', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.rubric).toEqual({ id: 'weighted', version: '0.1.0', title: 'Weighted test rubric' });
    expect(report.council).toEqual({ name: 'Testshire County Council', type: 'county' });
    expect(report.source).toBe(county);
    expect(report.overall.score).toBeCloseTo((2 * (500 / 9) + 50) / 3, 12);
    expect(report.overall.band).toBe('Mid');
    expect(report.overall.coverage).toBeCloseTo(5 / 6, 12);
    expect(report.gaps.map((g: { key: string; priority: number }) => [g.key, g.priority])).toEqual([
      ['alpha.a2', 8],
      ['beta.b1', 3],
      ['beta.b2', 3],
    ]);
    expect(report.gaps[1]).toEqual({
      key: 'beta.b1', characteristic: 'beta', score: 0, unknown: true, target: 3, priority: 3, nextStep: 'b1 step 0',
    });
    expect(report.notAssessed).toEqual(['delta.d2']);
  });

  test('the same input gives byte-identical JSON', () => {
    const first = cli(['assess', county, '--format', 'json']).stdout;
    const second = cli(['assess', county, '--format', 'json']).stdout;
    expect(first.length).toBeGreaterThan(100);
    expect(second).toBe(first);
  });

  test('--target 2 changes the gaps, not the scores', () => {
    const report = JSON.parse(cli(['assess', county, '--format', 'json', '--target', '2']).stdout);
    expect(report.gaps.map((g: { key: string; priority: number; target: number }) => [g.key, g.priority, g.target])).toEqual([
      ['alpha.a2', 4, 2],
      ['beta.b1', 2, 2],
    ]);
    expect(report.overall.score).toBeCloseTo((2 * (500 / 9) + 50) / 3, 12);
  });

  test('--rubric overrides the rubric the file names', () => {
    const r = cli(['assess', county, '--format', 'json', '--rubric', 'test/fixtures/rubrics/weighted.yaml']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rubric.id).toBe('weighted');
  });
});

describe('assess --format text', () => {
  test('shows the overall score, a bar per characteristic, next steps and what is missing', () => {
    const r = cli(['assess', county]);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('Testshire County Council (county)');
    expect(out).toMatch(/Overall {2}53\.7 \/ 100 {2}Mid/);
    expect(out).toContain('83.3% of 6 questions answered');
    expect(out).toMatch(/Alpha {18}█{11}░{9} {2}55\.6 {2}Mid/);
    expect(out).toMatch(/Gamma \(no indicators\) {2}░{20} {5}– {2}not scored/);
    expect(out).toContain('Top 3 next steps (of 3 gaps below level 3)');
    expect(out.indexOf('alpha.a2')).toBeLessThan(out.indexOf('beta.b1'));
    expect(out).toContain("beta.b1 · now don't know (counted as 0)");
    expect(out).toContain('alpha.a2 · now 1 Some');
    expect(out).toContain('→ a2 step 1');
    expect(out).toContain('Not assessed (1), left out of the scores:\n  delta.d2');
    expect(out).toContain("Don't know (1), counted as 0 until answered:\n  beta.b1");
    expect(out).toContain('Does not apply to this council (1): alpha.a3');
  });

  test('--top limits the next steps shown', () => {
    const out = cli(['assess', county, '--top', '1']).stdout;
    expect(out).toContain('Top 1 next step (of 3 gaps below level 3)');
    expect(out).not.toContain('→ b1 step 0');
  });

  test('colour: only when forced here (not a terminal); --no-color and FORCE_COLOR=0 win', () => {
    const esc = '\u001b[';
    expect(cli(['assess', county], { env: { NO_COLOR: undefined } }).stdout).not.toContain(esc);
    expect(cli(['assess', county], { env: { NO_COLOR: '1' } }).stdout).not.toContain(esc);
    expect(cli(['assess', county], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain(esc);
    expect(cli(['assess', county, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain(esc);
    expect(cli(['assess', county], { env: { NO_COLOR: undefined, FORCE_COLOR: '0' } }).stdout).not.toContain(esc);
  });
});

describe('policies and exit codes', () => {
  test('--fail-under: exit 0 at or above, 1 below, naming the score', () => {
    expect(cli(['assess', county, '--fail-under', '53.7']).code).toBe(0);
    const r = cli(['assess', county, '--fail-under', '53.71']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('policy failed: overall score 53.7 is below --fail-under 53.71\n');
    expect(r.stdout).toContain('Overall'); // the report is still printed
  });

  test('--strict fails when an applicable indicator is not assessed', () => {
    const r = cli(['assess', county, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('policy failed: --strict: 1 applicable indicator is not assessed\n');
  });

  test('--fail-under fails when there is no overall score', () => {
    const dir = tempDir();
    const file = join(dir, 'blank.yaml');
    writeFileSync(
      file,
      `schemaVersion: 1\nkind: answers\nrubric: ${join(root, 'test/fixtures/rubrics/weighted.yaml')}\ncouncil: { name: Blank }\nanswers: {}\n`,
    );
    const r = cli(['assess', file, '--fail-under', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('policy failed: no overall score (nothing was scored); --fail-under 0 needs one\n');
  });
});

describe('assess --output', () => {
  test('writes the report to the file, nothing to stdout, no temporary file left', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    const r = cli(['assess', county, '--format', 'json', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).council.name).toBe('Testshire County Council');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  test('replaces the file by rename: a hard link to the old file keeps the old content whole', () => {
    const dir = tempDir();
    const out = join(dir, 'report.txt');
    writeFileSync(out, 'old report\n');
    linkSync(out, join(dir, 'old-link.txt'));
    expect(cli(['assess', county, '--output', out]).code).toBe(0);
    expect(readFileSync(join(dir, 'old-link.txt'), 'utf8')).toBe('old report\n');
    expect(readFileSync(out, 'utf8')).toContain('Testshire County Council');
    expect(readFileSync(out, 'utf8')).not.toContain('\u001b[');
  });

  test('bad input leaves an existing output file untouched', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    writeFileSync(out, 'previous\n');
    const r = cli(['assess', 'test/fixtures/bad/score-7.yaml', '--output', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  test('an output folder that does not exist is a clear error, exit 2', () => {
    const dir = tempDir();
    const r = cli(['assess', county, '--output', join(dir, 'no', 'such', 'report.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr.endsWith(`\nerror: cannot write ${join(dir, 'no', 'such', 'report.txt')}: its folder does not exist\n`)).toBe(true);
  });
});

describe('help and version', () => {
  test('--version prints the version and exits 0', () => {
    const r = cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  });

  test('--help lists commands; each command has examples', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['assess', 'validate', 'template', 'rubrics']) expect(r.stdout).toContain(command);
    for (const command of ['assess', 'validate', 'template', 'rubrics']) {
      const help = cli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Examples:\n  $ council-resilience ${command}`);
    }
  });
});
