import { compare, rubricNote } from '../../core/compare.js';
import { formatProblem, InputError } from '../../core/errors.js';
import { assess } from '../../core/score.js';
import { rubricSourcePhrase } from '../../io/compiled-rubrics.js';
import type { LoadedAnswers } from '../../io/load.js';
import { loadAnswers } from '../../io/load.js';
import { renderCompareJson, renderCompareMarkdown, renderCompareText } from '../../render/compare.js';
import { renderCompareHtml } from '../../render/compare-html.js';
import { EXIT } from '../exit-codes.js';
import { outputWidth } from '../width.js';
import type { FORMATS } from '../options.js';
import { visibleMessage } from '../../core/visible.js';
import { emit, printWarnings, refuseBinaryToTerminal, warn } from '../output.js';
import { refuseOutputOverInput } from '../outputs-safe.js';

export type CompareFormat = (typeof FORMATS.compare)[number];

export async function runCompare(beforeFile: string, afterFile: string, options: { format: CompareFormat; output?: string }): Promise<number> {
  if (options.format === 'docx') refuseBinaryToTerminal(options.output, 'docx');
  refuseOutputOverInput([{ file: beforeFile, what: 'the "before" answers file' }, { file: afterFile, what: 'the "after" answers file' }], [{ file: options.output, option: '--output' }]);
  const [before, after] = await loadBoth(beforeFile, afterFile);
  refuseOutputOverInput(
    [before, after].map((l) => ({ file: l.rubric.file, what: 'the rubric the answers files name' })),
    [{ file: options.output, option: '--output' }],
  );
  printWarnings([...before.warnings, ...after.warnings]);
  const side = (file: string, loaded: LoadedAnswers) => ({
    file,
    rubric: { id: loaded.rubric.rubric.id, version: loaded.rubric.rubric.version, hash: loaded.rubric.hash, source: rubricSourcePhrase(loaded.rubric.file) },
  });
  const note = rubricNote(side(beforeFile, before), side(afterFile, after));
  if (note) warn(visibleMessage(note));
  const comparison = compare(
    assess(before.rubric.rubric, before.answers, { source: beforeFile }),
    assess(after.rubric.rubric, after.answers, { source: afterFile }),
  );
  const rubric = after.rubric.rubric;
  const renderers = {
    text: async () => renderCompareText(comparison, rubric, { width: outputWidth(options.output !== undefined) }),
    markdown: async () => renderCompareMarkdown(comparison, rubric),
    json: async () => renderCompareJson(comparison),
    html: async () => renderCompareHtml(comparison, rubric),
    docx: async () => (await import('../../render/docx.js')).renderCompareDocx(comparison, rubric),
  } satisfies Record<CompareFormat, () => Promise<string | Uint8Array>>;
  await emit(await renderers[options.format](), options.output);
  return EXIT.ok;
}

/** Both files are read before either's mistakes are reported, so the user sees all of them at once, in order. */
async function loadBoth(beforeFile: string, afterFile: string): Promise<[LoadedAnswers, LoadedAnswers]> {
  const results = await Promise.allSettled([loadAnswers(beforeFile), loadAnswers(afterFile)]);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length === 0) return results.map((r) => (r as PromiseFulfilledResult<LoadedAnswers>).value) as [LoadedAnswers, LoadedAnswers];
  const problems = failures.flatMap((e) => (e instanceof InputError ? e.problems : []));
  const other = failures.find((e) => !(e instanceof InputError));
  if (other === undefined) throw new InputError(problems);
  // Not a mistake in a file (a bug, or a usage error): say what the files got wrong first.
  for (const p of problems) warn(formatProblem(p));
  throw other;
}
