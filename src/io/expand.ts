// Turning the command line's files, folders and globs into one sorted list of YAML files.
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { comparePaths } from '../core/batch.js';

const YAML = /\.ya?ml$/i;
const GLOB = /[*?[\]{}]/;

export interface Expanded {
  files: string[];
  /** Inputs that matched nothing: a missing path or a glob with no match. */
  unmatched: string[];
}

/**
 * Folders are searched recursively for *.yaml and *.yml; globs (*, **, ?, {a,b}) are expanded here, so
 * a quoted glob works in any shell. Paths keep the form the user gave and are sorted, without repeats.
 */
export function expandInputs(inputs: readonly string[]): Expanded {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const input of inputs) {
    const before = found.size;
    if (GLOB.test(input)) expandGlob(input, found);
    else {
      let info;
      try {
        info = statSync(input);
      } catch {
        unmatched.push(input);
        continue;
      }
      if (info.isDirectory()) walk(input, (file) => YAML.test(file) && found.add(file));
      else found.add(input);
    }
    if (found.size === before && !unmatched.includes(input) && GLOB.test(input)) unmatched.push(input);
  }
  return { files: [...found].sort(comparePaths), unmatched };
}

function walk(dir: string, visit: (file: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = dir.endsWith('/') || dir.endsWith(sep) ? `${dir}${entry.name}` : join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path, visit);
    } else if (entry.isFile()) visit(path);
  }
}

function expandGlob(pattern: string, found: Set<string>): void {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  while (parts.length > 1 && !GLOB.test(parts[0]!)) fixed.push(parts.shift()!);
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  const matcher = globToRegExp(parts.join('/'));
  walk(base, (file) => {
    const rel = base === '.' ? file : file.slice(base.length + (base.endsWith('/') ? 0 : 1));
    if (matcher.test(rel.split(sep).join('/'))) found.add(file);
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
