// --strict and a combined file: exit 1 with one line naming each unsettled dispute, 0 once settled;
// and batch and compare take combined files as they take any answers file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const dir = 'test/fixtures/team/reports';
const unsettled = `${dir}/unsettled.answers.yaml`;
const settled = `${dir}/settled.answers.yaml`;

/** A copy of the settled fixture with `edit` applied, in a temp folder. */
function variant(edit: (text: string) => string): string {
  const file = join(tempDir(), 'combined.answers.yaml');
  const text = readFileSync(join(root, settled), 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return file;
}

describe('assess --strict with a combined file', () => {
  test('every dispute settled and every question answered: exit 0, nothing on stderr', () => {
    for (const format of ['text', 'json', 'markdown', 'html']) {
      const r = cli(['assess', settled, '--strict', '--format', format]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  test('one dispute without a reason: exit 1, one line naming its key', () => {
    const file = variant((t) => t.replace("    agreed: Two of the three strategic plans name it.\n", ''));
    const r = cli(['assess', file, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'policy failed: --strict: 1 disputed indicator is not settled: intent.strategic-plans ' +
        '(settle it with moderate, or give its answer an agreed: reason)\n',
    );
    // the report itself is still written in full
    expect(r.stdout).toContain('Not yet settled; for now the answer is 2 Developing.');
  });

  test('a blank agreed: settles nothing (SPEC: the reason may not be empty for a disputed indicator): exit 1, and the report says not yet settled', () => {
    const file = variant((t) => t.replace('agreed: Two of the three strategic plans name it.', 'agreed: "   "'));
    const json = cli(['assess', file, '--strict', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe(
      'policy failed: --strict: 1 disputed indicator is not settled: intent.strategic-plans ' +
        '(settle it with moderate, or give its answer an agreed: reason)\n',
    );
    expect(JSON.parse(json.stdout).agreement).toEqual({ assessors: ['Head of HR', 'Finance'], withViews: 4, disputed: 2, settled: 1 });
    const text = cli(['assess', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Not yet settled; for now the answer is 2 Developing.');
    expect(text.stdout).not.toContain('no reason given');
  });

  test('several unsettled, in rubric order, beside the questions not answered', () => {
    const r = cli(['assess', unsettled, '--strict', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'policy failed: --strict: 19 applicable indicators are not assessed',
      'policy failed: --strict: 3 disputed indicators are not settled: intent.strategic-plans, intent.service-trap, ' +
        'approach.community-teams (settle them with moderate, or give each answer an agreed: reason)',
      '',
    ]);
  });

  test('without --strict an unsettled dispute is no failure', () => {
    const r = cli(['assess', unsettled, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('an unsettled n/a-beside-a-number dispute, with --fail-under too: both policies are checked', () => {
    const file = variant((t) => t.replace("    agreed: Co-production is part of the council's work, so it applies.\n", ''));
    const r = cli(['assess', file, '--strict', '--fail-under', '90']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^policy failed: overall score \d+\.\d is below --fail-under 90$/),
      'policy failed: --strict: 1 disputed indicator is not settled: approach.co-production ' +
        '(settle it with moderate, or give its answer an agreed: reason)',
    ]);
  });
});

describe('batch and compare take combined files unchanged', () => {
  test('batch scores combined and ordinary files side by side, with the scores of their answers', () => {
    const r = cli(['batch', unsettled, settled, 'examples/saltmarsh-district.answers.yaml', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const batch = JSON.parse(r.stdout);
    expect(batch.invalid).toEqual([]);
    const byFile = new Map(batch.councils.map((c: { file: string }) => [c.file, c]));
    expect([...byFile.keys()].sort()).toEqual(['examples/saltmarsh-district.answers.yaml', settled, unsettled].sort());
    const one = byFile.get(unsettled) as { overall: number; characteristics: Record<string, number | null> };
    // intent 8/12; approach (1 + 0 + 3 + 1 + 2) / 5 x 3 (unknown counts 0, n/a left out); knowledge 1/3
    expect(one.characteristics.intent).toBeCloseTo(800 / 12, 10);
    expect(one.characteristics.approach).toBeCloseTo(700 / 15, 10);
    expect(one.characteristics.knowledge).toBeCloseTo(100 / 3, 10);
    expect(one.overall).toBeCloseTo((800 / 12 + 700 / 15 + 100 / 3) / 3, 10);
  });

  test('batch --format csv of a folder of combined files: one row each', () => {
    const r = cli(['batch', dir, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4); // header and three files
  });

  test('compare: a combined file against an ordinary one, and two combined files', () => {
    const a = cli(['compare', 'examples/brackenford-unitary.answers.yaml', unsettled, '--format', 'json']);
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).after.council).toBe('Fenwick Borough Council');
    const b = cli(['compare', unsettled, settled, '--format', 'json']);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const c = JSON.parse(b.stdout);
    // knowledge.asset-mapping stays at 1; intent.budget-and-demand falls from 2 to 1
    expect(c.regressed.map((i: { key: string }) => i.key)).toContain('intent.budget-and-demand');
    expect(c.characteristics[0].before).toBeCloseTo(800 / 12, 10);
    expect(c.characteristics[0].after).toBeCloseTo(700 / 12, 10);
    for (const format of ['text', 'markdown']) expect(cli(['compare', unsettled, settled, '--format', format]).code).toBe(0);
  });
});
