import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { visible } from '../../core/visible.js';
import { checkAnswers } from '../../core/answers.js';
import { formatProblem, InputError, UsageError } from '../../core/errors.js';
import { sheetsToAnswers, workbookRubric } from '../../core/sheet-answers.js';
import { builtinRubricIds, DEFAULT_RUBRIC_ID } from '../../io/builtin.js';
import { loadRubric, resolveRubricRef } from '../../io/load.js';
import { locateSheetProblem, readSpreadsheet } from '../../io/spreadsheet.js';
import { renderAnswersFile } from '../../render/answers-file.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output.js';
import { printWarnings } from '../streams.js';
import { refuseOutputOverInput, rubricInput } from '../outputs-safe.js';

export interface ImportOptions {
  output?: string;
  force?: boolean;
  rubric?: string;
}

/** SPEC "Spreadsheets": a filled-in workbook or CSV -> an answers file, every mistake named by its cell. */
export async function runImport(file: string, options: ImportOptions): Promise<number> {
  refuseOutputOverInput([{ file, what: 'the spreadsheet' }, rubricInput(options.rubric)], [{ file: options.output, option: '--output' }]);
  const read = await readSpreadsheet(file);
  // A workbook names its rubric (a built-in id, or a path read from the workbook's own folder).
  const named = options.rubric === undefined ? workbookRubric(read.council) : undefined;
  const ref = options.rubric ?? named?.ref ?? DEFAULT_RUBRIC_ID;
  let loaded;
  try {
    loaded = await loadRubric(ref, named !== undefined ? dirname(resolve(file)) : process.cwd());
  } catch (err) {
    // The rubric the workbook names is not there, or is not a rubric: say which cell names it.
    if (named === undefined || !(err instanceof UsageError || err instanceof InputError)) throw err;
    const why = err instanceof InputError ? `${visible(named.ref, { max: 200 })} cannot be used as a rubric (${formatProblem(err.problems[0]!)}${err.problems.length > 1 ? `, and ${err.problems.length - 1} more` : ''})` : err.message;
    throw new InputError([locateSheetProblem(file, read, { ...named.problemAt, message: `${why}; the workbook was made from that rubric (or give one with --rubric)` })]);
  }
  const builtin = builtinRubricIds().includes(ref) && resolveRubricRef(ref, process.cwd()) === loaded.file;
  // The answers file names its rubric as seen from where it is written.
  const home = options.output !== undefined ? dirname(resolve(options.output)) : process.cwd();
  const rel = relative(home, resolve(loaded.file)).split('\\').join('/');
  const rubricRef = builtin ? ref : isAbsolute(rel) || rel.startsWith('.') ? rel : `./${rel}`;

  const { file: answers, problems, answerCells } = sheetsToAnswers(loaded.rubric, rubricRef, {
    ...(read.council && { council: read.council }),
    ...(read.answers && { answers: read.answers }),
    csv: read.kind === 'csv',
  });
  if (problems.length > 0) throw new InputError(problems.map((p) => locateSheetProblem(file, read, p)));
  // What the sheet reader let through is checked as any answers file is (it should find nothing).
  const checked = checkAnswers(answers, loaded.rubric);
  if (checked.errors.length > 0) {
    throw new InputError(checked.errors.map((p) => ({ file, line: 0, col: 0, cell: '', path: p.label ?? p.path.join('.'), message: p.message })));
  }
  // validate's warnings, each at its cell while the workbook is still open (the answers file is still written).
  printWarnings(
    checked.warnings.map((p) => {
      const cell = p.path[0] === 'answers' ? answerCells.get(String(p.path[1])) : undefined;
      if (cell !== undefined) return locateSheetProblem(file, read, { ...cell, message: p.message });
      return { file, line: 0, col: 0, cell: '', path: p.label ?? p.path.join('.'), message: p.message };
    }),
  );
  await emit(renderAnswersFile(answers, loaded.rubric, `council-resilience import from ${visible(basename(file))}`), options.output, { replace: options.force === true });
  return EXIT.ok;
}
