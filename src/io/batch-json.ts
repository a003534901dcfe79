import type { BatchResult, Cohort } from '../core/batch.js';
import { InputError, UsageError } from '../core/errors.js';
import { JSON_LIMITS, readRegularFile } from './source.js';

/** Reads the output of "batch --format json", as merge and assess --cohort need it. */
export function readBatchJson(file: string): BatchResult {
  const fail = (message: string) => new InputError([{ file, line: 1, col: 1, path: '', message }]);
  let data: Partial<BatchResult>;
  const text = readRegularFile(file, JSON_LIMITS).toString('utf8'); // a regular file of at most 200 MB, or a located error
  try {
    data = JSON.parse(text) as Partial<BatchResult>;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder; expected a JSON file' : `not JSON (${(err as Error).message})`);
  }
  if (data?.schemaVersion !== 1 || !Array.isArray(data.councils) || !Array.isArray(data.invalid) || !data.rubric || !data.cohort) {
    throw fail('not the output of "batch --format json"');
  }
  return data as BatchResult;
}

export function readCohort(file: string, rubricId: string): Cohort {
  const batch = readBatchJson(file);
  if (batch.rubric.id !== rubricId) {
    throw new UsageError(`${file} is a cohort scored with rubric "${batch.rubric.id}", but this council was scored with "${rubricId}"`);
  }
  return batch.cohort;
}
