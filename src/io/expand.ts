// Turning the command line's files, folders and globs into one sorted list of YAML files.
import type { Dirent } from 'node:fs';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { comparePaths } from '../core/batch.js';
import { lstatExists } from './files.js';

const YAML = /\.ya?ml$/i;
const GLOB = /[*?[\]{}]/;

export interface Unreadable {
  /** The input, or the folder or entry met while searching one, as the user would write it. */
  path: string;
  /** Why, in words: "permission denied", "a symlink loop". */
  reason: string;
}

export interface Expanded {
  files: string[];
  /** Inputs that matched nothing: a missing path or a glob with no match. */
  unmatched: string[];
  /** Folders (or entries in them) that exist but cannot be read: never skipped in silence. */
  unreadable: Unreadable[];
}

/** Why a path cannot be read, in words. */
function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a symlink loop';
  if (code === 'ENOENT') return 'a symlink to something that does not exist';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return code ?? (err as Error).message;
}

/**
 * Folders are searched recursively for *.yaml and *.yml (following symlinks, each real folder once);
 * globs (*, **, ?, {a,b}) are expanded here, so a quoted glob works in any shell. A file reached twice
 * (`a.yaml ./a.yaml`, or a file and its folder) is kept once, by its real path, in the first form the
 * user gave; the list is sorted.
 */
export function expandInputs(inputs: readonly string[]): Expanded {
  const found = new Map<string, string>();
  const unmatched: string[] = [];
  const unreadable: Unreadable[] = [];
  let visited = new Set<string>();
  let matched = 0;
  const add = (form: string, real: string) => {
    matched++;
    if (!found.has(real)) found.set(real, form);
  };
  const search = (dir: string, realDir: string, depth: number, visit: (form: string, real: string) => void) =>
    walk(dir, realDir, depth, visit, visited, unreadable);
  for (const input of inputs) {
    visited = new Set(); // each input's search sees each real folder once, so a symlink loop ends
    const before = matched;
    // A name that exists is the file it names, even with glob characters in it ("report {2026}.yaml").
    if (GLOB.test(input) && !lstatExists(input)) expandGlob(input, add, search);
    else {
      let info;
      let real;
      try {
        info = statSync(input);
        real = realpathSync(input);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // A file named on the command line that is not there (a typo, a link to nothing) is scored
        // as an invalid file, "no such file", so the run says so and exits 2 rather than leaving a
        // council out with a warning.
        if (code === 'ENOENT' || code === 'ENOTDIR') add(input, resolve(input));
        else unreadable.push({ path: input, reason: reason(err) });
        continue;
      }
      if (info.isDirectory()) search(input, real, Infinity, (form, r) => YAML.test(form) && add(form, r));
      else add(input, real);
    }
    if (matched === before && GLOB.test(input)) unmatched.push(input);
  }
  return { files: [...found.values()].sort(comparePaths), unmatched, unreadable };
}

/** `depth`: how many levels of folders below `dir` may still be searched. */
function walk(
  dir: string,
  realDir: string,
  depth: number,
  visit: (form: string, real: string) => void,
  visited: Set<string>,
  unreadable: Unreadable[],
): void {
  if (visited.has(realDir)) return;
  visited.add(realDir);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    unreadable.push({ path: dir, reason: reason(err) });
    return;
  }
  for (const entry of entries) {
    const path = dir.endsWith('/') || dir.endsWith(sep) ? `${dir}${entry.name}` : join(dir, entry.name);
    const real = join(realDir, entry.name);
    if (entry.isDirectory()) {
      if (depth > 0 && searched(entry.name)) walk(path, real, depth - 1, visit, visited, unreadable);
    } else if (entry.isFile()) visit(path, real);
    else if (entry.isSymbolicLink()) followLink(path, entry.name, depth, visit, visited, unreadable);
    else if (YAML.test(entry.name)) unreadable.push({ path, reason: NOT_A_FILE });
  }
}

const NOT_A_FILE = 'not a regular file (a FIFO, socket or device)';

const searched = (name: string) => name !== 'node_modules' && !name.startsWith('.');

/** A symlink counts as what it points to; one that leads nowhere is an error if it looks like an answers file. */
function followLink(
  path: string,
  name: string,
  depth: number,
  visit: (form: string, real: string) => void,
  visited: Set<string>,
  unreadable: Unreadable[],
): void {
  let info;
  let real;
  try {
    info = statSync(path);
    real = realpathSync(path);
  } catch (err) {
    if (YAML.test(name)) unreadable.push({ path, reason: reason(err) });
    return;
  }
  if (info.isDirectory()) {
    if (depth > 0 && searched(name)) walk(path, real, depth - 1, visit, visited, unreadable);
  } else if (info.isFile()) visit(path, real);
  else if (YAML.test(name)) unreadable.push({ path, reason: NOT_A_FILE });
}

function expandGlob(
  pattern: string,
  add: (form: string, real: string) => void,
  search: (dir: string, realDir: string, depth: number, visit: (form: string, real: string) => void) => void,
): void {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !GLOB.test(parts[0]!)) fixed.push(parts.shift()!);
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  let realBase;
  try {
    if (!statSync(base).isDirectory()) return;
    realBase = realpathSync(base);
  } catch {
    return; // a glob under a folder that is not there matches nothing
  }
  // Without **, a match lies exactly as many folders deep as the pattern has parts: search no deeper.
  const depth = parts.some((p) => p.includes('**')) ? Infinity : parts.length - 1;
  const matcher = globToRegExp(parts.join('/'));
  search(base, realBase, depth, (file, real) => {
    const rel = base === '.' ? file : file.slice(base.length + (base.endsWith('/') ? 0 : 1));
    if (matcher.test(rel.split(sep).join('/'))) add(file, real);
  });
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map(escapeRegExp).join('|')})`;
        i = end;
      }
    } else re += escapeRegExp(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
