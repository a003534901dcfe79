// Issue 13 item 2: `combine --output` onto an existing combined file keeps each settled answer whose
// views did not change, drops `agreed` where they did and names it, and names every settled answer
// it leaves out: nothing a moderator settled is lost unannounced.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { cli, fixtures, tempDir } from '../helpers.js';

const source = join(fixtures, 'team', 'combine');

interface Detail {
  score: unknown;
  evidence?: string;
  agreed?: string;
  views?: { assessor: string; score: unknown; evidence?: string }[];
}
type Combined = { council: Record<string, string>; assessors: string[]; answers: Record<string, Detail> };

const three = ['finance.answers.yaml', 'hr.answers.yaml', 'commissioning.answers.yaml'];
const WARNING =
  'finance.answers.yaml:10:3: alpha.a3: warning: does not apply to this council (only where type is unitary); its answer is kept but not scored';

function workspace(): string {
  const dir = tempDir();
  for (const name of readdirSync(source)) copyFileSync(join(source, name), join(dir, name));
  return dir;
}

const read = (dir: string): Combined => parse(readFileSync(join(dir, 'team.yaml'), 'utf8')) as Combined;

/** The workshop's decisions, written into the combined file as a moderator would (here by the yaml library, in its own layout). */
function settle(dir: string): void {
  const file = read(dir) as unknown as { answers: Record<string, Detail> };
  Object.assign(file.answers['alpha.a1']!, { score: 3, evidence: 'Workshop, 1 December', agreed: 'The budget book shows it' });
  Object.assign(file.answers['beta.b2']!, { score: 2, agreed: 'The HR policy applies to us' });
  Object.assign(file.answers['beta.b3']!, { score: 0, agreed: 'Nobody knows, so 0' });
  Object.assign(file.answers['gamma.g1']!, { agreed: 'Not for a county' });
  writeFileSync(join(dir, 'team.yaml'), stringify(file));
  expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);
}

describe('combine again after a late file arrives', () => {
  const dir = workspace();
  expect(cli(['combine', ...three, '--output', 'team.yaml'], { cwd: dir }).code).toBe(0);
  settle(dir);
  const settled = read(dir);
  const run = cli(['combine', ...three, 'late.answers.yaml', '--output', 'team.yaml'], { cwd: dir });
  const after = read(dir);

  it('exits 0 and lists, by key, what it kept and what needs moderating again', () => {
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      WARNING,
      '8 indicators: 4 agree, 0 differ by one level, 3 disputed: alpha.a1, beta.b1, beta.b2; 1 not applying to this council (kept, not scored): alpha.a3',
      'kept 3 settled answers whose views did not change: beta.b2, beta.b3, gamma.g1',
      // Review 13 entry 5: the agreed evidence, which is not kept, is named too.
      'alpha.a1: needs moderating again: its views changed since it was settled at 3 ("The budget book shows it"), with agreed evidence "Workshop, 1 December"',
      '2 disputed indicators not yet settled: settle them with: council-resilience moderate team.yaml (or write agreed: in the file)',
      '',
    ]);
  });

  it('keeps each settled answer whose views did not change exactly as the moderator wrote it', () => {
    for (const key of ['beta.b2', 'beta.b3', 'gamma.g1']) expect(after.answers[key]).toEqual(settled.answers[key]);
    expect(after.answers['beta.b2']).toEqual({
      score: 2,
      agreed: 'The HR policy applies to us',
      views: [{ assessor: 'Head of Finance', score: 'n/a' }, { assessor: 'hr', score: 3, evidence: 'HR policy 2026' }],
    });
  });

  it("drops agreed (and the moderator's score and evidence) where a view was added, and combines it afresh", () => {
    // 3, 1, 2 and now 0: 0 1 2 3 -> the lower median 1
    expect(after.answers['alpha.a1']).toEqual({
      score: 1,
      views: [
        { assessor: 'Head of Finance', score: 3, evidence: 'Budget book, p. 12', confidence: 'high' },
        { assessor: 'hr', score: 1 },
        { assessor: 'Commissioning Lead', score: 2 },
        { assessor: 'Late Officer', score: 0 },
      ],
    });
    expect(after.assessors).toEqual(['Head of Finance', 'hr', 'Commissioning Lead', 'Late Officer']);
  });

  it('the file it wrote validates and scores the settled levels', () => {
    const report = cli(['assess', 'team.yaml', '--format', 'json'], { cwd: dir });
    expect(report.code).toBe(0);
    const json = JSON.parse(report.stdout) as { characteristics: { id: string; score: number | null }[] };
    const scores = Object.fromEntries(json.characteristics.map((c) => [c.id, c.score]));
    // alpha: a1 1 + a2 2 of 6; beta: b1 2 (1 2 3) + b2 2 (settled) + b3 0 (settled) of 9; gamma: g1 n/a, g2 2 of 3
    expect(scores.alpha).toBeCloseTo(300 / 6, 9);
    expect(scores.beta).toBeCloseTo(400 / 9, 9);
    expect(scores.gamma).toBeCloseTo(200 / 3, 9);
  });

  it('the same files again, in another order, keep every settlement (the views did not change, only their order)', () => {
    settle2(dir);
    const before = read(dir);
    const again = cli(['combine', 'late.answers.yaml', ...[...three].reverse(), '--output', 'team.yaml'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('kept 4 settled answers whose views did not change: alpha.a1, beta.b2, beta.b3, gamma.g1\n');
    expect(again.stderr).not.toContain('needs moderating again');
    const now = read(dir);
    for (const key of ['alpha.a1', 'beta.b2', 'beta.b3', 'gamma.g1']) {
      expect({ ...now.answers[key], views: undefined }).toEqual({ ...before.answers[key], views: undefined });
      expect(now.answers[key]!.views!.map((v) => v.assessor)).toEqual([...before.answers[key]!.views!.map((v) => v.assessor)].reverse());
    }
  });
});

/** Settles alpha.a1 again after it was reopened. */
function settle2(dir: string): void {
  const file = read(dir);
  Object.assign(file.answers['alpha.a1']!, { score: 2, agreed: 'Agreed at the second workshop' });
  writeFileSync(join(dir, 'team.yaml'), stringify(file));
}

describe('combine again with fewer files', () => {
  const dir = workspace();
  expect(cli(['combine', ...three, 'late.answers.yaml', '--output', 'team.yaml'], { cwd: dir }).code).toBe(0);
  settle(dir);
  const run = cli(['combine', 'hr.answers.yaml', 'late.answers.yaml', '--output', 'team.yaml'], { cwd: dir });
  const after = read(dir);

  it('names every settled answer it drops or reopens, with the level and reason it was settled at', () => {
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      '6 indicators: 4 agree, 2 differ by one level, 0 disputed',
      // Review 13 entry 5: the agreed evidence, which is not kept, is named too.
      'alpha.a1: needs moderating again: its views changed since it was settled at 3 ("The budget book shows it"), with agreed evidence "Workshop, 1 December"',
      'beta.b2: needs moderating again: its views changed since it was settled at 2 ("The HR policy applies to us")',
      'beta.b3: was settled at 0 ("Nobody knows, so 0"), but none of these files answers it now, so it is left out; combine the file that answered it too to keep it',
      'gamma.g1: was settled at n/a ("Not for a county"), but none of these files answers it now, so it is left out; combine the file that answered it too to keep it',
      // Review 13 entry 4: the council's type, which only the files left out gave, is named too.
      'not kept, because these files decide it: council.type: county (the files give none)',
      '2 answers to settle again: settle them with: council-resilience moderate team.yaml --all (or write agreed: in the file)',
      '',
    ]);
  });

  it('writes only what these files say', () => {
    expect(Object.keys(after.answers)).toEqual(['alpha.a1', 'alpha.a2', 'alpha.a3', 'beta.b1', 'beta.b2', 'gamma.g2']);
    expect(after.answers['beta.b2']).toEqual({ score: 3, views: [{ assessor: 'hr', score: 3, evidence: 'HR policy 2026' }] });
    expect(Object.values(after.answers).some((a) => a.agreed !== undefined)).toBe(false);
    // the first file names the council: hr.answers.yaml's name, without the spaces around it
    expect(after.council).toEqual({ name: 'testshire county council' });
    expect(after.assessors).toEqual(['hr', 'Late Officer']);
  });

  it('a changed piece of evidence in a view is a changed view', () => {
    const d = workspace();
    expect(cli(['combine', 'finance.answers.yaml', 'hr.answers.yaml', '--output', 'team.yaml'], { cwd: d }).code).toBe(0);
    const file = read(d);
    Object.assign(file.answers['beta.b2']!, { agreed: 'Settled' });
    writeFileSync(join(d, 'team.yaml'), stringify(file));
    writeFileSync(join(d, 'hr.answers.yaml'), readFileSync(join(d, 'hr.answers.yaml'), 'utf8').replace('HR policy 2026', 'HR policy 2027'));
    const run2 = cli(['combine', 'finance.answers.yaml', 'hr.answers.yaml', '--output', 'team.yaml'], { cwd: d });
    expect(run2.stderr).toContain('beta.b2: needs moderating again: its views changed since it was settled at 3 ("Settled")\n');
    expect(read(d).answers['beta.b2']!.agreed).toBeUndefined();
  });
});
