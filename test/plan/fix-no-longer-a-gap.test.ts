// REVIEW-14 entry 2: `plan` onto an existing plan lists, on stderr, every action whose indicator is no
// longer a gap, whatever the reason (met the action's target, a target lowered in the answers, n/a,
// not answered), in plain words; `progress --answers` judges an action against the answers' own target.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const examples = join(root, 'examples');

function council(): string {
  const dir = tempDir();
  copyFileSync(join(examples, 'brackenford-unitary.plan.yaml'), join(dir, 'plan.yaml'));
  const answers = readFileSync(join(examples, 'brackenford-unitary.answers.yaml'), 'utf8');
  const later = answers
    .replace(/^( {2}intent\.budget-and-demand:).*$/m, '$1 { score: 2, target: 2 }')
    .replace(/^( {2}intent\.service-trap:).*$/m, '$1 3')
    .replace(/^( {2}approach\.co-production:).*$/m, '$1 n/a')
    .replace(/^ {2}approach\.member-involvement:.*\n/m, '')
    .replace(/^assessedOn:.*$/m, 'assessedOn: 2027-10-01');
  expect(later).not.toBe(answers);
  writeFileSync(join(dir, 'y2027.yaml'), later);
  return dir;
}

describe('plan onto an existing plan: actions no longer a gap', () => {
  test('each is listed with its reason in plain words, in plan order; the plan keeps every action', () => {
    const dir = council();
    const before = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    const r = cli(['plan', 'y2027.yaml', '--output', 'plan.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      "intent.budget-and-demand is no longer a gap: it is at level 2 and y2027.yaml now sets its target at 2, below the action's target of 3; its action is in progress: mark it done or dropped if the lower target is agreed",
      'intent.service-trap now meets its target (level 3, target 3); its action is dropped',
      'approach.co-production is no longer a gap: y2027.yaml answers it not applicable; its action is still planned: mark it dropped if it is no longer needed',
      'approach.member-involvement is not answered in y2027.yaml, so whether it is still a gap is not known; its action is left as it is (planned)',
      'plan.yaml: every gap already has an action; only basedOn changed, to y2027.yaml',
      '',
    ]);
    const after = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(after).toBe(
      before.replace(/\n {2}answers: brackenford-unitary\.answers\.yaml\n {2}assessedOn: 2026-10-14\n/, '\n  answers: y2027.yaml\n  assessedOn: 2027-10-01\n'),
    );
  });

  test('progress --answers judges the action against the answers\' own target, and says both', () => {
    const dir = council();
    const text = cli(['progress', 'plan.yaml', '--answers', 'y2027.yaml', '--on', '2027-10-02'], { cwd: dir });
    expect(text.code).toBe(0);
    // One action's lines (wrapped at 80 columns), joined back into its sentences.
    const block = (key: string) => {
      const lines = text.stdout.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`  ${key}`));
      const end = lines.findIndex((l, i) => i > at && !l.startsWith('    '));
      return lines.slice(at + 1, end).map((l) => l.trim()).join(' ');
    };
    expect(block('intent.budget-and-demand')).toContain(
      'Level 2 Developing when planned, target 3 Embedded in the plan, 2 Developing in y2027.yaml, now 2 Developing (no change, target met).',
    );
    // An indicator the answers leave without a target of their own reads as before.
    expect(block('approach.staff-in-communities')).toContain('Level 1 Emerging when planned, target 3 Embedded, now 1 Emerging (no change).');
    const json = cli(['progress', 'plan.yaml', '--answers', 'y2027.yaml', '--on', '2027-10-02', '--format', 'json'], { cwd: dir });
    const actions = (JSON.parse(json.stdout) as { actions: Record<string, unknown>[] }).actions;
    expect(actions.find((a) => a.key === 'intent.budget-and-demand')).toMatchObject({ target: 3, answersTarget: 2, now: 2, moved: 0 });
    expect(actions.find((a) => a.key === 'approach.staff-in-communities')).not.toHaveProperty('answersTarget');
  });
});
