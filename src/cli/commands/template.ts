import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { FORMATS, formatOption, onlyOption, outputOption, rubricOption } from '../options.js';

export const template: CommandDefinition = {
  name: 'template',
  description: 'print a blank answers file, with every question and the scale as comments (or an Excel workbook or CSV to fill in)',
  options: () => [
    rubricOption(' (default: eight-characteristics)'),
    formatOption(FORMATS.template),
    outputOption(),
    new Option('--force', 'let --output replace a file that already exists (without it, an existing file is never touched)'),
    onlyOption('write'),
    new Option('--from <file>', "last year's answers file: its council, answers, evidence and targets are filled in, on the rubric it was answered on"),
  ],
  examples: [
    { args: 'template --output leeds.answers.yaml' },
    { args: 'template --rubric ./my-rubric.yaml > blank.answers.yaml' },
    { args: 'template --only commissioning --output finance.answers.yaml', comment: 'the part one colleague answers' },
    { args: 'template --format xlsx --output leeds.xlsx', comment: 'a workbook to fill in with Excel; then "import"' },
    { args: 'template --format xlsx --from leeds-2025.answers.yaml --output leeds-2026.xlsx', comment: "last year's answers filled in" },
  ],
  async run(_args, options) {
    const { runTemplate } = await import('../actions/template.js');
    return runTemplate(options as never);
  },
};
