// Issue 13, item 1, through the built binary: template --only writes exactly the chosen indicators
// (and validates); a misspelt or empty --only is a usage error, exit 2, one exact line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorKey } from '../../src/core/rubric.js';
import { loadRubric } from '../../src/io/load.js';
import { cli, fixtures, tempDir } from '../helpers.js';

const weighted = join(fixtures, 'rubrics', 'weighted.yaml');
/** The answers keys a template holds, in order. */
const keysIn = (text: string) => [...text.matchAll(/^ {2}([a-z0-9-]+\.[a-z0-9-]+):$/gm)].map((m) => m[1]);
const headersIn = (text: string) => [...text.matchAll(/^ {2}# ── (.+?) ─+$/gm)].map((m) => m[1]);

describe('template --only', () => {
  test('writes exactly the chosen indicators, in rubric order, with headers only for their characteristics; it validates', async () => {
    const dir = tempDir();
    const out = join(dir, 'hr.answers.yaml');
    const r = cli(['template', '--only', 'culture.appraisals-and-targets , approach', '--output', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const { rubric } = await loadRubric('eight-characteristics');
    const approach = rubric.characteristics.find((c) => c.id === 'approach')!;
    expect(keysIn(text)).toEqual([...approach.indicators.map((i) => indicatorKey(approach, i)), 'culture.appraisals-and-targets']);
    expect(keysIn(text)).toHaveLength(8); // approach has 7 indicators
    expect(headersIn(text)).toEqual(['Approach', 'Culture']);
    expect(text).toContain('# Only part of the rubric is here, for one assessor: culture.appraisals-and-targets, approach.');
    const validated = cli(['validate', out]);
    expect(validated.stderr).toBe('');
    expect(validated.code).toBe(0);
    // It scores like any answers file with nothing answered yet: every indicator of the rubric is not assessed.
    const report = JSON.parse(cli(['assess', out, '--format', 'json']).stdout);
    expect(report.notAssessed).toHaveLength(rubric.characteristics.flatMap((c) => c.indicators).length);
  });

  test('without --only the template is as before: every indicator and every header', () => {
    const text = cli(['template', '--rubric', weighted]).stdout;
    expect(keysIn(text)).toEqual(['alpha.a1', 'alpha.a2', 'alpha.a3', 'beta.b1', 'beta.b2', 'delta.d1', 'delta.d2']);
    expect(headersIn(text)).toEqual(['Alpha', 'Beta', 'Gamma (no indicators)', 'Delta']);
    expect(text).not.toContain('Only part of the rubric');
  });

  test('on stdout, with an own rubric: one indicator key', () => {
    const r = cli(['template', '--rubric', weighted, '--only', 'delta.d2']);
    expect(r.code).toBe(0);
    expect(keysIn(r.stdout)).toEqual(['delta.d2']);
    expect(headersIn(r.stdout)).toEqual(['Delta']);
  });
});

describe('a mistake in --only: exit 2, one line, nothing written', () => {
  test.each([
    [['template', '--only', 'aproach'], 'error: --only: "aproach" is not a characteristic or indicator of rubric "eight-characteristics"; did you mean "approach"?'],
    [
      ['template', '--only', 'approach, cultre.appraisals-and-targets'],
      'error: --only: "cultre.appraisals-and-targets" is not a characteristic or indicator of rubric "eight-characteristics"; did you mean "culture.appraisals-and-targets"?',
    ],
    [['template', '--only', 'lead-member'], 'error: --only: "lead-member" is not a characteristic or indicator of rubric "eight-characteristics"; did you mean "governance.lead-member"?'],
    [['template', '--only', 'finance'], 'error: --only: "finance" is not a characteristic or indicator of rubric "eight-characteristics"'],
    [['template', '--only', ' , '], 'error: --only: name the characteristics or indicators to include, separated by commas, such as --only intent,approach.reducing-demand'],
    [['template', '--rubric', weighted, '--only', 'gamma'], 'error: --only: "gamma" has no indicators in rubric "weighted", so it selects no questions'],
    [['template', '--rubric', weighted, '--only', 'beta.b3'], 'error: --only: "beta.b3" is not a characteristic or indicator of rubric "weighted"; did you mean "beta.b1"?'],
  ])('%j', (args, line) => {
    const dir = tempDir();
    const out = join(dir, 'never.answers.yaml');
    const r = cli([...args, '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test('--only with no value at all is commander\'s usage error, exit 2', () => {
    const r = cli(['template', '--only']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: option '--only <ids>' argument missing");
  });
});

describe('--help', () => {
  test('interview and template show --only, and the interview --assessor, with the team example', () => {
    const interview = cli(['interview', '--help']).stdout;
    expect(interview).toMatch(/--only <ids> +ask only these characteristics and indicators/);
    expect(interview).toMatch(/--assessor <name> +who is answering/);
    expect(interview).toContain('$ council-resilience interview --only approach,culture --assessor "Head of HR"');
    expect(cli(['template', '--help']).stdout).toMatch(/--only <ids> +write only these characteristics and indicators/);
  });
});
