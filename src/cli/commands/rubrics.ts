import type { CommandDefinition } from '../command.js';
import { FORMATS, formatOption } from '../options.js';

export const rubrics: CommandDefinition = {
  name: 'rubrics',
  description: 'list the built-in rubrics',
  options: () => [formatOption(FORMATS.rubrics)],
  examples: [{ args: 'rubrics' }, { args: 'rubrics --format json' }],
  async run(_args, options) {
    const { runRubrics } = await import('../actions/rubrics.js');
    return runRubrics(options as never);
  },
};
