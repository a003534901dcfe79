// The README's command reference is generated from the command definitions that --help is built from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCommands } from '../src/cli/commands/index.js';
import { noColorOption } from '../src/cli/options.js';
import { missingFromReadme, updateReadme } from '../src/cli/readme-tables.js';
import { cli, root } from './helpers.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const COMMANDS = await loadCommands();

test('every command has its generated block in the README, and none is stale (run npm run readme)', () => {
  expect(missingFromReadme(readme, COMMANDS)).toEqual([]);
  expect(updateReadme(readme, COMMANDS, [noColorOption()])).toBe(readme);
});

test('each option in the README table is one --help lists, with the same words', () => {
  for (const command of COMMANDS) {
    const help = cli([command.name, '--help']).stdout.replace(/\s+/g, ' ');
    for (const option of command.options?.() ?? []) {
      expect(help).toContain(option.flags);
      expect(readme).toContain(`| \`${option.flags.replace(/\|/g, '\\|')}\` | ${option.description.replace(/\|/g, '\\|')}`);
    }
  }
});
