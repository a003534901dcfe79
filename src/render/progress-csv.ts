import type { ProgressReport } from '../core/progress.js';
import { csvText } from './batch.js';

/** SPEC's columns, then the latest note; text people typed (owners, notes) is quoted and made formula-safe. */
export const PROGRESS_CSV_COLUMNS = ['key', 'action', 'owner', 'due', 'status', 'overdue', 'baseline', 'target', 'now', 'moved', 'latestNoteOn', 'latestNote'] as const;

/** One row per action, in the report's order (overdue first); RFC 4180, an empty cell for null. */
export function renderProgressCsv(r: ProgressReport): string {
  const lines = [PROGRESS_CSV_COLUMNS.join(',')];
  const number = (n: number | null) => (n === null ? '' : String(n));
  const text = (s: string | null) => (s === null ? '' : csvText(s));
  for (const a of r.actions) {
    lines.push(
      [
        text(a.key),
        text(a.action),
        text(a.owner),
        text(a.due),
        a.status,
        String(a.overdue),
        number(a.baseline),
        number(a.target),
        number(a.now),
        number(a.moved),
        text(a.latestNote?.on ?? null),
        text(a.latestNote?.text ?? null),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
