// No command writes its output over one of its own inputs, or two outputs over each other (SPEC).
import type { Stats } from 'node:fs';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeTarget } from '../io/files.js';
import { ownStream } from './output.js';
import { resolveRubricRef } from '../io/load.js';

export interface NamedInput {
  /** The path as the user gave it (undefined: not given, skipped). */
  file: string | undefined;
  /** What it is, for the message: "the answers file", "the --cohort file". */
  what: string;
}

export interface NamedOutput {
  file: string | undefined;
  /** The option that names it: "--output", "--chart". */
  option: string;
}

/** The file a --rubric value names, if it is one (a built-in id names the installed rubric file). */
export function rubricInput(ref: string | undefined, what = 'the --rubric file'): NamedInput {
  return { file: ref === undefined ? undefined : resolveRubricRef(ref, process.cwd()), what };
}

/**
 * Refuses (exit 2, one line) when an output would be written over an input, or two outputs name one
 * file. Files are compared as the system sees them: by device and inode where they exist (so
 * `./x.yaml`, a symbolic link and a hard link all count), else by real path. Devices and FIFOs
 * (/dev/null, /dev/stdout) are never destroyed by writing, so they may be named more than once.
 * Call it before doing any work.
 */
export function refuseOutputOverInput(inputs: readonly NamedInput[], outputs: readonly NamedOutput[]): void {
  const named = outputs.filter((o): o is { file: string; option: string } => o.file !== undefined);
  if (named.length === 0) return;
  const seen = new Map<string, string>();
  const existing: { id: string; output: { file: string; option: string } }[] = [];
  for (const output of named) {
    const id = outputIdentity(output.file);
    if (id === undefined) continue;
    const earlier = seen.get(id.key);
    if (earlier !== undefined) {
      throw new UsageError(`${earlier} and ${output.option} ${output.file} are the same file; give each output its own file`);
    }
    seen.set(id.key, `${output.option} ${output.file}`);
    if (id.exists) existing.push({ id: id.key, output });
  }
  // Inputs exist (or the command fails reading them), so only an output that exists can be one.
  if (existing.length === 0) return;
  for (const input of inputs) {
    if (input.file === undefined) continue;
    let stats: Stats;
    try {
      stats = statSync(input.file);
    } catch {
      continue; // reading it will say what is wrong
    }
    const key = `${stats.dev}:${stats.ino}`;
    const clash = existing.find((e) => e.id === key);
    if (clash !== undefined) {
      const same = resolve(clash.output.file) === resolve(input.file) ? '' : ` (${input.file})`;
      throw new UsageError(
        `${clash.output.option} ${clash.output.file} is ${input.what}${same}: writing there would destroy it; choose another file for ${clash.output.option}`,
      );
    }
  }
}

/** undefined for a device, FIFO or socket, or this process's own stdout or stderr, which writing does not replace. */
function outputIdentity(file: string): { key: string; exists: boolean } | undefined {
  if (ownStream(file) !== undefined) return undefined;
  let target;
  try {
    target = writeTarget(file);
  } catch {
    return { key: `path:${resolve(file)}`, exists: false }; // writing will say what is wrong
  }
  const { stats } = target;
  if (stats !== undefined) return stats.isFile() || stats.isDirectory() ? { key: `${stats.dev}:${stats.ino}`, exists: stats.isFile() } : undefined;
  let folder = resolve(dirname(target.path));
  try {
    folder = realpathSync(folder);
  } catch {
    // a missing folder: writing will say so
  }
  return { key: `path:${join(folder, basename(target.path))}`, exists: false };
}
