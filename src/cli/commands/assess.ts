import { UsageError } from '../../core/errors.js';
import { policyFailures } from '../../core/policy.js';
import { scaleMax } from '../../core/rubric.js';
import { assess } from '../../core/score.js';
import { toolVersion } from '../../generated/version.js';
import { loadAnswers } from '../../io/load.js';
import { renderJson } from '../../render/json.js';
import { renderText } from '../../render/text.js';
import { stdoutStyle } from '../colour.js';
import { EXIT } from '../exit-codes.js';
import { emit, printWarnings, warn } from '../output.js';

export interface AssessOptions {
  rubric?: string;
  format: 'text' | 'json';
  output?: string;
  target?: number;
  top: number;
  failUnder?: number;
  strict?: boolean;
  color: boolean;
}

export async function runAssess(file: string, options: AssessOptions): Promise<number> {
  const loaded = await loadAnswers(file, options.rubric);
  printWarnings(loaded.warnings);
  const { rubric } = loaded.rubric;
  const max = scaleMax(rubric);
  if (options.target !== undefined && options.target > max) {
    throw new UsageError(`--target ${options.target} is above the top of the scale of rubric "${rubric.id}" (${max}); use 1-${max}`);
  }
  const assessment = assess(rubric, loaded.answers, { target: options.target, source: file });

  const content =
    options.format === 'json'
      ? renderJson(assessment, toolVersion)
      : renderText(assessment, {
          style: await stdoutStyle(options.color, options.output !== undefined),
          top: options.top,
          scale: rubric.scale,
        });
  await emit(content, options.output);

  const failures = policyFailures(assessment, { failUnder: options.failUnder, strict: options.strict });
  for (const failure of failures) warn(`policy failed: ${failure}`);
  return failures.length > 0 ? EXIT.policy : EXIT.ok;
}
