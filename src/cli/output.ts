import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, statSync } from 'node:fs';
import { isatty } from 'node:tty';
import { UsageError } from '../core/errors.js';
import { FileWriteError, writeFailureWords, writeFileAtomic } from '../io/files.js';
import { writeStdout, warnRaw } from './streams.js';

// The stream helpers are used everywhere through this module too.
export { printWarnings, stdoutErrorMessage, warn, watchStandardStreams } from './streams.js';

export interface EmitOptions {
  /** false: an existing file is never replaced (template without --force). */
  replace?: boolean;
}

/**
 * Reports go to stdout, or to --output: a regular file is replaced atomically, a device or FIFO
 * written straight to, and a path that is this process's own stdout or stderr (/dev/stdout) written
 * to that stream. Every failure is a UsageError of one line naming the file.
 */
export async function emit(content: string | Uint8Array, output?: string, options: EmitOptions = {}): Promise<void> {
  if (output === undefined) return writeStdout(content);
  const own = ownStream(output);
  if (own === 1) return writeStdout(content);
  if (own === 2) return void warnRaw(typeof content === 'string' ? content : Buffer.from(content).toString('latin1'));
  try {
    await writeFileAtomic(output, content, options);
  } catch (err) {
    throw new UsageError(writeErrorMessage(err, output));
  }
}

/**
 * A binary report (a Word document) is never written to a terminal, where it would be noise: when
 * stdout (or the stream --output names) is one, a UsageError (exit 2) before any work is done.
 */
const BINARY_NAMES = { docx: 'a Word document', xlsx: 'an Excel workbook' } as const;

export function refuseBinaryToTerminal(output: string | undefined, format: keyof typeof BINARY_NAMES): void {
  const fd = output === undefined ? 1 : ownStream(output);
  if (fd === undefined) {
    if (output !== undefined && isTerminal(output)) throw new UsageError(`${BINARY_NAMES[format]} cannot be shown on the screen; --output ${output} is a terminal: give a file name, such as --output FILE.${format}`);
    return;
  }
  if ((fd === 1 ? process.stdout : process.stderr).isTTY) {
    throw new UsageError(`${BINARY_NAMES[format]} cannot be shown on the screen; add --output FILE.${format} (or send it to a file with > FILE.${format})`);
  }
}

/** Whether `file` is a terminal (such as /dev/tty), not a file or another device (such as /dev/null). */
function isTerminal(file: string): boolean {
  try {
    if (!statSync(file).isCharacterDevice()) return false;
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOCTTY | constants.O_NONBLOCK);
    try {
      return isatty(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The words for a file that could not be written; one line, naming the file and the real reason. */
export function writeErrorMessage(err: unknown, file: string): string {
  if (!(err instanceof FileWriteError)) return `cannot write ${file}: ${(err as Error)?.message ?? String(err)}`;
  if (/[\\/]$/.test(file) && ['not-a-folder', 'is-folder', 'no-folder'].includes(err.reason)) {
    return `cannot write ${file}: a name ending in "/" is a folder; give a file name`;
  }
  const via = err.target !== '' && err.target !== file && isLink(file) ? ` (${err.target})` : '';
  switch (err.reason) {
    case 'read-only':
      return `${file}${via} is read-only; make it writable (chmod u+w) if it may be replaced, or choose another file`;
    case 'exists':
      return `${file}${via} already exists; add --force to replace it, or choose another name`;
    case 'folder-not-writable':
      return `cannot write ${file}${via}: ${writeFailureWords(err)}${existsSync(err.target) ? ', which replacing it safely needs' : ''}`;
    case 'link-loop':
    case 'name-too-long':
      return `cannot write ${file}: ${writeFailureWords(err)}`;
    default:
      return `cannot write ${file}${via}: ${writeFailureWords(err)}`;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * 1 or 2 when `path` is this process's own stdout or stderr (/dev/stdout, /proc/self/fd/1, its
 * terminal, or the file the shell redirected it to): that stream is written, as the user meant, and
 * a file opened with `>>` is appended to, not replaced.
 */
export function ownStream(path: string): 1 | 2 | undefined {
  let target;
  try {
    target = statSync(path);
  } catch {
    return undefined;
  }
  if (target.isDirectory()) return undefined;
  for (const fd of [1, 2] as const) {
    try {
      const s = fstatSync(fd);
      if (s.dev === target.dev && s.ino === target.ino) return fd;
    } catch {
      // that stream is closed
    }
  }
  return undefined;
}
