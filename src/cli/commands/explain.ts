import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { formatOption, outputOption, wholeNumber } from '../options.js';

export const explain: CommandDefinition = {
  name: 'explain',
  description: 'show how every number of the report was worked out: each term, sum, score, band and gap priority',
  arguments: [
    { name: '<answers>', description: 'answers file (YAML)' },
    { name: '[only...]', description: 'characteristic ids or indicator keys to explain (default: everything)' },
  ],
  options: () => [
    formatOption(['text', 'markdown', 'json']),
    outputOption(),
    new Option('--target <level>', 'measure gaps against this level where an answer sets no target of its own, as assess --target does').argParser(wholeNumber(1)),
  ],
  examples: [
    { args: 'explain examples/brackenford-unitary.answers.yaml' },
    { args: 'explain examples/brackenford-unitary.answers.yaml approach', comment: 'one characteristic' },
    { args: 'explain examples/eastmoor-county.answers.yaml knowledge.spend-by-community --format markdown' },
    { args: 'explain answers/leeds.yaml --format json --output leeds-working.json' },
  ],
  async run([file, only], options) {
    const { runExplain } = await import('../actions/explain.js');
    return runExplain(file as string, (only as string[] | undefined) ?? [], options as never);
  },
};
