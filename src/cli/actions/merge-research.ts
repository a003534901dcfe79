// merge of indicator-row shards, and merge --anonymise: the parts of merge that SPEC "Researchers" adds.
import type { BatchPart, BatchResult, InvalidFile } from '../../core/batch.js';
import { comparePaths, mergeBatches } from '../../core/batch.js';
import type { InputProblem } from '../../core/errors.js';
import { InputError, UsageError } from '../../core/errors.js';
import { aliasEntries, aliasOf, anonymiseBatch } from '../../core/indicator-rows.js';
import type { RowsPart } from '../../core/merge-rows.js';
import { anonymiseRows, mergeRows } from '../../core/merge-rows.js';
import { readBatchJson } from '../../io/batch-json.js';
import { peekBatch, readBatchRowsJson } from '../../io/batch-rows-json.js';
import { renderBatchJson } from '../../render/batch.js';
import { renderRowsJson } from '../../render/indicator-rows.js';
import type { AliasEntry } from '../anonymise.js';

export interface ResearchMerge {
  text: string;
  invalid: InvalidFile[];
  names: AliasEntry[];
}

/** undefined: plain shards of council rows without --anonymise, which merge.ts merges as before. */
export async function mergeResearch(files: readonly string[], options: { anonymise?: boolean; aliasKey?: string }): Promise<ResearchMerge | undefined> {
  const peeks = files.map((f) => ({ file: f, peek: peekBatch(f) }));
  const rowsFiles = peeks.filter((p) => p.peek?.kind === 'rows');
  const anonymised = peeks.filter((p) => p.peek?.anonymised);
  if (rowsFiles.length === 0 && anonymised.length === 0 && !options.anonymise) return undefined;
  if (anonymised.length > 0 && anonymised.length < peeks.length) {
    const plain = peeks.find((p) => !p.peek?.anonymised)!;
    throw new UsageError(`${anonymised[0]!.file} is anonymised and ${plain.file} is not, so they cannot be merged; run every shard with --anonymise, or none`);
  }
  if (anonymised.length > 0 && options.aliasKey !== undefined) {
    throw new UsageError('these files are anonymised already, so merge does not know the names for --alias-key; each shard\'s batch run wrote its own key with --alias-key');
  }
  const problems: InputProblem[] = [];
  const collect = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
      return undefined;
    }
  };
  if (rowsFiles.length > 0) {
    if (rowsFiles.length < peeks.length) {
      const other = peeks.find((p) => p.peek?.kind !== 'rows')!;
      collect(() => readBatchJson(other.file));
      if (problems.length > 0) throw new InputError(problems);
      throw new UsageError(`${rowsFiles[0]!.file} holds indicator rows (--rows indicator) and ${other.file} council rows, so they cannot be merged; merge the shards of one batch run`);
    }
    const parts: RowsPart[] = [];
    for (const { file, peek } of peeks) {
      const rows = collect(() => readBatchRowsJson(file, peek!.text));
      if (rows) parts.push({ source: file, rows });
    }
    if (problems.length > 0) throw new InputError(problems);
    let merged = mergeRows(parts, process.cwd());
    let names: AliasEntry[] = [];
    if (options.anonymise && !merged.anonymised) {
      const plain = merged;
      const { rows, alias } = anonymiseRows(plain);
      merged = rows;
      const councilOf = new Map<string, string>();
      for (const r of plain.rows) if (!councilOf.has(r.file)) councilOf.set(r.file, r.council);
      names = [...alias].map(([file, a]) => ({ alias: a, council: councilOf.get(file) ?? '', file }));
    }
    return { text: renderRowsJson(merged), invalid: merged.invalid, names };
  }
  const parts: BatchPart[] = [];
  for (const { file } of peeks) {
    const batch = collect(() => readBatchJson(file));
    if (batch) parts.push({ source: file, batch });
  }
  if (problems.length > 0) throw new InputError(problems);
  const merged = mergeBatches(parts, process.cwd());
  let result: BatchResult;
  let names: AliasEntry[] = [];
  if (anonymised.length > 0) {
    const { schemaVersion, ...rest } = merged;
    result = { schemaVersion, anonymised: true, ...rest } as BatchResult;
  } else {
    const alias = aliasOf([...merged.councils.map((r) => r.file), ...merged.invalid.map((b) => b.file)].sort(comparePaths));
    result = anonymiseBatch(merged, alias);
    names = aliasEntries(merged, alias);
  }
  return { text: renderBatchJson(result), invalid: result.invalid, names };
}
