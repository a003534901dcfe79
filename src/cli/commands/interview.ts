import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { accessibleOption, onlyOption, rubricOption } from '../options.js';

export const interview: CommandDefinition = {
  name: 'interview',
  description: 'answer the questions in the terminal; answers are saved after each one, so you can stop and resume',
  options: () => [
    rubricOption(' (default: eight-characteristics)'),
    new Option('-a, --answers <file>', 'the answers file to create, or to carry on with if it exists (default: <council-name>.answers.yaml)'),
    new Option('--resume', 'carry on with the saved file for the council you name'),
    onlyOption('ask', ' (answers to other questions in the file are kept)'),
    new Option('--from <file>', "last year's answers file: takes its council and rubric, and starts each question on last year's answer and evidence; only what you confirm or change is saved"),
    new Option('--assessor <name>', 'who is answering, such as a job title, saved in the file as "assessor" (without it, the interview asks once)'),
    new Option('--targets', "after each question's level, also ask the level this council aims for (default: the top), saved as its target"),
    accessibleOption(),
  ],
  examples: [
    { args: 'interview' },
    { args: 'interview --answers leeds.answers.yaml', comment: 'new file, or carry on with it' },
    { args: 'interview --resume', comment: 'carry on: asks the council name' },
    { args: 'interview --only approach,culture --assessor "Head of HR"', comment: 'one section, for one colleague' },
    { args: 'interview --answers leeds.answers.yaml --targets', comment: 'set a target for each question' },
    { args: 'interview --from brackenford-2025.answers.yaml --answers brackenford-2026.answers.yaml', comment: "next year's, starting from last year's answers" },
    { args: 'interview --accessible --answers leeds.answers.yaml', comment: 'plain numbered prompts, for a screen reader' },
  ],
  async run(_args, options) {
    const { runInterviewCommand } = await import('../actions/interview.js');
    return runInterviewCommand(options as never);
  },
};
