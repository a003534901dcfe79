import { realpathSync } from 'node:fs';
import type { BatchPart } from '../../core/batch.js';
import { mergeBatches } from '../../core/batch.js';
import type { InputProblem } from '../../core/errors.js';
import { InputError, UsageError } from '../../core/errors.js';
import { readBatchJson } from '../../io/batch-json.js';
import { renderBatchJson } from '../../render/batch.js';
import { EXIT } from '../exit-codes.js';
import { emit, warn } from '../output.js';
import { refuseOutputOverInput } from '../outputs-safe.js';
import { visibleMessage } from '../../core/visible.js';

/** Combines `batch --format json` outputs of shards into the output of the whole run. */
export async function runMerge(files: readonly string[], options: { output?: string; anonymise?: boolean; aliasKey?: string }): Promise<number> {
  refuseOutputOverInput(files.map((f) => ({ file: f, what: 'one of the files being merged' })), [{ file: options.output, option: '--output' }]);
  const { refuseAliasKey, writeAliasKey } = await import('../anonymise.js');
  refuseAliasKey(options.aliasKey, options.anonymise, options.output, files.map((f) => ({ file: f, what: 'one of the files being merged' })));
  refuseRepeats(files);
  const { mergeResearch } = await import('./merge-research.js');
  const research = await mergeResearch(files, options);
  if (research !== undefined) {
    for (const bad of research.invalid) for (const line of bad.errors) warn(visibleMessage(line));
    await emit(research.text, options.output);
    await writeAliasKey(options.aliasKey, research.names);
    return research.invalid.length > 0 ? EXIT.usage : EXIT.ok;
  }
  const parts = readAll(files);
  const merged = mergeBatches(parts, process.cwd());
  // As batch does: the exit code 2 below is for these files, so say what is wrong with them.
  for (const bad of merged.invalid) for (const line of bad.errors) warn(visibleMessage(line));
  if (merged.rubric.hash === undefined) {
    warn('warning: these files have no rubric hash (written by an older version of council-resilience), so only their rubric id and version were checked');
  }
  await emit(renderBatchJson(merged), options.output);
  return merged.invalid.length > 0 ? EXIT.usage : EXIT.ok;
}

/** Every file's mistakes, in order, before any is reported. */
function readAll(files: readonly string[]): BatchPart[] {
  const parts: BatchPart[] = [];
  const problems: InputProblem[] = [];
  for (const source of files) {
    try {
      parts.push({ source, batch: readBatchJson(source) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return parts;
}

/** The same shard given twice (`part-1.json ./part-1.json`) would count each of its councils twice. */
function refuseRepeats(files: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      continue; // reading it says why
    }
    const first = seen.get(real);
    if (first !== undefined) {
      throw new UsageError(`${file} is given twice${first === file ? '' : ` (also as ${first})`}; give each shard's output once`);
    }
    seen.set(real, file);
  }
}
