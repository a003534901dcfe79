// npm run examples: regenerate examples/reports/ (markdown, HTML, Word and chart of every example, and the
// year-on-year comparison) with the built CLI. A test fails when the committed files are out of date.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCohortExample } from '../examples/cohort/generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'examples', 'reports');
// The team example's combined file is made by combine too, so it is regenerated (and checked) with the reports.
const teamOut = process.argv[3] ?? join(root, 'examples', 'team');
const cli = (...args) =>
  execFileSync(process.execPath, [join(root, 'bin', 'council-resilience.js'), ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });

mkdirSync(out, { recursive: true });
mkdirSync(teamOut, { recursive: true });
for (const file of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.answers.yaml')).sort()) {
  const name = file.replace(/\.answers\.yaml$/, '');
  const answers = `examples/${file}`;
  cli('assess', answers, '--format', 'markdown', '--output', join(out, `${name}.md`), '--chart', join(out, `${name}.svg`));
  cli('assess', answers, '--format', 'html', '--output', join(out, `${name}.html`));
  cli('assess', answers, '--format', 'docx', '--output', join(out, `${name}.docx`));
}
for (const format of ['markdown', 'html', 'docx']) {
  const ext = format === 'markdown' ? 'md' : format;
  cli('compare', 'examples/brackenford-unitary-2025.answers.yaml', 'examples/brackenford-unitary.answers.yaml', '--format', format, '--output', join(out, `brackenford-progress.${ext}`));
}
// Brackenford's action plan, half way through the year.
for (const format of ['markdown', 'html', 'docx']) {
  const ext = format === 'markdown' ? 'md' : format;
  cli('progress', 'examples/brackenford-unitary.plan.yaml', '--on', '2027-04-15', '--format', format, '--output', join(out, `brackenford-plan-progress.${ext}`));
}
for (const format of ['markdown', 'docx']) {
  const ext = format === 'markdown' ? 'md' : 'docx';
  cli('assess', 'examples/brackenford-unitary.answers.yaml', '--plan', 'examples/brackenford-unitary.plan.yaml', '--format', format, '--output', join(out, `brackenford-with-plan.${ext}`));
}
const officers = ['communities', 'hr', 'finance'].map((name) => `examples/team/${name}.answers.yaml`);
writeFileSync(join(teamOut, 'combined.answers.yaml'), cli('combine', ...officers));
for (const name of ['combined', 'moderated']) {
  const answers = join(name === 'combined' ? teamOut : join(root, 'examples', 'team'), `${name}.answers.yaml`);
  cli('assess', answers, '--format', 'markdown', '--output', join(out, `team-${name}.md`));
  cli('assess', answers, '--format', 'html', '--output', join(out, `team-${name}.html`));
  cli('assess', answers, '--format', 'docx', '--output', join(out, `team-${name}.docx`));
}
// Brackenford's assessment as the workbook an officer fills in (template --format xlsx --from), filled in
// completely: template --from leaves Assessed on and Assessor for this year's assessment to fill, so
// the example is made by the same code with those two from the YAML as well.
{
  const [{ readLastYear }, { templateContent }, { xlsxTemplate }, { instructionLines }] = await Promise.all([
    import('../dist/interview/carry-forward.js'),
    import('../dist/core/sheet-answers.js'),
    import('../dist/io/spreadsheet.js'),
    import('../dist/render/sheet-instructions.js'),
  ]);
  const last = await readLastYear(join(root, 'examples', 'brackenford-unitary.answers.yaml'), undefined);
  const answers = last.last.answers;
  const rubric = last.rubric.rubric;
  const content = templateContent(rubric, { rubricRef: answers.rubric, from: answers });
  for (const field of content.council) {
    if (field.label === 'Assessed on' && answers.assessedOn !== undefined) field.value = answers.assessedOn;
    if (field.label === 'Assessor' && answers.assessor !== undefined) field.value = answers.assessor;
  }
  const bytes = await xlsxTemplate(rubric, content, { title: `Self-assessment: ${rubric.title}`, instructions: instructionLines(rubric) });
  writeFileSync(join(out, 'brackenford-unitary.xlsx'), bytes);
}
// The example cohort of 60 fictional councils and its reports (examples/cohort/), when run as npm run
// examples or given a fourth argument: test/cli/cohort-example.test.ts checks it on its own.
const cohortOut = process.argv[4] ?? (process.argv[2] === undefined ? join(root, 'examples', 'cohort') : undefined);
if (cohortOut !== undefined) await generateCohortExample(cohortOut);
console.log(`reports written to ${out}`);
