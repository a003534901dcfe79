// Reading back "batch --rows indicator --format json" for merge: checked against schemas/batch-rows.schema.json.
import { InputError } from '../core/errors.js';
import type { BatchRows } from '../generated/batch-rows-types.js';
import { validateBatchRows } from '../generated/validators.js';
import { schemaProblems } from './schema-errors.js';
import { decodeText, JSON_LIMITS, readRegularFile } from './source.js';
import { locateAll } from './yaml.js';

/** What a batch JSON file holds, at a glance: indicator rows or council rows, anonymised or not; undefined when it is not JSON (batch-json.ts then says what is wrong). */
export function peekBatch(file: string): { kind: 'rows' | 'councils'; anonymised: boolean; text: string } | undefined {
  try {
    const text = decodeText(file, readRegularFile(file, JSON_LIMITS));
    const data = JSON.parse(text) as Record<string, unknown> | null;
    if (data === null || typeof data !== 'object') return undefined;
    return { kind: 'rows' in data && !('councils' in data) ? 'rows' : 'councils', anonymised: data.anonymised === true, text };
  } catch {
    return undefined;
  }
}

export function readBatchRowsJson(file: string, text?: string): BatchRows {
  const source = text ?? decodeText(file, readRegularFile(file, JSON_LIMITS));
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (err) {
    throw new InputError([{ file, line: 1, col: 1, path: '', message: `is not valid JSON (${(err as Error).message}); expected the output of "batch --rows indicator --format json"` }]);
  }
  if (!validateBatchRows(data)) {
    const problems = schemaProblems(validateBatchRows.errors ?? [], data);
    let located;
    try {
      located = locateAll({ file, text: source, data }, problems);
    } catch {
      located = problems.map((p) => ({ file, line: 1, col: 1, path: p.label ?? p.path.join('.'), message: p.message }));
    }
    throw new InputError(located);
  }
  return data as BatchRows;
}
