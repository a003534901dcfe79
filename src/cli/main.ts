import { Command } from 'commander';
import { formatProblem, InputError, UsageError } from '../core/errors.js';
import { visible, visibleMessage } from '../core/visible.js';
import { toolVersion } from '../generated/version.js';
import { exitCodeFor, EXIT } from './exit-codes.js';
import { examplesHelp, PROGRAM_NAME, type CommandDefinition } from './command.js';
import type { CommandName } from './commands/index.js';
import { noColorOption } from './options.js';
import { stdoutErrorMessage, warn, watchStandardStreams } from './streams.js';

/** The program, with the definitions of the given commands (loaded by the caller: see `commandsFor`). */
export function buildProgram(definitions: readonly CommandDefinition[]): Command {
  const program = new Command(PROGRAM_NAME)
    .description(
      'Assess how well a council builds stronger, more resilient communities: score an answers file against a ' +
        'rubric and print a report with gaps and prioritised next steps.',
    )
    .version(toolVersion, '-V, --version', 'print the version number')
    .helpOption('-h, --help', 'show help')
    .addHelpCommand(false)
    .addOption(noColorOption())
    .showHelpAfterError('(add --help for usage)')
    // Commander's own errors quote what was typed; a value pasted with control characters in it
    // must not drive the terminal, so each line is shown with them made visible.
    .configureOutput({ writeErr: (text) => process.stderr.write(text.split('\n').map((line) => visible(line, { max: 1000 })).join('\n')) })
    .exitOverride();

  for (const definition of definitions) addCommand(program, definition);
  return program;
}

/** Commander's view of one command's definition; the action runs only when the command is chosen. */
function addCommand(program: Command, definition: CommandDefinition): void {
  const command = program.command(definition.name).description(definition.description);
  for (const argument of definition.arguments ?? []) command.argument(argument.name, argument.description);
  for (const option of definition.options?.() ?? []) command.addOption(option);
  command.addHelpText('after', examplesHelp(definition.examples));
  command.action(async (...received: unknown[]) => {
    // Commander passes the positional arguments, then the options, then the command itself.
    const self = received.at(-1) as Command;
    const args = received.slice(0, definition.arguments?.length ?? 0);
    process.exitCode = await definition.run(args, { ...self.opts(), color: self.optsWithGlobals().color });
  });
}

/**
 * The commands this command line needs: the one it names, else (help, a misspelt command, which
 * gets a suggestion) every one; `--version` alone needs none.
 */
async function commandsFor(argv: readonly string[]): Promise<CommandDefinition[]> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return [];
  const { isCommandName, loadCommands } = await import('./commands/index.js');
  const named = args.find((a) => !a.startsWith('-'));
  return loadCommands(named !== undefined && isCommandName(named) ? [named as CommandName] : undefined);
}

/** The only place that turns errors into exit codes and prints them. */
export async function run(argv: readonly string[]): Promise<void> {
  // Output piped into `head` and cut short is not an error: the command still finishes and its
  // exit code (a failed policy, a bad file) is the one the shell sees.
  const stdoutFailure = watchStandardStreams();
  try {
    await buildProgram(await commandsFor(argv)).parseAsync(argv);
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
