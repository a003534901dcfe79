import type { CommandDefinition } from '../command.js';
import { FORMATS, formatOption, outputOption } from '../options.js';

export const compare: CommandDefinition = {
  name: 'compare',
  description: "compare two assessments of a council (say, last year's and this year's)",
  arguments: [
    { name: '<before>', description: 'the earlier answers file' },
    { name: '<after>', description: 'the later answers file' },
  ],
  options: () => [formatOption(FORMATS.compare), outputOption()],
  examples: [
    { args: 'compare examples/brackenford-unitary-2025.answers.yaml examples/brackenford-unitary.answers.yaml' },
    { args: 'compare last-year.yaml this-year.yaml --format markdown --output progress.md' },
  ],
  async run([before, after], options) {
    const { runCompare } = await import('../actions/compare.js');
    return runCompare(before as string, after as string, options as never);
  },
};
