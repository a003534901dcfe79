// REVIEW-14 entries 3 and 4, through the built binary: explain's band sentence compares the score at
// the rounding it shows (never "50.0 ... below 50"), and "N more not shown; their terms are in the
// sums" counts only hidden indicators that have terms.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, root, tempDir } from '../helpers.js';

const grants = join(root, 'examples', 'own-rubric', 'community-grants.rubric.yaml');
const validateExplanation = new Ajv.default({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(join(root, 'schemas', 'explain.schema.json'), 'utf8')));

const explain = (dir: string, ...args: string[]) => {
  const r = cli(['explain', 'a.yaml', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

function answers(dir: string, rubric: string, lines: string[], type = 'district') {
  writeFileSync(join(dir, 'a.yaml'), ['schemaVersion: 1', 'kind: answers', `rubric: ${rubric}`, `council: { name: P, type: ${type} }`, 'answers:', ...lines, ''].join('\n'));
}

describe('explain: the band sentence', () => {
  /** Access weighted so that its score is 100 × 999 × 2 / (999 × 2 + 1001 × 2) = 49.95, shown as 50.0. */
  function nearThreshold(): string {
    const dir = tempDir();
    let s = readFileSync(grants, 'utf8');
    s = s.replace('id: community-grants', 'id: cg2').replace('    weight: 2\n', '    weight: 1\n');
    s = s.replace('        weight: 2\n', '        weight: 999\n');
    s = s.replace('        question: Are the application forms short', '        weight: 1001\n        question: Are the application forms short');
    expect(s).toContain('weight: 1001');
    writeFileSync(join(dir, 'r2.yaml'), s);
    answers(dir, 'r2.yaml', ['  access.one-route: 2', '  access.plain-forms: 0']);
    return dir;
  }

  test('49.95, shown as 50.0, is compared as 49.95 below 50, in text and markdown; JSON keeps the exact score', () => {
    const dir = nearThreshold();
    const text = explain(dir, 'access').split('\n');
    expect(text).toContain('  Score: 100 × 1998 / 4000 = 50.0');
    expect(text.join(' ').replace(/\s+/g, ' ')).toContain('Band: Early days, as 49.95 (50.0 to one decimal) is at least 0, below 50 (Established)');
    expect(explain(dir, 'access', '--format', 'markdown').replace(/\s+/g, ' ')).toContain(
      'Band: Early days, as 49.95 (50.0 to one decimal) is at least 0, below 50 (Established).',
    );
    const json = JSON.parse(explain(dir, 'access', '--format', 'json'));
    expect(json.characteristics[0].score).toBeCloseTo(49.95, 10);
    expect(json.characteristics[0].band).toEqual({ label: 'Early days', min: 0, next: { label: 'Established', min: 50 } });
  });

  test('a score whose one-decimal rounding crosses no threshold reads as before', () => {
    const dir = tempDir();
    copyFileSync(grants, join(dir, 'community-grants.rubric.yaml'));
    answers(dir, 'community-grants.rubric.yaml', ['  access.one-route: 2', '  access.plain-forms: 1']);
    // access: weights 2 and 1: 100 × (2×2 + 1×1) / (2×2 + 1×2) = 83.3.
    expect(explain(dir, 'access')).toMatch(/\n {2}Band: Strong, as 83\.3 is at least 80\n/);
  });
});

describe('explain KEY: what the narrowing hides', () => {
  test('a hidden indicator left out (n/a) is not said to have terms in the sums', () => {
    const dir = tempDir();
    copyFileSync(grants, join(dir, 'community-grants.rubric.yaml'));
    answers(dir, 'community-grants.rubric.yaml', ['  access.one-route: n/a'], 'unitary');
    const text = explain(dir, 'access.plain-forms');
    expect(text).not.toContain('their terms are in the sums');
    expect(text).toContain('  (1 more not shown, left out of the sums)\n');
    const markdown = explain(dir, 'access.plain-forms', '--format', 'markdown');
    expect(markdown).not.toContain('their terms are in the sums');
    expect(markdown).toContain('1 more not shown, left out of the sums.');
    const json = JSON.parse(explain(dir, 'access.plain-forms', '--format', 'json'));
    expect(validateExplanation(json)).toBe(true);
    expect([json.characteristics[0].notShown, json.characteristics[0].notShownCounted]).toEqual([1, 0]);
  });

  test('a hidden counted indicator keeps "their terms are in the sums"; and its sums are of all counted', () => {
    const dir = tempDir();
    copyFileSync(grants, join(dir, 'community-grants.rubric.yaml'));
    answers(dir, 'community-grants.rubric.yaml', ['  access.one-route: 1', '  access.plain-forms: 2']);
    const one = explain(dir, 'access.plain-forms');
    expect(one).toContain('  (1 more not shown; their terms are in the sums)\n');
    expect(one).toContain('  Sums of all 2 counted: 4 out of 6\n');
    const json = JSON.parse(explain(dir, 'access.plain-forms', '--format', 'json'));
    expect(validateExplanation(json)).toBe(true);
    expect([json.characteristics[0].notShown, json.characteristics[0].notShownCounted]).toEqual([1, 1]);
  });
});
