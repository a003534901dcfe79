import { Command, Option } from 'commander';
import { formatProblem, InputError, UsageError } from '../core/errors.js';
import { visible, visibleMessage } from '../core/visible.js';
import { toolVersion } from '../generated/version.js';
import { exitCodeFor, EXIT } from './exit-codes.js';
import { FORMATS, formatOption, outputOption, percentage, rubricOption, shard, wholeNumber } from './options.js';
import { stdoutErrorMessage, warn, watchStandardStreams } from './streams.js';

const EXAMPLES = {
  assess: `
Examples:
  $ council-resilience assess examples/brackenford-unitary.answers.yaml
  $ council-resilience assess answers/leeds.yaml --format json --output leeds.json
  $ council-resilience assess answers/leeds.yaml --format html --output leeds.html --chart leeds.svg
  $ council-resilience assess answers/leeds.yaml --cohort all-councils.json    # median and quarter per characteristic
  $ council-resilience assess answers/leeds.yaml --target 2 --top 10
  $ council-resilience assess answers/leeds.yaml --fail-under 50 --strict   # for CI: exit 1 if it fails`,
  interview: `
Examples:
  $ council-resilience interview
  $ council-resilience interview --answers leeds.answers.yaml      # new file, or carry on with it
  $ council-resilience interview --resume                          # carry on: asks the council name`,
  compare: `
Examples:
  $ council-resilience compare examples/brackenford-unitary-2025.answers.yaml examples/brackenford-unitary.answers.yaml
  $ council-resilience compare last-year.yaml this-year.yaml --format markdown --output progress.md`,
  batch: `
Examples:
  $ council-resilience batch answers/ --format csv --output scores.csv
  $ council-resilience batch 'answers/**/*.yaml' --fail-under 40        # exit 1 naming councils below 40
  $ council-resilience batch answers/ --shard 2/4 --format json --output part-2.json
  $ council-resilience merge part-*.json --output all.json`,
  merge: `
Examples:
  $ council-resilience merge part-1.json part-2.json part-3.json part-4.json --output all.json`,
  validate: `
Examples:
  $ council-resilience validate answers/*.yaml
  $ council-resilience validate my-rubric.yaml answers/leeds.yaml`,
  template: `
Examples:
  $ council-resilience template --output leeds.answers.yaml
  $ council-resilience template --rubric ./my-rubric.yaml > blank.answers.yaml`,
  rubrics: `
Examples:
  $ council-resilience rubrics
  $ council-resilience rubrics --format json`,
};

export function buildProgram(): Command {
  const program = new Command('council-resilience')
    .description(
      'Assess how well a council builds stronger, more resilient communities: score an answers file against a ' +
        'rubric and print a report with gaps and prioritised next steps.',
    )
    .version(toolVersion, '-V, --version', 'print the version number')
    .helpOption('-h, --help', 'show help')
    .addHelpCommand(false)
    .option('--no-color', 'plain text, without colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .showHelpAfterError('(add --help for usage)')
    // Commander's own errors quote what was typed; a value pasted with control characters in it
    // must not drive the terminal, so each line is shown with them made visible.
    .configureOutput({ writeErr: (text) => process.stderr.write(text.split('\n').map((line) => visible(line, { max: 1000 })).join('\n')) })
    .exitOverride();

  program
    .command('assess')
    .description('score an answers file and print the report')
    .argument('<answers>', 'answers file (YAML)')
    .addOption(rubricOption(' (default: the one the answers file names)'))
    .addOption(formatOption(FORMATS.assess))
    .addOption(outputOption())
    .addOption(new Option('--cohort <batch.json>', 'place the council in a cohort: the output of "batch --format json"'))
    .addOption(new Option('--chart <file.svg>', 'also write the radar chart of the characteristic scores as an SVG file'))
    .addOption(new Option('--target <level>', 'count indicators below this level as gaps (default: the top of the scale)').argParser(wholeNumber(1)))
    .addOption(new Option('--top <n>', 'how many next steps the report shows').argParser(wholeNumber(0)).default(5))
    .addOption(new Option('--fail-under <score>', 'exit 1 if the overall score (0-100) is below this, or missing').argParser(percentage))
    .option('--strict', 'exit 1 if any question that applies is not answered')
    .addHelpText('after', EXAMPLES.assess)
    .action(async (file: string, options, command: Command) => {
      const { runAssess } = await import('./commands/assess.js');
      process.exitCode = await runAssess(file, { ...options, color: command.optsWithGlobals().color });
    });

  program
    .command('interview')
    .description('answer the questions in the terminal; answers are saved after each one, so you can stop and resume')
    .addOption(rubricOption(' (default: eight-characteristics)'))
    .addOption(new Option('-a, --answers <file>', 'the answers file to create, or to carry on with if it exists (default: <council-name>.answers.yaml)'))
    .option('--resume', 'carry on with the saved file for the council you name')
    .addHelpText('after', EXAMPLES.interview)
    .action(async (options, command: Command) => {
      const { runInterviewCommand } = await import('./commands/interview.js');
      process.exitCode = await runInterviewCommand({ ...options, color: command.optsWithGlobals().color });
    });

  program
    .command('compare')
    .description("compare two assessments of a council (say, last year's and this year's)")
    .argument('<before>', 'the earlier answers file')
    .argument('<after>', 'the later answers file')
    .addOption(formatOption(FORMATS.compare))
    .addOption(outputOption())
    .addHelpText('after', EXAMPLES.compare)
    .action(async (before: string, after: string, options) => {
      const { runCompare } = await import('./commands/compare.js');
      process.exitCode = await runCompare(before, after, options);
    });

  program
    .command('batch')
    .description('score many answers files (files, folders searched for *.yaml, or globs) and summarise the cohort')
    .argument('<inputs...>', 'answers files, folders or globs (quote globs; the tool expands them itself)')
    .addOption(formatOption(FORMATS.batch))
    .addOption(outputOption())
    .addOption(rubricOption(' (default: the one each file names; all files must share one)'))
    .addOption(new Option('--fail-under <score>', 'exit 1 if any council scores below this (0-100), naming them').argParser(percentage))
    .addOption(new Option('--shard <I/N>', 'score only every Nth file, starting with the Ith (for a CI matrix; see merge)').argParser(shard))
    .addHelpText('after', EXAMPLES.batch)
    .action(async (inputs: string[], options) => {
      const { runBatch } = await import('./commands/batch.js');
      process.exitCode = await runBatch(inputs, options);
    });

  program
    .command('merge')
    .description('combine the JSON outputs of "batch --shard" runs into the output of the whole cohort')
    .argument('<files...>', 'outputs of batch --format json')
    .addOption(outputOption())
    .addHelpText('after', EXAMPLES.merge)
    .action(async (files: string[], options) => {
      const { runMerge } = await import('./commands/merge.js');
      process.exitCode = await runMerge(files, options);
    });

  program
    .command('validate')
    .description('check rubric and answers files (by their "kind:") and report every mistake with its line')
    .argument('<files...>', 'rubric or answers files (YAML)')
    .addHelpText('after', EXAMPLES.validate)
    .action(async (files: string[]) => {
      const { runValidate } = await import('./commands/validate.js');
      process.exitCode = await runValidate(files);
    });

  program
    .command('template')
    .description('print a blank answers file, with every question and the scale as comments')
    .addOption(rubricOption(' (default: eight-characteristics)'))
    .addOption(outputOption())
    .option('--force', 'let --output replace a file that already exists (without it, an existing file is never touched)')
    .addHelpText('after', EXAMPLES.template)
    .action(async (options) => {
      const { runTemplate } = await import('./commands/template.js');
      process.exitCode = await runTemplate(options);
    });

  program
    .command('rubrics')
    .description('list the built-in rubrics')
    .addOption(formatOption(FORMATS.rubrics))
    .addHelpText('after', EXAMPLES.rubrics)
    .action(async (options) => {
      const { runRubrics } = await import('./commands/rubrics.js');
      process.exitCode = await runRubrics(options);
    });

  return program;
}

/** The only place that turns errors into exit codes and prints them. */
export async function run(argv: readonly string[]): Promise<void> {
  // Output piped into `head` and cut short is not an error: the command still finishes and its
  // exit code (a failed policy, a bad file) is the one the shell sees.
  const stdoutFailure = watchStandardStreams();
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error);
  }
  // Stream errors arrive a few ticks after the write: look once everything else is done.
  process.once('beforeExit', () => {
    const failed = stdoutFailure();
    if (failed === undefined) return;
    warn(`error: ${stdoutErrorMessage(failed)}`);
    if (Number(process.exitCode ?? 0) < EXIT.usage) process.exitCode = EXIT.usage;
  });
}

/** The current folder deleted under the command: Node says "uv_cwd"; a person needs to hear what happened. */
function inWords(error: unknown): unknown {
  const e = error as NodeJS.ErrnoException | null;
  if (e?.syscall === 'uv_cwd' || (e?.code === 'ENOENT' && /\buv_cwd\b/.test(e.message ?? ''))) {
    return new UsageError('the current folder no longer exists (it was deleted or moved); go to another folder and run the command again');
  }
  return error;
}

function report(raw: unknown): number {
  const error = inWords(raw);
  const code = exitCodeFor(error);
  if (error instanceof InputError) {
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  } else if (code === EXIT.usage && !(error as { code?: string }).code?.startsWith('commander.')) {
    process.stderr.write(`error: ${visibleMessage((error as Error).message)}\n`);
  } else if (code === EXIT.internal) {
    const detail = process.env.DEBUG ? `\n${(error as Error).stack}` : '';
    process.stderr.write(
      `council-resilience: internal error: ${visibleMessage((error as Error).message ?? String(error))}${detail}\n` +
        'This is a bug, not a mistake in your files. Please report it with the command you ran.\n',
    );
  }
  return code;
}
