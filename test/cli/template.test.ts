import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

describe('template', () => {
  test('lists every indicator of a rubric given by path, with its question and the scale as comments', () => {
    const dir = tempDir();
    const out = join(dir, 'blank.yaml');
    const r = cli(['template', '--rubric', 'test/fixtures/rubrics/weighted.yaml', '--output', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# yaml-language-server: $schema=${relative(dir, join(root, 'schemas', 'answers.schema.json'))}`);
    for (const key of ['alpha.a1', 'alpha.a2', 'alpha.a3', 'beta.b1', 'beta.b2', 'delta.d1', 'delta.d2']) {
      expect(lines).toContain(`  ${key}:`);
    }
    expect(text).toContain('  # Q: A two?');
    expect(text).toContain('0 = None, 1 = Some, 2 = Most, 3 = All');
    expect(text).toContain('  # Only applies where type is unitary.');
    expect(text).toContain('  # What type of council is this? One of: county, unitary.');
  });

  test('the blank template is a valid answers file that assesses as nothing answered yet', () => {
    const dir = tempDir();
    const out = join(dir, 'blank.yaml');
    expect(cli(['template', '--rubric', 'test/fixtures/rubrics/weighted.yaml', '--output', out]).code).toBe(0);
    const validated = cli(['validate', out]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    const report = JSON.parse(cli(['assess', out, '--format', 'json']).stdout);
    expect(report.overall).toEqual({ score: null, band: null, coverage: 0, toTarget: null });
    expect(report.notAssessed).toHaveLength(7);
  });

  test('a filled-in template scores what was typed', () => {
    const dir = tempDir();
    const out = join(dir, 'filled.yaml');
    expect(cli(['template', '--rubric', 'test/fixtures/rubrics/weighted.yaml', '--output', out]).code).toBe(0);
    const filled = readFileSync(out, 'utf8')
      .replace('  alpha.a1:\n', '  alpha.a1: 3\n')
      .replace('  beta.b2:\n', '  beta.b2: 1\n')
      .replace('  type:\n', '  type: county\n');
    writeFileSync(out, filled);
    const report = JSON.parse(cli(['assess', out, '--format', 'json']).stdout);
    expect(report.characteristics.map((c: { score: number | null }) => c.score)).toEqual([100, (100 * 3) / 9, null, null]);
  });
});
