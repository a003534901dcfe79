// Issue 13 item 2: `combine` through the built binary, against values worked out by hand from
// test/fixtures/team/combine (three officers of Testshire County Council, a county, and a late fourth).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, fixtures, tempDir } from '../helpers.js';

const source = join(fixtures, 'team', 'combine');

/** The fixtures copied to a fresh folder, so outputs land beside them and paths are short. */
function workspace(): string {
  const dir = tempDir();
  for (const name of readdirSync(source)) copyFileSync(join(source, name), join(dir, name));
  return dir;
}

const three = ['finance.answers.yaml', 'hr.answers.yaml', 'commissioning.answers.yaml'];
const NOT_APPLICABLE_WARNING =
  'finance.answers.yaml:10:3: alpha.a3: warning: does not apply to this council (only where type is unitary); its answer is kept but not scored';

describe('combine of three assessors', () => {
  const dir = workspace();
  const run = cli(['combine', ...three, '--output', 'team.yaml'], { cwd: dir });
  const written = readFileSync(join(dir, 'team.yaml'), 'utf8');
  const data = parse(written) as Record<string, unknown>;

  it('exits 0 and writes nothing to stdout when --output is given', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('says how far the assessors agree, on stderr, after the warning about the indicator that does not apply', () => {
    // a1 {3,1,2} and b2 {n/a,3} are disputed; b1 {unknown,2,1} differs by one; a2 {2,2}, a3 {1,unknown},
    // b3 {unknown,unknown} and g1 {n/a,n/a} agree; g2 has no answer, so 7 indicators have views.
    expect(run.stderr.split('\n')).toEqual([
      NOT_APPLICABLE_WARNING,
      '7 indicators: 3 agree, 1 differs by one level, 2 disputed: alpha.a1, beta.b2; 1 not applying to this council (kept, not scored): alpha.a3',
      '2 disputed indicators not yet settled: settle them with: council-resilience moderate team.yaml (or write agreed: in the file)',
      '',
    ]);
  });

  it('writes exactly the combined file SPEC describes: assessors in command-line order, the latest date, every view', () => {
    expect(data).toEqual({
      schemaVersion: 1,
      kind: 'answers',
      rubric: './team.rubric.yaml',
      council: { name: 'Testshire County Council', type: 'county' },
      assessedOn: '2026-11-03', // hr's; finance says 2026-10-01 and commissioning gives none
      assessors: ['Head of Finance', 'hr', 'Commissioning Lead'], // hr has no assessor: its file name without extensions
      answers: {
        // odd number of numbers: sorted 1,2,3, the middle one
        'alpha.a1': {
          score: 2,
          views: [
            { assessor: 'Head of Finance', score: 3, evidence: 'Budget book, p. 12', confidence: 'high' },
            { assessor: 'hr', score: 1 },
            { assessor: 'Commissioning Lead', score: 2 },
          ],
        },
        // commissioning did not answer: its view is left out, not written as empty
        'alpha.a2': { score: 2, views: [{ assessor: 'Head of Finance', score: 2 }, { assessor: 'hr', score: 2, confidence: 'low' }] },
        // unknown is not a number here: the one number wins; kept though it does not apply to a county
        'alpha.a3': { score: 1, views: [{ assessor: 'Head of Finance', score: 1 }, { assessor: 'hr', score: 'unknown' }] },
        // even number of numbers (1, 2): the lower of the two middle ones
        'beta.b1': {
          score: 1,
          views: [
            { assessor: 'Head of Finance', score: 'unknown' },
            { assessor: 'hr', score: 2 },
            { assessor: 'Commissioning Lead', score: 1 },
          ],
        },
        'beta.b2': { score: 3, views: [{ assessor: 'Head of Finance', score: 'n/a' }, { assessor: 'hr', score: 3, evidence: 'HR policy 2026' }] },
        // no numbers: unknown if any view is
        'beta.b3': { score: 'unknown', views: [{ assessor: 'Head of Finance', score: 'unknown' }, { assessor: 'Commissioning Lead', score: 'unknown' }] },
        'gamma.g1': { score: 'n/a', views: [{ assessor: 'Head of Finance', score: 'n/a' }, { assessor: 'Commissioning Lead', score: 'n/a' }] },
        // gamma.g2: nobody answered it (finance wrote null), so it is not in the file
      },
    });
  });

  it('says in its header that it was combined, from which files, and how to settle it', () => {
    const header = written.slice(0, written.indexOf('schemaVersion:'));
    expect(header.replace(/\n# /g, ' ')).toContain(
      '# Combined by council-resilience combine from 3 answers files, one view each: finance.answers.yaml, hr.answers.yaml, commissioning.answers.yaml.',
    );
    expect(header).toContain('`council-resilience moderate`');
    expect(header.replace(/\n# /g, ' ')).toContain('add agreed: with the reason');
    expect(written).toContain('  alpha.a1:   # disputed: views from 1 to 3\n');
    expect(written).toContain('  beta.b2:   # disputed: one view says n/a, another gives a level\n');
  });

  it('validates, and assess scores it as worked by hand', () => {
    expect(cli(['validate', 'team.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: 'team.yaml: valid answers for Testshire County Council (rubric "team-test", 7 of 8 answered)\n' });
    const report = cli(['assess', 'team.yaml', '--format', 'json'], { cwd: dir });
    expect(report.code).toBe(0);
    // The combined file says the council is a county, so alpha.a3 is left out of every score, with a warning.
    expect(report.stderr).toMatch(/^team\.yaml:\d+:3: alpha\.a3: warning: does not apply to this council/);
    const json = JSON.parse(report.stdout) as { overall: { score: number; coverage: number }; characteristics: { id: string; score: number | null }[]; notAssessed: string[] };
    const scores = Object.fromEntries(json.characteristics.map((c) => [c.id, c.score]));
    // alpha: a1 2 + a2 2 of 6 = 66.67; beta: b1 1 + b2 3 + b3 unknown 0 of 9 = 44.44; gamma: g1 n/a, g2 not assessed: null
    expect(scores.alpha).toBeCloseTo(400 / 6, 9);
    expect(scores.beta).toBeCloseTo(400 / 9, 9);
    expect(scores.gamma).toBeNull();
    expect(json.overall.score).toBeCloseTo((400 / 6 + 400 / 9) / 2, 9);
    // applicable: a1 a2 b1 b2 b3 g1 g2; answered: all but g2
    expect(json.overall.coverage).toBeCloseTo(6 / 7, 9);
    expect(json.notAssessed).toEqual(['gamma.g2']);
  });
});

describe('combine of four assessors (an even number of views)', () => {
  const dir = workspace();
  const run = cli(['combine', ...three, 'late.answers.yaml'], { cwd: dir });
  const data = parse(run.stdout) as { answers: Record<string, { score: unknown; views: { assessor: string; score: unknown }[] }>; assessedOn: string; assessors: string[] };

  it('takes the lower of the two middle numbers', () => {
    expect(run.code).toBe(0);
    // a1: 3, 1, 2, 0 -> 0 1 2 3 -> index floor(3/2) = 1 -> 1 (the mean would be 1.5, the upper median 2)
    expect(data.answers['alpha.a1']!.score).toBe(1);
    // b1: unknown, 2, 1, 3 -> 1 2 3 -> 2
    expect(data.answers['beta.b1']!.score).toBe(2);
    // g2: only the late officer answered
    expect(data.answers['gamma.g2']).toEqual({ score: 2, views: [{ assessor: 'Late Officer', score: 2 }] });
    expect(data.assessors).toEqual(['Head of Finance', 'hr', 'Commissioning Lead', 'Late Officer']);
    expect(data.assessedOn).toBe('2026-11-03');
  });

  it('counts b1 (1 to 3) as disputed now, and says the combined file is on stdout', () => {
    expect(run.stderr.split('\n').slice(1)).toEqual([
      '8 indicators: 4 agree, 0 differ by one level, 3 disputed: alpha.a1, beta.b1, beta.b2; 1 not applying to this council (kept, not scored): alpha.a3',
      '3 disputed indicators not yet settled: save the combined file with --output FILE, then settle them with: council-resilience moderate FILE',
      '',
    ]);
  });

  it('the order of the files is the order of the views, and the combined scores do not depend on it', () => {
    const reversed = cli(['combine', 'late.answers.yaml', ...[...three].reverse()], { cwd: dir });
    const other = parse(reversed.stdout) as typeof data;
    expect(other.assessors).toEqual(['Late Officer', 'Commissioning Lead', 'hr', 'Head of Finance']);
    expect(other.answers['alpha.a1']!.views.map((v) => v.assessor)).toEqual(['Late Officer', 'Commissioning Lead', 'hr', 'Head of Finance']);
    for (const key of Object.keys(data.answers)) expect(other.answers[key]!.score).toEqual(data.answers[key]!.score);
  });
});

describe('combine: small cases', () => {
  it('nothing disputed: the summary alone, with no moderate hint', () => {
    const dir = workspace();
    const agree = cli(['combine', 'hr.answers.yaml', 'late.answers.yaml'], { cwd: dir });
    // a1 {1,0}: differs by one; b1 {2,3}: differs by one; a2, a3, b2 hr only; g2 late only
    expect(agree.stderr).toBe('6 indicators: 4 agree, 2 differ by one level, 0 disputed\n');
  });

  it('files with no answers give a combined file with no answers, and say so', () => {
    const dir = workspace();
    const blank = (who: string) =>
      `schemaVersion: 1\nkind: answers\nrubric: team.rubric.yaml\ncouncil: { name: Testshire County Council }\nassessor: ${who}\nanswers: {}\n`;
    writeFileSync(join(dir, 'x.yaml'), blank('One'));
    writeFileSync(join(dir, 'y.yaml'), blank('Two'));
    const run = cli(['combine', 'x.yaml', 'y.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('no indicator is answered in any of these files\n');
    expect(parse(run.stdout)).toEqual({
      schemaVersion: 1,
      kind: 'answers',
      rubric: './team.rubric.yaml',
      council: { name: 'Testshire County Council' },
      assessors: ['One', 'Two'],
      answers: {},
    });
    expect(run.stdout).toContain('\nanswers: {}\n');
  });

  it('a built-in rubric is named by its id; a rubric file by its path from the output', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'out'));
    const run = cli(['combine', ...three, '--output', 'out/team.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect((parse(readFileSync(join(dir, 'out', 'team.yaml'), 'utf8')) as { rubric: string }).rubric).toBe('../team.rubric.yaml');
    expect(cli(['assess', 'out/team.yaml', '--format', 'json'], { cwd: dir }).code).toBe(0);
    const brackenford = (who: string, score: number) =>
      `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Brackenford Borough Council, type: unitary }\nassessor: ${who}\nanswers:\n  intent.strategic-plans: ${score}\n`;
    writeFileSync(join(dir, 'out', 'p.yaml'), brackenford('Policy', 2));
    writeFileSync(join(dir, 'out', 'q.yaml'), brackenford('Finance', 3));
    const builtin = cli(['combine', 'out/p.yaml', 'out/q.yaml'], { cwd: dir });
    expect(builtin.code).toBe(0);
    expect((parse(builtin.stdout) as { rubric: string }).rubric).toBe('eight-characteristics');
  });
});
