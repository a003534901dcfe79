import { appendFile } from 'node:fs/promises';
import { scoreInParallel } from '../../batch/pool.js';
import { batchResult, inShard } from '../../core/batch.js';
import { UsageError } from '../../core/errors.js';
import { expandInputs } from '../../io/expand.js';
import { loadRubric } from '../../io/load.js';
import { renderBatchCsv, renderBatchJson, renderBatchMarkdown, renderBatchText } from '../../render/batch.js';
import { EXIT } from '../exit-codes.js';
import type { FORMATS } from '../options.js';
import { emit, warn } from '../output.js';
import { progressBar } from '../progress.js';
import { outputWidth } from '../width.js';
import { QUOTED_MAX, visible, visibleMessage } from '../../core/visible.js';

export type BatchFormat = (typeof FORMATS.batch)[number];

export interface BatchOptions {
  format: BatchFormat;
  output?: string;
  failUnder?: number;
  shard?: { index: number; count: number };
  rubric?: string;
}

export async function runBatch(inputs: readonly string[], options: BatchOptions): Promise<number> {
  const { files: all, unmatched } = expandInputs(inputs);
  for (const input of unmatched) warn(`warning: ${input}: no YAML files found`);
  if (all.length === 0) throw new UsageError(`no answers files found in ${inputs.join(', ')}`);
  const files = options.shard ? all.filter((_, i) => inShard(i, options.shard!)) : all;

  if (options.rubric !== undefined) await loadRubric(options.rubric); // a bad --rubric is a usage error, once
  const progress = progressBar(files.length);
  const scored = await scoreInParallel(files, options.rubric, (n) => progress.tick(n));
  progress.done();
  const rubrics = new Map(Object.entries(scored.rubrics));

  if (rubrics.size > 1) {
    const list = [...rubrics].map(([id, r]) => `${id} (${r.files} file${r.files === 1 ? '' : 's'})`).join(', ');
    throw new UsageError(
      `these files use more than one rubric: ${list}. Score each rubric's files in a separate run, or give --rubric to score them all against one`,
    );
  }
  const only = [...rubrics.values()][0]?.rubric;
  const fallback = only ?? (await loadRubric(options.rubric ?? 'eight-characteristics')).rubric;
  const result = batchResult(fallback, fallback.characteristics.map((c) => c.id), scored.rows, scored.invalid);

  for (const bad of result.invalid) for (const line of bad.errors) warn(line);
  const renderers = {
    text: () => renderBatchText(result, { width: outputWidth(options.output !== undefined) }),
    csv: () => renderBatchCsv(result),
    json: () => renderBatchJson(result),
    markdown: () => renderBatchMarkdown(result),
  } satisfies Record<BatchFormat, () => string>;
  await emit(renderers[options.format](), options.output);
  if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, `${renderBatchMarkdown(result)}\n`);

  const below =
    options.failUnder === undefined ? [] : result.councils.filter((r) => r.overall === null || r.overall + 1e-9 < options.failUnder!);
  for (const r of below) {
    warn(`policy failed: ${visibleMessage(r.council, QUOTED_MAX)} (${visible(r.file)}) ${r.overall === null ? 'has no overall score' : `scored ${r.overall.toFixed(1)}`}, below --fail-under ${options.failUnder}`);
  }
  // 2 beats 1 beats 0.
  return result.invalid.length > 0 ? EXIT.usage : below.length > 0 ? EXIT.policy : EXIT.ok;
}
