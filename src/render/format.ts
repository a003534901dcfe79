// How numbers read in every human format: one decimal (SPEC), never rounded in JSON.

export function oneDecimal(value: number | null): string {
  return value === null ? '–' : (Math.round(value * 10) / 10).toFixed(1);
}

export function percent(fraction: number): string {
  return `${oneDecimal(fraction * 100)}%`;
}

/** A bar of `width` cells for a 0-100 score, in characters any terminal and font can show. */
export function bar(score: number | null, width: number, full = '█', empty = '░'): string {
  const filled = score === null ? 0 : Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return full.repeat(filled) + empty.repeat(width - filled);
}

/** "1 council", "4 councils": a count with its noun. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A path or value as a shell word, so a command shown to carry on can be pasted as it is. */
export function shellQuote(text: string): string {
  return /^[\w./,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}
