import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { parseSelection, selectionProblemMessage } from '../../core/selection.js';
import type { AnswersFile } from '../../core/types.js';
import { builtinRubricIds, DEFAULT_RUBRIC_ID, schemasDir } from '../../io/builtin.js';
import { loadRubric, resolveRubricRef } from '../../io/load.js';
import { renderTemplate } from '../../render/template.js';
import { EXIT } from '../exit-codes.js';
import { emit, refuseBinaryToTerminal } from '../output.js';
import { refuseOutputOverInput, rubricInput } from '../outputs-safe.js';

export interface TemplateOptions {
  rubric?: string;
  output?: string;
  /** Let --output replace an existing file (a filled-in answers file is never lost by accident). */
  force?: boolean;
  /** `--only`: characteristic ids and indicator keys, separated by commas. */
  only?: string;
  /** `--from LAST.yaml`: last year's answers, filled in. */
  from?: string;
  format?: 'yaml' | 'xlsx' | 'csv';
}

export async function runTemplate(options: TemplateOptions): Promise<number> {
  const format = options.format ?? 'yaml';
  if (format === 'xlsx') refuseBinaryToTerminal(options.output, 'xlsx');
  refuseOutputOverInput(
    [rubricInput(options.rubric ?? (options.from === undefined ? DEFAULT_RUBRIC_ID : undefined), 'the rubric'), { file: options.from, what: 'the --from file' }],
    [{ file: options.output, option: '--output' }],
  );
  let from: AnswersFile | undefined;
  let rubric;
  let file: string;
  let ref: string;
  if (options.from !== undefined) {
    const { readLastYear } = await import('../../interview/carry-forward.js');
    const last = await readLastYear(options.from, options.rubric);
    from = last.last.answers;
    rubric = last.rubric.rubric;
    file = last.rubric.file;
    ref = from.rubric;
  } else {
    ref = options.rubric ?? DEFAULT_RUBRIC_ID;
    ({ rubric, file } = await loadRubric(ref));
  }
  const selected = options.only === undefined ? undefined : parseSelection(rubric, options.only);
  if (selected && !selected.selection) throw new UsageError(selectionProblemMessage(selected.problems[0]!));
  // Paths inside the template are read relative to where the template ends up.
  const home = options.output !== undefined ? dirname(resolve(options.output)) : process.cwd();
  const fromHome = (target: string) => {
    const rel = relative(home, resolve(target)).split('\\').join('/');
    return isAbsolute(rel) || rel === '' ? rel : rel.startsWith('.') ? rel : `./${rel}`;
  };
  const builtin = builtinRubricIds().includes(ref) && resolveRubricRef(ref, process.cwd()) === file;
  const rubricRef = builtin ? ref : fromHome(file);
  const only = selected?.selection;
  if (format === 'yaml') {
    const schemaPath = fromHome(join(schemasDir, 'answers.schema.json'));
    await emit(renderTemplate(rubric, { rubricRef, schemaPath, ...(only && { only }), ...(from && { from }) }), options.output, { replace: options.force === true });
    return EXIT.ok;
  }
  const { templateContent, csvHeader } = await import('../../core/sheet-answers.js');
  const content = templateContent(rubric, { rubricRef, ...(only && { only }), ...(from && { from }) });
  // Never cut silently: each cell too long for Excel is named, and the answers file keeps all of it.
  if (content.cut.length > 0) {
    const { printWarnings } = await import('../streams.js');
    printWarnings(
      content.cut.map(({ key, length }) => ({
        file: options.from ?? '',
        line: 0,
        col: 0,
        cell: '',
        path: key,
        message: `is ${length} characters, more than a spreadsheet cell holds (32767); the template keeps the first 32766 and ends it with "…" (the rest stays in this file)`,
      })),
    );
  }
  if (format === 'csv') {
    const { csvTemplate } = await import('../../io/spreadsheet.js');
    await emit(csvTemplate(content, csvHeader(rubric)), options.output, { replace: options.force === true });
    return EXIT.ok;
  }
  const [{ xlsxTemplate }, { instructionLines }] = await Promise.all([import('../../io/spreadsheet.js'), import('../../render/sheet-instructions.js')]);
  const bytes = await xlsxTemplate(rubric, content, { title: `Self-assessment: ${rubric.title}`, instructions: instructionLines(rubric, { only: only?.ids }) });
  await emit(bytes, options.output, { replace: options.force === true });
  return EXIT.ok;
}
