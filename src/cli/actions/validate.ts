import { formatProblem, InputError } from '../../core/errors.js';
import { QUOTED_MAX, shortenQuoted, visible, visibleMessage } from '../../core/visible.js';
import { indicatorCount } from '../../core/rubric.js';
import { answersFromParsed, kindOf, readYamlFile, rubricFromParsed } from '../../io/load.js';
import { planFromParsed } from '../../io/plan-file.js';
import { locate } from '../../io/yaml.js';
import { count } from '../../render/format.js';
import { EXIT } from '../exit-codes.js';
import { printWarnings, warn } from '../output.js';

/** Checks each file on its own, so one bad file never hides the state of the others. */
export async function runValidate(files: readonly string[]): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      process.stdout.write(`${await validateOne(file)}\n`);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      failed++;
      for (const problem of err.problems) warn(formatProblem(problem));
    }
  }
  if (files.length > 1) warn(`${files.length - failed} of ${files.length} files valid`);
  return failed > 0 ? EXIT.usage : EXIT.ok;
}

async function validateOne(file: string): Promise<string> {
  const parsed = await readYamlFile(file);
  const kind = kindOf(parsed);
  if (kind === 'rubric') {
    const rubric = rubricFromParsed(parsed);
    return `${visible(file)}: valid rubric ${quoted(rubric.id)} version ${visibleMessage(rubric.version, QUOTED_MAX)} (${count(rubric.characteristics.length, 'characteristic')}, ${count(indicatorCount(rubric), 'indicator')})`;
  }
  if (kind === 'answers') {
    const loaded = await answersFromParsed(parsed);
    printWarnings(loaded.warnings);
    const answered = Object.values(loaded.answers.answers).filter((a) => a !== null).length;
    // One line whatever the file holds: the name with its control characters visible, and cut short.
    return `${visible(file)}: valid answers for ${visibleMessage(loaded.answers.council.name, QUOTED_MAX)} (rubric ${quoted(loaded.rubric.rubric.id)}, ${answered} of ${indicatorCount(loaded.rubric.rubric)} answered)`;
  }
  if (kind === 'plan') {
    const loaded = await planFromParsed(parsed);
    const n = loaded.plan.actions.length;
    const statuses = (['planned', 'in-progress', 'done', 'dropped'] as const)
      .map((s) => [s, loaded.plan.actions.filter((a) => a.status === s).length] as const)
      .filter(([, k]) => k > 0)
      .map(([s, k]) => `${k} ${s.replace('-', ' ')}`);
    return `${visible(file)}: valid plan for ${visibleMessage(loaded.plan.council.name, QUOTED_MAX)} (rubric ${quoted(loaded.rubric.rubric.id)}, ${count(n, 'action')}${statuses.length ? `: ${statuses.join(', ')}` : ''})`;
  }
  const message =
    kind === undefined
      ? '"kind:" is missing; expected kind: answers, kind: rubric or kind: plan'
      : `unknown kind ${JSON.stringify(kind)}; expected answers, rubric or plan`;
  throw new InputError([locate(parsed, { path: kind === undefined ? [] : ['kind'], message })]);
}

/** "id" as the success lines show it (ids are slugs, but a line must never carry a control character). */
function quoted(id: string): string {
  return visible(shortenQuoted(`"${id}"`));
}
