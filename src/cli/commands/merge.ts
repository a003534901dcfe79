import { mergeBatches } from '../../core/batch.js';
import { UsageError } from '../../core/errors.js';
import { readBatchJson } from '../../io/batch-json.js';
import { renderBatchJson } from '../../render/batch.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output.js';
import { refuseOutputOverInput } from '../outputs-safe.js';

/** Combines `batch --format json` outputs of shards into the output of the whole run. */
export async function runMerge(files: readonly string[], options: { output?: string }): Promise<number> {
  refuseOutputOverInput(files.map((f) => ({ file: f, what: 'one of the files being merged' })), [{ file: options.output, option: '--output' }]);
  const parts = files.map(readBatchJson);
  const ids = new Set(parts.map((p) => p.rubric.id));
  if (ids.size > 1) throw new UsageError(`the files are for different rubrics (${[...ids].join(', ')}) and cannot be merged`);
  const merged = mergeBatches(parts);
  await emit(renderBatchJson(merged), options.output);
  return merged.invalid.length > 0 ? EXIT.usage : EXIT.ok;
}
