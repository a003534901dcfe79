// batch and merge through the built binary, on generated folders of councils.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const keys = [
  'intent.strategic-plans', 'intent.defined-approach', 'intent.budget-and-demand', 'intent.service-trap',
  'approach.reducing-demand', 'approach.co-production', 'approach.member-involvement', 'approach.ward-forums',
  'approach.community-teams', 'approach.staff-in-communities', 'approach.devolved-budgets',
  'knowledge.asset-mapping', 'knowledge.spend-by-community', 'knowledge.community-capacity',
  'commissioning.early-engagement', 'commissioning.community-delivery-test', 'commissioning.impact-on-budgets', 'commissioning.social-investment',
  'governance.lead-director', 'governance.lead-member', 'governance.political-patience', 'governance.member-mandate',
  'culture.staff-development', 'culture.appraisals-and-targets',
  'partnership.locality-working', 'partnership.demand-realignment', 'partnership.shared-budgets',
  'measurement.goals', 'measurement.intervention-impact', 'measurement.resilience-and-demand-impact',
];

/** Council i answers every question with level i % 4, so its overall score is 100 * (i % 4) / 3. */
function cohort(n: number): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const sub = i % 3 === 0 ? 'nested' : i % 3 === 1 ? join('nested', 'deeper') : '';
    const answers = keys.map((k) => `  ${k}: ${i % 4}`).join('\n');
    writeFileSync(
      join(dir, sub, `council-${String(i).padStart(4, '0')}.yaml`),
      `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Council ${i}, type: unitary }\nanswers:\n${answers}\n`,
    );
  }
  return dir;
}

describe('batch', () => {
  test('200 files in nested folders: one CSV row each, in path order, with the right scores', () => {
    const dir = cohort(200);
    const r = cli(['batch', dir, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,council,overall,band,coverage,intent,approach,knowledge,commissioning,governance,culture,partnership,measurement');
    expect(lines).toHaveLength(201);
    const rows = lines.slice(1).map((l) => l.split(','));
    const files = rows.map((cells) => cells[0]!);
    expect([...files].sort()).toEqual(files);
    const byName = new Map(rows.map((cells) => [cells[1], cells]));
    expect(byName.get('Council 7')!.slice(2, 5)).toEqual(['100.0', 'Leading the way', '100.0']); // 7 % 4 = 3
    expect(byName.get('Council 9')!.slice(2, 5)).toEqual(['33.3', 'Building foundations', '100.0']); // level 1
    expect(byName.get('Council 0')![2]).toBe('0.0');
  });

  test('worker threads give byte-identical output to one thread, invalid files included', () => {
    const dir = cohort(450);
    writeFileSync(join(dir, 'nested', 'broken.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Broken }\nanswers:\n  intent.strategic-plans: 9\n');
    const parallel = cli(['batch', dir, '--format', 'json'], { env: { COUNCIL_RESILIENCE_THREADS: '3' } });
    const serial = cli(['batch', dir, '--format', 'json'], { env: { COUNCIL_RESILIENCE_THREADS: '1' } });
    expect(parallel.code).toBe(2);
    const result = JSON.parse(parallel.stdout);
    expect(result.councils).toHaveLength(450);
    expect(result.invalid).toEqual([
      { file: join(dir, 'nested', 'broken.yaml'), errors: [`${join(dir, 'nested', 'broken.yaml')}:6:27: intent.strategic-plans: 9 is not on the scale 0-3`] },
    ]);
    expect(parallel.stdout).toBe(serial.stdout);
  });

  test('JSON: cohort statistics of the generated scores', () => {
    const dir = cohort(8); // levels 0,1,2,3,0,1,2,3 -> scores 0, 33.3, 66.7, 100 twice each
    const result = JSON.parse(cli(['batch', dir, '--format', 'json']).stdout);
    expect(result.councils).toHaveLength(8);
    expect(result.cohort.count).toBe(8);
    const s = result.cohort.overall;
    // sorted: 0 0 33.3 33.3 66.7 66.7 100 100; h = 7p: q1 at 1.75 -> 0 + .75*33.3 = 25
    expect(s.min).toBe(0);
    expect(s.q1).toBeCloseTo(25, 10);
    expect(s.median).toBeCloseTo(50, 10);
    expect(s.q3).toBeCloseTo(75, 10);
    expect(s.max).toBe(100);
    expect(s.mean).toBeCloseTo(50, 10);
  });

  test('shards merged give exactly the unsharded JSON', () => {
    const dir = cohort(23);
    const out = tempDir();
    const whole = cli(['batch', dir, '--format', 'json']).stdout;
    const parts = [1, 2, 3].map((i) => {
      const file = join(out, `part-${i}.json`);
      expect(cli(['batch', dir, '--format', 'json', '--shard', `${i}/3`, '--output', file]).code).toBe(0);
      return file;
    });
    expect(JSON.parse(readFileSync(parts[0]!, 'utf8')).councils).toHaveLength(8); // indexes 0,3,...,21
    const merged = cli(['merge', ...parts]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole);
  });

  test('an invalid file never stops the batch: listed with its located error, others scored, exit 2', () => {
    const dir = cohort(5);
    writeFileSync(join(dir, 'broken.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Broken }\nanswers:\n  intent.strategic-plans: 9\n');
    const r = cli(['batch', dir, '--format', 'json', '--fail-under', '50']);
    expect(r.code).toBe(2); // 2 beats 1
    const result = JSON.parse(r.stdout);
    expect(result.councils).toHaveLength(5);
    expect(result.invalid).toEqual([{ file: join(dir, 'broken.yaml'), errors: [`${join(dir, 'broken.yaml')}:6:27: intent.strategic-plans: 9 is not on the scale 0-3`] }]);
    expect(r.stderr).toContain(`${join(dir, 'broken.yaml')}:6:27: intent.strategic-plans: 9 is not on the scale 0-3\n`);
  });

  test('--fail-under exits 1 naming the councils below it; quoted globs are expanded by the tool', () => {
    const dir = cohort(4);
    const r = cli(['batch', `${dir}/**/*.yaml`, '--fail-under', '50']);
    expect(r.code).toBe(1);
    const failures = r.stderr.trim().split('\n');
    expect(failures).toHaveLength(2);
    expect(failures[0]).toMatch(/^policy failed: Council 0 \(.*council-0000\.yaml\) scored 0\.0, below --fail-under 50$/);
    expect(failures[1]).toMatch(/^policy failed: Council 1 \(.*council-0001\.yaml\) scored 33\.3, below --fail-under 50$/);
    expect(cli(['batch', `${dir}/**/*.yaml`, '--fail-under', '0']).code).toBe(0);
  });

  test('files for different rubrics need --rubric: exit 2 with a clear message', () => {
    const r = cli(['batch', 'examples/brackenford-unitary.answers.yaml', 'test/fixtures/answers/weighted-county.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: these files use more than one rubric: eight-characteristics (1 file), weighted (1 file).');
  });

  test('GITHUB_STEP_SUMMARY gets the markdown summary appended', () => {
    const dir = cohort(3);
    const summary = join(tempDir(), 'summary.md');
    writeFileSync(summary, 'before\n');
    expect(cli(['batch', dir, '--format', 'csv'], { env: { GITHUB_STEP_SUMMARY: summary } }).code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('before\n# Batch assessment: 3 councils\n')).toBe(true);
    expect(text).toContain('| **Overall** |');
  });
});
