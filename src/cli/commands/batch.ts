import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { FORMATS, formatOption, outputOption, percentage, rubricOption, shard } from '../options.js';

export const batch: CommandDefinition = {
  name: 'batch',
  description: 'score many answers files (files, folders searched for *.yaml, or globs) and summarise the cohort',
  arguments: [{ name: '<inputs...>', description: 'answers files, folders or globs (quote globs; the tool expands them itself)' }],
  options: () => [
    formatOption(FORMATS.batch),
    outputOption(),
    rubricOption(' (default: the one each file names; all files must share one)'),
    new Option('--fail-under <score>', 'exit 1 if any council scores below this (0-100), naming them').argParser(percentage),
    new Option('--group-by <field>', 'statistics per group of councils: a profile field (type) or a column of the --groups file'),
    new Option('--groups <file.csv>', 'a CSV "council,<columns>" giving each council its groups (names matched trimmed, ignoring case)'),
    new Option('--shard <I/N>', 'score only every Nth file, starting with the Ith (for a CI matrix; see merge)').argParser(shard),
    new Option('--rows <rows>', 'one row per council, or per council and indicator (csv and json only)').choices(['council', 'indicator']).default('council'),
    new Option('--anonymise', 'name councils Council 001, Council 002, ... (by path order) and leave out file paths and evidence'),
    new Option('--alias-key <file>', 'with --anonymise: write the alias,council,file CSV to this file (never to standard output)'),
  ],
  examples: [
    { args: 'batch answers/ --format csv --output scores.csv' },
    { args: "batch 'answers/**/*.yaml' --fail-under 40", comment: 'exit 1 naming councils below 40' },
    { args: 'batch answers/ --shard 2/4 --format json --output part-2.json' },
    { args: 'merge part-*.json --output all.json' },
    { args: 'batch answers/ --group-by type --format markdown', comment: 'cohort statistics per council type' },
    { args: 'batch answers/ --group-by region --groups regions.csv --format json' },
    { args: 'batch answers/ --rows indicator --format csv --output indicators.csv', comment: 'one row per council and indicator' },
    { args: 'batch answers/ --anonymise --alias-key key.csv --format csv --output anonymised.csv' },
  ],
  async run([inputs], options) {
    const { runBatch } = await import('../actions/batch.js');
    return runBatch(inputs as string[], options as never);
  },
};
