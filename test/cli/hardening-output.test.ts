// Issue 11 rows 1 and 2: --output and --chart never destroy anything. Regular files are replaced in
// one step keeping their mode; symbolic links are followed and stay links; devices and FIFOs are
// written straight to; read-only files, folders and a full disk are one-line errors, exit 2; no
// output is written over an input; template never replaces a file without --force.
//
// Device nodes are made here with mknod, never the machine's own /dev/null or /dev/full: the old
// code replaced whatever it was given with a regular file.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const example = join(root, 'examples', 'brackenford-unitary.answers.yaml');
const exampleText = readFileSync(example, 'utf8');
const textReport = cli(['assess', example]).stdout;

const isRoot = process.getuid?.() === 0;
if (!isRoot) {
  if (process.env.CI === 'true') throw new Error('the device-node tests of --output need root (to mknod) in CI');
  console.warn('SKIPPED: the --output tests on device nodes (null, full) need root to mknod them; they run in CI.');
}
const asRoot = isRoot ? test : test.skip;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
if (isRoot && !hasSetpriv) {
  if (process.env.CI === 'true') throw new Error('setpriv (util-linux) is needed in CI to run --output as a normal user');
  console.warn('SKIPPED: --output as a normal user needs setpriv (util-linux).');
}
const asRootWithSetpriv = isRoot && hasSetpriv ? test : test.skip;

function mknod(path: string, major: number, minor: number): string {
  const r = spawnSync('mknod', [path, 'c', String(major), String(minor)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mknod ${path} failed: ${r.stderr}`);
  return path;
}

function mkfifo(path: string): string {
  const r = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed: ${r.stderr}`);
  return path;
}

/** A child process that reads the FIFO to its end and keeps what it read. */
function readFifo(fifo: string): { done: Promise<string>; child: ChildProcess } {
  const out = `${fifo}.read`;
  const child = spawn('sh', ['-c', 'exec cat "$0" > "$1"', fifo, out], { stdio: 'ignore' });
  readers.push(child);
  const done = new Promise<string>((resolve) => child.on('exit', () => resolve(existsSync(out) ? readFileSync(out, 'utf8') : '')));
  return { done, child };
}
const readers: ChildProcess[] = [];
afterEach(() => {
  for (const child of readers.splice(0)) if (child.exitCode === null) child.kill();
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('--output onto special files', () => {
  asRoot('a null device stays a device: the report goes into it, exit 0, no file appears', () => {
    const dir = tempDir();
    const nul = mknod(join(dir, 'null'), 1, 3);
    const r = cli(['assess', example, '--output', nul]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(nul).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  asRoot('--output and --chart onto one null device: no clash, as writing destroys nothing', () => {
    const dir = tempDir();
    const nul = mknod(join(dir, 'null'), 1, 3);
    const r = cli(['assess', example, '--output', nul, '--chart', nul]);
    expect(r.code).toBe(0);
    expect(lstatSync(nul).isCharacterDevice()).toBe(true);
  });

  asRoot('a full device: "the disk is full", exit 2, the device kept, no temporary file left', () => {
    const dir = tempDir();
    const full = mknod(join(dir, 'full'), 1, 7);
    const r = cli(['assess', example, '--output', full]);
    expect(r.stderr).toBe(`error: cannot write ${full}: the disk is full\n`);
    expect(r.code).toBe(2);
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['full']);
  });

  asRoot('stdout that is a full device is an error too, exit 2', () => {
    const dir = tempDir();
    const full = mknod(join(dir, 'full'), 1, 7);
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${join(root, 'bin', 'council-resilience.js')}' assess '${example}' > '${full}'`], { encoding: 'utf8' });
    expect(r.stderr).toBe('error: cannot write to standard output: the disk is full\n');
    expect(r.status).toBe(2);
  });

  test('a FIFO is written straight to and stays a FIFO', async () => {
    const dir = tempDir();
    const fifo = mkfifo(join(dir, 'report.fifo'));
    const reader = readFifo(fifo);
    const r = cli(['assess', example, '--output', fifo]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await reader.done).toBe(textReport);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  test('a symbolic link to a FIFO (as /dev/stdout is to a pipe) is followed and kept', async () => {
    const dir = tempDir();
    const fifo = mkfifo(join(dir, 'pipe'));
    const link = join(dir, 'stdout');
    symlinkSync(fifo, link);
    const reader = readFifo(fifo);
    const r = cli(['assess', example, '--format', 'json', '--output', link]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await reader.done).council.name).toBe('Brackenford Borough Council');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(fifo);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  test('a link to /proc/self/fd/1 (what /dev/stdout is) writes to stdout: a pipe, or a log opened with >> that keeps its lines', () => {
    const dir = tempDir();
    const link = join(dir, 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    const log = join(dir, 'log.txt');
    writeFileSync(log, 'earlier line\n');
    const command = `'${process.execPath}' '${join(root, 'bin', 'council-resilience.js')}' assess '${example}' --output '${link}'`;
    const appended = spawnSync('bash', ['-c', `${command} >> '${log}'`], { encoding: 'utf8' });
    expect(appended.stderr).toBe('');
    expect(appended.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(`earlier line\n${textReport}`);
    const piped = spawnSync('bash', ['-c', `set -o pipefail; ${command} | cat`], { encoding: 'utf8' });
    expect(piped.stdout).toBe(textReport);
    expect(piped.status).toBe(0);
    expect(readlinkSync(link)).toBe('/proc/self/fd/1');
    expect(readdirSync(dir).sort()).toEqual(['log.txt', 'stdout']);
  });

  test('a folder is an error naming it, exit 2', () => {
    const dir = tempDir();
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    const r = cli(['assess', example, '--output', folder]);
    expect(r.stderr).toBe(`error: cannot write ${folder}: it is a folder; give a file name\n`);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['reports']);
  });
});

describe('--output onto regular files and links', () => {
  // Run as the user nobody (setpriv), so permissions apply: as root they do not.
  asRootWithSetpriv('as a normal user: a null device is written, and permission errors name the file and the real reason', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const nul = mknod(join(dir, 'null'), 1, 3);
    chmodSync(nul, 0o666);
    writeFileSync(join(dir, 'theirs.txt'), 'old\n'); // root's, 0644
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'open.txt'), 'old\n');
    chmodSync(join(dir, 'shared', 'open.txt'), 0o666); // writable by all, in a folder only root may change
    const asNobody = (out: string) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(root, 'bin', 'council-resilience.js'), 'assess', example, '--output', out], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    let r = asNobody(nul);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lstatSync(nul).isCharacterDevice()).toBe(true);
    r = asNobody(join(dir, 'theirs.txt'));
    expect(r.stderr).toBe(`error: cannot write ${join(dir, 'theirs.txt')}: you do not have permission to change it\n`);
    expect(r.status).toBe(2);
    r = asNobody(join(dir, 'shared', 'new.txt'));
    expect(r.stderr).toBe(`error: cannot write ${join(dir, 'shared', 'new.txt')}: you do not have permission to create files in its folder\n`);
    expect(r.status).toBe(2);
    r = asNobody(join(dir, 'shared', 'open.txt'));
    expect(r.stderr).toBe(
      `error: cannot write ${join(dir, 'shared', 'open.txt')}: you do not have permission to create files in its folder, which replacing it safely needs\n`,
    );
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'theirs.txt'), 'utf8')).toBe('old\n');
    expect(readFileSync(join(dir, 'shared', 'open.txt'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['null', 'shared', 'theirs.txt']);
  });

  test('a 0600 file is replaced in one step and stays 0600', () => {
    const dir = tempDir();
    const out = join(dir, 'private.txt');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o600);
    const r = cli(['assess', example, '--output', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(textReport);
    expect(mode(out)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['private.txt']);
  });

  test('a new file gets 0644 less the umask', () => {
    const dir = tempDir();
    const out = join(dir, 'new.txt');
    expect(cli(['assess', example, '--output', out]).code).toBe(0);
    expect(mode(out)).toBe(0o644 & ~process.umask());
  });

  test('a symbolic link to a file: the file gets the report, keeps its mode, and the link stays a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'report.json');
    writeFileSync(target, '{}\n');
    chmodSync(target, 0o640);
    const link = join(dir, 'latest.json');
    symlinkSync('real/report.json', link);
    const r = cli(['assess', example, '--format', 'json', '--output', link]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real/report.json');
    expect(JSON.parse(readFileSync(target, 'utf8')).council.name).toBe('Brackenford Borough Council');
    expect(mode(target)).toBe(0o640);
    expect(readdirSync(join(dir, 'real'))).toEqual(['report.json']);
  });

  test('a symbolic link to a file not there yet: the file is made where the link points', () => {
    const dir = tempDir();
    const link = join(dir, 'latest.txt');
    symlinkSync('report-2026.txt', link);
    expect(cli(['assess', example, '--output', link]).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'report-2026.txt'), 'utf8')).toBe(textReport);
  });

  test('a read-only file is refused (even for root) and left as it was, exit 2', () => {
    const dir = tempDir();
    const out = join(dir, 'signed-off.txt');
    writeFileSync(out, 'the report the committee signed off\n');
    chmodSync(out, 0o444);
    const r = cli(['assess', example, '--output', out]);
    expect(r.stderr).toBe(`error: ${out} is read-only; make it writable (chmod u+w) if it may be replaced, or choose another file\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('the report the committee signed off\n');
    expect(mode(out)).toBe(0o444);
    expect(readdirSync(dir)).toEqual(['signed-off.txt']);
  });

  test('a link to a read-only file names both, and neither changes', () => {
    const dir = tempDir();
    const out = join(dir, 'signed-off.txt');
    writeFileSync(out, 'kept\n');
    chmodSync(out, 0o444);
    const link = join(dir, 'link.txt');
    symlinkSync(out, link);
    const r = cli(['assess', example, '--chart', link]);
    expect(r.stderr).toBe(`error: ${link} (${out}) is read-only; make it writable (chmod u+w) if it may be replaced, or choose another file\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('kept\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  // A real full disk for the atomic path: a 16 KB tmpfs, if this machine lets us mount one.
  asRoot('a full disk while writing a regular file: exit 2 naming it, the old file whole, no temporary file', () => {
    const dir = tempDir();
    const mnt = join(dir, 'small');
    mkdirSync(mnt);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mnt]).status !== 0) {
      console.warn('SKIPPED: a full disk on a regular file needs a small tmpfs (mount -t tmpfs), which this machine does not allow');
      return;
    }
    try {
      const out = join(mnt, 'report.html');
      writeFileSync(out, 'old report\n');
      const r = cli(['assess', example, '--format', 'html', '--output', out]); // about 20 KB
      expect(r.stderr).toBe(`error: cannot write ${out}: the disk is full\n`);
      expect(r.code).toBe(2);
      expect(readFileSync(out, 'utf8')).toBe('old report\n');
      expect(readdirSync(mnt)).toEqual(['report.html']);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});

describe('no output is written over an input', () => {
  const inputCopy = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.yaml'), exampleText);
    return dir;
  };
  const untouched = (file: string) => expect(readFileSync(file, 'utf8')).toBe(exampleText);

  test.each([
    ['x.yaml', '--output'],
    ['./x.yaml', '--output'],
    ['x.yaml', '--chart'],
  ])('assess x.yaml %s (%s) is refused, exit 2, the answers file kept', (out, option) => {
    const dir = inputCopy();
    const r = cli(['assess', 'x.yaml', option, out], { cwd: dir });
    expect(r.stderr).toBe(`error: ${option} ${out} is the answers file: writing there would destroy it; choose another file for ${option}\n`);
    expect(r.code).toBe(2);
    untouched(join(dir, 'x.yaml'));
  });

  test('a symbolic link and a hard link to the answers file count as the answers file', () => {
    const dir = inputCopy();
    symlinkSync('x.yaml', join(dir, 'soft.yaml'));
    linkSync(join(dir, 'x.yaml'), join(dir, 'hard.yaml'));
    for (const out of ['soft.yaml', 'hard.yaml']) {
      const r = cli(['assess', 'x.yaml', '--format', 'json', '--output', out], { cwd: dir });
      expect(r.stderr).toBe(`error: --output ${out} is the answers file (x.yaml): writing there would destroy it; choose another file for --output\n`);
      expect(r.code).toBe(2);
    }
    untouched(join(dir, 'x.yaml'));
    expect(lstatSync(join(dir, 'soft.yaml')).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, 'hard.yaml')).nlink).toBe(2);
  });

  test('--chart and --output naming one file (new, or through a link) are refused before anything is written', () => {
    const dir = inputCopy();
    let r = cli(['assess', 'x.yaml', '--output', 'r.svg', '--chart', './r.svg'], { cwd: dir });
    expect(r.stderr).toBe('error: --output r.svg and --chart ./r.svg are the same file; give each output its own file\n');
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['x.yaml']);
    writeFileSync(join(dir, 'old.svg'), 'old');
    symlinkSync('old.svg', join(dir, 'chart.svg'));
    r = cli(['assess', 'x.yaml', '--output', 'old.svg', '--chart', 'chart.svg'], { cwd: dir });
    expect(r.stderr).toBe('error: --output old.svg and --chart chart.svg are the same file; give each output its own file\n');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'old.svg'), 'utf8')).toBe('old');
  });

  test('assess: the --rubric file, the rubric the answers file names, and the --cohort file are inputs too', () => {
    const dir = tempDir();
    for (const f of ['community-grants.rubric.yaml', 'pebblebrook-district.answers.yaml']) copyFileSync(join(root, 'examples', 'own-rubric', f), join(dir, f));
    const rubricText = readFileSync(join(dir, 'community-grants.rubric.yaml'), 'utf8');
    let r = cli(['assess', 'pebblebrook-district.answers.yaml', '--rubric', 'community-grants.rubric.yaml', '-o', 'community-grants.rubric.yaml'], { cwd: dir });
    expect(r.stderr).toBe(`error: --output community-grants.rubric.yaml is the --rubric file: writing there would destroy it; choose another file for --output\n`);
    expect(r.code).toBe(2);
    r = cli(['assess', 'pebblebrook-district.answers.yaml', '--chart', 'community-grants.rubric.yaml'], { cwd: dir });
    expect(r.stderr).toBe(
      `error: --chart community-grants.rubric.yaml is the rubric the answers file names: writing there would destroy it; choose another file for --chart\n`,
    );
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'community-grants.rubric.yaml'), 'utf8')).toBe(rubricText);

    expect(cli(['batch', example, '--format', 'json', '--output', join(dir, 'cohort.json')]).code).toBe(0);
    const cohort = readFileSync(join(dir, 'cohort.json'), 'utf8');
    r = cli(['assess', example, '--cohort', 'cohort.json', '--format', 'json', '--output', 'cohort.json'], { cwd: dir });
    expect(r.stderr).toBe('error: --output cohort.json is the --cohort file: writing there would destroy it; choose another file for --output\n');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'cohort.json'), 'utf8')).toBe(cohort);
  });

  test('compare, batch and merge refuse to write over one of their inputs', () => {
    const dir = inputCopy();
    writeFileSync(join(dir, 'y.yaml'), exampleText);
    let r = cli(['compare', 'x.yaml', 'y.yaml', '--output', 'y.yaml'], { cwd: dir });
    expect(r.stderr).toBe('error: --output y.yaml is the "after" answers file: writing there would destroy it; choose another file for --output\n');
    expect(r.code).toBe(2);

    r = cli(['batch', '.', '--format', 'csv', '--output', 'x.yaml'], { cwd: dir });
    expect(r.stderr).toBe('error: --output x.yaml is one of the answers files: writing there would destroy it; choose another file for --output\n');
    expect(r.code).toBe(2);
    untouched(join(dir, 'x.yaml'));
    untouched(join(dir, 'y.yaml'));

    mkdirSync(join(dir, 'parts'));
    expect(cli(['batch', 'x.yaml', '--format', 'json', '--output', 'parts/a.json'], { cwd: dir }).code).toBe(0);
    expect(cli(['batch', 'y.yaml', '--format', 'json', '--output', 'parts/b.json'], { cwd: dir }).code).toBe(0);
    const b = readFileSync(join(dir, 'parts', 'b.json'), 'utf8');
    r = cli(['merge', 'parts/a.json', 'parts/b.json', '--output', './parts/b.json'], { cwd: dir });
    expect(r.stderr).toBe('error: --output ./parts/b.json is one of the files being merged: writing there would destroy it; choose another file for --output\n');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'parts', 'b.json'), 'utf8')).toBe(b);
  });
});

describe('template --output never replaces an existing file without --force', () => {
  test('an existing, filled-in answers file is left alone, exit 2, with the way out', () => {
    const dir = tempDir();
    const out = join(dir, 'leeds.answers.yaml');
    writeFileSync(out, exampleText);
    const r = cli(['template', '--output', out]);
    expect(r.stderr).toBe(`error: ${out} already exists; add --force to replace it, or choose another name\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(exampleText);
    expect(readdirSync(dir)).toEqual(['leeds.answers.yaml']);
  });

  test('a link to an existing file counts as the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'filled.yaml'), exampleText);
    symlinkSync('filled.yaml', join(dir, 'link.yaml'));
    const r = cli(['template', '--output', 'link.yaml'], { cwd: dir });
    expect(r.stderr).toBe(`error: link.yaml (${join(dir, 'filled.yaml')}) already exists; add --force to replace it, or choose another name\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'filled.yaml'), 'utf8')).toBe(exampleText);
  });

  test('--force replaces it; a new file needs no --force', () => {
    const dir = tempDir();
    const out = join(dir, 'leeds.answers.yaml');
    expect(cli(['template', '--output', out]).code).toBe(0);
    const blank = readFileSync(out, 'utf8');
    writeFileSync(out, exampleText);
    const r = cli(['template', '--output', out, '--force']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(blank);
  });

  test('--force never lets it write over its own --rubric file', () => {
    const dir = tempDir();
    const rubric = join(dir, 'mine.rubric.yaml');
    copyFileSync(join(root, 'examples', 'own-rubric', 'community-grants.rubric.yaml'), rubric);
    const before = readFileSync(rubric, 'utf8');
    const r = cli(['template', '--rubric', rubric, '--output', rubric, '--force']);
    expect(r.stderr).toBe(`error: --output ${rubric} is the rubric: writing there would destroy it; choose another file for --output\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(rubric, 'utf8')).toBe(before);
  });

  test('--force is in the help', () => {
    expect(cli(['template', '--help']).stdout).toMatch(/--force +let --output replace a file that already exists/);
  });
});
