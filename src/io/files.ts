import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { holdTemporary } from './temp-files.js';

/** Why a file could not be written; `FileWriteError.code` carries the matching errno-like code. */
export type WriteReason =
  | 'read-only' // a regular file with no write permission (refused even as root): EACCES
  | 'no-permission' // the file exists, but this user may not write it: EACCES
  | 'folder-not-writable' // the temporary file cannot be made beside it: EACCES or EPERM
  | 'read-only-file-system' // EROFS
  | 'exists' // refused to replace an existing file (replace: false): EEXIST
  | 'disk-full' // ENOSPC
  | 'quota' // EDQUOT
  | 'no-folder' // the folder it would go in does not exist: ENOENT
  | 'is-folder' // EISDIR
  | 'not-a-folder' // part of the path is a file: ENOTDIR
  | 'block-device' // a disk: never written to
  | 'link-loop' // ELOOP
  | 'name-too-long' // ENAMETOOLONG
  | 'socket-not-listening' // a socket nobody is listening on: ECONNREFUSED
  | 'other';

/** A file that could not be written, with the reason; src/cli/output.ts turns it into one line. */
export class FileWriteError extends Error {
  constructor(
    /** The path as the user gave it. */
    readonly file: string,
    /** Where the path leads once symbolic links are followed. */
    readonly target: string,
    readonly reason: WriteReason,
    /** errno-like: EACCES for a read-only file, EEXIST, ENOSPC, ... */
    readonly code: string,
    /** The system's own words, for reason 'other'. */
    readonly detail?: string,
  ) {
    super(`cannot write ${file}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'FileWriteError';
  }
}

/**
 * Why a write failed, in words that end a sentence such as "cannot write FILE: ..." or "could not
 * save your answers to FILE: ...". The one list of these words: --output and the interview share it.
 */
export function writeFailureWords(err: FileWriteError): string {
  switch (err.reason) {
    case 'read-only':
      return 'it is read-only';
    case 'exists':
      return 'it already exists';
    case 'no-permission':
      return 'you do not have permission to change it';
    case 'folder-not-writable':
      return 'you do not have permission to create files in its folder';
    case 'read-only-file-system':
      return 'it is on a read-only file system';
    case 'disk-full':
      return 'the disk is full';
    case 'quota':
      return 'your disk quota is used up';
    case 'no-folder':
      return 'its folder does not exist';
    case 'is-folder':
      return 'it is a folder; give a file name';
    case 'not-a-folder':
      return 'part of its path is a file, not a folder';
    case 'block-device':
      return 'it is a disk device; give a file name';
    case 'link-loop':
      return 'its symbolic links go round in a loop';
    case 'name-too-long':
      return 'the name is too long';
    case 'socket-not-listening':
      return 'it is a socket nothing is listening on';
    default:
      return `${err.detail ?? err.code} (${err.code})`;
  }
}

/**
 * No write permission bit for anyone: made read-only on purpose, so refused even by root (who may
 * write anything). The one test of it: --output, the interview and the step summary all use it.
 */
export function isReadOnlyMode(mode: number): boolean {
  return (mode & 0o222) === 0;
}

/** Where writing `path` lands: symbolic links followed, and what is there now (undefined when nothing is). */
export interface WriteTarget {
  path: string;
  stats?: Stats;
}

/**
 * Follows `path` to the file it names. An existing regular file is given by its real path (so the
 * temporary file goes in its own folder and a link stays a link); a device, FIFO or socket is left
 * as named, for the system to open; a link to nothing leads to the new file it names.
 */
export function writeTarget(path: string): WriteTarget {
  try {
    const stats = statSync(path);
    return { path: stats.isFile() ? realpathSync(path) : path, stats };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // Nothing there, or a chain of links ending at nothing: the new file goes where the last link points.
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path: current };
      throw err;
    }
    if (!stats.isSymbolicLink()) return { path: current };
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
}

export interface WriteOptions {
  /** false: refuse (EEXIST) when a regular file is already there; devices and FIFOs are still written. */
  replace?: boolean;
}

/**
 * Writes `content` (text as UTF-8, or bytes) to `path` so that nothing is destroyed and readers only ever see the old content
 * or the whole new content.
 * - A regular file, or nothing yet: a temporary file in the target's folder, flushed to disk, then
 *   renamed over it, keeping the old file's mode (and owner, when run as root). A symbolic link is
 *   followed and stays a link. A file with no write permission is refused, even for root.
 * - A character device, FIFO or socket (/dev/null, /dev/stdout, a pipe): written straight to it.
 * - A folder or a disk device: refused.
 * Every failure is a FileWriteError; no temporary file is left behind.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  let target: WriteTarget = { path };
  try {
    target = writeTarget(path);
    const { stats } = target;
    if (stats === undefined || stats.isFile()) await replaceFile(path, target.path, stats, content, options.replace !== false);
    else if (stats.isDirectory()) throw new FileWriteError(path, target.path, 'is-folder', 'EISDIR');
    else if (stats.isSocket()) await writeSocket(target.path, content);
    else if (stats.isCharacterDevice() || stats.isFIFO()) await writeStraight(target.path, content);
    else throw new FileWriteError(path, target.path, 'block-device', 'ENOTSUP');
  } catch (err) {
    throw asWriteError(err, path, target.path);
  }
}

async function replaceFile(path: string, target: string, existing: Stats | undefined, content: string | Uint8Array, replace: boolean): Promise<void> {
  if (existing !== undefined) {
    if (!replace) throw new FileWriteError(path, target, 'exists', 'EEXIST');
    // Root may write anything; a file nobody may write is still meant to stay as it is.
    if (isReadOnlyMode(existing.mode)) throw new FileWriteError(path, target, 'read-only', 'EACCES');
    try {
      accessSync(target, constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') throw new FileWriteError(path, target, 'no-permission', 'EACCES');
      if (code !== 'ENOENT') throw err;
    }
  }
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle;
  const release = holdTemporary(temp);
  try {
    handle = await open(temp, 'wx', 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    release();
    if (code === 'EACCES' || code === 'EPERM') throw new FileWriteError(path, target, 'folder-not-writable', code);
    throw err;
  }
  try {
    try {
      if (existing !== undefined) await keepOwnerAndMode(handle, existing);
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (replace) await rename(temp, target);
    else await createOnly(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  } finally {
    release();
  }
  await syncFolder(folder);
}

async function keepOwnerAndMode(handle: FileHandle, existing: Stats): Promise<void> {
  if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
    await handle.chown(existing.uid, existing.gid).catch(() => undefined);
  }
  await handle.chmod(existing.mode & 0o7777); // after chown, which clears set-id bits
}

/** Puts the finished temporary file in place only if nothing is there yet, without a moment of doubt. */
async function createOnly(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw Object.assign(new Error('exists'), { code: 'EEXIST', exists: true });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw err;
    // A file system without hard links: check, then rename.
    if (lstatExists(target)) throw Object.assign(new Error('exists'), { code: 'EEXIST', exists: true });
    await rename(temp, target);
    return;
  }
  await rm(temp, { force: true });
}

/** Something is at `path`, a link to nothing included. */
export function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** So the rename itself survives a power cut. Some systems cannot sync a folder; that is no reason to fail. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // best effort
  }
}

/** A device or FIFO: open it for writing as it is (no create, no truncate, no rename) and write. */
async function writeStraight(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_NOCTTY);
  try {
    await handle.writeFile(content, 'utf8');
  } catch (err) {
    // The reader went away (a FIFO read by `head`): the output was cut short, as on a pipe.
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  } finally {
    await handle.close();
  }
}

/** A Unix socket: connect and send. */
async function writeSocket(path: string, content: string | Uint8Array): Promise<void> {
  const { createConnection } = await import('node:net');
  return new Promise((resolvePromise, reject) => {
    const socket = createConnection({ path });
    socket.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? resolvePromise() : reject(err)));
    socket.once('connect', () => socket.end(content, 'utf8'));
    socket.once('close', () => resolvePromise());
  });
}

const REASONS: Record<string, WriteReason> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'quota',
  ENOENT: 'no-folder',
  EISDIR: 'is-folder',
  ENOTDIR: 'not-a-folder',
  EROFS: 'read-only-file-system',
  ELOOP: 'link-loop',
  ENAMETOOLONG: 'name-too-long',
  ECONNREFUSED: 'socket-not-listening',
  EEXIST: 'exists',
};

function asWriteError(err: unknown, path: string, target: string): FileWriteError {
  if (err instanceof FileWriteError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : 'EIO';
  if ((e as { exists?: boolean }).exists) return new FileWriteError(path, target, 'exists', 'EEXIST');
  const reason = REASONS[code];
  if (reason) return new FileWriteError(path, target, reason, code);
  if (code === 'EACCES' || code === 'EPERM') return new FileWriteError(path, target, 'no-permission', code);
  // "EXDEV: cross-device link not permitted, rename 'a' -> 'b'" -> "cross-device link not permitted"
  const words = /^[A-Z0-9_]+: ([^,]+)/.exec(e?.message ?? '')?.[1] ?? e?.message ?? String(err);
  return new FileWriteError(path, target, 'other', code, words);
}

/** A file written piece by piece, put in place only when complete (see openAtomicWrite). */
export interface AtomicWrite {
  write(chunk: string): Promise<void>;
  /** Puts the finished file in place (a temporary file renamed over the target). */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is untouched. */
  abort(): Promise<void>;
}

/**
 * writeFileAtomic for output too large to hold: the same rules (a regular file replaced by a
 * temporary file renamed over it, keeping its mode; a read-only file refused; a device or FIFO
 * written straight to), but written as it comes. Every failure is a FileWriteError.
 */
export async function openAtomicWrite(path: string): Promise<AtomicWrite> {
  let target: WriteTarget = { path };
  const fail = (err: unknown) => asWriteError(err, path, target.path);
  try {
    target = writeTarget(path);
    const { stats } = target;
    if (stats !== undefined && !stats.isFile()) {
      if (stats.isDirectory()) throw new FileWriteError(path, target.path, 'is-folder', 'EISDIR');
      if (!stats.isCharacterDevice() && !stats.isFIFO()) throw new FileWriteError(path, target.path, 'block-device', 'ENOTSUP');
      const handle = await open(target.path, constants.O_WRONLY | constants.O_NOCTTY);
      let gone = false;
      return {
        async write(chunk) {
          if (gone) return;
          try {
            await handle.write(chunk, null, 'utf8');
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw fail(err);
            gone = true; // the reader went away, as on a pipe
          }
        },
        commit: () => handle.close(),
        abort: () => handle.close(),
      };
    }
    if (stats !== undefined) {
      if (isReadOnlyMode(stats.mode)) throw new FileWriteError(path, target.path, 'read-only', 'EACCES');
      try {
        accessSync(target.path, constants.W_OK);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EACCES' || code === 'EPERM') throw new FileWriteError(path, target.path, 'no-permission', 'EACCES');
        if (code !== 'ENOENT') throw err;
      }
    }
    const folder = dirname(target.path);
    const temp = join(folder, `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const release = holdTemporary(temp);
    let handle: FileHandle;
    try {
      handle = await open(temp, 'wx', 0o644);
    } catch (err) {
      release();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') throw new FileWriteError(path, target.path, 'folder-not-writable', code);
      throw err;
    }
    const destination = target.path;
    let open_ = true;
    const close = async () => {
      if (open_) {
        open_ = false;
        await handle.close();
      }
    };
    return {
      async write(chunk) {
        try {
          await handle.write(chunk, null, 'utf8');
        } catch (err) {
          throw fail(err);
        }
      },
      async commit() {
        try {
          if (stats !== undefined) await keepOwnerAndMode(handle, stats);
          await handle.sync();
          await close();
          await rename(temp, destination);
        } catch (err) {
          await close().catch(() => undefined);
          await rm(temp, { force: true });
          throw fail(err);
        } finally {
          release();
        }
        await syncFolder(folder);
      },
      async abort() {
        await close().catch(() => undefined);
        await rm(temp, { force: true });
        release();
      },
    };
  } catch (err) {
    throw fail(err);
  }
}
