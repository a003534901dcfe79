// Writes N synthetic, valid answers files for the built-in rubric into a folder (reused when present).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorKeys, loadRubric } from '../dist/index.js';

export async function generateCohort(dir, n) {
  if (existsSync(dir) && readdirSync(dir).length === n) return dir;
  mkdirSync(dir, { recursive: true });
  const { rubric } = await loadRubric('eight-characteristics');
  const keys = indicatorKeys(rubric);
  const types = ['county', 'unitary', 'metropolitan-district', 'london-borough', 'district'];
  for (let i = 0; i < n; i++) {
    const answers = keys
      .map((key, j) => {
        const r = (i * 7 + j * 13) % 23;
        const value = r === 0 ? 'unknown' : r === 1 ? 'n/a' : r === 2 ? 'null' : String((i + j) % 4);
        return r === 3 ? `  ${key}: { score: ${value}, evidence: "Cabinet report ${i}-${j}", confidence: medium }` : `  ${key}: ${value}`;
      })
      .join('\n');
    writeFileSync(
      join(dir, `council-${String(i).padStart(5, '0')}.answers.yaml`),
      `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: "Synthetic Council ${i}", type: ${types[i % 5]} }\nassessedOn: 2026-01-01\nanswers:\n${answers}\n`,
    );
  }
  return dir;
}
