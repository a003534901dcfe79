// npm run check-passages: checks that every indicator's `passage` in the built-in rubrics is quoted
// exactly from its source article (../shared/seeds, or SEEDS_DIR), and records a hash of each
// checked passage in test/fixtures/passages.sha256. The articles are not in this repository, so CI
// cannot read them; the test there checks each passage against this record instead, and fails for
// a passage written or changed without being checked here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = process.env.SEEDS_DIR ?? join(root, '..', 'shared', 'seeds');
const record = join(root, 'test', 'fixtures', 'passages.sha256');

/** Built-in rubric id -> the article it comes from. */
const SEEDS = {
  'community-power': '002_c7e07e419d12b363.txt',
  'eight-characteristics': '003_d04579b45587b1fd.txt',
  'facilitative-council': '004_f15b0cb24794ac5b.txt',
  'influencing-change': '000_09bb5394320ac057.txt',
  'partnership-principles': '001_98fd0dd97c8de284.txt',
};

const normalise = (text) => text.replace(/\s+/g, ' ').trim();
const hash = (text) => createHash('sha256').update(normalise(text)).digest('hex');

if (!existsSync(seedsDir)) {
  console.error(`The source articles are not at ${seedsDir}; set SEEDS_DIR to their folder.`);
  process.exit(2);
}
const lines = ['# rubric-id seed-file indicator-key sha256(passage, whitespace collapsed): written by npm run check-passages'];
let missing = 0;
for (const [id, seedFile] of Object.entries(SEEDS)) {
  const seed = normalise(readFileSync(join(seedsDir, seedFile), 'utf8'));
  const rubric = parse(readFileSync(join(root, 'rubrics', `${id}.yaml`), 'utf8'));
  for (const c of rubric.characteristics) {
    for (const i of c.indicators) {
      const key = `${c.id}.${i.id}`;
      if (typeof i.passage !== 'string' || !seed.includes(normalise(i.passage))) {
        console.error(`${id}: ${key}: passage not found in ${seedFile}: ${JSON.stringify(i.passage)}`);
        missing++;
      } else lines.push(`${id} ${seedFile} ${key} ${hash(i.passage)}`);
    }
  }
}
if (missing > 0) {
  console.error(`${missing} passage(s) not found; ${record} not written.`);
  process.exit(1);
}
writeFileSync(record, `${lines.join('\n')}\n`);
console.log(`${lines.length - 1} passages found in their articles; recorded in ${record}`);
