// Writes N assessors' answers files of one synthetic council for the built-in rubric (for `combine`),
// each answering every indicator, some with evidence: the largest combination a team makes.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorKeys, loadRubric } from '../dist/index.js';

export async function generateTeam(dir, n) {
  const files = Array.from({ length: n }, (_, i) => join(dir, `officer-${String(i).padStart(2, '0')}.answers.yaml`));
  if (existsSync(dir) && readdirSync(dir).length === n) return files;
  mkdirSync(dir, { recursive: true });
  const { rubric } = await loadRubric('eight-characteristics');
  const keys = indicatorKeys(rubric);
  files.forEach((file, i) => {
    const answers = keys
      .map((key, j) => {
        const r = (i * 5 + j * 11) % 17;
        const value = r === 0 ? 'unknown' : r === 1 ? 'n/a' : String((i + 2 * j) % 4);
        return r % 3 === 0 ? `  ${key}: { score: ${value}, evidence: "Officer ${i} saw report ${j}", confidence: medium }` : `  ${key}: ${value}`;
      })
      .join('\n');
    writeFileSync(
      file,
      `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Synthetic Borough Council, type: unitary }\nassessedOn: 2026-01-${String(1 + (i % 28)).padStart(2, '0')}\nassessor: Officer ${i}\nanswers:\n${answers}\n`,
    );
  });
  return files;
}
