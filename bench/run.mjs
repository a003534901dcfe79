// npm run bench: medians, and ratios to floors measured in the same run, so the numbers mean something
// on a shared machine. Start-up is compared with `node -e 0`; batch with reading and parsing the same
// files in one thread (bench/floor.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCohort } from './generate.mjs';
import { generateTeam } from './team.mjs';
import { benchCohortReport } from './cohort-report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'bin', 'council-resilience.js');
const runs = Number(process.env.BENCH_RUNS ?? 11);
const sizes = (process.env.BENCH_SIZES ?? '300,1000,10000,30000').split(',').map(Number);
const example = join(root, 'examples', 'brackenford-unitary.answers.yaml');
const rssFile = join(mkdtempSync(join(tmpdir(), 'cr-bench-')), 'rss');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One timed run; returns wall ms and peak RSS in MB. */
function once(args, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', join(here, 'rss-preload.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RSS_FILE: rssFile, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, rss: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

/** Interleaved runs, so a burst of load on the machine hits both sides alike. */
function pair(a, b, n = runs, envA = {}, envB = {}) {
  const as = [];
  const bs = [];
  for (let i = 0; i < n; i++) {
    as.push(once(a, envA));
    bs.push(once(b, envB));
  }
  return [as, bs].map((xs) => ({ ms: median(xs.map((x) => x.ms)), rss: Math.max(...xs.map((x) => x.rss)) }));
}

const fmt = (ms) => `${ms.toFixed(1).padStart(8)} ms`;
console.log(`median of ${runs} runs each (10,000 files and up: ${Math.min(runs, 5)}); machine: ${cpus().length} cores`);

// The cohort report for 1,000 councils (batch --format html); BENCH_ONLY=cohort runs only this.
async function cohortReport() {
  const dir = await generateCohort(join(tmpdir(), 'council-resilience-bench', '1000'), 1000);
  await benchCohortReport({ bin, dir, out: dirname(rssFile), runs, pair, fmt, median });
}
if (process.env.BENCH_ONLY === 'cohort') {
  await cohortReport();
  process.exit(0);
}

const [floor, version] = pair(['-e', '0'], [bin, '--version']);
console.log(`node -e 0 (floor)              ${fmt(floor.ms)}`);
console.log(`--version                      ${fmt(version.ms)}  ${(version.ms / floor.ms).toFixed(2)}x floor   (target <= 1.5x)`);
const [, assess] = pair(['-e', '0'], [bin, 'assess', example]);
console.log(`assess one example (text)      ${fmt(assess.ms)}  ${(assess.ms / floor.ms).toFixed(2)}x floor`);
// import of a filled-in workbook (Brackenford's, every answer filled in): exceljs loads only here.
const [importFloor, importXlsx] = pair(['-e', '0'], [bin, 'import', join(root, 'examples', 'reports', 'brackenford-unitary.xlsx')]);
console.log(`import a filled-in workbook    ${fmt(importXlsx.ms)}  ${(importXlsx.ms / importFloor.ms).toFixed(2)}x floor (${fmt(importFloor.ms).trim()})   (target < 1000 ms)`);
// The Word report: docx, the chart's PNG (resvg) and the zip, loaded and made in the one command (target < 1 s).
const [, docx] = pair(['-e', '0'], [bin, 'assess', example, '--format', 'docx', '--output', join(dirname(rssFile), 'report.docx')]);
console.log(`assess one example (docx)      ${fmt(docx.ms)}  ${(docx.ms / floor.ms).toFixed(2)}x floor   (target < 1000 ms)`);

// combine of 20 assessors' files of one council, against one assess of one of them (target < 3x):
// to stdout, and again with --output onto the combined file it wrote (which is read back, so that
// settled answers are kept).
const team = await generateTeam(join(tmpdir(), 'council-resilience-bench-team'), 20);
const combined = join(dirname(rssFile), 'team.answers.yaml');
once([bin, 'combine', ...team, '--output', combined]);
const [assessOne, combineTwenty] = pair([bin, 'assess', team[0]], [bin, 'combine', ...team]);
const [, recombine] = pair([bin, 'assess', team[0]], [bin, 'combine', ...team, '--output', combined]);
console.log(`combine of 20 files            ${fmt(combineTwenty.ms)}  ${(combineTwenty.ms / assessOne.ms).toFixed(2)}x one assess (${fmt(assessOne.ms).trim()})   (target < 3x)`);
console.log(`  again, onto its own output   ${fmt(recombine.ms)}  ${(recombine.ms / assessOne.ms).toFixed(2)}x one assess`);

const cohorts = join(tmpdir(), 'council-resilience-bench');
const { PARALLEL_THRESHOLD } = await import('../dist/batch/pool.js');
const memory = [];
for (const n of sizes) {
  const dir = await generateCohort(join(cohorts, String(n)), n);
  const repeat = n >= 10000 ? Math.min(runs, 5) : runs;
  const batchArgs = [bin, 'batch', dir, '--format', 'csv'];
  const [readParse, batch] = pair([join(here, 'floor.mjs'), dir], batchArgs, repeat);
  memory.push({ n, rss: batch.rss });
  console.log(
    `batch ${String(n).padStart(6)} files         ${fmt(batch.ms)}  ${(batch.ms / readParse.ms).toFixed(2)}x read+parse floor (${fmt(readParse.ms).trim()})   peak RSS ${batch.rss.toFixed(0)} MB`,
  );
  // Where worker threads start, show what they buy over one thread, so the threshold can be checked.
  if (n >= PARALLEL_THRESHOLD / 2 && cpus().length > 1) {
    const [one, all] = pair(batchArgs, batchArgs, repeat, { COUNCIL_RESILIENCE_THREADS: '1' }, { COUNCIL_RESILIENCE_THREADS: String(cpus().length) });
    console.log(`  one thread ${fmt(one.ms)}, ${cpus().length} threads ${fmt(all.ms)}: ${(all.ms / one.ms).toFixed(2)}x (workers start at ${PARALLEL_THRESHOLD} files)`);
  }
}
// batch --group-by against plain batch on the same files, interleaved in the same run (target under 10%
// more): by the profile field type (read by the scoring threads) and by a column of a groups CSV
// naming every council (looked up by name afterwards). JSON, which carries every group's statistics.
for (const n of sizes.filter((size) => size >= 1000 && size <= 10000)) {
  const dir = join(cohorts, String(n));
  const repeat = n >= 10000 ? Math.min(runs, 5) : runs;
  const groupsCsv = join(dirname(rssFile), `groups-${n}.csv`);
  writeFileSync(groupsCsv, `council,region\n${Array.from({ length: n }, (_, i) => `Synthetic Council ${i},region ${i % 9}`).join('\n')}\n`);
  const plain = [bin, 'batch', dir, '--format', 'json', '--output', join(dirname(rssFile), 'plain.json')];
  const [byPlain, byType] = pair(plain, [...plain, '--group-by', 'type'], repeat);
  const [againPlain, byColumn] = pair(plain, [...plain, '--group-by', 'region', '--groups', groupsCsv], repeat);
  const more = (a, b) => {
    const pct = (b.ms / a.ms - 1) * 100;
    return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}% against plain batch (${fmt(a.ms).trim()})`;
  };
  console.log(`batch --group-by type ${String(n).padStart(6)}  ${fmt(byType.ms)}  ${more(byPlain, byType)}   (target < 10%)`);
  console.log(`  --groups CSV column          ${fmt(byColumn.ms)}  ${more(againPlain, byColumn)}`);
}
await cohortReport();
for (let i = 1; i < memory.length; i++) {
  const [a, b] = [memory[i - 1], memory[i]];
  console.log(`peak RSS from ${a.n} to ${b.n} files: ${(((b.rss - a.rss) * 1024) / (b.n - a.n)).toFixed(2)} KB more per file`);
}
rmSync(dirname(rssFile), { recursive: true, force: true });

// batch --rows indicator (bench/rows.mjs, which runs alone too).
const { benchRows } = await import('./rows.mjs');
await benchRows({ runs: Math.min(runs, 5) });
