/**
 * The columns a text report must fit: the terminal's width when stdout is one (at most 100, so
 * sentences stay readable; at least 20), otherwise 80, the width of a standard terminal, for a
 * file or a pipe.
 */
export function outputWidth(toFile = false): number {
  const columns = process.stdout.columns;
  if (toFile || !process.stdout.isTTY || !columns) return 80;
  return Math.max(20, Math.min(columns, 100));
}
