// A worker thread of the batch pool: scores the files it claims from the shared queue and sends back summary rows.
import { parentPort, workerData } from 'node:worker_threads';
import { scoreFiles } from './score-files.js';
import { claimFiles } from './shared-queue.js';

const { files, queue, rubric, groupBy } = workerData as { files: string[]; queue: SharedArrayBuffer; rubric?: string; groupBy?: string };
let reported = 0;
const result = await scoreFiles(claimFiles(files, queue), rubric, (done) => {
  if (done - reported >= 100) {
    parentPort!.postMessage({ type: 'progress', done: done - reported });
    reported = done;
  }
}, groupBy);
const total = result.rows.length + result.invalid.length;
if (total > reported) parentPort!.postMessage({ type: 'progress', done: total - reported });
parentPort!.postMessage({ type: 'result', result });
