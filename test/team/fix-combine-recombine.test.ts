// Review 13, entries 4 and 5: `combine --output` onto an existing combined file never drops what a
// person wrote there without naming it. Settled answers whose views did not change are kept (SPEC);
// besides them:
// - evidence and confidence typed on an unsettled answer whose views did not change are kept;
// - an answer with no views (added by hand) is kept while no file answers that indicator;
// - everything else is named on stderr by key: a score the views do not give with no agreed:, typed
//   evidence and confidence where the views changed or are gone, an answer with no views that the
//   files now answer, comments inside the answers, and a reopened or dropped settlement's agreed
//   evidence and confidence.
// Through the built binary, on Marlcombe's three files (examples/team).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, root, tempDir } from '../helpers.js';

const FILES = ['communities.answers.yaml', 'hr.answers.yaml', 'finance.answers.yaml'];
const SUMMARY = '30 indicators: 26 agree, 1 differs by one level, 3 disputed: approach.staff-in-communities, approach.devolved-budgets, partnership.shared-budgets';
const MODERATE = '3 disputed indicators not yet settled: settle them with: council-resilience moderate team.yaml (or write agreed: in the file)';

interface Detail {
  score: unknown;
  evidence?: string;
  confidence?: string;
  agreed?: string;
  views?: { assessor: string; score: unknown }[];
}

/** Marlcombe's files in a fresh folder, combined into team.yaml from `files`. */
function workspace(files = FILES): string {
  const dir = tempDir();
  for (const name of FILES) copyFileSync(join(root, 'examples', 'team', name), join(dir, name));
  const first = cli(['combine', ...files, '--output', 'team.yaml'], { cwd: dir });
  expect(first.code).toBe(0);
  return dir;
}

/** Replaces text that must be there exactly once. */
function edit(dir: string, name: string, from: string, to: string): void {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  expect(text.split(from).length).toBe(2);
  writeFileSync(path, text.replace(from, to));
}

const answers = (dir: string) => (parse(readFileSync(join(dir, 'team.yaml'), 'utf8')) as { answers: Record<string, unknown> }).answers;
const block = (dir: string, key: string) => {
  const lines = readFileSync(join(dir, 'team.yaml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${key}:`));
  const end = lines.findIndex((l, i) => i > start && /^ {2}\S/.test(l));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
};

describe('hand edits on unsettled answers whose views did not change (the reviewer\'s case)', () => {
  const dir = workspace();
  edit(dir, 'team.yaml', 'answers:\n', 'answers:\n  # Lead officer: ask Finance about knowledge.asset-mapping again\n');
  edit(
    dir,
    'team.yaml',
    '  approach.devolved-budgets:   # disputed: one view says n/a, another gives a level\n    score: 1\n',
    '  approach.devolved-budgets:   # disputed: one view says n/a, another gives a level\n    score: 1   # lead: check the grants list\n    evidence: "Grants register 2026, tab 3"\n    confidence: low\n',
  );
  edit(dir, 'team.yaml', '  partnership.shared-budgets:   # disputed: views from 1 to 3\n    score: 1\n', '  partnership.shared-budgets:   # disputed: views from 1 to 3\n    score: 2\n');
  expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);
  const run = cli(['combine', ...FILES, '--output', 'team.yaml'], { cwd: dir });

  it('names each by key on stderr: the evidence and confidence kept, the score and the comments not kept', () => {
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      SUMMARY,
      'kept what was typed by hand on answers whose views did not change: evidence on approach.devolved-budgets ("Grants register 2026, tab 3"); confidence on approach.devolved-budgets (low)',
      'not kept, because it has no agreed: reason: partnership.shared-budgets score 2 (the views give 1); to keep a level the views do not give, settle it with moderate or write agreed: beside it',
      'comments inside the answers are not kept (under answers:, on approach.devolved-budgets); comments at the top of the file are, so move a note there to keep it',
      MODERATE,
      '',
    ]);
  });

  it('keeps the evidence and confidence in the file, beneath the combined score and above the views', () => {
    expect(block(dir, 'approach.devolved-budgets')).toBe(
      [
        '  approach.devolved-budgets:   # disputed: one view says n/a, another gives a level',
        '    score: 1',
        '    evidence: "Grants register 2026, tab 3"',
        '    confidence: low',
        '    views:',
        '      - { assessor: Head of Communities, score: n/a, evidence: "We have no devolved budgets, so this does not apply to us", confidence: low }',
        '      - { assessor: Head of Finance and Commissioning, score: 1, evidence: "Area forum grants of 10,000 pounds each are a small devolved budget", confidence: medium }',
      ].join('\n'),
    );
    expect((answers(dir)['partnership.shared-budgets'] as Detail).score).toBe(1);
    expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('a second run keeps them again and says so, and has no score or comment left to name', () => {
    const again = cli(['combine', ...FILES, '--output', 'team.yaml'], { cwd: dir });
    expect(again.stderr.split('\n')).toEqual([
      SUMMARY,
      'kept what was typed by hand on answers whose views did not change: evidence on approach.devolved-budgets ("Grants register 2026, tab 3"); confidence on approach.devolved-budgets (low)',
      MODERATE,
      '',
    ]);
  });
});

describe('hand edits on unsettled answers whose views changed, or whose indicator no file answers now', () => {
  const dir = workspace();
  // Typed on an answer whose views then change (HR's file is corrected) ...
  edit(dir, 'team.yaml', '  approach.community-teams:\n    score: 2\n', '  approach.community-teams:\n    score: 2\n    evidence: "Locality team structure chart"\n    confidence: high\n');
  edit(dir, 'hr.answers.yaml', '  approach.community-teams: 2\n', '  approach.community-teams: 3\n');
  // ... and on one only Finance answered, whose file is then left out.
  edit(dir, 'team.yaml', '  knowledge.spend-by-community:\n    score: 0\n', '  knowledge.spend-by-community:\n    score: 1\n    evidence: "Finance to check the ledger codes"\n');
  // A hand score the views do not give, whose views change under it (to 1 and 2: the lower median is 1) ...
  edit(dir, 'team.yaml', '  approach.staff-in-communities:   # disputed: views from 1 to 3\n    score: 1\n', '  approach.staff-in-communities:   # disputed: views from 1 to 3\n    score: 2\n');
  edit(dir, 'hr.answers.yaml', 'approach.staff-in-communities: { score: 3,', 'approach.staff-in-communities: { score: 2,');
  // ... and one that the views give now (Communities changes its answer to it): nothing is lost, so it is not named.
  edit(dir, 'team.yaml', '  intent.service-trap:\n    score: 1\n', '  intent.service-trap:\n    score: 2\n');
  edit(dir, 'communities.answers.yaml', '  intent.service-trap: 1\n', '  intent.service-trap: 2\n');
  expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);
  const run = cli(['combine', 'communities.answers.yaml', 'hr.answers.yaml', '--output', 'team.yaml'], { cwd: dir });

  it('names the evidence and confidence not kept, by why, and the score that is no longer one the views give', () => {
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      '20 indicators: 18 agree, 2 differ by one level, 0 disputed',
      // Finance's file, the latest, is left out: the date is the latest of these files'.
      'not kept, because these files decide it: assessedOn: 2026-10-12 (the files give 2026-10-09)',
      'not kept, because it has no agreed: reason: approach.staff-in-communities score 2 (the views give 1); to keep a level the views do not give, settle it with moderate or write agreed: beside it',
      'not kept, because their views changed: evidence typed by hand on approach.community-teams ("Locality team structure chart"); confidence typed by hand on approach.community-teams (high)',
      'not kept, because none of these files answers them now: score 1 typed by hand on knowledge.spend-by-community; evidence typed by hand on knowledge.spend-by-community ("Finance to check the ledger codes")',
      '',
    ]);
    expect(answers(dir)['approach.community-teams']).toEqual({
      score: 2,
      views: [
        { assessor: 'Head of Communities', score: 2, evidence: 'Locality team of nine officers covering the six areas', confidence: 'high' },
        { assessor: 'Head of HR and Organisational Development', score: 3 },
      ],
    });
    expect(answers(dir)['knowledge.spend-by-community']).toBeUndefined();
    expect((answers(dir)['approach.staff-in-communities'] as Detail).score).toBe(1);
    expect(answers(dir)['intent.service-trap']).toEqual({ score: 2, views: [{ assessor: 'Head of Communities', score: 2 }] });
  });
});

describe('answers with no views, added by hand', () => {
  const dir = workspace(['hr.answers.yaml', 'finance.answers.yaml']);
  const text = readFileSync(join(dir, 'team.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'team.yaml'),
    `${text}  intent.strategic-plans: { score: 2, evidence: "Council Plan, theme 3 (lead officer)" }\n  intent.service-trap: 1\n  intent.defined-approach: unknown\n`,
  );
  expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);

  it('are kept as they are while no file answers them, and named', () => {
    const run = cli(['combine', 'hr.answers.yaml', 'finance.answers.yaml', '--output', 'team.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      '21 indicators: 21 agree, 0 differ by one level, 0 disputed',
      'kept 3 answers with no views, as typed by hand (no file answers them): intent.strategic-plans (2, evidence "Council Plan, theme 3 (lead officer)"); intent.defined-approach (unknown); intent.service-trap (1)',
      '',
    ]);
    // In rubric order among the answers with views, each as it was.
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toContain(
      'answers:\n  intent.strategic-plans:\n    score: 2\n    evidence: "Council Plan, theme 3 (lead officer)"\n  intent.defined-approach: unknown\n  intent.budget-and-demand:\n',
    );
    expect(readFileSync(join(dir, 'team.yaml'), 'utf8')).toContain(
      '      - { assessor: Head of Finance and Commissioning, score: 1, evidence: "The MTFS names prevention but puts no figure on it", confidence: high }\n  intent.service-trap: 1\n  approach.community-teams:\n',
    );
    expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('are replaced by the views once a file answers them, and named with what they said', () => {
    const run = cli(['combine', ...FILES, '--output', 'team.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      SUMMARY,
      'not kept, because these files now give views for them: 3 answers with no views: intent.strategic-plans (2, evidence "Council Plan, theme 3 (lead officer)"); intent.defined-approach (unknown); intent.service-trap (1)',
      MODERATE,
      '',
    ]);
    expect(answers(dir)['intent.defined-approach']).toEqual({
      score: 2,
      views: [{ assessor: 'Head of Communities', score: 2, evidence: "Community Wealth and Power strategy, draft for cabinet in January", confidence: 'medium' }],
    });
  });
});

describe("a settlement's agreed evidence and confidence are named when it is reopened or left out (entry 5)", () => {
  const dir = workspace();
  edit(
    dir,
    'team.yaml',
    '  approach.staff-in-communities:   # disputed: views from 1 to 3\n    score: 1\n',
    '  approach.staff-in-communities:   # disputed: views from 1 to 3\n    score: 2\n    evidence: "HR quarterly staff profile"\n    confidence: medium\n    agreed: "Counts exist, services do not use them"\n',
  );
  edit(dir, 'team.yaml', '  governance.lead-director:\n    score: 3\n', '  governance.lead-director:\n    score: 3\n    confidence: high\n    agreed: "Confirmed at the workshop"\n');
  edit(dir, 'hr.answers.yaml', 'approach.staff-in-communities: { score: 3,', 'approach.staff-in-communities: { score: 2,');
  expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);

  it('reopened: the level, reason, evidence and confidence are all in the line', () => {
    const run = cli(['combine', ...FILES, '--output', 'team.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      '30 indicators: 26 agree, 2 differ by one level, 2 disputed: approach.devolved-budgets, partnership.shared-budgets',
      'kept 1 settled answer whose views did not change: governance.lead-director',
      'approach.staff-in-communities: needs moderating again: its views changed since it was settled at 2 ("Counts exist, services do not use them"), with agreed evidence "HR quarterly staff profile" and confidence medium',
      '2 disputed indicators not yet settled and 1 answer to settle again: settle them with: council-resilience moderate team.yaml --all (or write agreed: in the file)',
      '',
    ]);
    expect(answers(dir)['approach.staff-in-communities']).not.toHaveProperty('evidence');
  });

  it('left out: the same, for a settlement no file answers now', () => {
    const run = cli(['combine', 'communities.answers.yaml', 'finance.answers.yaml', '--output', 'team.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toContain(
      'governance.lead-director: was settled at 3 ("Confirmed at the workshop"), with agreed confidence high, but none of these files answers it now, so it is left out; combine the file that answered it too to keep it',
    );
  });
});

describe('fields outside the answers typed into the combined file', () => {
  const dir = workspace();
  // No file gives the council's type now (Communities' and HR's files, the ones that did, are corrected) ...
  edit(dir, 'hr.answers.yaml', 'council: { name: Marlcombe Council, type: unitary }', 'council: { name: Marlcombe Council }');
  edit(dir, 'communities.answers.yaml', 'council: { name: Marlcombe Council, type: unitary }', 'council: { name: Marlcombe Council }');
  // ... and the lead typed a date and an assessor: (as the interview used to write) into the combined file.
  edit(dir, 'team.yaml', 'assessedOn: 2026-10-12\n', 'assessedOn: 2026-11-30\nassessor: Lead officer\n');
  expect(cli(['validate', 'team.yaml'], { cwd: dir }).code).toBe(0);
  const run = cli(['combine', ...FILES, '--output', 'team.yaml'], { cwd: dir });

  it('names the profile answer, date and assessor: it does not keep (the files decide them)', () => {
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      SUMMARY,
      "not kept, because these files decide them: council.type: unitary (the files give none); assessedOn: 2026-11-30 (the files give 2026-10-12); assessor: Lead officer (a combined file lists its views' names under assessors: instead)",
      MODERATE,
      '',
    ]);
    const file = parse(readFileSync(join(dir, 'team.yaml'), 'utf8')) as { council: unknown; assessedOn: string; assessor?: string };
    expect(file.council).toEqual({ name: 'Marlcombe Council' });
    expect(file.assessedOn).toBe('2026-10-12');
    expect(file.assessor).toBeUndefined();
  });

  it('a profile answer a file gives differently is the file\'s, and named', () => {
    edit(dir, 'team.yaml', '  name: Marlcombe Council\n', '  name: Marlcombe Council\n  type: unitary\n');
    edit(dir, 'finance.answers.yaml', 'council: { name: Marlcombe Council }', 'council: { name: Marlcombe Council, type: county }');
    const again = cli(['combine', ...FILES, '--output', 'team.yaml'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr.split('\n')).toContain('not kept, because these files decide it: council.type: unitary (the files give county)');
    expect((parse(readFileSync(join(dir, 'team.yaml'), 'utf8')) as { council: unknown }).council).toEqual({ name: 'Marlcombe Council', type: 'county' });
  });
});
