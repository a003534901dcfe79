// A worker thread of the batch pool: scores its share of the files and sends back summary rows.
import { parentPort, workerData } from 'node:worker_threads';
import { scoreFiles } from './score-files.js';

const { files, rubric } = workerData as { files: string[]; rubric?: string };
const result = await scoreFiles(files, rubric, (done) => {
  if (done % 100 === 0) parentPort!.postMessage({ type: 'progress', done: 100 });
});
parentPort!.postMessage({ type: 'progress', done: files.length % 100 });
parentPort!.postMessage({ type: 'result', result });
