import type { CommandDefinition } from '../command.js';

export const validate: CommandDefinition = {
  name: 'validate',
  description: 'check rubric and answers files (by their "kind:") and report every mistake with its line',
  arguments: [{ name: '<files...>', description: 'rubric or answers files (YAML)' }],
  examples: [{ args: 'validate answers/*.yaml' }, { args: 'validate my-rubric.yaml answers/leeds.yaml' }],
  async run([files]) {
    const { runValidate } = await import('../actions/validate.js');
    return runValidate(files as string[]);
  },
};
