import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { accessibleOption } from '../options.js';

export const moderate: CommandDefinition = {
  name: 'moderate',
  description: "settle in the terminal the indicators a combined file's assessors disagree on; saved after each one, so you can stop and resume",
  arguments: [{ name: '<combined>', description: 'the answers file written by "combine" (it is changed in place)' }],
  options: () => [
    new Option('--all', 'go through every indicator with views, not only the disputed ones; those already settled are offered with their current level and reason'),
    accessibleOption(),
  ],
  examples: [
    { args: 'moderate combined.answers.yaml', comment: 'the disputed indicators not yet settled' },
    { args: 'moderate combined.answers.yaml --all', comment: 'every indicator with views' },
    { args: 'moderate combined.answers.yaml --accessible', comment: 'plain numbered prompts, for a screen reader' },
  ],
  async run([file], options) {
    const { runModerate } = await import('../actions/moderate.js');
    return runModerate(file as string, options as never);
  },
};
