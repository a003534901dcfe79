import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { parseSelection, selectionProblemMessage } from '../../core/selection.js';
import { builtinRubricIds, DEFAULT_RUBRIC_ID, schemasDir } from '../../io/builtin.js';
import { loadRubric } from '../../io/load.js';
import { renderTemplate } from '../../render/template.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output.js';
import { refuseOutputOverInput, rubricInput } from '../outputs-safe.js';

export interface TemplateOptions {
  rubric?: string;
  output?: string;
  /** Let --output replace an existing file (a filled-in answers file is never lost by accident). */
  force?: boolean;
  /** `--only`: characteristic ids and indicator keys, separated by commas. */
  only?: string;
}

export async function runTemplate(options: TemplateOptions): Promise<number> {
  const ref = options.rubric ?? DEFAULT_RUBRIC_ID;
  refuseOutputOverInput([rubricInput(ref, 'the rubric')], [{ file: options.output, option: '--output' }]);
  const { rubric, file } = await loadRubric(ref);
  const selected = options.only === undefined ? undefined : parseSelection(rubric, options.only);
  if (selected && !selected.selection) throw new UsageError(selectionProblemMessage(selected.problems[0]!));
  // Paths inside the template are read relative to where the template ends up.
  const home = options.output !== undefined ? dirname(resolve(options.output)) : process.cwd();
  const fromHome = (target: string) => {
    const rel = relative(home, resolve(target)).split('\\').join('/');
    return isAbsolute(rel) || rel === '' ? rel : rel.startsWith('.') ? rel : `./${rel}`;
  };
  const rubricRef = builtinRubricIds().includes(ref) ? ref : fromHome(file);
  const schemaPath = fromHome(join(schemasDir, 'answers.schema.json'));
  await emit(renderTemplate(rubric, { rubricRef, schemaPath, ...(selected?.selection && { only: selected.selection }) }), options.output, { replace: options.force === true });
  return EXIT.ok;
}
