import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { InputProblem } from '../core/errors.js';
import { InputError } from '../core/errors.js';

function wholeFile(file: string, message: string): InputError {
  return new InputError([{ file, line: 1, col: 1, path: '', message }]);
}

/** Far above any real answers file or rubric (the largest built-in rubric is under 100 KB). */
export const MAX_YAML_BYTES = 10_000_000;
/** Batch JSON grows with the cohort: 10,000 councils are about 10 MB. */
export const MAX_JSON_BYTES = 200_000_000;

export interface ReadLimits {
  /** At most this many bytes. */
  maxBytes: number;
  /** "a YAML file": what the file should have been, for messages. */
  expected: string;
  /** "answers and rubric files": who the limit applies to, for messages. */
  which: string;
}

const YAML_LIMITS: ReadLimits = { maxBytes: MAX_YAML_BYTES, expected: 'a YAML file', which: 'answers and rubric files' };
export const JSON_LIMITS: ReadLimits = { maxBytes: MAX_JSON_BYTES, expected: 'a JSON file', which: 'batch JSON files' };

/** 52.4 MB; rounded up, so a file just over the limit never reads as the limit itself. */
function megabytes(bytes: number): string {
  return `${(Math.ceil(bytes / 100_000) / 10).toFixed(1)} MB`;
}

/**
 * The bytes of a regular file, or a located InputError: a missing file, a folder, a device, pipe or
 * socket (which would hang or never end: /dev/zero, a FIFO, /dev/stdin from a pipe) and a file over
 * the size limit are each one line, at once. The checks are on the opened descriptor, so the file
 * cannot be swapped between the check and the read, and O_NONBLOCK keeps opening a FIFO from
 * waiting for a writer. Synchronous on purpose: the files are small, and a batch of thousands
 * spends most of its time waiting on promises otherwise.
 */
export function readRegularFile(file: string, limits: ReadLimits): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw openError(file, err as NodeJS.ErrnoException, limits);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw wholeFile(file, `is a folder; expected ${limits.expected}`);
    if (!stats.isFile()) throw wholeFile(file, `is not a regular file (a device or pipe); expected ${limits.expected}`);
    const tooBig = (bytes: number) =>
      wholeFile(file, `is ${megabytes(bytes)}; ${limits.which} can be at most ${megabytes(limits.maxBytes).replace('.0 ', ' ')}`);
    if (stats.size > limits.maxBytes) throw tooBig(stats.size);
    // Read to the end, but never past the limit: the file may have grown since fstat, and some
    // regular files (under /proc) report a size of 0.
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limits.maxBytes) throw tooBig(length);
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limits.maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw openError(file, err as NodeJS.ErrnoException, limits);
  } finally {
    closeSync(fd);
  }
}

function openError(file: string, err: NodeJS.ErrnoException, limits: ReadLimits): InputError {
  const code = err.code;
  if (code === 'ENOENT') return wholeFile(file, 'no such file');
  if (code === 'ENOTDIR') return wholeFile(file, 'no such file (a part of the path is a file, not a folder)');
  if (code === 'EACCES' || code === 'EPERM') return wholeFile(file, 'cannot be read: permission denied');
  if (code === 'EISDIR') return wholeFile(file, `is a folder; expected ${limits.expected}`);
  // A socket cannot be opened as a file at all.
  if (code === 'ENXIO' || code === 'EOPNOTSUPP') return wholeFile(file, `is not a regular file (a device or pipe); expected ${limits.expected}`);
  if (code === 'ELOOP') return wholeFile(file, 'cannot be read: its symbolic links go round in a loop');
  if (code === 'ENAMETOOLONG') return wholeFile(file, 'cannot be read: the file name or path is too long');
  return wholeFile(file, `cannot be read (${code ?? err.message})`);
}

/** A regular UTF-8 text file of at most 10 MB, as text, turning every way it can fail into a located InputError. */
export function readTextFile(file: string): string {
  return decodeText(file, readRegularFile(file, YAML_LIMITS));
}

/**
 * UTF-8 text without a byte order mark, or a located error at the first byte that is not text. A lone
 * CR (old Mac line endings) is a line break in YAML 1.2 as in JSON whitespace: it becomes LF here, so
 * every reader and every line:column sees the lines the user sees.
 */
export function decodeText(file: string, buffer: Buffer): string {
  return lineBreaks(withoutBom(decodeUtf8(file, buffer)));
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function decodeUtf8(file: string, buffer: Buffer): string {
  // Fast path for the usual, clean file; the exact check (and error location) only when in doubt.
  const quick = buffer.toString('utf8');
  if (!quick.includes('\uFFFD') && !quick.includes('\0')) return quick;
  if (isUtf16(buffer)) {
    throw new InputError([{ file, line: 1, col: 1, path: '', message: 'is saved as UTF-16; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)' }]);
  }
  const nul = buffer.indexOf(0);
  if (nul !== -1) throw binaryError(file, buffer, nul);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw binaryError(file, buffer, firstInvalidUtf8(buffer));
  }
}

/**
 * UTF-16 (as Windows Notepad and Excel save "Unicode" text): a byte order mark FF FE or FE FF, or,
 * without one, text whose every other byte is NUL (ASCII written as UTF-16), judged on its start.
 */
function isUtf16(buffer: Uint8Array): boolean {
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) return true;
  const pairs = Math.min(buffer.length >> 1, 256);
  if (pairs < 2) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    const a = buffer[2 * i]!;
    const b = buffer[2 * i + 1]!;
    if (a === 0 && b !== 0) evenNul++;
    else if (b === 0 && a !== 0) oddNul++;
  }
  // Nearly every pair has exactly one NUL, always on the same side.
  return Math.max(evenNul, oddNul) >= pairs * 0.9;
}

function binaryError(file: string, buffer: Uint8Array, offset: number): InputError {
  const before = new TextDecoder('utf-8').decode(buffer.subarray(0, offset));
  const lines = before.split(/\r\n?|\n/);
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
