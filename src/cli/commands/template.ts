import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { onlyOption, outputOption, rubricOption } from '../options.js';

export const template: CommandDefinition = {
  name: 'template',
  description: 'print a blank answers file, with every question and the scale as comments',
  options: () => [
    rubricOption(' (default: eight-characteristics)'),
    outputOption(),
    new Option('--force', 'let --output replace a file that already exists (without it, an existing file is never touched)'),
    onlyOption('write'),
  ],
  examples: [
    { args: 'template --output leeds.answers.yaml' },
    { args: 'template --rubric ./my-rubric.yaml > blank.answers.yaml' },
    { args: 'template --only commissioning --output finance.answers.yaml', comment: 'the part one colleague answers' },
  ],
  async run(_args, options) {
    const { runTemplate } = await import('../actions/template.js');
    return runTemplate(options as never);
  },
};
