import type { CommandDefinition } from '../command.js';
import { outputOption } from '../options.js';

export const merge: CommandDefinition = {
  name: 'merge',
  description: 'combine the JSON outputs of "batch --shard" runs into the output of the whole cohort',
  arguments: [{ name: '<files...>', description: 'outputs of batch --format json' }],
  options: () => [outputOption()],
  examples: [{ args: 'merge part-1.json part-2.json part-3.json part-4.json --output all.json' }],
  async run([files], options) {
    const { runMerge } = await import('../actions/merge.js');
    return runMerge(files as string[], options as never);
  },
};
