import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScoredFiles } from './score-files.js';
import { combine, scoreFiles } from './score-files.js';

/** Below this many files a worker's start-up (~50 ms) costs more than it saves. */
export const PARALLEL_THRESHOLD = 400;

/**
 * Scores files on every core (COUNCIL_RESILIENCE_THREADS overrides the count; 1 means no workers): the main thread takes one share and a worker thread each of the others.
 * Order does not matter here: the caller sorts rows by path.
 */
export async function scoreInParallel(
  files: readonly string[],
  rubric: string | undefined,
  onProgress: (done: number) => void,
  threads = Number(process.env.COUNCIL_RESILIENCE_THREADS) || availableParallelism(),
): Promise<ScoredFiles> {
  if (files.length < PARALLEL_THRESHOLD || threads < 2) {
    let last = 0;
    return scoreFiles(files, rubric, (done) => {
      onProgress(done - last);
      last = done;
    });
  }
  const shares: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((file, i) => shares[i % threads]!.push(file));
  const [own, ...others] = shares;
  const workers = others.map(
    (share) =>
      new Promise<ScoredFiles>((resolve, reject) => {
        const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { files: share, rubric } });
        worker.on('message', (m: { type: 'progress'; done: number } | { type: 'result'; result: ScoredFiles }) => {
          if (m.type === 'progress') onProgress(m.done);
          else resolve(m.result);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => code !== 0 && reject(new Error(`batch worker stopped with code ${code}`)));
      }),
  );
  let last = 0;
  const mine = scoreFiles(own!, rubric, (done) => {
    onProgress(done - last);
    last = done;
  });
  return combine(await Promise.all([mine, ...workers]));
}
