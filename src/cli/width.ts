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

/**
 * The columns the text of a prompt screen (`interview`, `moderate`) is wrapped to: the terminal's
 * width, taken as 40 to 100 (80 when it is not known), less 2 so no line runs to the edge.
 */
export function promptWidth(): number {
  const columns = process.stdout.columns;
  return Math.max(40, Math.min(columns || 80, 100)) - 2;
}
