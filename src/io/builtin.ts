import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** rubrics/ ships beside dist/ (and beside src/ when tests run from source). */
export const builtinRubricsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rubrics');
/** Where the build puts checked JSON copies of the built-in rubrics (see io/compiled-rubrics.ts). */
export const compiledRubricsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'rubrics');
export const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');

export const DEFAULT_RUBRIC_ID = 'eight-characteristics';

let ids: string[] | undefined;

/** The built-in rubric ids; read once per process (a batch asks for every file). */
export function builtinRubricIds(): string[] {
  ids ??= readdirSync(builtinRubricsDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
  return [...ids];
}

export function builtinRubricPath(id: string): string {
  return join(builtinRubricsDir, `${id}.yaml`);
}
