import { InputError, UsageError } from '../../core/errors.js';
import { subjectProblem } from '../../core/plan.js';
import type { Assessment } from '../../core/types.js';
import { dateArgumentProblem, isoDate, progress } from '../../core/progress.js';
import { assess } from '../../core/score.js';
import { answersFromParsed, readYamlFile } from '../../io/load.js';
import { loadPlan } from '../../io/plan-file.js';
import { locate } from '../../io/yaml.js';
import { renderProgressCsv } from '../../render/progress-csv.js';
import { renderProgressHtml } from '../../render/progress-html.js';
import { renderProgressJson } from '../../render/progress-json.js';
import { renderProgressMarkdown } from '../../render/progress-markdown.js';
import { renderProgressText } from '../../render/progress-text.js';
import { EXIT } from '../exit-codes.js';
import type { FORMATS } from '../options.js';
import { emit, printWarnings, refuseBinaryToTerminal, warn } from '../output.js';
import { refuseOutputOverInput } from '../outputs-safe.js';
import { outputWidth } from '../width.js';

export type ProgressFormat = (typeof FORMATS.progress)[number];

export interface ProgressOptions {
  answers?: string;
  on?: string;
  format: ProgressFormat;
  output?: string;
  failOverdue?: boolean;
}

export async function runProgress(file: string, options: ProgressOptions): Promise<number> {
  const outputs = [{ file: options.output, option: '--output' }];
  if (options.format === 'docx') refuseBinaryToTerminal(options.output, 'docx');
  refuseOutputOverInput([{ file, what: 'the plan file' }, { file: options.answers, what: 'the --answers file' }], outputs);
  let on: string;
  if (options.on === undefined) on = today();
  else {
    const problem = dateArgumentProblem(options.on.trim());
    if (problem !== undefined) throw new UsageError(`--on: ${problem}`);
    on = options.on.trim();
  }
  const loaded = await loadPlan(file);
  refuseOutputOverInput([{ file: loaded.rubric.file, what: 'the rubric the plan names' }], outputs);
  let later: Assessment | undefined;
  if (options.answers !== undefined) {
    const parsed = await readYamlFile(options.answers);
    const answers = await answersFromParsed(parsed);
    refuseOutputOverInput([{ file: answers.rubric.file, what: 'the rubric the --answers file names' }], outputs);
    printWarnings(answers.warnings);
    later = assess(answers.rubric.rubric, answers.answers, { source: options.answers });
    const problem = subjectProblem({ council: loaded.plan.council, rubricId: loaded.rubric.rubric.id }, later, `the plan ${file}`);
    if (problem) throw new InputError([locate(parsed, problem)]);
  }
  const report = progress(loaded.plan, loaded.rubric.rubric, { on, later });
  const context = { rubric: loaded.rubric.rubric, later: options.answers };
  const renderers = {
    text: async () => renderProgressText(report, { ...context, width: outputWidth(options.output !== undefined) }),
    markdown: async () => renderProgressMarkdown(report, context),
    csv: async () => renderProgressCsv(report),
    json: async () => renderProgressJson(report),
    html: async () => renderProgressHtml(report, context),
    docx: async () => (await import('../../render/docx.js')).renderProgressDocx(report, context),
  } satisfies Record<ProgressFormat, () => Promise<string | Uint8Array>>;
  await emit(await renderers[options.format](), options.output);
  if (options.failOverdue && report.counts.overdue > 0) {
    warn(`policy failed: ${report.counts.overdue === 1 ? '1 action is' : `${report.counts.overdue} actions are`} overdue on ${on}`);
    return EXIT.policy;
  }
  return EXIT.ok;
}

/** Today's date where the command is run (the local calendar, not UTC): the only clock read. */
function today(): string {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
