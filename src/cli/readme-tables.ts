// The README's usage, examples and option table for each command, made from the same definitions
// as --help (scripts/readme.mjs writes them; test/readme.test.ts fails when the README is stale).
import type { Option } from 'commander';
import { PROGRAM_NAME, type CommandDefinition } from './command.js';

export const GENERATED_START = (name: string) => `<!-- generated from src/cli/commands/${name}.ts by npm run readme: edit there -->`;
export const GENERATED_END = '<!-- end of generated text -->';

export function commandReference(definition: CommandDefinition, globalOptions: readonly Option[]): string {
  const args = (definition.arguments ?? []).map((a) => ` ${a.name}`).join('');
  const lines = ['```sh', ...definition.examples.map((e) => `${PROGRAM_NAME} ${e.args}${e.comment ? `   # ${e.comment}` : ''}`), '```', ''];
  lines.push(`Usage: \`${PROGRAM_NAME} ${definition.name}${args}${definition.options ? ' [options]' : ''}\``, '');
  const rows = [...(definition.arguments ?? []).map((a) => [a.name, a.description]), ...[...(definition.options?.() ?? []), ...globalOptions].map(optionRow)];
  lines.push('| argument or option | what it does |', '| --- | --- |', ...rows.map(([what, does]) => `| \`${cell(what!)}\` | ${cell(does!)} |`));
  return lines.join('\n');
}

function optionRow(option: Option): [string, string] {
  const extras: string[] = [];
  if (option.argChoices) extras.push(`one of: ${option.argChoices.join(', ')}`);
  if (option.defaultValue !== undefined && option.defaultValue !== false && !option.negate) extras.push(`default: ${String(option.defaultValue)}`);
  return [option.flags, extras.length ? `${option.description} (${extras.join('; ')})` : option.description];
}

/** Text inside a table cell: a pipe would end the cell, even inside backticks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The README with every command's generated block replaced; a command with no markers yet is left out. */
export function updateReadme(readme: string, definitions: readonly CommandDefinition[], globalOptions: readonly Option[]): string {
  let out = readme;
  for (const definition of definitions) {
    const start = GENERATED_START(definition.name);
    const from = out.indexOf(start);
    if (from < 0) continue;
    const to = out.indexOf(GENERATED_END, from);
    if (to < 0) throw new Error(`README: "${start}" has no "${GENERATED_END}" after it`);
    out = `${out.slice(0, from)}${start}\n\n${commandReference(definition, globalOptions)}\n\n${out.slice(to)}`;
  }
  return out;
}

export function missingFromReadme(readme: string, definitions: readonly CommandDefinition[]): string[] {
  return definitions.filter((d) => !readme.includes(GENERATED_START(d.name))).map((d) => d.name);
}
