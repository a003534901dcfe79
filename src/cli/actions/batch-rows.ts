// batch --rows indicator: one row per council and indicator, written as it is produced (SPEC "Researchers").
import type { BatchRow, InvalidFile } from '../../core/batch.js';
import { batchResult } from '../../core/batch.js';
import { UsageError } from '../../core/errors.js';
import { FIXED_AFTER, FIXED_BEFORE, profileIds } from '../../core/indicator-rows.js';
import { rubricKey } from '../../core/rubric-identity.js';
import type { FileOutcome, RowsHead } from '../../batch/rows.js';
import { streamRows } from '../../batch/rows.js';
import { threadsFor } from '../../batch/pool.js';
import { openAtomicWrite } from '../../io/files.js';
import { loadRubric } from '../../io/load.js';
import { rowsCsvHead, rowsJsonHead, rowsJsonTail } from '../../render/indicator-rows.js';
import { ownStream, writeErrorMessage } from '../output.js';
import { writeStdout, warnRaw } from '../streams.js';
import type { RubricUse } from '../../batch/score-files.js';
import { progressBar } from '../progress.js';
import type { AliasEntry } from '../anonymise.js';

export const ROWS = ['council', 'indicator'] as const;
export type Rows = (typeof ROWS)[number];

/** The formats --rows indicator writes: a row per indicator is data, not something to read on a screen. */
export const ROWS_FORMATS = ['csv', 'json'] as const;

export function refuseRowsFormat(rows: Rows | undefined, format: string): void {
  if (rows === 'indicator' && !(ROWS_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--rows indicator writes csv or json, not ${format}; add --format csv or --format json`);
  }
}

/** Where the rows go: stdout, or --output (a temporary file renamed into place once complete). */
interface Sink {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

const FLUSH = 1 << 16;

async function openSink(output: string | undefined): Promise<Sink> {
  const fd = output === undefined ? 1 : ownStream(output);
  let raw: (text: string) => Promise<void>;
  let commit = async () => undefined as void;
  let abort = async () => undefined as void;
  if (fd === 1) raw = writeStdout;
  else if (fd === 2) raw = async (t) => void warnRaw(t);
  else {
    let file;
    try {
      file = await openAtomicWrite(output!);
    } catch (err) {
      throw new UsageError(writeErrorMessage(err, output!));
    }
    const wrap = async <T>(p: Promise<T>) => {
      try {
        return await p;
      } catch (err) {
        await file.abort();
        throw new UsageError(writeErrorMessage(err, output!));
      }
    };
    raw = (t) => wrap(file.write(t));
    commit = () => wrap(file.commit());
    abort = () => file.abort();
  }
  // Rows are gathered into writes of about 64 KB: a write per council would cost more than its scoring.
  let buffer = '';
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= FLUSH) {
        const b = buffer;
        buffer = '';
        await raw(b);
      }
    },
    async commit() {
      if (buffer) await raw(buffer);
      buffer = '';
      await commit();
    },
    abort,
  };
}

export interface RowsOptions {
  format: 'csv' | 'json';
  output?: string;
  rubric?: string;
  /** Each file's alias (parallel to files) with --anonymise. */
  aliases?: string[];
  /** Gather the names for --alias-key. */
  wantNames: boolean;
}

export interface RowsOutcome {
  /** Summary rows, for --fail-under and the step summary (aliases with --anonymise). */
  councils: BatchRow[];
  invalid: InvalidFile[];
  rubrics: RubricUse[];
  /** The BatchResult a summary needs (the first rubric's characteristics). */
  characteristicIds: string[];
  rubricIdentity: { id: string; version: string; title: string; hash: string };
  names: AliasEntry[];
}

/**
 * Scores and writes. A file of a second rubric stops the writing (the output would mix two
 * rubrics); the caller then refuses the run as batch does. With --output nothing is put in place.
 */
export async function writeIndicatorRows(files: string[], options: RowsOptions): Promise<RowsOutcome & { mixed: boolean }> {
  const sink = await openSink(options.output);
  const json = options.format === 'json';
  const councils: BatchRow[] = [];
  const invalid: InvalidFile[] = [];
  const names: AliasEntry[] = [];
  const heads = new Map<string, RowsHead>();
  let first: string | undefined;
  let mixed = false;
  let wroteRows = false;
  let started = false;
  const writeHead = async (head: RowsHead) => {
    started = true;
    await sink.write(json ? rowsJsonHead(head, options.aliases !== undefined) : rowsCsvHead(head.profile));
  };
  const deliver = async (o: FileOutcome) => {
    if (o.head && o.key) heads.set(o.key, o.head);
    if (o.invalid) {
      invalid.push(o.invalid);
      if (options.wantNames) names.push({ alias: options.aliases![o.index]!, council: '', file: files[o.index]! });
      return;
    }
    if (first === undefined) {
      first = o.key!;
      const head = heads.get(first)!;
      refuseClash(head.profile);
      await writeHead(head);
    } else if (o.key !== first) mixed = true;
    if (mixed) return;
    councils.push(o.summary!);
    if (options.wantNames) names.push({ alias: options.aliases![o.index]!, council: o.name ?? '', file: files[o.index]! });
    let text = o.text!;
    if (json && !wroteRows && text.startsWith(',')) text = text.slice(1);
    if (text) wroteRows = true;
    await sink.write(text);
  };
  const progress = progressBar(files.length);
  let run;
  try {
    run = await streamRows({ files, ...(options.aliases && { aliases: options.aliases }), ...(options.rubric !== undefined && { rubric: options.rubric }), format: options.format, wantNames: options.wantNames }, threadsFor(files.length), deliver, (n) => progress.tick(n));
  } catch (err) {
    progress.done();
    await sink.abort();
    throw err;
  }
  progress.done();
  const rubrics = Object.values(run.rubrics);
  const fallback = rubrics.length === 0 ? await loadRubric(options.rubric ?? 'eight-characteristics') : undefined;
  const used = first !== undefined ? rubrics.find((r) => rubricKey({ id: r.rubric.id, version: r.rubric.version, hash: r.hash }) === first)! : undefined;
  const rubric = used?.rubric ?? fallback!.rubric;
  const hash = used?.hash ?? fallback!.hash;
  if (mixed || rubrics.length > 1) {
    await sink.abort();
    return { councils, invalid, rubrics, characteristicIds: [], rubricIdentity: { id: rubric.id, version: rubric.version, title: rubric.title, hash }, names, mixed: true };
  }
  if (!started) {
    refuseClash(profileIds(rubric));
    await writeHead({ id: rubric.id, version: rubric.version, title: rubric.title, hash, profile: profileIds(rubric) });
  }
  if (json) await sink.write(rowsJsonTail(invalid, wroteRows));
  await sink.commit();
  return {
    councils,
    invalid,
    rubrics,
    characteristicIds: rubric.characteristics.map((c) => c.id),
    rubricIdentity: { id: rubric.id, version: rubric.version, title: rubric.title, hash },
    names,
    mixed: false,
  };
}

/** A profile field named like a fixed column would give the CSV two columns of one name. */
function refuseClash(profile: readonly string[]): void {
  const fixed: readonly string[] = [...FIXED_BEFORE, ...FIXED_AFTER];
  const clash = profile.find((id) => fixed.includes(id));
  if (clash) throw new UsageError(`the rubric's profile field "${clash}" has the name of a column of --rows indicator; rename the profile field in the rubric`);
}

/** The council-level result the step summary and --fail-under read, from the rows run. */
export function summaryOf(o: RowsOutcome) {
  return batchResult(o.rubricIdentity, o.characteristicIds, o.councils, o.invalid);
}

