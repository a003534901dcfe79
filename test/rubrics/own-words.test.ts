// The copy test: every built-in rubric says things in its own words. The article a rubric comes from
// may be quoted only in an indicator's `passage` (checked by npm run check-passages); every other text
// field (titles, summaries, statements, questions, guidance, levels, next steps, scale and band
// descriptions) must not share a run of 8 consecutive words with that article, compared lower-cased
// with punctuation ignored. The articles live outside this repository, in ../shared/seeds (or
// SEEDS_DIR); where they are missing the test skips with a notice, except in CI, where it fails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { root } from '../helpers.js';

const RUN = 8;
// ../shared/seeds beside the clone (as in CI and /work/main), else beside a worktree's parent folder.
const seedsDir =
  process.env.SEEDS_DIR ??
  [join(root, '..', 'shared', 'seeds'), join(root, '..', '..', 'shared', 'seeds')].find((d) => existsSync(d)) ??
  join(root, '..', 'shared', 'seeds');

/** Built-in rubric id -> the article it comes from (as in scripts/check-passages.mjs). */
const SEEDS: Record<string, string> = {
  'community-power': '002_c7e07e419d12b363.txt',
  'eight-characteristics': '003_d04579b45587b1fd.txt',
  'facilitative-council': '004_f15b0cb24794ac5b.txt',
  'influencing-change': '000_09bb5394320ac057.txt',
  'partnership-principles': '001_98fd0dd97c8de284.txt',
};
/** Fields that may quote the article. */
const QUOTING = new Set(['passage', 'source']);

/** Lower-cased words, punctuation ignored; "&" is read as the word "and" (the articles write both). */
export const words = (text: string): string[] => text.toLowerCase().replace(/&/g, ' and ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const runs = (text: string): string[] => {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + RUN <= w.length; i++) out.push(w.slice(i, i + RUN).join(' '));
  return out;
};

/** Every string in the rubric outside `passage` and `source`, with the path that leads to it. */
function textFields(node: unknown, path: string, out: Array<{ path: string; text: string }>): void {
  if (typeof node === 'string') out.push({ path, text: node });
  else if (Array.isArray(node)) {
    node.forEach((item, i) => {
      const id = item && typeof item === 'object' && 'id' in item ? String((item as { id: unknown }).id) : String(i);
      textFields(item, `${path}[${id}]`, out);
    });
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (!QUOTING.has(k)) textFields(v, path ? `${path}.${k}` : k, out);
  }
}

const present = existsSync(seedsDir);
if (!present) {
  const notice = `own-words: the source articles are not at ${seedsDir}; the copy test ${process.env.CI === 'true' ? 'fails (CI=true)' : 'is skipped'}. Set SEEDS_DIR to their folder.`;
  process.stderr.write(`\n*** ${notice}\n`);
}

describe('built-in rubrics are in their own words (no run of 8 words from the article outside passage)', () => {
  if (!present) {
    if (process.env.CI === 'true') {
      test('the source articles are present in CI', () => {
        throw new Error(`the source articles are not at ${seedsDir}; CI must have a copy of shared/ beside the clone`);
      });
    } else test.skip(`source articles not found at ${seedsDir}`, () => {});
    return;
  }
  const record: string[] = [];
  afterAll(() => {
    process.stdout.write(`\nown-words: checked against ${seedsDir}\n${record.join('\n')}\n`);
  });
  for (const [id, seedFile] of Object.entries(SEEDS)) {
    test(`${id} shares no run of ${RUN} words with ${seedFile}`, () => {
      const article = new Set(runs(readFileSync(join(seedsDir, seedFile), 'utf8')));
      const rubric = parse(readFileSync(join(root, 'rubrics', `${id}.yaml`), 'utf8'));
      const fields: Array<{ path: string; text: string }> = [];
      textFields(rubric, '', fields);
      const copied: string[] = [];
      let checked = 0;
      for (const f of fields) {
        for (const r of runs(f.text)) {
          checked++;
          if (article.has(r)) {
            copied.push(`${f.path}: "${r}"`);
          }
        }
      }
      record.push(`  ${id}: ${fields.length} text fields, ${checked} runs of ${RUN} words checked against ${seedFile}; ${copied.length} copied`);
      expect(fields.length).toBeGreaterThan(50);
      expect(copied).toEqual([]);
    });
  }
});
