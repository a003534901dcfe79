import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';

export const combine: CommandDefinition = {
  name: 'combine',
  description: "combine several assessors' answers files of one council into one file that keeps every view and shows where they disagree",
  arguments: [
    {
      name: '<answers...>',
      description: 'two or more answers files of one council and one rubric; each is one view, named by its assessor: (else its file name)',
    },
  ],
  options: () => [
    new Option(
      '-o, --output <file>',
      'write the combined file here instead of the screen (replaced in one step); an existing combined file of the same council is updated, keeping each settled answer whose views did not change',
    ),
  ],
  examples: [
    { args: 'combine finance.yaml hr.yaml commissioning.yaml --output team.yaml' },
    { args: 'combine finance.yaml hr.yaml commissioning.yaml late.yaml --output team.yaml', comment: 'a late file: settled answers stay' },
    { args: 'combine finance.yaml hr.yaml', comment: 'print it, to look before writing a file' },
  ],
  async run([files], options) {
    const { runCombine } = await import('../actions/combine.js');
    return runCombine(files as string[], options as never);
  },
};
