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
  /** rubricHash(rubric), worked out once at build time. */
  hash: string;
  rubric: Rubric;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * What tells one rubric from another with the same id: sha256 of the parsed rubric as canonical JSON
 * (keys sorted at every level), so comments, quoting, key order and layout in the YAML do not change it.
 */
export function rubricHash(rubric: Rubric): string {
  return textHash(canonicalJson(rubric));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** How messages name the rubric a file was scored with: "the built-in rubric" or "rubric my/rubric.yaml". */
export function rubricSourcePhrase(file: string): string {
  return dirname(resolve(file)) === builtinRubricsDir ? 'the built-in rubric' : `rubric ${file}`;
}

export function compiledRubricPath(yamlFile: string): string {
  return join(compiledRubricsDir, `${basename(yamlFile, '.yaml')}.json`);
}

/** The compiled form of a built-in rubric file whose text is `text`, if there is one and it is current. */
export function compiledRubricEntry(yamlFile: string, text: string): CompiledRubric | undefined {
  if (dirname(resolve(yamlFile)) !== builtinRubricsDir) return undefined;
  let compiled: CompiledRubric;
  try {
    compiled = JSON.parse(readFileSync(compiledRubricPath(yamlFile), 'utf8')) as CompiledRubric;
  } catch {
    return undefined;
  }
  return compiled.sha256 === textHash(text) && typeof compiled.hash === 'string' ? compiled : undefined;
}

export function compiledRubric(yamlFile: string, text: string): Rubric | undefined {
  return compiledRubricEntry(yamlFile, text)?.rubric;
}
