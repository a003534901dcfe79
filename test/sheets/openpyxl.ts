// Debian's python3-openpyxl, the independent reader and writer an officer's Excel stands in for.
// Missing: the tests that need it skip with a notice, and fail in CI (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

export const hasOpenpyxl =
  existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

export function requireOpenpyxl(what: string): void {
  if (hasOpenpyxl) return;
  if (process.env.CI === 'true') throw new Error(`${PYTHON} with openpyxl is required in CI (.ci/run installs python3-openpyxl)`);
  console.warn(`SKIPPED: ${what} needs python3-openpyxl (apt-get install python3-openpyxl); it runs in CI.`);
}

/** Runs a Python script with arguments; throws with its stderr when it fails. */
export function python(script: string, args: readonly string[]): string {
  const r = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}
