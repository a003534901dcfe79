// Files handed out a few at a time from one counter that every thread shares, so a thread that
// starts late (a worker takes ~50 ms to start) or runs slow simply takes fewer, and all finish together.

/** About 2 ms of scoring: small enough to balance the threads, large enough that claiming costs nothing. */
const CHUNK = 32;

/** The shared counter: the index of the next file not yet claimed. */
export function newQueue(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/** The files this thread claims from the queue, in chunks, until none are left. */
export function* claimFiles(files: readonly string[], queue: SharedArrayBuffer): Generator<string> {
  const next = new Int32Array(queue);
  for (;;) {
    const start = Atomics.add(next, 0, CHUNK);
    if (start >= files.length) return;
    const end = Math.min(start + CHUNK, files.length);
    for (let i = start; i < end; i++) yield files[i]!;
  }
}
