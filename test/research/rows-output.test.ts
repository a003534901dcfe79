// batch --rows indicator --output is streamed into a temporary file: an interrupt leaves the old file as it was.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, tempDir } from '../helpers.js';

test('SIGINT while the rows are being written: the --output file keeps its old content and no temporary file is left', async () => {
  const dir = tempDir('cr-rows-int-');
  mkdirSync(join(dir, 'answers'));
  for (let i = 0; i < 6000; i++) {
    writeFileSync(
      join(dir, 'answers', `c${String(i).padStart(5, '0')}.yaml`),
      `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Council ${i}, type: unitary }\nanswers:\n  intent.strategic-plans: ${i % 4}\n`,
    );
  }
  writeFileSync(join(dir, 'rows.csv'), 'last year\n');
  const child = spawn(process.execPath, [bin, 'batch', 'answers', '--rows', 'indicator', '--format', 'csv', '--output', 'rows.csv'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', COUNCIL_RESILIENCE_THREADS: '1' },
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  // The temporary file beside rows.csv appears once writing has begun; interrupt then.
  const temporary = () => readdirSync(dir).filter((f) => f.startsWith('.rows.csv.') && f.endsWith('.tmp'));
  for (let waited = 0; temporary().length === 0 && waited < 15000; waited += 5) await new Promise((r) => setTimeout(r, 5));
  expect(temporary()).toHaveLength(1);
  child.kill('SIGINT');
  const { code, signal } = await ended;
  expect(signal ?? code).not.toBe(0); // interrupted, not finished
  expect(readFileSync(join(dir, 'rows.csv'), 'utf8')).toBe('last year\n');
  expect(temporary()).toEqual([]);
}, 60000);
