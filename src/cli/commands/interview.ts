import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { rubricOption } from '../options.js';

export const interview: CommandDefinition = {
  name: 'interview',
  description: 'answer the questions in the terminal; answers are saved after each one, so you can stop and resume',
  options: () => [
    rubricOption(' (default: eight-characteristics)'),
    new Option('-a, --answers <file>', 'the answers file to create, or to carry on with if it exists (default: <council-name>.answers.yaml)'),
    new Option('--resume', 'carry on with the saved file for the council you name'),
  ],
  examples: [
    { args: 'interview' },
    { args: 'interview --answers leeds.answers.yaml', comment: 'new file, or carry on with it' },
    { args: 'interview --resume', comment: 'carry on: asks the council name' },
  ],
  async run(_args, options) {
    const { runInterviewCommand } = await import('../actions/interview.js');
    return runInterviewCommand(options as never);
  },
};
