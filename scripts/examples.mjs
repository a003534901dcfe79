// npm run examples: regenerate examples/reports/ (markdown, HTML and chart of every example, and the
// year-on-year comparison) with the built CLI. A test fails when the committed files are out of date.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'examples', 'reports');
const cli = (...args) => execFileSync(process.execPath, [join(root, 'bin', 'council-resilience.js'), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });

mkdirSync(out, { recursive: true });
for (const file of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.answers.yaml')).sort()) {
  const name = file.replace(/\.answers\.yaml$/, '');
  const answers = `examples/${file}`;
  cli('assess', answers, '--format', 'markdown', '--output', join(out, `${name}.md`), '--chart', join(out, `${name}.svg`));
  cli('assess', answers, '--format', 'html', '--output', join(out, `${name}.html`));
}
cli('compare', 'examples/brackenford-unitary-2025.answers.yaml', 'examples/brackenford-unitary.answers.yaml', '--format', 'markdown', '--output', join(out, 'brackenford-progress.md'));
console.log(`reports written to ${out}`);
