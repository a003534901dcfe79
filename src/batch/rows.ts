// batch --rows indicator: each file scored and its rows rendered where it is scored (the main thread
// or a worker), then handed back in path order, so rows are written as they come and only files that
// arrive out of order are held (a few chunks of the shared queue).
import { Worker } from 'node:worker_threads';
import type { BatchRow, InvalidFile } from '../core/batch.js';
import { summaryRow } from '../core/batch.js';
import { formatProblem, InputError } from '../core/errors.js';
import { anonymiseInvalid, indicatorRows, profileIds } from '../core/indicator-rows.js';
import { rubricKey } from '../core/rubric-identity.js';
import { assess } from '../core/score.js';
import type { RubricCache } from '../io/load.js';
import { loadAnswers } from '../io/load.js';
import { rowJson, rowsCsv, rowsJsonBody } from '../render/indicator-rows.js';
import type { RubricUse } from './score-files.js';
import { combine } from './score-files.js';

const EXAMPLES = 3;

/** As the shared queue (shared-queue.ts) hands out files: a few at a time. */
const CHUNK = 32;
/**
 * How far past the first file not yet written a worker may claim: a worker that runs ahead of a
 * slower one waits, so the files held out of order stay a few hundred whatever the cohort's size.
 */
const WINDOW = 512;

/** [next file to claim, files written so far], shared by the workers and the main thread. */
export function newRowsQueue(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

/** The indexes a worker claims, in chunks; it waits while it would be more than WINDOW ahead of the writing. */
export function* claimInWindow(total: number, queue: SharedArrayBuffer): Generator<number> {
  const q = new Int32Array(queue);
  for (;;) {
    const start = Atomics.add(q, 0, CHUNK);
    if (start >= total) return;
    for (let written = Atomics.load(q, 1); start - written > WINDOW; written = Atomics.load(q, 1)) Atomics.wait(q, 1, written, 100);
    const end = Math.min(start + CHUNK, total);
    for (let i = start; i < end; i++) yield i;
  }
}

export interface RowsJob {
  /** The files to score, in path order (after --shard). */
  files: string[];
  /** With --anonymise: each file's alias, parallel to files. */
  aliases?: string[];
  rubric?: string;
  format: 'csv' | 'json';
  /** Send each council's name (for --alias-key). */
  wantNames?: boolean;
}

/** What the head of the output needs from a rubric. */
export interface RowsHead {
  id: string;
  version: string;
  title: string;
  hash: string;
  profile: string[];
}

/** One file's result: its rows already rendered (JSON rows each start with a comma), or its errors. */
export interface FileOutcome {
  index: number;
  key?: string;
  /** Sent with the first file of each rubric a thread scores; messages from one thread arrive in order. */
  head?: RowsHead;
  text?: string;
  summary?: BatchRow;
  invalid?: InvalidFile;
  /** The council's own name, with --alias-key. */
  name?: string;
}

/** Scores the files at `indexes`, calling `send` with each outcome; returns the rubrics used (as score-files does). */
export async function scoreRows(job: RowsJob, indexes: Iterable<number>, send: (o: FileOutcome) => void | Promise<void>): Promise<Record<string, RubricUse>> {
  const cache: RubricCache = new Map();
  const rubrics: Record<string, RubricUse> = {};
  for (const index of indexes) {
    const file = job.files[index]!;
    const alias = job.aliases?.[index];
    const shown = alias ?? file;
    let outcome: FileOutcome;
    try {
      const loaded = await loadAnswers(file, job.rubric, cache);
      const { rubric, hash, file: source } = loaded.rubric;
      const key = rubricKey({ id: rubric.id, version: rubric.version, hash });
      const seen = rubrics[key];
      let head: RowsHead | undefined;
      if (seen) {
        seen.files++;
        if (seen.examples.length < EXAMPLES) seen.examples.push(shown);
      } else {
        rubrics[key] = { rubric, hash, source, files: 1, examples: [shown] };
        head = { id: rubric.id, version: rubric.version, title: rubric.title, hash, profile: profileIds(rubric) };
      }
      const a = assess(rubric, loaded.answers);
      const rows = indicatorRows(rubric, a, { file: shown, council: alias ?? a.council.name, evidence: alias === undefined });
      const text = job.format === 'csv' ? rowsCsv(rows) : rowsJsonBody(rows.map((r) => rowJson(r, head?.profile ?? profileIds(rubric))), false);
      const summary = summaryRow(shown, a);
      if (alias !== undefined) summary.council = alias;
      outcome = { index, key, text, summary, ...(head && { head }), ...(job.wantNames && { name: a.council.name }) };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const bad = { file, errors: err.problems.map(formatProblem) };
      outcome = { index, invalid: alias === undefined ? bad : anonymiseInvalid(bad, alias) };
    }
    await send(outcome);
  }
  return rubrics;
}

export interface RowsRun {
  rubrics: Record<string, RubricUse>;
}

/**
 * Scores every file of the job on `threads` threads and calls `deliver` with each outcome in path
 * order. `deliver` may return a promise (a write); the main thread's own scoring waits for it, so
 * output that cannot keep up slows the run instead of filling memory.
 */
export async function streamRows(
  job: RowsJob,
  threads: number,
  deliver: (o: FileOutcome) => void | Promise<void>,
  onProgress: (done: number) => void,
): Promise<RowsRun> {
  const waiting = new Map<number, FileOutcome>();
  let next = 0;
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  let shared: Int32Array | undefined;
  const arrive = (o: FileOutcome): Promise<void> => {
    onProgress(1);
    waiting.set(o.index, o);
    // Deliveries are chained, so they happen one at a time and in order.
    for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
      waiting.delete(next);
      next++;
      const item = ready;
      writing = writing
        .then(() => (failure === undefined ? deliver(item) : undefined))
        .then(() => {
          if (shared) {
            Atomics.store(shared, 1, item.index + 1);
            Atomics.notify(shared, 1);
          }
        })
        .catch((err: unknown) => {
          failure ??= err;
          // Nothing more is written: let every waiting worker run to the end.
          if (shared) {
            Atomics.store(shared, 1, job.files.length);
            Atomics.notify(shared, 1);
          }
        });
    }
    return writing;
  };
  const all = Array.from({ length: job.files.length }, (_, i) => i);
  if (threads < 2) {
    const rubrics = await scoreRows(job, all, arrive);
    await writing;
    if (failure !== undefined) throw failure;
    return { rubrics };
  }
  // The main thread writes; every core's worker scores. (The main thread scoring too would hold up
  // the writing of everything after its own chunk whenever it falls behind.)
  const queue = newRowsQueue();
  shared = new Int32Array(queue);
  const workers = Array.from(
    { length: threads },
    () =>
      new Promise<Record<string, RubricUse>>((resolve, reject) => {
        const worker = new Worker(new URL('./rows-worker.js', import.meta.url), { workerData: { job, queue }, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
        worker.on('message', (m: { type: 'files'; outcomes: FileOutcome[] } | { type: 'done'; rubrics: Record<string, RubricUse> }) => {
          if (m.type === 'files') for (const o of m.outcomes) void arrive(o);
          else resolve(m.rubrics);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => code !== 0 && reject(new Error(`batch worker stopped with code ${code}`)));
      }),
  );
  const parts = await Promise.all(workers);
  await writing;
  if (failure !== undefined) throw failure;
  return { rubrics: combine(parts.map((rubrics) => ({ rows: [], invalid: [], rubrics, indicators: {} }))).rubrics };
}
