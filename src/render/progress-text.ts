import type { ProgressReport } from '../core/progress.js';
import { visible } from '../core/visible.js';
import type { ProgressContext } from './progress-words.js';
import { countsLine, dueText, groups, heading, levelLine, ownerText, STATUS_WORDS } from './progress-words.js';
import { wrapText } from './wrap.js';

/**
 * Text a person wrote over several lines (a YAML `|` block), as its lines: each is shown on its own
 * line (and made visible on its own, so other control characters still show as escapes); the
 * block's final line break and blank lines are left out.
 */
function written(text: string): string[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.length === 0 ? [''] : lines;
}

/** The terminal view; every line fits `width` columns (default 80). Text from files is made visible. */
export function renderProgressText(r: ProgressReport, context: ProgressContext & { width?: number }): string {
  const width = context.width ?? 80;
  const para = (text: string, indent = '') => wrapText(text, width, indent);
  const out = [...para(visible(`${heading(r)}, on ${r.on}`)), ...para(visible(`Rubric: ${r.rubric.title}, version ${r.rubric.version}.`))];
  if (context.later !== undefined) out.push(...para(visible(`Levels now: from ${context.later}.`)));
  out.push('', ...para(countsLine(r.counts)));
  if (r.actions.length === 0) out.push('', 'The plan has no actions.');
  for (const group of groups(r)) {
    out.push('', group.title);
    for (const a of group.actions) {
      out.push(...para(`${visible(a.key)}${a.overdue ? ': OVERDUE' : ''}`, '  '));
      out.push(...written(a.action).flatMap((line) => para(visible(line), '    ')));
      out.push(...para(visible(`Owner: ${ownerText(a)}. Due: ${dueText(a)}. Status: ${STATUS_WORDS[a.status]}.`), '    '));
      out.push(...para(visible(levelLine(a, context)), '    '));
      if (a.latestNote !== null) {
        const [first = '', ...rest] = written(a.latestNote.text);
        out.push(...para(visible(`Latest note, ${a.latestNote.on}: ${first}`), '    '));
        for (const line of rest) out.push(...para(visible(line), '    '));
      }
    }
  }
  return `${out.join('\n')}\n`;
}
