// A worker thread of batch --rows indicator: scores the files it claims from the shared queue and
// sends back each file's rendered rows, a few files a message.
import { parentPort, workerData } from 'node:worker_threads';
import type { FileOutcome, RowsJob } from './rows.js';
import { claimInWindow, scoreRows } from './rows.js';

const { job, queue } = workerData as { job: RowsJob; queue: SharedArrayBuffer };
let batch: FileOutcome[] = [];
const rubrics = await scoreRows(job, claimInWindow(job.files.length, queue), (o) => {
  batch.push(o);
  if (batch.length >= 16) {
    parentPort!.postMessage({ type: 'files', outcomes: batch });
    batch = [];
  }
});
if (batch.length > 0) parentPort!.postMessage({ type: 'files', outcomes: batch });
parentPort!.postMessage({ type: 'done', rubrics });
