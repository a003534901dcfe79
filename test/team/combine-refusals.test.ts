// Issue 13 item 2: every file combine refuses, with its exact one-line message and exit 2, and
// files on disk left as they were.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixtures, tempDir } from '../helpers.js';

const source = join(fixtures, 'team', 'combine');

function workspace(): string {
  const dir = tempDir();
  for (const name of readdirSync(source)) copyFileSync(join(source, name), join(dir, name));
  return dir;
}

/** A file in the workspace: one of the fixtures with `edit` applied. */
function variant(dir: string, from: string, to: string, edit: (text: string) => string): string {
  writeFileSync(join(dir, to), edit(readFileSync(join(dir, from), 'utf8')));
  return to;
}

function refused(dir: string, args: string[]): string {
  const run = cli(['combine', ...args], { cwd: dir });
  expect(run.stdout).toBe('');
  expect(run.code).toBe(2);
  return run.stderr;
}

describe('combine refuses', () => {
  it('fewer than two files (a usage error)', () => {
    const dir = workspace();
    expect(refused(dir, ['hr.answers.yaml'])).toBe('error: combine needs two or more answers files, one from each assessor; only hr.answers.yaml was given\n');
    expect(refused(dir, [])).toBe("error: missing required argument 'answers'\n(add --help for usage)\n");
  });

  it('another council, naming the file and the line of its name (compared trimmed and case-insensitively)', () => {
    const dir = workspace();
    const other = variant(dir, 'commissioning.answers.yaml', 'other.answers.yaml', (t) => t.replace('Testshire County Council', 'Otherton District Council'));
    // hr.answers.yaml's "  testshire county council " is the same council
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', other])).toBe(
      'other.answers.yaml:4:18: council.name: "Otherton District Council" is another council: finance.answers.yaml is for "Testshire County Council"; combine only one council\'s files\n',
    );
  });

  it('another rubric: another id, another version, or the same id and version with other content', () => {
    const dir = workspace();
    const builtin = variant(dir, 'commissioning.answers.yaml', 'builtin.answers.yaml', (t) =>
      t.replace('rubric: team.rubric.yaml', 'rubric: eight-characteristics').replace(/^answers:\n(.*\n)*/m, 'answers: {}\n'),
    );
    expect(refused(dir, ['finance.answers.yaml', builtin])).toBe(
      'builtin.answers.yaml:3:9: rubric: this file is answered against rubric "eight-characteristics" and finance.answers.yaml against "team-test"; combine only files of one rubric\n',
    );
    variant(dir, 'team.rubric.yaml', 'v2.rubric.yaml', (t) => t.replace('version: 0.1.0', 'version: 0.2.0'));
    const v2 = variant(dir, 'commissioning.answers.yaml', 'v2.answers.yaml', (t) => t.replace('team.rubric.yaml', 'v2.rubric.yaml'));
    expect(refused(dir, ['finance.answers.yaml', v2])).toBe(
      'v2.answers.yaml:3:9: rubric: this file is answered against rubric "team-test" version 0.2.0 and finance.answers.yaml against version 0.1.0; combine only files of one rubric version\n',
    );
    variant(dir, 'team.rubric.yaml', 'changed.rubric.yaml', (t) => t.replace('question: A one?', 'question: A one at all?'));
    const changed = variant(dir, 'commissioning.answers.yaml', 'changed.answers.yaml', (t) => t.replace('team.rubric.yaml', 'changed.rubric.yaml'));
    expect(refused(dir, ['finance.answers.yaml', changed])).toBe(
      'changed.answers.yaml:3:9: rubric: this file\'s rubric (rubric changed.rubric.yaml) and finance.answers.yaml\'s (rubric team.rubric.yaml) share the id "team-test" and version 0.1.0 but their content differs; combine only files of one rubric, or give a changed rubric a new version\n',
    );
  });

  it('the same rubric file named by two paths is one rubric', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'late.yaml'), readFileSync(join(dir, 'late.answers.yaml'), 'utf8').replace('team.rubric.yaml', '../team.rubric.yaml'));
    expect(cli(['combine', 'finance.answers.yaml', 'sub/late.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('profile fields that two files give differently (a field one file leaves out is no disagreement)', () => {
    const dir = workspace();
    const unitary = variant(dir, 'commissioning.answers.yaml', 'unitary.answers.yaml', (t) => t.replace('type: county', 'type: unitary'));
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', unitary])).toBe(
      'unitary.answers.yaml:4:50: council.type: "unitary" disagrees with finance.answers.yaml, which gives type: county; the files must agree on the council (give it in one file, or the same in each)\n',
    );
  });

  it('two views with one name: by assessor (trimmed, any case), by file name, and one of each', () => {
    const dir = workspace();
    const twin = variant(dir, 'commissioning.answers.yaml', 'twin.answers.yaml', (t) => t.replace('assessor: Commissioning Lead', 'assessor: " head of FINANCE"'));
    expect(refused(dir, ['finance.answers.yaml', twin])).toBe(
      'twin.answers.yaml:5:11: assessor: "head of FINANCE" is also the assessor of finance.answers.yaml; each file must be one assessor\'s view: give each its own assessor:\n',
    );
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'hr.yaml'), readFileSync(join(dir, 'hr.answers.yaml'), 'utf8').replace('team.rubric.yaml', '../team.rubric.yaml'));
    expect(refused(dir, ['hr.answers.yaml', 'finance.answers.yaml', 'sub/hr.yaml'])).toBe(
      'sub/hr.yaml:1:1: this file has no assessor:, so its view is named "hr" after its file name, which is also the name of hr.answers.yaml\'s view (after its file name, as it has no assessor:); give each file its own assessor:\n',
    );
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', 'finance.answers.yaml'])).toBe(
      "finance.answers.yaml:6:11: assessor: this file is named twice; give each assessor's file once\n",
    );
    // The same file by another path, or through a link, is the same file named twice, not a second assessor.
    symlinkSync(join(dir, 'finance.answers.yaml'), join(dir, 'link.yaml'));
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', './finance.answers.yaml', 'link.yaml'])).toBe(
      "./finance.answers.yaml:6:11: assessor: this is the same file as finance.answers.yaml, named twice; give each assessor's file once\n" +
        "link.yaml:6:11: assessor: this is the same file as finance.answers.yaml, named twice; give each assessor's file once\n",
    );
    const named = variant(dir, 'commissioning.answers.yaml', 'named.answers.yaml', (t) => t.replace('assessor: Commissioning Lead', 'assessor: HR'));
    expect(refused(dir, ['hr.answers.yaml', named])).toBe(
      'named.answers.yaml:5:11: assessor: "HR" is also the name of hr.answers.yaml\'s view (after its file name, as it has no assessor:); each file must be one assessor\'s view: give each its own assessor:\n',
    );
  });

  it('a file that is already combined, at its first views (or its assessors: list)', () => {
    const dir = workspace();
    expect(cli(['combine', 'finance.answers.yaml', 'hr.answers.yaml', '--output', 'team.yaml'], { cwd: dir }).code).toBe(0);
    const line = readFileSync(join(dir, 'team.yaml'), 'utf8').split('\n').indexOf('    views:') + 1;
    expect(refused(dir, ['commissioning.answers.yaml', 'team.yaml'])).toBe(
      `team.yaml:${line}:5: alpha.a1.views: this file is already combined (it holds several assessors' views); combine the individual assessors' files instead\n`,
    );
    const listed = variant(dir, 'commissioning.answers.yaml', 'listed.answers.yaml', (t) => t.replace('kind: answers\n', 'kind: answers\nassessors: [One, Two]\n'));
    expect(refused(dir, ['finance.answers.yaml', listed])).toBe(
      "listed.answers.yaml:3:1: assessors: this file is already combined (it holds several assessors' views); combine the individual assessors' files instead\n",
    );
  });

  it('lists every refused file at once, in command-line order, and prints no warnings before them', () => {
    const dir = workspace();
    const other = variant(dir, 'commissioning.answers.yaml', 'other.answers.yaml', (t) => t.replace('Testshire County Council', 'Otherton District Council'));
    const unitary = variant(dir, 'late.answers.yaml', 'unitary.answers.yaml', (t) => t.replace('{ name: Testshire County Council }', '{ name: Testshire County Council, type: unitary }'));
    const lines = refused(dir, ['finance.answers.yaml', other, unitary]).split('\n');
    expect(lines.map((l) => l.replace(/:.*/, ''))).toEqual(['other.answers.yaml', 'unitary.answers.yaml', '']);
  });

  it('a file with mistakes of its own: every mistake of every file, located', () => {
    const dir = workspace();
    const bad = variant(dir, 'commissioning.answers.yaml', 'bad.answers.yaml', (t) => t.replace('alpha.a1: 2', 'alpha.a1: 7'));
    const worse = variant(dir, 'late.answers.yaml', 'worse.answers.yaml', (t) => t.replace('beta.b1: 3', 'beta.bb1: 3'));
    expect(refused(dir, ['finance.answers.yaml', bad, worse])).toBe(
      'bad.answers.yaml:7:13: alpha.a1: 7 is not on the scale 0-3\n' +
        'worse.answers.yaml:9:3: beta.bb1: not an indicator of rubric "team-test"; did you mean "beta.b1"?\n',
    );
  });
});

describe('combine --output', () => {
  it('never writes over one of its inputs or the rubric', () => {
    const dir = workspace();
    const before = readFileSync(join(dir, 'hr.answers.yaml'), 'utf8');
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', '--output', 'hr.answers.yaml'])).toBe(
      'error: --output hr.answers.yaml is one of the answers files: writing there would destroy it; choose another file for --output\n',
    );
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', '--output', 'team.rubric.yaml'])).toBe(
      'error: --output team.rubric.yaml is the rubric the answers files name: writing there would destroy it; choose another file for --output\n',
    );
    expect(readFileSync(join(dir, 'hr.answers.yaml'), 'utf8')).toBe(before);
  });

  it('never replaces an existing file that is not a combined file of this council and rubric, and says how to go on', () => {
    const dir = workspace();
    const cases: [string, string, string][] = [
      ['plain.yaml', readFileSync(join(dir, 'late.answers.yaml'), 'utf8'), "it is an answers file, but not a combined one (it has no assessors' views)"],
      ['notes.txt', 'Workshop on Tuesday\n', 'cannot be read as a combined answers file (notes.txt:1:1: expected a mapping with "kind: answers", but the file holds a single value)'],
    ];
    for (const [name, text, why] of cases) {
      writeFileSync(join(dir, name), text);
      const advice = name === 'notes.txt' ? 'correct it if it is one (its settled answers are carried over), or choose another --output' : 'choose another --output, or move that file away first';
      expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', '--output', name])).toBe(
        `error: --output ${name} already exists and ${why}, so combine will not replace it; ${advice}\n`,
      );
      expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
    }
    // A combined file a moderator mistyped a level in: nothing is replaced until it is corrected.
    expect(cli(['combine', 'finance.answers.yaml', 'hr.answers.yaml', '--output', 'typo.yaml'], { cwd: dir }).code).toBe(0);
    const typo = readFileSync(join(dir, 'typo.yaml'), 'utf8').replace('    score: 1\n', '    score: 7\n    agreed: "we said 7"\n');
    writeFileSync(join(dir, 'typo.yaml'), typo);
    const line = typo.split('\n').indexOf('    score: 7') + 1;
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', '--output', 'typo.yaml'])).toBe(
      `error: --output typo.yaml already exists and cannot be read as a combined answers file (typo.yaml:${line}:12: alpha.a1.score: 7 is not on the scale 0-3), so combine will not replace it; correct it if it is one (its settled answers are carried over), or choose another --output\n`,
    );
    expect(readFileSync(join(dir, 'typo.yaml'), 'utf8')).toBe(typo);
    // A combined file of another council: combine two of its files, then try to write over it.
    const a = variant(dir, 'commissioning.answers.yaml', 'o1.yaml', (t) => t.replace('Testshire County Council', 'Otherton District Council'));
    const b = variant(dir, 'late.answers.yaml', 'o2.yaml', (t) => t.replace('Testshire County Council', 'Otherton District Council'));
    expect(cli(['combine', a, b, '--output', 'otherton.yaml'], { cwd: dir }).code).toBe(0);
    const otherton = readFileSync(join(dir, 'otherton.yaml'), 'utf8');
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', '--output', 'otherton.yaml'])).toBe(
      'error: --output otherton.yaml already exists and it is a combined file of another council ("Otherton District Council"), so combine will not replace it; choose another --output, or move that file away first\n',
    );
    expect(readFileSync(join(dir, 'otherton.yaml'), 'utf8')).toBe(otherton);
    // A combined file of another rubric version.
    variant(dir, 'team.rubric.yaml', 'v2.rubric.yaml', (t) => t.replace('version: 0.1.0', 'version: 0.2.0'));
    const c = variant(dir, 'commissioning.answers.yaml', 'v2a.yaml', (t) => t.replace('team.rubric.yaml', 'v2.rubric.yaml'));
    const d = variant(dir, 'late.answers.yaml', 'v2b.yaml', (t) => t.replace('team.rubric.yaml', 'v2.rubric.yaml'));
    expect(cli(['combine', c, d, '--output', 'v2.yaml'], { cwd: dir }).code).toBe(0);
    expect(refused(dir, ['finance.answers.yaml', 'hr.answers.yaml', '--output', 'v2.yaml'])).toBe(
      'error: --output v2.yaml already exists and it is a combined file of another rubric ("team-test" version 0.2.0), so combine will not replace it; choose another --output, or move that file away first\n',
    );
  });
});

describe('validate checks the views of a combined file', () => {
  it('a view off the scale, two views by one assessor, and agreed with no views, each located', () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'hand.yaml'),
      [
        'schemaVersion: 1',
        'kind: answers',
        'rubric: team.rubric.yaml',
        'council: { name: Testshire County Council }',
        'assessors: [One, Two]',
        'answers:',
        '  alpha.a1:',
        '    score: 2',
        '    views:',
        '      - { assessor: One, score: 5 }',
        '      - { assessor: two, score: 2 }',
        '      - { assessor: " TWO", score: 1 }',
        '  alpha.a2: { score: 1, agreed: "we said so" }',
        '',
      ].join('\n'),
    );
    const run = cli(['validate', 'hand.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'hand.yaml:10:33: alpha.a1.views[0].score: 5 is not on the scale 0-3\n' +
        'hand.yaml:12:21: alpha.a1.views[2].assessor: " TWO" already gives a view of this indicator (views[1]); each assessor has one view\n' +
        "hand.yaml:13:25: alpha.a2.agreed: agreed: is the reason assessors' views were settled, but this answer has no views; remove it, or combine the assessors' files (council-resilience combine)\n",
    );
  });
});
