// The team workflow across commands: combine (the built binary), moderate (in-process, scripted, as
// its own tests drive it) on the file combine wrote, then combine again when a late file arrives.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runModerate } from '../../src/cli/actions/moderate.js';
import { cli, fixtures, tempDir } from '../helpers.js';
import { captureStderr, scriptedPrompter } from '../interview/scripted-prompter.js';

const source = join(fixtures, 'team', 'combine');
const three = ['finance.answers.yaml', 'hr.answers.yaml', 'commissioning.answers.yaml'];
captureStderr();

test('moderate settles the file combine wrote, and combine again keeps what the late file did not change', async () => {
  const dir = tempDir();
  for (const name of readdirSync(source)) copyFileSync(join(source, name), join(dir, name));
  expect(cli(['combine', ...three, '--output', 'team.yaml'], { cwd: dir }).code).toBe(0);

  // The two disputed indicators, alpha.a1 (views 3, 1, 2) and beta.b2 (n/a and 3), in rubric order.
  const s = scriptedPrompter(['3 All', 'The budget book shows it', '', '2 Most', 'The HR policy applies', 'Workshop notes']);
  expect(await runModerate(join(dir, 'team.yaml'), {}, s.prompter)).toBe(0);
  expect(s.left()).toBe(0);
  const settled = parse(readFileSync(join(dir, 'team.yaml'), 'utf8')) as { answers: Record<string, Record<string, unknown>> };
  expect(settled.answers['alpha.a1']).toMatchObject({ score: 3, agreed: 'The budget book shows it' });
  expect(settled.answers['beta.b2']).toMatchObject({ score: 2, agreed: 'The HR policy applies', evidence: 'Workshop notes' });
  expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);

  const again = cli(['combine', ...three, 'late.answers.yaml', '--output', 'team.yaml'], { cwd: dir });
  expect(again.code).toBe(0);
  expect(again.stderr).toContain('kept 1 settled answer whose views did not change: beta.b2\n');
  expect(again.stderr).toContain('alpha.a1: needs moderating again: its views changed since it was settled at 3 ("The budget book shows it")\n');
  const after = parse(readFileSync(join(dir, 'team.yaml'), 'utf8')) as typeof settled;
  expect(after.answers['beta.b2']).toEqual(settled.answers['beta.b2']);
  expect(after.answers['alpha.a1']).not.toHaveProperty('agreed');
  expect(after.answers['alpha.a1']!.score).toBe(1); // 0 1 2 3: the lower median

  // moderate now asks only what is unsettled: alpha.a1 and beta.b1 (views 1, 2, 3 with the late file).
  const next = scriptedPrompter(['1 Some', 'Reopened and agreed', '', '2 Most', 'Agreed', '']);
  expect(await runModerate(join(dir, 'team.yaml'), {}, next.prompter)).toBe(0);
  expect(next.left()).toBe(0);
  expect(cli(['assess', 'team.yaml', '--format', 'json'], { cwd: dir }).code).toBe(0);
});
