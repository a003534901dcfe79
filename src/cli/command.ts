// What every command declares about itself, once: --help and the README's tables are made from it.
import type { Option } from 'commander';

export interface ArgumentDefinition {
  /** As commander writes it: `<answers>`, `<files...>`, `[key]`. */
  name: string;
  description: string;
}

export interface Example {
  /** The words after `council-resilience`. */
  args: string;
  comment?: string;
}

export interface CommandDefinition {
  name: string;
  /** One line: what the command is for, in --help and the README. */
  description: string;
  arguments?: readonly ArgumentDefinition[];
  /** Built on demand, so listing the commands costs nothing until one is parsed. */
  options?: () => Option[];
  examples: readonly Example[];
  /**
   * Runs the command and returns its exit code. Each definition imports its action here, lazily,
   * so starting the tool costs only what the command being run needs.
   * `args` are the positional arguments in order; `options` include the global ones (`color`).
   */
  run(args: readonly unknown[], options: Record<string, unknown>): Promise<number>;
}

export const PROGRAM_NAME = 'council-resilience';

/** The examples as --help shows them: one per line, comments lined up. */
export function examplesHelp(examples: readonly Example[]): string {
  const lines = examples.map((e) => `  $ ${PROGRAM_NAME} ${e.args}`);
  const width = Math.max(...lines.map((l) => l.length));
  const withComments = examples.map((e, i) => (e.comment ? `${lines[i]!.padEnd(Math.min(width, 76))}  # ${e.comment}` : lines[i]!));
  return `\nExamples:\n${withComments.join('\n')}`;
}
