// Standard output and error: a reader that goes away never crashes the command or changes its
// exit code. Kept apart from output.ts, which knows files, so that starting up loads neither.
import type { InputProblem } from '../core/errors.js';
import { formatProblem, UsageError } from '../core/errors.js';

// A reader that closes stdout or stderr early (`| head -1`) ends that stream, nothing else: the
// command finishes and returns its own exit code, and nothing more is written to the closed stream.
const closed = new WeakSet<NodeJS.WritableStream>();
let stdoutFailure: NodeJS.ErrnoException | undefined;
let stdoutFailureReported = false;

function isClosedPipe(err: NodeJS.ErrnoException): boolean {
  return err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED';
}

/**
 * Called once, when the CLI starts: a closed stdout or stderr never throws, never prints a stack
 * trace and never changes the exit code. Returns the stdout failure that was not a closed pipe
 * (a full disk), if any, for the caller to report.
 */
export function watchStandardStreams(): () => NodeJS.ErrnoException | undefined {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (isClosedPipe(err)) closed.add(stream);
      else if (stream === process.stdout) stdoutFailure ??= err;
      // An error on stderr cannot be reported anywhere; it must not become a crash either.
    });
  }
  return () => (stdoutFailureReported ? undefined : stdoutFailure);
}

/** One line for a failed write to stdout (other than a closed pipe): `> /dev/full`, an I/O error. */
export function stdoutErrorMessage(err: NodeJS.ErrnoException): string {
  stdoutFailureReported = true;
  if (err.code === 'ENOSPC') return 'cannot write to standard output: the disk is full';
  const words = /^[A-Z0-9_]+: ([^,]+)/.exec(err.message ?? '')?.[1] ?? err.message;
  return `cannot write to standard output: ${words}${err.code ? ` (${err.code})` : ''}`;
}

export async function writeStdout(content: string | Uint8Array): Promise<void> {
  if (closed.has(process.stdout)) return;
  try {
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(content, (err) => (err ? reject(err) : resolve()));
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (isClosedPipe(e)) {
      closed.add(process.stdout);
      return;
    }
    throw new UsageError(stdoutErrorMessage(e));
  }
}

export function warnRaw(text: string | Uint8Array): void {
  if (!closed.has(process.stderr)) process.stderr.write(text);
}

/** Warnings and errors: one line each on stderr. */
export function warn(line: string): void {
  warnRaw(`${line}\n`);
}

export function printWarnings(problems: readonly InputProblem[]): void {
  for (const p of problems) warn(formatProblem({ ...p, message: `warning: ${p.message}` }));
}
