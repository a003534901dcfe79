import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { outputOption, wholeNumber } from '../options.js';

export const plan: CommandDefinition = {
  name: 'plan',
  description: "turn an assessment's gaps into an action plan the council edits; run again to add new gaps without changing its edits",
  arguments: [{ name: '<answers>', description: 'answers file (YAML) whose gaps become actions' }],
  options: () => [
    new Option(
      '-o, --output <file>',
      'write the plan to this file; if it is already a plan, new gaps are added at its end and nothing in it changes (comments included)',
    ),
    new Option('--top <n>', 'plan only the first n gaps, most urgent first (default: every gap)').argParser(wholeNumber(0)),
  ],
  examples: [
    { args: 'plan examples/brackenford-unitary.answers.yaml --output brackenford.plan.yaml' },
    { args: 'plan answers/leeds.yaml --top 10 --output leeds.plan.yaml', comment: 'the ten most urgent gaps' },
    { args: 'plan answers/leeds-2027.yaml --output leeds.plan.yaml', comment: "next year: adds this year's new gaps" },
  ],
  async run([file], options) {
    const { runPlan } = await import('../actions/plan.js');
    return runPlan(file as string, options as never);
  },
};
