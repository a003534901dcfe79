// Start-up cost: heavy modules load only in the command that needs them (timings live in npm run bench).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'generated' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const files = sources(join(root, 'src')).map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));

describe('lazy loading', () => {
  test('@inquirer/prompts is imported by one module, which only the interview command loads, lazily', () => {
    expect(files.filter((f) => f.text.includes("from '@inquirer/prompts'")).map((f) => f.path)).toEqual([
      'src/interview/inquirer.ts',
    ]);
    const loaders = files.filter((f) => f.text.includes('interview/inquirer.js'));
    expect(loaders.map((f) => f.path)).toEqual(['src/cli/commands/interview.ts']);
    expect(loaders[0]!.text).toContain("await import('../../interview/inquirer.js')");
  });

  test('the CLI entry imports every command lazily, and chalk only when colour is on', () => {
    const main = files.find((f) => f.path === 'src/cli/main.ts')!.text;
    expect(main).not.toMatch(/^import .*commands\//m);
    expect(files.filter((f) => /^import .*'chalk'/m.test(f.text))).toEqual([]);
  });
});
