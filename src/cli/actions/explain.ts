import { UsageError } from '../../core/errors.js';
import { explain } from '../../core/explain.js';
import { assess } from '../../core/score.js';
import { parseSelection, selectionProblemMessage } from '../../core/selection.js';
import { toolVersion } from '../../generated/version.js';
import { loadAnswers } from '../../io/load.js';
import { renderExplainJson } from '../../render/explain-json.js';
import { renderExplainMarkdown } from '../../render/explain-markdown.js';
import { renderExplainText } from '../../render/explain-text.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output.js';
import { acceptAnswers } from '../answers-input.js';
import { refuseOutputOverInput } from '../outputs-safe.js';
import { outputWidth } from '../width.js';

export type ExplainFormat = 'text' | 'markdown' | 'json';

export interface ExplainOptions {
  format: ExplainFormat;
  output?: string;
  target?: number;
}

/** `explain`: the same load and the same assess() as `assess`, then the working of its numbers. */
export async function runExplain(file: string, only: readonly string[], options: ExplainOptions): Promise<number> {
  const outputs = [{ file: options.output, option: '--output' }];
  refuseOutputOverInput([{ file, what: 'the answers file' }], outputs);
  const loaded = await loadAnswers(file);
  const rubric = acceptAnswers(loaded, outputs, options.target);
  let selection;
  if (only.length > 0) {
    const result = parseSelection(rubric, only.join(','));
    if (!result.selection) throw new UsageError(selectionProblemMessage(result.problems[0]!, 'explain'));
    selection = result.selection;
  }
  const explanation = explain(rubric, assess(rubric, loaded.answers, { target: options.target, source: file }), selection);
  const renderers = {
    text: () => renderExplainText(explanation, { width: outputWidth(options.output !== undefined) }),
    markdown: () => renderExplainMarkdown(explanation),
    json: () => renderExplainJson(explanation, toolVersion),
  } satisfies Record<ExplainFormat, () => string>;
  await emit(renderers[options.format](), options.output);
  return EXIT.ok;
}
