// Issue 11 row 11: a reader that closes the pipe early (`| head -1`) never changes the exit code and
// never makes the tool print a stack trace. Each run goes through a real shell pipe into `head -1`,
// with output far larger than a pipe holds, so the tool is still writing when head has gone.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, root, tempDir } from '../helpers.js';

const example = join(root, 'examples', 'brackenford-unitary.answers.yaml');

interface Piped {
  /** ${PIPESTATUS[0]}: the tool's own exit code. */
  code: number;
  /** What head -1 let through. */
  firstLine: string;
  /** The tool's stderr when it is not in the pipe (2>FILE). */
  stderr: string;
}

/** bash -c 'set -o pipefail; node bin ARGS [2>&1 | 2>FILE] | head -1', reading PIPESTATUS. */
function piped(args: readonly string[], { stderrToo = false } = {}): Piped {
  const dir = tempDir('cr-pipe-');
  const errFile = join(dir, 'stderr.txt');
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const redirect = stderrToo ? '2>&1' : `2>'${errFile}'`;
  const script = `set -o pipefail; ${quoted} ${redirect} | head -1; echo "status \${PIPESTATUS[0]} \${PIPESTATUS[1]}"`;
  if (!stderrToo) writeFileSync(errFile, '');
  const r = spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30000 });
  expect(r.stderr).toBe(''); // nothing from bash or the tool escapes the pipe
  const lines = r.stdout.split('\n');
  const status = /^status (\d+) 0$/.exec(lines[1] ?? '');
  if (!status) throw new Error(`unexpected output from the pipe:\n${r.stdout}`);
  return { code: Number(status[1]), firstLine: lines[0]!, stderr: stderrToo ? '' : readFileSync(errFile, 'utf8') };
}

/** A rubric of 1,000 indicators and an answers file giving each 1: its JSON report is about 1 MB. */
function bigAssessment(): string {
  const dir = tempDir('cr-big-');
  const long = 'so that the council and its communities can see what changed and why '.repeat(2);
  const steps = `{ 0: "Step zero ${long}", 1: "Step one ${long}", 2: "Step two ${long}" }`;
  const characteristics = Array.from({ length: 20 }, (_, c) => {
    const indicators = Array.from(
      { length: 50 },
      (_, i) => `      - { id: i${i}, statement: "Statement ${c}.${i} ${long}", question: "Question ${c}.${i}?", nextSteps: ${steps} }`,
    );
    return [`  - id: c${c}`, `    title: Characteristic ${c}`, '    indicators:', ...indicators].join('\n');
  });
  writeFileSync(
    join(dir, 'big.rubric.yaml'),
    [
      'schemaVersion: 1',
      'kind: rubric',
      'id: big',
      'version: 1.0.0',
      'title: A big rubric',
      'scale:',
      '  - { value: 0, label: None }',
      '  - { value: 1, label: Some }',
      '  - { value: 2, label: Most }',
      '  - { value: 3, label: All }',
      'bands:',
      '  - { min: 0, label: Low }',
      'characteristics:',
      ...characteristics,
      '',
    ].join('\n'),
  );
  const answers = Array.from({ length: 20 }, (_, c) => Array.from({ length: 50 }, (_, i) => `  c${c}.i${i}: 1`)).flat();
  const file = join(dir, 'big.answers.yaml');
  writeFileSync(file, ['schemaVersion: 1', 'kind: answers', 'rubric: ./big.rubric.yaml', 'council: { name: Big Borough Council }', 'answers:', ...answers, ''].join('\n'));
  return file;
}

/** A folder of 1,000 copies of an example (batch JSON of about 0.5 MB), plus `extra` files. */
function cohort(extra: Record<string, string> = {}): string {
  const dir = tempDir('cr-cohort-');
  for (let i = 0; i < 1000; i++) copyFileSync(example, join(dir, `council-${String(i).padStart(4, '0')}.yaml`));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('a closed stdout or stderr never changes the exit code', () => {
  test('assess --fail-under 100 | head -1 exits 1, the policy result, and still says why on stderr', () => {
    const r = piped(['assess', bigAssessment(), '--format', 'json', '--fail-under', '100']);
    expect(r.firstLine).toBe('{');
    expect(r.stderr).toBe('policy failed: overall score 33.3 is below --fail-under 100\n');
    expect(r.code).toBe(1);
  });

  test('assess that passes its policy | head -1 exits 0 with nothing on stderr', () => {
    const r = piped(['assess', bigAssessment(), '--format', 'json', '--fail-under', '10']);
    expect(r.firstLine).toBe('{');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  test('validate of bad files 2>&1 | head -1 exits 2 and prints only the first error (no EPIPE crash)', () => {
    const dir = tempDir('cr-bad-');
    const files = Array.from({ length: 1000 }, (_, i) => {
      const file = join(dir, `bad-${String(i).padStart(4, '0')}.yaml`);
      writeFileSync(file, 'schemaVersion: 1\nkind: answers\nfoo: [\n');
      return file;
    });
    const r = piped(['validate', ...files], { stderrToo: true });
    expect(r.firstLine).toBe(`${files[0]}:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`);
    expect(r.code).toBe(2);
  });

  test('validate of good files | head -1 exits 0 and still prints its summary on stderr', () => {
    const dir = cohort();
    const files = Array.from({ length: 1000 }, (_, i) => join(dir, `council-${String(i).padStart(4, '0')}.yaml`));
    const r = piped(['validate', ...files]);
    expect(r.firstLine).toMatch(/council-0000\.yaml: valid answers for Brackenford Borough Council/);
    expect(r.stderr).toBe('1000 of 1000 files valid\n');
    expect(r.code).toBe(0);
  });

  test('batch with one invalid file | head -1 exits 2, the invalid file named on stderr', () => {
    const dir = cohort({ 'zz-bad.yaml': 'schemaVersion: 1\nkind: answers\nfoo: [\n' });
    const r = piped(['batch', dir, '--format', 'json']);
    expect(r.firstLine).toBe('{');
    expect(r.stderr).toBe(`${join(dir, 'zz-bad.yaml')}:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n`);
    expect(r.code).toBe(2);
  });

  test('batch --fail-under 100 | head -1 exits 1', () => {
    const dir = cohort();
    const r = piped(['batch', dir, '--format', 'json', '--fail-under', '100']);
    expect(r.firstLine).toBe('{');
    expect(r.stderr.split('\n')).toHaveLength(1001);
    expect(r.stderr).toMatch(/^policy failed: Brackenford Borough Council \(.*council-0000\.yaml\) scored 74\.5, below --fail-under 100\n/);
    expect(r.code).toBe(1);
  });

  test('--output naming a FIFO whose reader stops after one line is cut short like a pipe: exit 1 from the policy', () => {
    const dir = tempDir('cr-fifo-');
    const fifo = join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const quoted = [process.execPath, bin, 'assess', bigAssessment(), '--format', 'json', '--fail-under', '100', '--output', fifo]
      .map((a) => `'${a}'`)
      .join(' ');
    const r = spawnSync('bash', ['-c', `timeout 20 head -1 '${fifo}' & ${quoted} 2>'${join(dir, 'err')}'; echo "status $?"; wait`], { encoding: 'utf8', timeout: 30000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{\nstatus 1\n');
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('policy failed: overall score 33.3 is below --fail-under 100\n');
  });
});
