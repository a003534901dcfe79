import { compare } from '../../core/compare.js';
import { assess } from '../../core/score.js';
import { loadAnswers } from '../../io/load.js';
import { renderCompareJson, renderCompareMarkdown, renderCompareText } from '../../render/compare.js';
import { EXIT } from '../exit-codes.js';
import { outputWidth } from '../width.js';
import type { FORMATS } from '../options.js';
import { emit, printWarnings } from '../output.js';

export type CompareFormat = (typeof FORMATS.compare)[number];

export async function runCompare(beforeFile: string, afterFile: string, options: { format: CompareFormat; output?: string }): Promise<number> {
  const [before, after] = [await loadAnswers(beforeFile), await loadAnswers(afterFile)];
  printWarnings([...before.warnings, ...after.warnings]);
  const comparison = compare(
    assess(before.rubric.rubric, before.answers, { source: beforeFile }),
    assess(after.rubric.rubric, after.answers, { source: afterFile }),
  );
  const rubric = after.rubric.rubric;
  const renderers = {
    text: () => renderCompareText(comparison, rubric, { width: outputWidth(options.output !== undefined) }),
    markdown: () => renderCompareMarkdown(comparison, rubric),
    json: () => renderCompareJson(comparison),
  } satisfies Record<CompareFormat, () => string>;
  await emit(renderers[options.format](), options.output);
  return EXIT.ok;
}
