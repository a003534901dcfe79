// --anonymise and --alias-key: the one place (the key file) where names and aliases meet.
import { UsageError } from '../core/errors.js';
import { csvText } from '../render/batch.js';
import { emit, ownStream } from './output.js';
import type { NamedInput } from './outputs-safe.js';
import { refuseOutputOverInput } from './outputs-safe.js';

export interface AliasEntry {
  alias: string;
  /** The council's name; empty for a file that could not be scored. */
  council: string;
  file: string;
}

/** Checked before any work: the key is a file of its own, never stdout, the --output file or an input. */
export function refuseAliasKey(key: string | undefined, anonymise: boolean | undefined, output: string | undefined, inputs: readonly NamedInput[]): void {
  if (key === undefined) return;
  if (!anonymise) throw new UsageError('--alias-key is written only with --anonymise; add --anonymise, or leave out --alias-key');
  if (key === '-' || ownStream(key) !== undefined) {
    throw new UsageError(
      `--alias-key ${key} is the screen or standard output, where the councils' names would appear beside the anonymised output; give a file, such as --alias-key alias-key.csv`,
    );
  }
  refuseOutputOverInput(inputs, [
    { file: output, option: '--output' },
    { file: key, option: '--alias-key' },
  ]);
}

/** SPEC: `alias,council,file`, RFC 4180, in alias order. */
export function renderAliasKey(entries: readonly AliasEntry[]): string {
  const lines = ['alias,council,file', ...entries.map((e) => [e.alias, e.council, e.file].map(csvText).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export async function writeAliasKey(key: string | undefined, entries: readonly AliasEntry[]): Promise<void> {
  if (key === undefined) return;
  await emit(renderAliasKey(entries), key);
}
