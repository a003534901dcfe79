import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { FORMATS, formatOption, outputOption } from '../options.js';

export const progress: CommandDefinition = {
  name: 'progress',
  description: 'report where each action of a plan stands: counts by status, overdue actions first, and whether levels moved',
  arguments: [{ name: '<plan>', description: 'action plan file (YAML), as "plan" writes it' }],
  options: () => [
    new Option('--answers <file>', "a later answers file of the same council: shows each indicator's level now and how far it moved"),
    new Option('--on <date>', 'the date to report on, YYYY-MM-DD; an action due before it and not done or dropped is overdue (default: today)'),
    formatOption(FORMATS.progress),
    outputOption(),
    new Option('--fail-overdue', 'exit 1 if any action is overdue (for a council\'s own CI)'),
  ],
  examples: [
    { args: 'progress brackenford.plan.yaml' },
    { args: 'progress brackenford.plan.yaml --on 2027-03-31 --format markdown --output progress.md' },
    { args: 'progress brackenford.plan.yaml --on 2027-03-31 --format docx --output progress.docx', comment: 'Word, for the committee' },
    { args: 'progress leeds.plan.yaml --answers answers/leeds-2027.yaml --format csv', comment: 'with the levels now' },
    { args: 'progress leeds.plan.yaml --fail-overdue', comment: 'for CI: exit 1 if an action is overdue' },
  ],
  async run([file], options) {
    const { runProgress } = await import('../actions/progress.js');
    return runProgress(file as string, options as never);
  },
};
