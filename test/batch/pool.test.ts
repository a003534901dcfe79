// How many threads a batch uses: workers only where they pay, and exactly what the user asks for.
import { availableParallelism } from 'node:os';
import { PARALLEL_THRESHOLD, threadsFor } from '../../src/batch/pool.js';
import { claimFiles, newQueue } from '../../src/batch/shared-queue.js';

describe('threadsFor', () => {
  test('one thread below the threshold, every core from it', () => {
    expect(threadsFor(PARALLEL_THRESHOLD - 1, {})).toBe(1);
    expect(threadsFor(PARALLEL_THRESHOLD, {})).toBe(availableParallelism());
  });

  test('COUNCIL_RESILIENCE_THREADS is obeyed whatever the count; nonsense is ignored', () => {
    expect(threadsFor(5, { COUNCIL_RESILIENCE_THREADS: '3' })).toBe(3);
    expect(threadsFor(PARALLEL_THRESHOLD * 2, { COUNCIL_RESILIENCE_THREADS: '1' })).toBe(1);
    expect(threadsFor(5, { COUNCIL_RESILIENCE_THREADS: 'lots' })).toBe(1);
    expect(threadsFor(5, { COUNCIL_RESILIENCE_THREADS: '0' })).toBe(1);
  });
});

describe('shared queue', () => {
  test('threads claiming in turn get every file exactly once', () => {
    const files = Array.from({ length: 1000 }, (_, i) => `f${i}`);
    const queue = newQueue();
    const a = claimFiles(files, queue);
    const b = claimFiles(files, queue);
    const seen: string[] = [];
    // Interleave the two claimers one file at a time, as two threads racing would.
    for (let done = false; !done; ) {
      const x = a.next();
      const y = b.next();
      if (!x.done) seen.push(x.value);
      if (!y.done) seen.push(y.value);
      done = Boolean(x.done && y.done);
    }
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1000);
  });
});

describe('combine', () => {
  test("threads' results of 300,000 rows each join without overflowing the call stack", async () => {
    const { combine } = await import('../../src/batch/score-files.js');
    const rows = Array.from({ length: 300_000 }, (_, i) => ({
      file: `f${i}.yaml`, council: `C${i}`, overall: 50, band: 'Mid', coverage: 1, characteristics: {},
    }));
    const joined = combine([{ rows, invalid: [], rubrics: {}, indicators: {} }, { rows, invalid: [], rubrics: {}, indicators: {} }]);
    expect(joined.rows).toHaveLength(600_000);
  });
});
