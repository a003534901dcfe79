import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { outputOption } from '../options.js';

export const merge: CommandDefinition = {
  name: 'merge',
  description: 'combine the JSON outputs of "batch --shard" runs into the output of the whole cohort',
  arguments: [{ name: '<files...>', description: 'outputs of batch --format json (council or indicator rows)' }],
  options: () => [
    outputOption(),
    new Option('--anonymise', 'name councils Council 001, Council 002, ... by path order, as batch --anonymise does (anonymised shards keep theirs)'),
    new Option('--alias-key <file>', 'with --anonymise: write the alias,council,file CSV to this file (never to standard output)'),
  ],
  examples: [{ args: 'merge part-1.json part-2.json part-3.json part-4.json --output all.json' }],
  async run([files], options) {
    const { runMerge } = await import('../actions/merge.js');
    return runMerge(files as string[], options as never);
  },
};
