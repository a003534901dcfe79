// Review 13, entries 3 and 9, through the built binary in a terminal (script(1) gives it one):
// - 3: `interview` on a combined file (assessors: or views) is refused before anything is asked or
//   written, whichever way it lands on the file (--answers, --resume, the council's name);
// - 9: `interview --assessor X` on a file whose assessor: is someone else is refused before anything
//   is written; a file that names nobody yet takes the name.
// Each refused file is byte-identical afterwards.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bin, root, tempDir } from '../helpers.js';

const example = (name: string) => join(root, 'examples', 'team', name);
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript && process.env.CI === 'true') throw new Error('script(1) is required in CI');
if (!hasScript) console.warn('SKIPPED: the interview refusals need script(1) (util-linux) for a terminal; they run in CI.');
const maybe = hasScript ? test : test.skip;

/** The built binary in a terminal: the screen's lines (controls removed) and the exit code. */
function terminal(args: string, cwd: string, typed = '') {
  const r = spawnSync('script', ['-qec', `NO_COLOR=1 ${process.execPath} ${bin} interview ${args}`, '/dev/null'], {
    encoding: 'utf8',
    timeout: 20000,
    input: typed,
    cwd,
  });
  return screenOf(r);
}

/** The same, pressing Ctrl-C once the first question is on the screen (after a few seconds). */
function terminalThenCtrlC(args: string, cwd: string) {
  const command = `NO_COLOR=1 ${process.execPath} ${bin} interview ${args}`;
  const r = spawnSync('sh', ['-c', `(sleep 4; printf '\\003'; sleep 2) | script -qec "$0" /dev/null`, command], { encoding: 'utf8', timeout: 20000, cwd });
  return screenOf(r);
}

function screenOf(r: { stdout: string; status: number | null }) {
  // eslint-disable-next-line no-control-regex
  const screen = r.stdout.replace(/\r/g, '').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  return { screen, lines: screen.split('\n').filter((l) => l !== ''), code: r.status };
}

const COMBINED = (file: string) =>
  `error: ${file} is a combined file (it holds several assessors' views), so the interview will not change it; ` +
  `answer in your own file (interview --answers NEW-FILE) and combine again, or settle its answers with: council-resilience moderate ${file}`;

describe('interview on a combined file is refused before anything is asked or written (exit 2)', () => {
  maybe('--answers naming the combined file, with --only and --assessor', () => {
    const dir = tempDir();
    copyFileSync(example('combined.answers.yaml'), join(dir, 'team.yaml'));
    const before = readFileSync(join(dir, 'team.yaml'));
    const r = terminal(`--answers team.yaml --only approach.staff-in-communities --assessor 'Lead officer'`, dir);
    expect(r.screen).toBe(`${COMBINED('team.yaml')}\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'team.yaml')).equals(before)).toBe(true);
  });

  maybe('a file with assessors: and no views yet (nothing answered) is combined too', () => {
    const dir = tempDir();
    const text = readFileSync(example('hr.answers.yaml'), 'utf8')
      .replace(/^assessor: .*\n/m, 'assessors: [Head of HR, Head of Finance]\n')
      .replace(/\nanswers:[\s\S]*$/, '\nanswers: {}\n');
    writeFileSync(join(dir, 'team.yaml'), text);
    expect((parse(text) as { assessors: string[] }).assessors).toEqual(['Head of HR', 'Head of Finance']);
    const r = terminal('--answers team.yaml', dir);
    expect(r.screen).toBe(`${COMBINED('team.yaml')}\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toBe(text);
  });

  maybe('--resume landing on the combined file by the council\'s name', () => {
    const dir = tempDir();
    const file = join(dir, 'marlcombe-council.answers.yaml');
    copyFileSync(example('combined.answers.yaml'), file);
    const before = readFileSync(file);
    const r = terminal('--resume', dir, 'Marlcombe Council\r');
    expect(r.lines.at(-1)).toBe(COMBINED('marlcombe-council.answers.yaml'));
    expect(r.screen).not.toContain('Carrying on');
    expect(r.code).toBe(2);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  maybe('no --answers: the council\'s name lands on the combined file, refused before "Carry on from where it stopped?" is asked', () => {
    const dir = tempDir();
    const file = join(dir, 'marlcombe-council.answers.yaml');
    copyFileSync(example('combined.answers.yaml'), file);
    const before = readFileSync(file);
    const r = terminal('', dir, 'Marlcombe Council\r');
    expect(r.lines.at(-1)).toBe(COMBINED('marlcombe-council.answers.yaml'));
    expect(r.screen).not.toContain('Carry on');
    expect(r.code).toBe(2);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  maybe('--from another file with --answers naming the combined file', () => {
    const dir = tempDir();
    copyFileSync(example('combined.answers.yaml'), join(dir, 'team.yaml'));
    copyFileSync(example('hr.answers.yaml'), join(dir, 'hr.answers.yaml'));
    const before = readFileSync(join(dir, 'team.yaml'));
    const r = terminal('--from hr.answers.yaml --answers team.yaml --assessor X', dir);
    expect(r.screen).toBe(`${COMBINED('team.yaml')}\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'team.yaml')).equals(before)).toBe(true);
  });
});

describe("interview --assessor on another person's file is refused before anything is written (exit 2)", () => {
  const HR = 'Head of HR and Organisational Development';

  maybe("hr.answers.yaml by the Head of HR, --assessor 'Head of Finance'", () => {
    const dir = tempDir();
    copyFileSync(example('hr.answers.yaml'), join(dir, 'hr.answers.yaml'));
    const before = readFileSync(join(dir, 'hr.answers.yaml'));
    const r = terminal(`--answers hr.answers.yaml --only intent --assessor 'Head of Finance'`, dir);
    expect(r.screen).toBe(
      `error: hr.answers.yaml holds ${HR}'s answers (its assessor:); to answer as Head of Finance, start your own file with --answers head-of-finance.answers.yaml, or leave out --assessor to carry on with ${HR}'s\n`,
    );
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'hr.answers.yaml')).equals(before)).toBe(true);
  });

  maybe('in a folder: the file to start is suggested beside it', () => {
    const dir = tempDir();
    copyFileSync(example('hr.answers.yaml'), join(dir, 'hr.answers.yaml'));
    const r = terminal(`--answers ${dir}/hr.answers.yaml --assessor 'Head of Finance'`, root);
    expect(r.screen).toBe(
      `error: ${dir}/hr.answers.yaml holds ${HR}'s answers (its assessor:); to answer as Head of Finance, start your own file with --answers ${dir}/head-of-finance.answers.yaml, or leave out --assessor to carry on with ${HR}'s\n`,
    );
    expect(r.code).toBe(2);
  });

  maybe('the same person in another spelling is not refused, and the file keeps its own spelling (nothing is written before an answer)', () => {
    const dir = tempDir();
    copyFileSync(example('hr.answers.yaml'), join(dir, 'hr.answers.yaml'));
    const before = readFileSync(join(dir, 'hr.answers.yaml'));
    const r = terminalThenCtrlC(`--answers hr.answers.yaml --only intent --assessor ' head of hr and organisational development'`, dir);
    expect(r.screen).toContain('Carrying on with hr.answers.yaml (Marlcombe Council).');
    expect(r.screen).not.toContain('from now on it says');
    expect(r.code).toBe(130);
    expect(readFileSync(join(dir, 'hr.answers.yaml')).equals(before)).toBe(true);
  });

  maybe('a file that names nobody yet takes the --assessor', () => {
    const dir = tempDir();
    const text = readFileSync(example('hr.answers.yaml'), 'utf8').replace(/^assessor: .*\n/m, '');
    writeFileSync(join(dir, 'hr.answers.yaml'), text);
    const r = terminalThenCtrlC(`--answers hr.answers.yaml --only intent --assessor 'Head of Finance'`, dir);
    expect(r.code).toBe(130);
    expect((parse(readFileSync(join(dir, 'hr.answers.yaml'), 'utf8')) as { assessor: string }).assessor).toBe('Head of Finance');
  });
});
