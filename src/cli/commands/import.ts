import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { outputOption, rubricOption } from '../options.js';

export const importCommand: CommandDefinition = {
  name: 'import',
  description: 'turn a filled-in spreadsheet (from "template --format xlsx" or "--format csv") back into an answers file, naming every mistake by its cell',
  arguments: [{ name: '<spreadsheet>', description: 'the filled-in workbook (.xlsx) or CSV file (.csv)' }],
  options: () => [
    outputOption(),
    new Option('--force', 'let --output replace a file that already exists (without it, an existing file is never touched)'),
    rubricOption(' (default: the one the workbook names, else eight-characteristics; a CSV names none)'),
  ],
  examples: [
    { args: 'import leeds.xlsx --output leeds.answers.yaml' },
    { args: 'import leeds.csv > leeds.answers.yaml' },
    { args: 'import leeds.xlsx --output leeds.answers.yaml --force', comment: 'again, after correcting the workbook' },
  ],
  async run([file], options) {
    const { runImport } = await import('../actions/import.js');
    return runImport(file as string, options as never);
  },
};
