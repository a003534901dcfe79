// npm run bench: start-up and single-file assess times, as medians and as ratios to a floor
// (`node -e 0`) measured in the same run, so the numbers mean something on a shared machine.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'council-resilience.js');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const example = join(root, 'examples', 'brackenford-unitary.answers.yaml');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(samples);
}

// Interleave so a burst of load on the machine hits every measurement alike.
const floor = time(['-e', '0']);
const version = time([bin, '--version']);
const assessText = time([bin, 'assess', example]);
const assessJson = time([bin, 'assess', example, '--format', 'json']);
const floorAgain = time(['-e', '0']);
const base = Math.min(floor, floorAgain);

const row = (name, ms) => `${name.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / base).toFixed(2)}x floor`;
console.log(`median of ${runs} runs each; floor = node -e 0`);
console.log(row('node -e 0 (floor)', base));
console.log(row('council-resilience --version', version));
console.log(row('assess example (text)', assessText));
console.log(row('assess example (json)', assessJson));
