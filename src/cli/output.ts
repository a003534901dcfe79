import type { InputProblem } from '../core/errors.js';
import { formatProblem, UsageError } from '../core/errors.js';
import { writeFileAtomic } from '../io/files.js';

/** Reports go to stdout, or atomically to --output. */
export async function emit(content: string, output?: string): Promise<void> {
  if (output !== undefined) {
    try {
      await writeFileAtomic(output, content);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(err));
      throw new UsageError(`cannot write ${output}: ${why}`);
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(content, (err) => (err ? reject(err) : resolve()));
  });
}

/** Warnings and errors: one line each on stderr. */
export function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function printWarnings(problems: readonly InputProblem[]): void {
  for (const p of problems) warn(formatProblem({ ...p, message: `warning: ${p.message}` }));
}
