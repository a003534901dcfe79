import { indicatorCount } from '../../core/rubric.js';
import { builtinRubricIds, builtinRubricPath } from '../../io/builtin.js';
import { loadRubricFile } from '../../io/load.js';
import { wrap } from '../../render/wrap.js';
import { EXIT } from '../exit-codes.js';
import { emit } from '../output.js';

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
  const idWidth = Math.max(...rows.map((r) => r.id.length), 2);
  const lines = rows.flatMap((r) => [
    `${r.id.padEnd(idWidth)}  ${r.title} (version ${r.version}; ${r.characteristics} characteristics, ${r.indicators} indicators)`,
    ...(r.source ? wrap(`Source: ${r.source}`, 100, ' '.repeat(idWidth + 2)) : []),
  ]);
  await emit(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
