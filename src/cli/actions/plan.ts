import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import type { PlanSource } from '../../core/plan.js';
import { newPlan, noLongerAGapLine, subjectProblem, updatePlan } from '../../core/plan.js';
import { assess } from '../../core/score.js';
import { visible, visibleMessage } from '../../core/visible.js';
import { builtinRubricIds } from '../../io/builtin.js';
import { kindOf, loadAnswers, readYamlFile } from '../../io/load.js';
import { editPlanText, planFromParsed } from '../../io/plan-file.js';
import { locate } from '../../io/yaml.js';
import { count } from '../../render/format.js';
import { actionLines, renderPlanFile, yamlString } from '../../render/plan-file.js';
import { EXIT } from '../exit-codes.js';
import { emit, ownStream, warn } from '../output.js';
import { acceptAnswers } from '../answers-input.js';
import { refuseOutputOverInput } from '../outputs-safe.js';

export interface PlanOptions {
  output?: string;
  top?: number;
}

export async function runPlan(file: string, options: PlanOptions): Promise<number> {
  const outputs = [{ file: options.output, option: '--output' }];
  refuseOutputOverInput([{ file, what: 'the answers file' }], outputs);
  const loaded = await loadAnswers(file);
  const rubric = acceptAnswers(loaded, outputs);
  const assessment = assess(rubric, loaded.answers, { source: file });
  // Paths in the plan are seen from the plan's own folder, as an answers file's rubric path is.
  const folder = options.output === undefined || ownStream(options.output) !== undefined ? process.cwd() : dirname(resolve(options.output));
  const source: PlanSource = {
    rubric: rubricRef(loaded.answers.rubric, dirname(resolve(file)), folder),
    answers: pathFrom(folder, resolve(file)),
  };

  const output = options.output;
  if (output === undefined || !isExistingFile(output)) {
    const plan = newPlan(assessment, source, options.top);
    await emit(renderPlanFile(plan, rubric), output);
    if (output !== undefined) warn(`${visible(output)}: ${newPlanWords(plan.actions.length, assessment.gaps.length)}`);
    return EXIT.ok;
  }
  return updateExisting(output, assessment, source, rubric, options.top);
}

/** Adds the new gaps to the plan already in `output`; nothing a person wrote in it changes. */
async function updateExisting(
  output: string,
  assessment: ReturnType<typeof assess>,
  source: PlanSource,
  rubric: Parameters<typeof renderPlanFile>[1],
  top: number | undefined,
): Promise<number> {
  const parsed = await readYamlFile(output);
  const kind = kindOf(parsed);
  if (kind !== 'plan') {
    throw new UsageError(
      `${output} already exists and is not an action plan (${kind === undefined ? 'it has no "kind:" line' : `kind: ${JSON.stringify(kind)}`}); ` +
        'choose another file for --output, so that nothing in it is lost',
    );
  }
  const existing = await planFromParsed(parsed);
  const problem = subjectProblem({ council: existing.plan.council, rubricId: existing.rubric.rubric.id }, assessment, 'the answers file');
  if (problem) {
    // Located in the plan: it is the file that does not belong with these answers.
    const words = problem.path[0] === 'rubric'
      ? `this plan was made with rubric ${JSON.stringify(existing.rubric.rubric.id)}, but the answers file ${assessment.source} uses rubric ${JSON.stringify(assessment.rubric.id)}; give --output a plan of the same rubric, or a new file`
      : `this plan is for ${JSON.stringify(existing.plan.council.name)}, but the answers file ${assessment.source} is for ${JSON.stringify(assessment.council.name)}; give --output a plan of the same council, or a new file`;
    throw new InputError([locate(parsed, { path: problem.path, message: words })]);
  }

  const update = updatePlan(existing.plan, assessment, source, top);
  for (const met of update.met) warn(visibleMessage(noLongerAGapLine(met, assessment.source ?? 'the answers file')));
  if (update.added.length === 0 && !update.basedOnChanged) {
    warn(`${visible(output)}: every gap already has an action; the plan is unchanged`);
    return EXIT.ok;
  }
  const raw = readFileSync(output);
  const text = raw.toString('utf8');
  const basedOn: { field: 'answers' | 'assessedOn'; text: string | undefined }[] = [];
  if (update.basedOnChanged) {
    const next = update.plan.basedOn;
    if (next.answers !== existing.plan.basedOn.answers) basedOn.push({ field: 'answers', text: yamlString(next.answers) });
    if (next.assessedOn !== existing.plan.basedOn.assessedOn) {
      basedOn.push({ field: 'assessedOn', text: next.assessedOn === undefined ? undefined : yamlString(next.assessedOn) });
    }
  }
  const edited = editPlanText(text, { basedOn, actions: actionLines(update.added, ''), expected: update.plan });
  if (edited === undefined) {
    throw new UsageError(
      `cannot add the new actions to ${output} without changing what is already in it (its layout is one this tool cannot edit safely); ` +
        'the file is unchanged: write the new plan to another file with --output and copy the actions across',
    );
  }
  // Someone saving the plan in an editor meanwhile must not lose their edit to this one.
  if (!readFileSync(output).equals(raw)) throw new UsageError(`${output} changed while the plan was being updated; it is left as it is now: run the command again`);
  await emit(edited, output);
  const keys = update.added.map((a) => a.key).join(', ');
  warn(
    visibleMessage(
      update.added.length === 0
        ? `${output}: every gap already has an action; only basedOn changed, to ${update.plan.basedOn.answers}`
        : `${output}: ${count(update.added.length, 'action')} added at the end (${keys}); the actions already there are unchanged`,
    ),
  );
  return EXIT.ok;
}

/** What a new plan holds: "5 actions planned, one for each gap", "10 actions planned, for the first 10 of 19 gaps". */
function newPlanWords(actions: number, gaps: number): string {
  if (gaps === 0) return 'no gaps: every question scored is at its target, so the plan has no actions yet';
  if (actions === gaps) return `${count(actions, 'action')} planned, one for each gap`;
  return `${count(actions, 'action')} planned, for the first ${actions} of ${count(gaps, 'gap')}`;
}

function isExistingFile(path: string): boolean {
  if (ownStream(path) !== undefined || !existsSync(path)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The rubric as the plan names it: a built-in id as it is; a path rewritten from the plan's folder. */
function rubricRef(ref: string, answersFolder: string, planFolder: string): string {
  if (builtinRubricIds().includes(ref) || isAbsolute(ref)) return ref;
  return pathFrom(planFolder, resolve(answersFolder, ref));
}

function pathFrom(folder: string, target: string): string {
  const rel = relative(folder, target).split('\\').join('/');
  return rel === '' || isAbsolute(rel) ? target : rel;
}
