import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScoredFiles } from './score-files.js';
import { combine, scoreFiles } from './score-files.js';
import { claimFiles, newQueue } from './shared-queue.js';

/**
 * Below this many files, worker threads cost more than they save. Each worker starts cold (~50 ms)
 * and warms up its own compiled code, competing with the main thread for the cores while it does.
 * Measured on 2 cores (npm run bench): two threads take 1.28x one thread's time at 1,000 files,
 * 1.17x at 5,000, 0.99x at 10,000 and 0.77x at 30,000.
 */
export const PARALLEL_THRESHOLD = 10_000;

/**
 * A worker's garbage is short-lived (one file at a time), so a smaller young generation than V8's
 * default costs no time and keeps ~25 MB off the peak at 30,000 files (npm run bench).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12 };

/**
 * How many threads score `count` files: one below the threshold, else one per core.
 * COUNCIL_RESILIENCE_THREADS=N asks for exactly N whatever the count (1: no workers).
 */
export function threadsFor(count: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.COUNCIL_RESILIENCE_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return asked;
  return count < PARALLEL_THRESHOLD ? 1 : availableParallelism();
}

/**
 * Scores files on `threads` threads: the main thread and a worker thread for each of the others
 * take files from one shared queue. Order does not matter here: the caller sorts rows by path.
 */
export async function scoreInParallel(
  files: readonly string[],
  rubric: string | undefined,
  onProgress: (done: number) => void,
  threads = threadsFor(files.length),
  { groupBy }: { groupBy?: string } = {},
): Promise<ScoredFiles> {
  if (threads < 2) {
    let last = 0;
    return scoreFiles(files, rubric, (done) => {
      onProgress(done - last);
      last = done;
    }, groupBy);
  }
  const queue = newQueue();
  const workers = Array.from(
    { length: threads - 1 },
    () =>
      new Promise<ScoredFiles>((resolve, reject) => {
        const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { files, queue, rubric, groupBy }, resourceLimits: WORKER_LIMITS });
        worker.on('message', (m: { type: 'progress'; done: number } | { type: 'result'; result: ScoredFiles }) => {
          if (m.type === 'progress') onProgress(m.done);
          else resolve(m.result);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => code !== 0 && reject(new Error(`batch worker stopped with code ${code}`)));
      }),
  );
  let last = 0;
  const mine = scoreFiles(claimFiles(files, queue), rubric, (done) => {
    onProgress(done - last);
    last = done;
  }, groupBy);
  return combine(await Promise.all([mine, ...workers]));
}
