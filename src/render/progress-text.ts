import type { ProgressReport } from '../core/progress.js';
import { visible } from '../core/visible.js';
import type { ProgressContext } from './progress-words.js';
import { countsLine, dueText, groups, heading, levelLine, ownerText, STATUS_WORDS } from './progress-words.js';
import { wrapText } from './wrap.js';

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
      out.push(...para(visible(a.action), '    '));
      out.push(...para(visible(`Owner: ${ownerText(a)}. Due: ${dueText(a)}. Status: ${STATUS_WORDS[a.status]}.`), '    '));
      out.push(...para(visible(levelLine(a, context)), '    '));
      if (a.latestNote !== null) out.push(...para(visible(`Latest note, ${a.latestNote.on}: ${a.latestNote.text}`), '    '));
    }
  }
  return `${out.join('\n')}\n`;
}
