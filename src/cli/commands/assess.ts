import { Option } from 'commander';
import type { CommandDefinition } from '../command.js';
import { FORMATS, formatOption, outputOption, percentage, rubricOption, wholeNumber } from '../options.js';

export const assess: CommandDefinition = {
  name: 'assess',
  description: 'score an answers file and print the report',
  arguments: [{ name: '<answers>', description: 'answers file (YAML)' }],
  options: () => [
    rubricOption(' (default: the one the answers file names)'),
    formatOption(FORMATS.assess),
    outputOption(),
    new Option('--cohort <batch.json>', 'place the council in a cohort: the output of "batch --format json"'),
    new Option('--group-by <field>', 'with --cohort, also place the council in its own group: a profile field (type) or a column of the --groups file'),
    new Option('--groups <file.csv>', 'a CSV "council,<columns>" giving each council its groups, for --group-by'),
    new Option('--chart <file.svg>', 'also write the radar chart of the characteristic scores as an SVG file'),
    new Option('--target <level>', 'count indicators below this level as gaps (default: the top of the scale)').argParser(wholeNumber(1)),
    new Option('--plan <plan.yaml>', "add each gap's action, owner, due date and status from this council's action plan, and list actions marked done whose level has not moved"),
    new Option('--top <n>', 'how many next steps the report shows (the JSON lists them all)').argParser(wholeNumber(0)).default(5),
    new Option('--fail-under <score>', 'exit 1 if the overall score (0-100) is below this, or missing').argParser(percentage),
    new Option('--strict', 'exit 1 if any question that applies is not answered, or a disputed answer of a combined file is not settled'),
  ],
  examples: [
    { args: 'assess examples/brackenford-unitary.answers.yaml' },
    { args: 'assess examples/saltmarsh-district.answers.yaml --format json --output saltmarsh.json' },
    { args: 'assess answers/leeds.yaml --format html --output leeds.html --chart leeds.svg' },
    { args: 'assess answers/leeds.yaml --format docx --output leeds.docx', comment: 'Word, to edit into a committee paper' },
    { args: 'assess answers/leeds.yaml --cohort all-councils.json', comment: 'median and quarter per characteristic' },
    { args: 'assess answers/leeds.yaml --cohort all-councils.json --group-by type', comment: 'and within its type (batch --group-by type)' },
    { args: 'assess examples/eastmoor-county.answers.yaml --target 2 --top 10' },
    { args: 'assess answers/leeds-2027.yaml --plan leeds.plan.yaml --format html --output leeds.html', comment: 'who is doing what' },
    { args: 'assess answers/leeds.yaml --fail-under 50 --strict', comment: 'for CI: exit 1 if it fails' },
  ],
  async run([file], options) {
    const { runAssess } = await import('../actions/assess.js');
    return runAssess(file as string, options as never);
  },
};
