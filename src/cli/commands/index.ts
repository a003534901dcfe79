// Every command, in the order --help lists them. A new command is its own module and one line here.
// Each is imported only when needed: running one command loads only its definition (and `--version`
// none), so start-up does not grow as commands are added.
import type { CommandDefinition } from '../command.js';

const LOADERS = {
  assess: async () => (await import('./assess.js')).assess,
  interview: async () => (await import('./interview.js')).interview,
  combine: async () => (await import('./combine.js')).combine,
  moderate: async () => (await import('./moderate.js')).moderate,
  compare: async () => (await import('./compare.js')).compare,
  explain: async () => (await import('./explain.js')).explain,
  plan: async () => (await import('./plan.js')).plan,
  progress: async () => (await import('./progress.js')).progress,
  batch: async () => (await import('./batch.js')).batch,
  merge: async () => (await import('./merge.js')).merge,
  validate: async () => (await import('./validate.js')).validate,
  template: async () => (await import('./template.js')).template,
  import: async () => (await import('./import.js')).importCommand,
  rubrics: async () => (await import('./rubrics.js')).rubrics,
} satisfies Record<string, () => Promise<CommandDefinition>>;

export type CommandName = keyof typeof LOADERS;
export const COMMAND_NAMES = Object.keys(LOADERS) as CommandName[];

export function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(LOADERS, word);
}

/** The definitions of the named commands (all of them by default), in --help order. */
export async function loadCommands(names: readonly CommandName[] = COMMAND_NAMES): Promise<CommandDefinition[]> {
  return Promise.all(COMMAND_NAMES.filter((n) => names.includes(n)).map((n) => LOADERS[n]()));
}
