import { formatProblem, InputError } from '../../core/errors.js';
import { indicatorCount } from '../../core/rubric.js';
import { answersFromParsed, kindOf, readYamlFile, rubricFromParsed } from '../../io/load.js';
import { locate } from '../../io/yaml.js';
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
    return `${file}: valid rubric "${rubric.id}" version ${rubric.version} (${rubric.characteristics.length} characteristics, ${indicatorCount(rubric)} indicators)`;
  }
  if (kind === 'answers') {
    const loaded = await answersFromParsed(parsed);
    printWarnings(loaded.warnings);
    const answered = Object.values(loaded.answers.answers).filter((a) => a !== null).length;
    return `${file}: valid answers for ${loaded.answers.council.name} (rubric "${loaded.rubric.rubric.id}", ${answered} of ${indicatorCount(loaded.rubric.rubric)} answered)`;
  }
  const message =
    kind === undefined
      ? '"kind:" is missing; expected kind: answers or kind: rubric'
      : `unknown kind ${JSON.stringify(kind)}; expected answers or rubric`;
  throw new InputError([locate(parsed, { path: kind === undefined ? [] : ['kind'], message })]);
}
