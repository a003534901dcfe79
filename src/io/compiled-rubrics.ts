// Built-in rubrics, checked and turned into JSON at build time (scripts/compile-rubrics.mjs), so a
// command need not load the YAML library and parse a long rubric every time it starts. A compiled
// copy is used only while it matches the YAML file byte for byte; otherwise the YAML is read as usual.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Rubric } from '../core/types.js';
import { builtinRubricsDir, compiledRubricsDir } from './builtin.js';

export interface CompiledRubric {
  /** sha256 of the YAML text it was compiled from. */
  sha256: string;
  rubric: Rubric;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function compiledRubricPath(yamlFile: string): string {
  return join(compiledRubricsDir, `${basename(yamlFile, '.yaml')}.json`);
}

/** The compiled form of a built-in rubric file whose text is `text`, if there is one and it is current. */
export function compiledRubric(yamlFile: string, text: string): Rubric | undefined {
  if (dirname(resolve(yamlFile)) !== builtinRubricsDir) return undefined;
  let compiled: CompiledRubric;
  try {
    compiled = JSON.parse(readFileSync(compiledRubricPath(yamlFile), 'utf8')) as CompiledRubric;
  } catch {
    return undefined;
  }
  return compiled.sha256 === textHash(text) ? compiled.rubric : undefined;
}
