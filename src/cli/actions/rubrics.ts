import { indicatorCount } from '../../core/rubric.js';
import { builtinRubricIds, builtinRubricPath } from '../../io/builtin.js';
import { loadRubricFile } from '../../io/load.js';
import { wrapText } from '../../render/wrap.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output.js';
import { outputWidth } from '../width.js';

export async function runRubrics(options: { format: 'text' | 'json' }): Promise<number> {
  const rows = [];
  for (const id of builtinRubricIds()) {
    const { rubric } = await loadRubricFile(builtinRubricPath(id));
    rows.push({
      id: rubric.id,
      title: rubric.title,
      version: rubric.version,
      characteristics: rubric.characteristics.length,
      indicators: indicatorCount(rubric),
      source: rubric.source ?? null,
    });
  }
  if (options.format === 'json') {
    await emit(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  // Each rubric: its id, then its title and source wrapped beside it to the width of the output.
  const width = outputWidth();
  const idWidth = Math.max(...rows.map((r) => r.id.length), 2);
  const indent = ' '.repeat(idWidth + 2 + 20 <= width ? idWidth + 2 : 2);
  const lines = rows.flatMap((r) => {
    const title = wrapText(`${r.title} (version ${r.version}; ${r.characteristics} characteristics, ${r.indicators} indicators)`, width, indent);
    const head = indent.length > 2 ? [`${r.id.padEnd(idWidth)}  ${title[0]!.trimStart()}`, ...title.slice(1)] : [r.id, ...title];
    return [...head, ...(r.source ? wrapText(`Source: ${r.source}`, width, indent) : [])];
  });
  await emit(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
