// The worked example of docs/writing-a-rubric.md: its numbers, worked by hand in the guide, and the
// validate messages the guide shows, so the guide cannot drift from what the tool does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const rubricFile = 'examples/own-rubric/community-grants.rubric.yaml';
const answersFile = 'examples/own-rubric/pebblebrook-district.answers.yaml';
const guide = readFileSync(join(root, 'docs', 'writing-a-rubric.md'), 'utf8');

describe('the worked example of writing a rubric', () => {
  test('both files validate', () => {
    const r = cli(['validate', rubricFile, answersFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${rubricFile}: valid rubric "community-grants" version 0.1.0 (2 characteristics, 4 indicators)\n` +
        `${answersFile}: valid answers for Pebblebrook District Council (rubric "community-grants", 4 of 4 answered)\n`,
    );
  });

  test('scores match the guide: access 4/6, decisions 1/4, overall (2 x 66.7 + 25) / 3', () => {
    const r = cli(['assess', answersFile, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    const [access, decisions] = report.characteristics;
    expect(access.score).toBeCloseTo((100 * 4) / 6, 10);
    expect(access.band).toBe('Established');
    expect(decisions.score).toBeCloseTo(25, 10);
    expect(decisions.band).toBe('Early days');
    expect(report.overall.score).toBeCloseTo((2 * ((100 * 4) / 6) + 25) / 3, 10);
    expect(report.overall.band).toBe('Established');
    expect(report.overall.coverage).toBe(1);
    expect(report.gaps.map((g: { key: string; priority: number; nextStep: string }) => [g.key, g.priority])).toEqual([
      ['access.one-route', 4],
      ['decisions.community-panel', 2],
      ['decisions.two-tier-fit', 1],
    ]);
    expect(report.gaps[0].nextStep).toBe('Name an officer to keep the list up to date and check it every quarter.');
    expect(report.gaps[1]).toMatchObject({ score: 0, unknown: true });
  });

  test('as a unitary council, the two-tier indicator is kept with a warning but not scored (overall 44.4)', () => {
    const dir = tempDir();
    const text = readFileSync(join(root, answersFile), 'utf8')
      .replace('type: district', 'type: unitary')
      .replace('rubric: community-grants.rubric.yaml', `rubric: ${join(root, rubricFile)}`);
    writeFileSync(join(dir, 'unitary.yaml'), text);
    const r = cli(['assess', 'unitary.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'unitary.yaml:13:3: decisions.two-tier-fit: warning: does not apply to this council (only where type is county or district); its answer is kept but not scored\n',
    );
    const report = JSON.parse(r.stdout);
    expect(report.characteristics[1].score).toBe(0);
    expect(report.overall.score).toBeCloseTo((2 * ((100 * 4) / 6)) / 3, 10);
    expect(report.overall.band).toBe('Early days');
  });

  test('a template for the rubric, written elsewhere, points back at it and scores as nothing answered', () => {
    const dir = tempDir();
    const out = join(dir, 'blank.yaml');
    expect(cli(['template', '--rubric', join(root, rubricFile), '--output', out]).code).toBe(0);
    const r = cli(['assess', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rubric.id).toBe('community-grants');
    expect(report.overall.score).toBeNull();
    expect(report.notAssessed).toEqual(['access.one-route', 'access.plain-forms', 'decisions.community-panel', 'decisions.two-tier-fit']);
  });

  test('batch and compare work with answers files that name the rubric by path', () => {
    const dir = tempDir();
    const next = readFileSync(join(root, answersFile), 'utf8')
      .replace('rubric: community-grants.rubric.yaml', `rubric: ${join(root, rubricFile)}`)
      .replace('decisions.community-panel: unknown', 'decisions.community-panel: 2');
    writeFileSync(join(dir, 'pebblebrook-2027.yaml'), next);
    const batch = cli(['batch', answersFile, join(dir, 'pebblebrook-2027.yaml'), '--format', 'csv']);
    expect(batch.code).toBe(0);
    const lines = batch.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,council,overall,band,coverage,access,decisions');
    // Next year community-panel is 2: decisions (2 + 1) / 4 = 75, overall (2 x 66.67 + 75) / 3 = 69.4
    expect(lines.slice(1).map((l) => l.split(',').slice(2, 4))).toEqual([['69.4', 'Established'], ['52.8', 'Established']]);
    const compare = cli(['compare', answersFile, join(dir, 'pebblebrook-2027.yaml'), '--format', 'json']);
    expect(compare.code).toBe(0);
    expect(JSON.parse(compare.stdout).overall.change).toBeCloseTo((2 * ((100 * 4) / 6) + 75) / 3 - (2 * ((100 * 4) / 6) + 25) / 3, 10);
  });

  const mistakes: [string, string, string][] = [
    ['a missing next step', '          1: Name an officer to keep the list up to date and check it every quarter.\n', ''],
    ['a weight of 0', '    summary: Residents have a say in who gets the money.\n', '    summary: Residents have a say in who gets the money.\n    weight: 0\n'],
    ['a gap in the scale', '{ value: 2, label: Fully', '{ value: 3, label: Fully'],
    ['bands out of order', '  - { min: 80, label: Strong }', '  - { min: 40, label: Strong }'],
    ['an indicator id used twice', '      - id: plain-forms', '      - id: one-route'],
    ['a misspelt appliesTo option', 'appliesTo: { type: [county, district] }', 'appliesTo: { type: [county, distrct] }'],
    ['a misspelt field', '        nextSteps:\n          0: Invite', '        nextstep:\n          0: Invite'],
  ];

  test.each(mistakes)('the guide shows the line validate prints for %s', (_label, from, to) => {
    const original = readFileSync(join(root, rubricFile), 'utf8');
    expect(original).toContain(from);
    const dir = tempDir();
    writeFileSync(join(dir, 'my-rubric.yaml'), original.replace(from, to));
    const r = cli(['validate', 'my-rubric.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    // The misspelt field also leaves nextSteps missing; the guide shows the more telling line.
    expect(lines.some((line) => guide.includes(`${line}\n`))).toBe(true);
  });
});
