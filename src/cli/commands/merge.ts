import { readFile } from 'node:fs/promises';
import type { BatchResult } from '../../core/batch.js';
import { mergeBatches } from '../../core/batch.js';
import { InputError, UsageError } from '../../core/errors.js';
import { renderBatchJson } from '../../render/batch.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output.js';

/** Combines `batch --format json` outputs of shards into the output of the whole run. */
export async function runMerge(files: readonly string[], options: { output?: string }): Promise<number> {
  const parts: BatchResult[] = [];
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(err as Error).message})`;
      throw new InputError([{ file, line: 1, col: 1, path: '', message: why }]);
    }
    const part = data as Partial<BatchResult>;
    if (part.schemaVersion !== 1 || !Array.isArray(part.councils) || !Array.isArray(part.invalid) || !part.rubric || !part.cohort) {
      throw new InputError([{ file, line: 1, col: 1, path: '', message: 'not the output of "batch --format json"' }]);
    }
    parts.push(part as BatchResult);
  }
  const ids = new Set(parts.map((p) => p.rubric.id));
  if (ids.size > 1) throw new UsageError(`the files are for different rubrics (${[...ids].join(', ')}) and cannot be merged`);
  const merged = mergeBatches(parts);
  await emit(renderBatchJson(merged), options.output);
  return merged.invalid.length > 0 ? EXIT.usage : EXIT.ok;
}
