import type { CommandDefinition } from '../command.js';

export const validate: CommandDefinition = {
  name: 'validate',
  description: 'check rubric, answers and action plan files (by their "kind:") and report every mistake with its line',
  arguments: [{ name: '<files...>', description: 'rubric, answers or plan files (YAML)' }],
  examples: [{ args: 'validate answers/*.yaml' }, { args: 'validate my-rubric.yaml answers/leeds.yaml' }],
  async run([files]) {
    const { runValidate } = await import('../actions/validate.js');
    return runValidate(files as string[]);
  },
};
