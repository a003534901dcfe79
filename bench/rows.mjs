// batch --rows indicator --format csv --output: its time at 10,000 files against the one-thread
// read+parse floor (bench/floor.mjs) measured in the same run (target <= 0.5x), and its peak RSS at
// 1,000, 10,000 and 30,000 files (target under 250 MB and flat). Run by npm run bench, or alone:
// node bench/rows.mjs (BENCH_RUNS, BENCH_ROWS_SIZES).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCohort } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'bin', 'council-resilience.js');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function benchRows({ runs = Number(process.env.BENCH_RUNS ?? 5), sizes = (process.env.BENCH_ROWS_SIZES ?? '1000,10000,30000').split(',').map(Number) } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'cr-bench-rows-'));
  const rssFile = join(work, 'rss');
  const once = (args) => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', join(here, 'rss-preload.cjs'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', RSS_FILE: rssFile },
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { ms, rss: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  };
  const memory = [];
  for (const n of sizes) {
    const dir = await generateCohort(join(tmpdir(), 'council-resilience-bench', String(n)), n);
    const rows = [bin, 'batch', dir, '--rows', 'indicator', '--format', 'csv', '--output', join(work, 'rows.csv')];
    const repeat = n === 10000 ? runs : Math.min(runs, 3);
    const floors = [];
    const times = [];
    const rss = [];
    // Interleaved, so a burst of load on the machine hits both sides alike; the floor only at 10,000.
    for (let i = 0; i < repeat; i++) {
      if (n === 10000) floors.push(once([join(here, 'floor.mjs'), dir]).ms);
      const r = once(rows);
      times.push(r.ms);
      rss.push(r.rss);
    }
    const peak = Math.max(...rss);
    memory.push({ n, rss: peak });
    const ratio = n === 10000 ? `  ${(median(times) / median(floors)).toFixed(2)}x read+parse floor (${median(floors).toFixed(1)} ms)   (target <= 0.5x)` : '';
    console.log(`batch --rows indicator ${String(n).padStart(6)} files ${median(times).toFixed(1).padStart(9)} ms${ratio}   peak RSS ${peak.toFixed(0)} MB   (target < 250 MB)`);
  }
  for (let i = 1; i < memory.length; i++) {
    const [a, b] = [memory[i - 1], memory[i]];
    console.log(`  --rows indicator peak RSS from ${a.n} to ${b.n} files: ${(((b.rss - a.rss) * 1024) / (b.n - a.n)).toFixed(2)} KB more per file`);
  }
  rmSync(work, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchRows();
