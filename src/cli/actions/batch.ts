import { statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { scoreInParallel } from '../../batch/pool.js';
import type { RubricUse } from '../../batch/score-files.js';
import { batchResult, comparePaths, inShard } from '../../core/batch.js';
import { UsageError } from '../../core/errors.js';
import { rubricSourcePhrase } from '../../io/compiled-rubrics.js';
import { expandInputs } from '../../io/expand.js';
import { isReadOnlyMode } from '../../io/files.js';
import { count } from '../../render/format.js';
import { loadRubric } from '../../io/load.js';
import { renderBatchCsv, renderBatchJson, renderBatchMarkdown, renderBatchText } from '../../render/batch.js';
import { renderCohortHtml } from '../../render/cohort-html.js';
import { EXIT } from '../exit-codes.js';
import type { FORMATS } from '../options.js';
import { emit, warn } from '../output.js';
import type { NamedInput } from '../outputs-safe.js';
import { refuseOutputOverInput, rubricInput } from '../outputs-safe.js';
import { progressBar } from '../progress.js';
import { outputWidth } from '../width.js';
import { startGrouping } from '../group-by.js';
import { QUOTED_MAX, visible, visibleMessage } from '../../core/visible.js';

export type BatchFormat = (typeof FORMATS.batch)[number];

export interface BatchOptions {
  format: BatchFormat;
  output?: string;
  failUnder?: number;
  shard?: { index: number; count: number };
  rubric?: string;
  groupBy?: string;
  groups?: string;
  /** SPEC "Researchers": council (the default) or indicator rows. */
  rows?: 'council' | 'indicator';
  anonymise?: boolean;
  aliasKey?: string;
}

export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<number> {
  const { files: all, unmatched, unreadable } = expandInputs(inputs);
  refuseOutputOverInput(
    [...all.map((f) => ({ file: f, what: 'one of the answers files' })), rubricInput(options.rubric), { file: options.groups, what: 'the --groups file' }],
    [{ file: options.output, option: '--output' }],
  );
  const { refuseRowsFormat } = await import('./batch-rows.js');
  refuseRowsFormat(options.rows, options.format);
  if (options.rows === 'indicator' && options.groupBy !== undefined) {
    throw new UsageError('--group-by works with council rows; indicator rows already carry each council\'s profile fields (such as type), so group them in R or pandas, or leave out --rows indicator');
  }
  const { refuseAliasKey, writeAliasKey } = await import('../anonymise.js');
  refuseAliasKey(options.aliasKey, options.anonymise, options.output, [...all.map((f) => ({ file: f, what: 'one of the answers files' })), rubricInput(options.rubric)]);
  const grouping = startGrouping(options);
  for (const input of unmatched) warn(`warning: ${visible(input, { max: 300 })}: no YAML files found`);
  if (unreadable.length > 0) {
    // A folder that cannot be read would leave its councils out of the cohort without a word.
    for (const u of unreadable.slice(0, -1)) warn(`error: cannot read ${u.path}: ${u.reason}`);
    const last = unreadable.at(-1)!;
    throw new UsageError(`cannot read ${last.path}: ${last.reason}; nothing was scored`);
  }
  if (all.length === 0) throw new UsageError(`no answers files found in ${inputs.join(', ')}`);
  const files = options.shard ? all.filter((_, i) => inShard(i, options.shard!)) : all;

  if (options.rubric !== undefined) grouping?.check(await loadRubric(options.rubric)); // a bad --rubric is a usage error, once
  else await grouping?.checkFirst(files[0]);
  // --anonymise: the alias is the index in the sorted list of all paths, before --shard, so shards agree.
  const { aliasOf } = await import('../../core/indicator-rows.js');
  const alias = options.anonymise ? aliasOf(all) : undefined;
  const inUse = (rubrics: readonly RubricUse[]) => [
    ...all.map((f) => ({ file: f, what: 'one of the answers files' })),
    ...rubrics.map((r) => ({ file: r.source, what: 'the rubric the answers files name' })),
    { file: options.output, what: 'the --output file' },
    { file: options.aliasKey, what: 'the --alias-key file' },
    { file: options.groups, what: 'the --groups file' },
  ];
  if (options.rows === 'indicator') {
    const { writeIndicatorRows, summaryOf } = await import('./batch-rows.js');
    const run = await writeIndicatorRows(files, {
      format: options.format as 'csv' | 'json',
      ...(options.output !== undefined && { output: options.output }),
      ...(options.rubric !== undefined && { rubric: options.rubric }),
      ...(alias && { aliases: files.map((f) => alias.get(f)!) }),
      wantNames: options.aliasKey !== undefined,
    });
    if (run.mixed) throw new UsageError(mixedRubrics(run.rubrics));
    const result = summaryOf(run);
    for (const bad of result.invalid) for (const line of bad.errors) warn(line);
    await writeAliasKey(options.aliasKey, run.names);
    await appendStepSummary(renderBatchMarkdown(result), inUse(run.rubrics));
    return exitFor(result, options);
  }
  const progress = progressBar(files.length);
  const scored = await scoreInParallel(files, options.rubric, (n) => progress.tick(n), undefined, { groupBy: grouping?.profileField });
  progress.done();
  const rubrics = Object.values(scored.rubrics);
  if (rubrics.length > 1) throw new UsageError(mixedRubrics(alias ? rubrics.map((r) => ({ ...r, examples: r.examples.map((f) => alias.get(f) ?? f) })) : rubrics));
  refuseOutputOverInput(rubrics.map((r) => ({ file: r.source, what: 'the rubric the answers files name' })), [{ file: options.output, option: '--output' }]);

  const only = rubrics[0];
  const fallback = only ?? (await loadRubric(options.rubric ?? 'eight-characteristics'));
  const { rubric, hash } = fallback;
  const grouped = grouping?.finish(fallback, scored.rows, options.shard === undefined);
  const scoredResult = batchResult(
    { id: rubric.id, version: rubric.version, title: rubric.title, hash },
    rubric.characteristics.map((c) => c.id),
    grouped?.rows ?? scored.rows,
    scored.invalid,
    grouped?.field,
  );
  // Groups are matched by the councils' real names, so names are replaced only after that.
  const { anonymiseBatch, aliasEntries } = await import('../../core/indicator-rows.js');
  const result = alias ? anonymiseBatch(scoredResult, alias) : scoredResult;

  for (const bad of result.invalid) for (const line of bad.errors) warn(line);
  const renderers = {
    text: () => renderBatchText(result, { width: outputWidth(options.output !== undefined) }),
    csv: () => renderBatchCsv(result),
    json: () => renderBatchJson(result),
    markdown: () => renderBatchMarkdown(result),
    html: () => renderCohortHtml(result, { rubric, indicators: scored.indicators }),
  } satisfies Record<BatchFormat, () => string>;
  await emit(renderers[options.format](), options.output);
  if (alias) await writeAliasKey(options.aliasKey, aliasEntries(scoredResult, alias));
  await appendStepSummary(renderBatchMarkdown(result), inUse(rubrics));
  return exitFor(result, options);
}

/** --fail-under's messages and the exit code: 2 beats 1 beats 0. */
function exitFor(result: ReturnType<typeof batchResult>, options: BatchOptions): number {
  const below =
    options.failUnder === undefined ? [] : result.councils.filter((r) => r.overall === null || r.overall + 1e-9 < options.failUnder!);
  for (const r of below) {
    const which = r.file === r.council ? visibleMessage(r.council, QUOTED_MAX) : `${visibleMessage(r.council, QUOTED_MAX)} (${visible(r.file)})`;
    warn(`policy failed: ${which} ${r.overall === null ? 'has no overall score' : `scored ${r.overall.toFixed(1)}`}, below --fail-under ${options.failUnder}`);
  }
  // 2 beats 1 beats 0.
  return result.invalid.length > 0 ? EXIT.usage : below.length > 0 ? EXIT.policy : EXIT.ok;
}

/**
 * Rubrics are told apart by id, version and content: a file that borrows a built-in id with other
 * questions is another rubric, and its councils cannot share a cohort with the built-in one's.
 */
function mixedRubrics(rubrics: readonly RubricUse[]): string {
  const files = (r: RubricUse) => count(r.files, 'file');
  const ids = new Set(rubrics.map((r) => r.rubric.id));
  if (ids.size === rubrics.length) {
    const list = [...rubrics]
      .sort((a, b) => comparePaths(a.rubric.id, b.rubric.id))
      .map((r) => `${r.rubric.id} (${files(r)})`)
      .join(', ');
    return `these files use more than one rubric: ${list}. Score each rubric's files in a separate run, or give --rubric to score them all against one`;
  }
  const list = [...rubrics]
    .sort((a, b) => comparePaths(a.examples[0] ?? '', b.examples[0] ?? ''))
    .map((r) => {
      const more = r.files > r.examples.length ? ` and ${r.files - r.examples.length} more` : '';
      return `"${r.rubric.id}" version ${r.rubric.version} from ${rubricSourcePhrase(r.source)} (${files(r)}: ${r.examples.join(', ')}${more})`;
    })
    .join('; ');
  return `these files use different rubrics that share an id: ${list}. Give a changed rubric its own id or version, or score each rubric's files in a separate run`;
}

/**
 * GitHub's step summary is a courtesy: a path it cannot append to is a warning, never the run's
 * failure, and it is never appended to a file the run reads or writes, or to a read-only file.
 */
async function appendStepSummary(markdown: string, inUse: NamedInput[]): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  const skip = (why: string) => warn(`warning: GITHUB_STEP_SUMMARY: cannot append the summary to ${visible(path, { max: 300 })}: ${why}`);
  try {
    refuseOutputOverInput(inUse, [{ file: path, option: 'GITHUB_STEP_SUMMARY' }]);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return skip('it is a file this run reads or writes');
  }
  if (isReadOnly(path)) return skip('it is read-only');
  try {
    await appendFile(path, `${markdown}\n`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(err));
    skip(why);
  }
}

function isReadOnly(path: string): boolean {
  try {
    const info = statSync(path);
    return info.isFile() && isReadOnlyMode(info.mode);
  } catch {
    return false;
  }
}
