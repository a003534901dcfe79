// What every command that scores one answers file does with it once loaded, said once: the rubric
// it names is an input too (never written over), its warnings are shown, and --target fits its scale.
import { UsageError } from '../core/errors.js';
import { scaleMax } from '../core/rubric.js';
import type { Rubric } from '../core/types.js';
import type { LoadedAnswers } from '../io/load.js';
import { printWarnings } from './output.js';
import type { NamedOutput } from './outputs-safe.js';
import { refuseOutputOverInput } from './outputs-safe.js';

export function acceptAnswers(loaded: LoadedAnswers, outputs: readonly NamedOutput[], target?: number): Rubric {
  refuseOutputOverInput([{ file: loaded.rubric.file, what: 'the rubric the answers file names' }], outputs);
  printWarnings(loaded.warnings);
  const { rubric } = loaded.rubric;
  const max = scaleMax(rubric);
  // The option's own parser took a whole number from 1; only the rubric knows the top of its scale.
  if (target !== undefined && target > max) {
    throw new UsageError(`--target ${target} is above the top of the scale of rubric "${rubric.id}" (${max}); use 1-${max}`);
  }
  return rubric;
}
