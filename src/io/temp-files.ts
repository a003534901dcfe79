// Temporary files that a signal must not leave behind. A write in progress registers its temporary
// file; if SIGINT, SIGTERM or SIGHUP would end the process while it exists (no other part of the
// program handles that signal), the file is removed first and the process then ends as the signal
// would have ended it. Nothing is installed until a temporary file exists, so importing this module
// has no side effects.
import { rmSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const pending = new Set<string>();
const installed = new Map<NodeJS.Signals, () => void>();

function onSignal(signal: NodeJS.Signals): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
  uninstall();
  // Nobody else handles this signal (we only listened when nobody did): end as it would have.
  process.kill(process.pid, signal);
}

function uninstall(): void {
  for (const [signal, handler] of installed) process.removeListener(signal, handler);
  installed.clear();
}

/** Marks `path` as a temporary file to remove should a signal end the process; returns the release. */
export function holdTemporary(path: string): () => void {
  pending.add(path);
  for (const signal of SIGNALS) {
    if (installed.has(signal) || process.listenerCount(signal) > 0) continue;
    const handler = () => onSignal(signal);
    installed.set(signal, handler);
    process.once(signal, handler);
  }
  return () => {
    pending.delete(path);
    if (pending.size === 0) uninstall();
  };
}
