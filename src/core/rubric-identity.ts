// What makes two rubrics the same one: id, version and a hash of their content (io/compiled-rubrics.ts
// rubricHash). A rubric file that borrows another's id, with other questions or weights, is another
// rubric; every command that puts scores side by side (batch, merge, assess --cohort, compare) asks here.

export interface RubricIdentity {
  id: string;
  version: string;
  /** Missing only in batch JSON written before the hash was added. */
  hash?: string;
}

/**
 * How two rubrics differ, from the most to the least visible: another id, another version of one id,
 * other content under the same id and version, or `unknown` when a side has no hash to tell.
 */
export type RubricDifference = 'same' | 'id' | 'version' | 'content' | 'unknown';

export function rubricDifference(a: RubricIdentity, b: RubricIdentity): RubricDifference {
  if (a.id !== b.id) return 'id';
  if (a.version !== b.version) return 'version';
  if (a.hash === undefined || b.hash === undefined) return 'unknown';
  return a.hash === b.hash ? 'same' : 'content';
}

/** `"eight-characteristics" version 1.0.0`, as messages name a rubric. */
export function rubricName(r: RubricIdentity): string {
  return `"${r.id}" version ${r.version}`;
}

/** A key for grouping by identity: one entry per distinct rubric. */
export function rubricKey(r: RubricIdentity): string {
  return `${r.id}\u0000${r.version}\u0000${r.hash ?? ''}`;
}
