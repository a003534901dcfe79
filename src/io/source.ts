import { readFileSync } from 'node:fs';
import type { InputProblem } from '../core/errors.js';
import { InputError } from '../core/errors.js';

function wholeFile(file: string, message: string): InputError {
  return new InputError([{ file, line: 1, col: 1, path: '', message }]);
}

/**
 * Reads a text file, turning every way it can fail into a located InputError. Synchronous on purpose:
 * the files are small, and a batch of thousands spends most of its time waiting on promises otherwise.
 */
export function readTextFile(file: string): string {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw wholeFile(file, 'no such file');
    if (code === 'EACCES' || code === 'EPERM') throw wholeFile(file, 'cannot be read: permission denied');
    if (code === 'EISDIR') throw wholeFile(file, 'is a folder; expected a YAML file');
    throw wholeFile(file, `cannot be read (${code ?? (err as Error).message})`);
  }
  return decodeText(file, buffer);
}

/** UTF-8 text without a byte order mark, or a located error at the first byte that is not text. */
export function decodeText(file: string, buffer: Buffer): string {
  // Fast path for the usual, clean file; the exact check (and error location) only when in doubt.
  const quick = buffer.toString('utf8');
  if (!quick.includes('\uFFFD') && !quick.includes('\0')) return quick.charCodeAt(0) === 0xfeff ? quick.slice(1) : quick;
  const nul = buffer.indexOf(0);
  if (nul !== -1) throw binaryError(file, buffer, nul);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw binaryError(file, buffer, firstInvalidUtf8(buffer));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function binaryError(file: string, buffer: Uint8Array, offset: number): InputError {
  const before = new TextDecoder('utf-8').decode(buffer.subarray(0, offset));
  const lines = before.split('\n');
  const problem: InputProblem = {
    file,
    line: lines.length,
    col: (lines.at(-1) ?? '').length + 1,
    path: '',
    message: 'is not a text file (binary or non-UTF-8 data here); expected a YAML file saved as UTF-8',
  };
  return new InputError([problem]);
}

function firstInvalidUtf8(buffer: Uint8Array): number {
  // Binary search for the longest valid prefix; cheap, and only on the error path.
  let lo = 0;
  let hi = buffer.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
