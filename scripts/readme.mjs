// Writes each command's usage, examples and option table into README.md from its definition
// (src/cli/commands/), so the README and --help never say different things. Run after npm run build.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCommands } from '../dist/cli/commands/index.js';
import { noColorOption } from '../dist/cli/options.js';
import { missingFromReadme, updateReadme } from '../dist/cli/readme-tables.js';

const COMMANDS = await loadCommands();
const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = updateReadme(before, COMMANDS, [noColorOption()]);
const missing = missingFromReadme(after, COMMANDS);
if (missing.length) console.error(`README.md has no generated block for: ${missing.join(', ')}`);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md is up to date' : 'README.md updated');
process.exitCode = missing.length ? 1 : 0;
