// SPEC "Researchers": one row per council and indicator (batch --rows indicator), and the aliases
// that --anonymise gives councils. Pure: a rubric and an assessment in, rows out.
import type { BatchResult, InvalidFile } from './batch.js';
import type { InputProblem } from './errors.js';
import type { Assessment, Rubric } from './types.js';
import { visible } from './visible.js';

/** The fixed columns; the rubric's profile ids go between `council` and `characteristic`. */
export const FIXED_BEFORE = ['file', 'council'] as const;
export const FIXED_AFTER = ['characteristic', 'key', 'applicable', 'answer', 'score', 'weight', 'evidence', 'confidence'] as const;

export interface IndicatorRow {
  file: string;
  council: string;
  /** The council's profile answers, in the rubric's profile order (null when not given). */
  profile: (string | null)[];
  characteristic: string;
  key: string;
  applicable: boolean;
  answer: number | 'n/a' | 'unknown' | null;
  /** The value scoring used: the number, 0 for unknown; null for n/a, not assessed or not applicable. */
  score: number | null;
  weight: number;
  evidence: string | null;
  confidence: string | null;
}

export function profileIds(rubric: Rubric): string[] {
  return (rubric.profile ?? []).map((p) => p.id);
}

export interface RowNames {
  /** What the file and council columns say: the path and the name, or the alias twice. */
  file: string;
  council: string;
  /** false with --anonymise: evidence is left out. */
  evidence: boolean;
}

/** The council's rows in rubric order. */
export function indicatorRows(rubric: Rubric, a: Assessment, names: RowNames): IndicatorRow[] {
  const profile = profileIds(rubric).map((id) => a.council[id] ?? null);
  const rows: IndicatorRow[] = [];
  rubric.characteristics.forEach((c, ci) => {
    const results = a.characteristics[ci]!.indicators;
    c.indicators.forEach((indicator, ii) => {
      const r = results[ii]!;
      const answer = r.answer;
      const score = !r.applicable || answer === null || answer === 'n/a' ? null : answer === 'unknown' ? 0 : answer;
      rows.push({
        file: names.file,
        council: names.council,
        profile,
        characteristic: c.id,
        key: r.key,
        applicable: r.applicable,
        answer,
        score,
        weight: indicator.weight ?? 1,
        evidence: names.evidence ? (r.evidence ?? null) : null,
        confidence: r.confidence ?? null,
      });
    });
  });
  return rows;
}

// --anonymise ---------------------------------------------------------------------------------

/** `Council 001`: the index (from 0) in the sorted list of all input paths, counted from 1, at least 3 digits. */
export function aliasFor(index: number, total: number): string {
  const width = Math.max(3, String(total).length);
  return `Council ${String(index + 1).padStart(width, '0')}`;
}

export function aliases(total: number): string[] {
  return Array.from({ length: total }, (_, i) => aliasFor(i, total));
}

/** An alias as written by aliasFor (so merge can tell anonymised shards). */
export const ALIAS = /^Council \d{3,}$/;

/**
 * An invalid file's problems under an alias: each names the alias instead of a file, and the
 * message loses what could name the council: its path and file name, any other path (becoming
 * `…`), and any quoted text (a value from the file, such as a council type or an assessor's name).
 */
export function anonymiseProblems(problems: readonly InputProblem[], alias: string, path: string): InputProblem[] {
  const names = new Set<string>();
  for (const p of [path, ...problems.map((q) => q.file)]) {
    if (!p) continue;
    names.add(p);
    const base = p.split(/[\\/]/).pop()!;
    names.add(base);
  }
  const names_ = [...names].filter((x) => x.length >= 2).sort((a, b) => b.length - a.length);
  const scrub = (text: string) => {
    // Any path (a rubric file beside the council's, say) can name it, as can its file's name.
    let out = text.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(PATH_LIKE, (m) => (m === 'n/a' ? m : '…'));
    for (const n of names_) out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(n)}(?![A-Za-z0-9])`, 'g'), alias);
    return out;
  };
  return problems.map((p) => ({ ...p, file: alias, path: p.path === undefined ? p.path : scrub(p.path), message: scrub(p.message), ...(p.cell !== undefined && { cell: p.cell }) }));
}

/** A word with a slash in it, or ending .yaml or .yml; "n/a" is kept. */
const PATH_LIKE = /(?<![\w])(?:[\w.~-]*[\\/][^\s,;"']*|[\w.-]+\.ya?ml)(?![\w])/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The path each alias stands for, in path order: the index in `sortedPaths` gives the alias. */
export function aliasOf(sortedPaths: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  sortedPaths.forEach((p, i) => map.set(p, aliasFor(i, sortedPaths.length)));
  return map;
}

/**
 * A batch result with councils named by alias: `file` holds the alias too (the path is left out,
 * the column kept, so rows still sort and merge by it), and each invalid file's errors name it.
 * `errorsFor` gives an invalid file's anonymised errors (the batch keeps its problems; merge has
 * only the lines, whose file prefix and quoted text are replaced).
 */
export function anonymiseBatch(result: BatchResult, alias: Map<string, string>): BatchResult {
  const name = (file: string) => {
    const a = alias.get(file);
    if (a === undefined) throw new RangeError(`bug: no alias for ${file}`);
    return a;
  };
  const councils = result.councils.map((r) => ({ ...r, file: name(r.file), council: name(r.file) }));
  const invalid = result.invalid.map((bad) => anonymiseInvalid(bad, name(bad.file)));
  const { schemaVersion, ...rest } = result;
  return { schemaVersion, anonymised: true, ...rest, councils, invalid } as BatchResult;
}

/** An invalid entry's formatted error lines under its alias (`file:line:col: path: message`). */
export function anonymiseInvalid(bad: InvalidFile, alias: string): InvalidFile {
  const errors = bad.errors.map((line) => {
    const shown = visible(bad.file);
    const rest = line.startsWith(`${shown}:`) ? line.slice(shown.length) : line.replace(/^[^:]*/, '');
    const [p] = anonymiseProblems([{ file: bad.file, line: 0, col: 0, path: '', message: rest }], alias, bad.file);
    return `${alias}${p!.message}`;
  });
  return { file: alias, errors };
}

/** The --alias-key entries of a batch result (before anonymising): every file, scored or not, in alias order. */
export function aliasEntries(result: BatchResult, alias: Map<string, string>): { alias: string; council: string; file: string }[] {
  const entries = [
    ...result.councils.map((r) => ({ alias: alias.get(r.file)!, council: r.council, file: r.file })),
    ...result.invalid.map((bad) => ({ alias: alias.get(bad.file)!, council: '', file: bad.file })),
  ];
  return entries.sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
}
