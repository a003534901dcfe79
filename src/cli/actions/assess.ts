import { InputError, UsageError } from '../../core/errors.js';
import { placeInOwnGroup } from '../group-placement.js';
import type { PlanInReport } from '../../core/plan.js';
import { planForGaps, subjectProblem } from '../../core/plan.js';
import { policyFailures } from '../../core/policy.js';
import { placeInCohort } from '../../core/placement.js';
import { assess } from '../../core/score.js';
import { readCohort } from '../../io/batch-json.js';
import { toolVersion } from '../../generated/version.js';
import { answersFromParsed, readYamlFile } from '../../io/load.js';
import { loadPlan } from '../../io/plan-file.js';
import { locate } from '../../io/yaml.js';
import { renderJson } from '../../render/json.js';
import { renderHtml } from '../../render/html.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderRadarSvg } from '../../render/svg-radar.js';
import { renderText } from '../../render/text.js';
import { stdoutStyle } from '../colour.js';
import { EXIT } from '../exit-codes.js';
import type { FORMATS } from '../options.js';
import { emit, refuseBinaryToTerminal, warn } from '../output.js';
import { acceptAnswers } from '../answers-input.js';
import { refuseOutputOverInput, rubricInput } from '../outputs-safe.js';
import { outputWidth } from '../width.js';

export type AssessFormat = (typeof FORMATS.assess)[number];

export interface AssessOptions {
  rubric?: string;
  format: AssessFormat;
  output?: string;
  chart?: string;
  cohort?: string;
  groupBy?: string;
  groups?: string;
  target?: number;
  top: number;
  failUnder?: number;
  strict?: boolean;
  plan?: string;
  color: boolean;
}

export async function runAssess(file: string, options: AssessOptions): Promise<number> {
  const outputs = [{ file: options.output, option: '--output' }, { file: options.chart, option: '--chart' }];
  if (options.format === 'docx') refuseBinaryToTerminal(options.output, 'docx');
  refuseOutputOverInput(
    [
      { file, what: 'the answers file' },
      rubricInput(options.rubric),
      { file: options.cohort, what: 'the --cohort file' },
      { file: options.groups, what: 'the --groups file' },
      { file: options.plan, what: 'the --plan file' },
    ],
    outputs,
  );
  if (options.groupBy !== undefined && options.cohort === undefined) throw new UsageError('--group-by places the council in its group of a cohort, so it needs --cohort <batch.json>');
  if (options.groups !== undefined && options.groupBy === undefined) throw new UsageError('--groups needs --group-by naming the column to group the cohort by');
  const parsed = await readYamlFile(file);
  const loaded = await answersFromParsed(parsed, options.rubric);
  const rubric = acceptAnswers(loaded, outputs, options.target);
  const scored = assess(rubric, loaded.answers, { target: options.target, source: file });
  let assessment = scored;
  if (options.cohort !== undefined) {
    const { cohort, batch, warning } = readCohort(options.cohort, { id: rubric.id, version: rubric.version, hash: loaded.rubric.hash, file: loaded.rubric.file }, file);
    if (warning) warn(warning);
    const placed = placeInCohort(scored, cohort, options.cohort);
    if (options.groupBy !== undefined) {
      placed.group = placeInOwnGroup(scored, rubric, { file: options.cohort, batch }, { groupBy: options.groupBy, groups: options.groups });
    }
    assessment = { ...scored, cohort: placed };
  }
  let plan: PlanInReport | undefined;
  if (options.plan !== undefined) {
    const loadedPlan = await loadPlan(options.plan);
    refuseOutputOverInput([{ file: loadedPlan.rubric.file, what: 'the rubric the --plan file names' }], outputs);
    const problem = subjectProblem({ council: loadedPlan.plan.council, rubricId: loadedPlan.rubric.rubric.id }, assessment, `the --plan file ${options.plan}`);
    if (problem) throw new InputError([locate(parsed, problem)]);
    plan = planForGaps(assessment, loadedPlan.plan, options.plan);
  }

  const renderers = {
    text: async () =>
      renderText(assessment, {
        style: await stdoutStyle(options.color, options.output !== undefined),
        top: options.top,
        scale: rubric.scale,
        width: outputWidth(options.output !== undefined),
        plan,
      }),
    json: async () => renderJson(assessment, toolVersion, plan),
    markdown: async () => renderMarkdown(assessment, { rubric, top: options.top, plan }),
    html: async () => renderHtml(assessment, { rubric, top: options.top, plan }),
    // Word, its library and the chart's PNG renderer load only for this format.
    docx: async () => (await import('../../render/docx.js')).renderAssessDocx(assessment, { rubric, top: options.top, plan }),
  } satisfies Record<AssessFormat, () => Promise<string | Uint8Array>>;
  await emit(await renderers[options.format](), options.output);
  if (options.chart !== undefined) await emit(renderRadarSvg(assessment, { standalone: true }), options.chart);

  const failures = policyFailures(assessment, { failUnder: options.failUnder, strict: options.strict });
  for (const failure of failures) warn(`policy failed: ${failure}`);
  return failures.length > 0 ? EXIT.policy : EXIT.ok;
}
