// Start-up cost: heavy modules load only in the command that needs them (timings live in npm run bench).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bin, fixtures, root, tempDir } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'generated' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const files = sources(join(root, 'src')).map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));

describe('lazy loading', () => {
  test('@inquirer/prompts is imported by one module, which only the interview and moderate commands load, lazily', () => {
    expect(files.filter((f) => f.text.includes("from '@inquirer/prompts'")).map((f) => f.path)).toEqual([
      'src/interview/inquirer.ts',
    ]);
    const loaders = files.filter((f) => f.text.includes('interview/inquirer.js'));
    expect(loaders.map((f) => f.path)).toEqual(['src/cli/terminal-session.ts']);
    expect(loaders[0]!.text).toContain("await import('../interview/inquirer.js')");
    // The accessible prompter (--accessible) is loaded the same way, and reaches no inquirer module.
    expect(files.filter((f) => f.text.includes('interview/accessible.js')).map((f) => f.path)).toEqual(['src/cli/terminal-session.ts']);
    expect(loaders[0]!.text).toContain("import('../interview/accessible.js')");
    const accessible = files.find((f) => f.path === 'src/interview/accessible.ts')!.text;
    expect([...accessible.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1])).toEqual([
      'node:readline',
      '../core/visible.js',
      '../render/style.js',
      '../render/style.js',
      '../render/wrap.js',
      './prompter.js',
    ]);
    // ...and terminal-session is reached only from the actions of the two terminal commands.
    const users = files.filter((f) => f.text.includes("from '../terminal-session.js'")).map((f) => f.path).sort();
    expect(users).toEqual(['src/cli/actions/interview.ts', 'src/cli/actions/moderate.ts']);
  });

  test('the CLI entry imports every command lazily, and chalk only when colour is on', () => {
    const main = files.find((f) => f.path === 'src/cli/main.ts')!.text;
    expect(main).not.toMatch(/^import .*actions\//m);
    // The list of commands too: each is loaded when named, and --version loads none.
    expect(main).not.toMatch(/^import (?!type ).*commands\/index/m);
    // A command's definition may import only commander and other definitions; its action comes in run().
    const definitions = files.filter((f) => f.path.startsWith('src/cli/commands/'));
    expect(definitions.length).toBeGreaterThanOrEqual(8);
    for (const definition of definitions) {
      const imports = [...definition.text.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
      expect({ file: definition.path, imports: imports.filter((i) => !['commander', '../command.js', '../options.js'].includes(i!) && !i!.startsWith('./')) }).toEqual({ file: definition.path, imports: [] });
    }
    expect(files.filter((f) => /^import .*'chalk'/m.test(f.text))).toEqual([]);
  });

  /** Runs the built CLI and says whether it loaded the yaml library. */
  const loadsYaml = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--require', join(fixtures, 'report-yaml-load.cjs'), bin, ...args], { cwd: root, encoding: 'utf8' });
    return /yaml library loaded: true/.test(r.stderr);
  };

  test('a plain answers file scored against a built-in rubric never loads the yaml library', () => {
    expect(loadsYaml('assess', 'examples/brackenford-unitary.answers.yaml')).toBe(false);
    expect(loadsYaml('rubrics')).toBe(false);
    expect(loadsYaml('template', '--rubric', 'community-power')).toBe(false);
  });

  test('the yaml library still loads where it is needed: unusual YAML, a rubric of your own, a position', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'anchor.yaml'), 'schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: &n Anchorville }\nanswers: {}\n');
    expect(loadsYaml('assess', join(dir, 'anchor.yaml'))).toBe(true);
    expect(loadsYaml('validate', 'examples/own-rubric/community-grants.rubric.yaml')).toBe(true);
    expect(loadsYaml('assess', 'test/fixtures/bad/score-7.yaml')).toBe(true);
  });

  test('exceljs: imported by src/io/spreadsheet.ts alone, lazily, and loaded only by template --format xlsx and import', () => {
    expect(files.filter((f) => /'exceljs[/']/.test(f.text)).map((f) => f.path)).toEqual(['src/io/spreadsheet.ts']);
    expect(files.find((f) => f.path === 'src/io/spreadsheet.ts')!.text).not.toMatch(/^import (?!type ).*'exceljs/m);
    const loadsExceljs = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['--require', join(fixtures, 'team', 'sheets', 'report-exceljs-load.cjs'), bin, ...args], { cwd: root, encoding: 'utf8' });
      return /exceljs loaded: true/.test(r.stderr);
    };
    expect(loadsExceljs('--version')).toBe(false);
    expect(loadsExceljs('template')).toBe(false);
    expect(loadsExceljs('template', '--format', 'csv')).toBe(false);
    expect(loadsExceljs('assess', 'examples/brackenford-unitary.answers.yaml')).toBe(false);
    expect(loadsExceljs('template', '--format', 'xlsx')).toBe(true);
  });

  test('docx and @resvg/resvg-js: each known by one module, loaded only for --format docx (not by --version, text or HTML)', () => {
    const importers = (lib: string) => files.filter((f) => f.text.includes(`from '${lib}'`)).map((f) => f.path);
    expect(importers('docx')).toEqual(['src/render/docx.ts']);
    expect(importers('@resvg/resvg-js')).toEqual(['src/render/radar-png.ts']);
    expect(files.filter((f) => /radar-png\.js'/.test(f.text)).map((f) => f.path)).toEqual(['src/render/docx.ts']);
    expect(files.filter((f) => /^import .*render\/docx\.js'/m.test(f.text))).toEqual([]);
    const loaded = (...args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', join(fixtures, 'team', 'docx', 'report-loads.mjs'), bin, ...args], { cwd: root, encoding: 'utf8' });
      return /heavy libraries loaded: (.*)/.exec(r.stderr)?.[1];
    };
    const out = join(tempDir(), 'report');
    expect(loaded('--version')).toBe('none');
    expect(loaded('assess', 'examples/eastmoor-county.answers.yaml')).toBe('none');
    expect(loaded('assess', 'examples/eastmoor-county.answers.yaml', '--format', 'html', '--output', `${out}.html`)).toBe('none');
    // ...and the check can see them: the Word report loads both.
    expect(loaded('assess', 'examples/eastmoor-county.answers.yaml', '--format', 'docx', '--output', `${out}.docx`)).toBe('@resvg/resvg-js,docx');
    // A comparison's Word file has its bar chart as a PNG too; its HTML and a plan's progress need neither.
    expect(loaded('compare', 'examples/brackenford-unitary-2025.answers.yaml', 'examples/brackenford-unitary.answers.yaml', '--format', 'docx', '--output', `${out}-compare.docx`)).toBe('@resvg/resvg-js,docx');
    expect(loaded('compare', 'examples/brackenford-unitary-2025.answers.yaml', 'examples/brackenford-unitary.answers.yaml', '--format', 'html', '--output', `${out}-compare.html`)).toBe('none');
    expect(loaded('progress', 'examples/brackenford-unitary.plan.yaml', '--on', '2027-04-15', '--format', 'docx', '--output', `${out}-progress.docx`)).toBe('docx');
  });
});
