// merge of "batch --rows indicator --format json" shards: the rows of all shards in path order, as
// one unsharded run writes them. Pure.
import type { BatchRows, IndicatorRowJson } from '../generated/batch-rows-types.js';
import { comparePaths, councilFileKey } from './batch.js';
import { UsageError } from './errors.js';
import { aliasOf, anonymiseInvalid } from './indicator-rows.js';
import { rubricDifference } from './rubric-identity.js';

export interface RowsPart {
  source: string;
  rows: BatchRows;
}

export function mergeRows(parts: readonly RowsPart[], cwd: string): BatchRows {
  if (parts.length === 0) throw new RangeError('nothing to merge');
  // A shard whose files were all invalid names only the rubric batch falls back on: it has no rows to disagree with.
  const scored = parts.filter((p) => p.rows.rows.length > 0);
  const first = scored[0] ?? parts[0]!;
  for (const part of scored.slice(1)) {
    const d = rubricDifference(first.rows.rubric, part.rows.rubric);
    if (d !== 'same' && d !== 'unknown') {
      throw new UsageError(`${first.source} and ${part.source} were scored with different rubrics, so they cannot be merged; merge only the shards of one batch run`);
    }
  }
  const seen = new Map<string, string>();
  for (const { source, rows } of parts) {
    const mine = new Set<string>();
    for (const f of [...rows.rows.map((r) => r.file), ...rows.invalid.map((b) => b.file)]) {
      const key = councilFileKey(f, cwd);
      if (mine.has(key)) continue;
      mine.add(key);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new UsageError(`the council file ${f} is in both ${earlier} and ${source}; each file must be in exactly one shard, so these cannot be merged`);
      }
      seen.set(key, source);
    }
  }
  // Each shard's rows are in path order then rubric order; a stable sort by file keeps the second.
  const rows: IndicatorRowJson[] = [];
  for (const p of parts) for (const r of p.rows.rows) rows.push(r);
  rows.sort((a, b) => comparePaths(a.file, b.file));
  const invalid = parts.flatMap((p) => p.rows.invalid).sort((a, b) => comparePaths(a.file, b.file));
  const anonymised = parts.every((p) => p.rows.anonymised === true);
  return { schemaVersion: 1, ...(anonymised && { anonymised: true as const }), rubric: first.rows.rubric, rows, invalid };
}

/** merge --anonymise of plain shards: aliases by the sorted list of every file the shards hold. */
export function anonymiseRows(b: BatchRows): { rows: BatchRows; alias: Map<string, string> } {
  const paths = new Set<string>();
  for (const r of b.rows) paths.add(r.file);
  for (const bad of b.invalid) paths.add(bad.file);
  const alias = aliasOf([...paths].sort(comparePaths));
  const rows = b.rows.map((r) => ({ ...r, file: alias.get(r.file)!, council: alias.get(r.file)!, evidence: null }));
  const invalid = b.invalid.map((bad) => anonymiseInvalid(bad, alias.get(bad.file)!));
  return { rows: { schemaVersion: 1, anonymised: true, rubric: b.rubric, rows, invalid }, alias };
}
