// batch --rows indicator as CSV and JSON, in pieces (a head, one council's rows, a tail), so rows
// can be written as they are produced and merge can write the same bytes from whole files.
import type { BatchRows, BatchRowsInvalid, BatchRowsRubric, IndicatorRowJson } from '../generated/batch-rows-types.js';
import type { IndicatorRow } from '../core/indicator-rows.js';
import { FIXED_AFTER, FIXED_BEFORE } from '../core/indicator-rows.js';
import { csvText } from './batch.js';

export type { BatchRows, BatchRowsInvalid, BatchRowsRubric, IndicatorRowJson };

/** SPEC "Researchers": `file,council,<profile ids>,characteristic,key,applicable,answer,score,weight,evidence,confidence`. */
export function rowsCsvHead(profile: readonly string[]): string {
  return `${[...FIXED_BEFORE, ...profile, ...FIXED_AFTER].map(csvText).join(',')}\r\n`;
}

/**
 * One council's rows. Text as batch CSV writes it (RFC 4180, formulas made inert); the numbers are
 * the scale's whole numbers and the rubric's weights, written as they are (no decimal is added to
 * a level, so 2 stays 2); empty for null.
 */
export function rowsCsv(rows: readonly IndicatorRow[]): string {
  let out = '';
  for (const r of rows) {
    const cells = [csvText(r.file), csvText(r.council)];
    for (const v of r.profile) cells.push(v === null ? '' : csvText(String(v)));
    cells.push(
      csvText(r.characteristic),
      csvText(r.key),
      r.applicable ? 'true' : 'false',
      r.answer === null ? '' : String(r.answer),
      r.score === null ? '' : String(r.score),
      String(r.weight),
      r.evidence === null ? '' : csvText(r.evidence),
      r.confidence === null ? '' : csvText(r.confidence),
    );
    out += `${cells.join(',')}\r\n`;
  }
  return out;
}

/** A row as JSON has it: the profile's fields by name, between council and characteristic. */
export function rowJson(r: IndicatorRow, profile: readonly string[]): IndicatorRowJson {
  const out: Record<string, unknown> = { file: r.file, council: r.council };
  profile.forEach((id, i) => (out[id] = r.profile[i] ?? null));
  Object.assign(out, {
    characteristic: r.characteristic,
    key: r.key,
    applicable: r.applicable,
    answer: r.answer,
    score: r.score,
    weight: r.weight,
    evidence: r.evidence,
    confidence: r.confidence,
  });
  return out as IndicatorRowJson;
}

/** `{ "schemaVersion": 1, ["anonymised": true,] "rubric": {...}, "rows": [` */
export function rowsJsonHead(rubric: BatchRowsRubric, anonymised: boolean): string {
  const head = JSON.stringify({ schemaVersion: 1, ...(anonymised && { anonymised: true }), rubric }, null, 2);
  return `${head.slice(0, -2)},\n  "rows": [`;
}

/** Rows one to a line; `first` says whether any row was written before these. */
export function rowsJsonBody(rows: readonly IndicatorRowJson[], first: boolean): string {
  let out = '';
  rows.forEach((r, i) => (out += `${first && i === 0 ? '' : ','}\n    ${JSON.stringify(r)}`));
  return out;
}

export function rowsJsonTail(invalid: readonly BatchRowsInvalid[], anyRows: boolean): string {
  const list = JSON.stringify(invalid, null, 2).replace(/\n/g, '\n  ');
  return `${anyRows ? '\n  ' : ''}],\n  "invalid": ${list}\n}\n`;
}

/** The whole document, as the streamed pieces write it (merge writes it this way). */
export function renderRowsJson(b: BatchRows): string {
  const { rubric, rows, invalid } = b;
  return rowsJsonHead(rubric, b.anonymised === true) + rowsJsonBody(rows, true) + rowsJsonTail(invalid, rows.length > 0);
}
