// Two people answering into one file: what this interview keeps of the other writer's answers when
// the file changed on disk since it was last read or written. Pure: the disk is the caller's.
import { normaliseAnswer } from '../core/answers.js';
import type { Answer, AnswersFile } from '../core/types.js';

/** One field of an answers file: `answers.<key>`, `council.<field>`, `assessedOn`, `assessor`. */
type Fields = Map<string, unknown>;

export interface Disagreement {
  /** The field, e.g. `answers.intent.strategic-plans` or `council.type`. */
  field: string;
  theirs: unknown;
  mine: unknown;
}

export interface Merged {
  file: AnswersFile;
  /**
   * Fields this interview had not changed since its last save that the other writer changed: their
   * value is taken (the latest answer wins). `mine` is what this interview held before.
   */
  taken: Disagreement[];
  /** Fields both changed since this interview's last save, to different values: this interview's value is kept. */
  disagreements: Disagreement[];
}

/**
 * Three-way merge of answers files. `synced` is the file as this interview last read or wrote it
 * (the base), `mine` the file in memory now, `disk` what is on disk now. A field this interview
 * changed since then keeps its value, and when the other writer also changed it (to something else)
 * the two are reported; every other field takes the disk's value. So whoever answered last wins,
 * and two interviews saving in turn settle on one answer instead of each putting its own back.
 */
export function mergeAnswers(synced: AnswersFile | undefined, mine: AnswersFile, disk: AnswersFile): Merged {
  const base = synced ? fields(synced) : new Map<string, unknown>();
  const own = fields(mine);
  const other = fields(disk);

  const result: Fields = new Map();
  const taken: Disagreement[] = [];
  const disagreements: Disagreement[] = [];
  for (const field of union(base, own, other)) {
    const theirs = other.get(field);
    const ours = own.get(field);
    const was = base.get(field);
    if (same(field, ours, was)) {
      if (theirs !== undefined) result.set(field, theirs);
      if (!same(field, theirs, ours)) taken.push({ field, theirs, mine: ours });
      continue;
    }
    if (ours !== undefined) result.set(field, ours);
    if (!same(field, theirs, was) && !same(field, theirs, ours)) disagreements.push({ field, theirs, mine: ours });
  }
  return { file: unflatten(result, mine), taken, disagreements };
}

/** The fields whose values differ between two answers files, each with its value in `to` (undefined: not there). */
export function changedFields(from: AnswersFile, to: AnswersFile): { field: string; value: unknown }[] {
  const a = fields(from);
  const b = fields(to);
  return [...union(a, b)].filter((f) => !same(f, a.get(f), b.get(f))).map((field) => ({ field, value: b.get(field) }));
}

/** Adds to `touched` every field where `mine` differs from the file as last read or written. */
export function noteChanges(synced: AnswersFile | undefined, mine: AnswersFile, touched: Set<string>): void {
  const base = synced ? fields(synced) : new Map<string, unknown>();
  const own = fields(mine);
  for (const field of union(base, own)) if (!same(field, base.get(field), own.get(field))) touched.add(field);
}

/** The file's fields, flattened; absent fields are absent from the map. */
function fields(file: AnswersFile): Fields {
  const out: Fields = new Map();
  for (const [id, value] of Object.entries(file.council)) if (value !== undefined) out.set(`council.${id}`, value);
  if (file.assessedOn !== undefined) out.set('assessedOn', file.assessedOn);
  if (file.assessor !== undefined) out.set('assessor', file.assessor);
  for (const [key, answer] of Object.entries(file.answers)) {
    if (normaliseAnswer(answer).value !== null || hasDetail(answer)) out.set(`answers.${key}`, answer);
  }
  return out;
}

function hasDetail(answer: Answer | undefined): boolean {
  const n = normaliseAnswer(answer);
  return n.evidence !== undefined || n.confidence !== undefined;
}

function unflatten(result: Fields, like: AnswersFile): AnswersFile {
  const file: AnswersFile = { schemaVersion: like.schemaVersion, kind: like.kind, rubric: like.rubric, council: { name: like.council.name }, answers: {} };
  for (const [field, value] of result) {
    if (field.startsWith('council.')) file.council[field.slice('council.'.length)] = value as string | null;
    else if (field.startsWith('answers.')) file.answers[field.slice('answers.'.length)] = value as Answer;
    else if (field === 'assessedOn') file.assessedOn = value as string;
    else if (field === 'assessor') file.assessor = value as string;
  }
  return file;
}

/** Answers compare by what they mean (2 and { score: 2 } are one answer); other fields exactly. */
function same(field: string, a: unknown, b: unknown): boolean {
  if (field.startsWith('answers.')) {
    return JSON.stringify(normaliseAnswer(a as Answer | undefined)) === JSON.stringify(normaliseAnswer(b as Answer | undefined));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function union(...maps: Fields[]): Set<string> {
  return new Set(maps.flatMap((m) => [...m.keys()]));
}
