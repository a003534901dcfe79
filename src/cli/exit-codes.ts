import { InputError, UsageError } from '../core/errors.js';

export const EXIT = {
  ok: 0,
  /** The assessment ran but a policy failed (--fail-under, --strict). */
  policy: 1,
  /** Bad command line or invalid input. */
  usage: 2,
  /** A bug: an error nobody planned for. */
  internal: 70,
  /** The interview was interrupted (128 + SIGINT). */
  interrupted: 130,
} as const;

/** Commander's own errors that are not failures. */
const COMMANDER_SUCCESS = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError || error instanceof UsageError) return EXIT.usage;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    return COMMANDER_SUCCESS.has(code) && (error as { exitCode?: number }).exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return EXIT.internal;
}
