import type { ProgressReport } from '../core/progress.js';
import { inlineMarkdown as md } from './escape.js';
import { finishHeadings, heading, listItem, table, wrap } from './markdown-wrap.js';
import type { ProgressContext } from './progress-words.js';
import { countsLine, dueText, groups, heading as title, levelLine, ownerText, STATUS_WORDS } from './progress-words.js';

/** The progress report for a committee paper; passes markdownlint's default rules. */
export function renderProgressMarkdown(r: ProgressReport, context: ProgressContext): string {
  const out = [heading(1, md(title(r))), ''];
  out.push(...wrap(`On ${r.on}. Rubric: ${md(r.rubric.title)}, version ${md(r.rubric.version)}.`));
  if (context.later !== undefined) out.push(...wrap(`Levels now: from ${md(context.later)}.`));
  out.push('', ...wrap(countsLine(r.counts)), '');
  const c = r.counts;
  out.push(
    ...table(['Status', 'Actions'], ['l', 'r'], [
      ['Planned', String(c.planned)],
      ['In progress', String(c['in-progress'])],
      ['Done', String(c.done)],
      ['Dropped', String(c.dropped)],
      ['**Overdue**', String(c.overdue)],
    ]),
  );
  if (r.actions.length === 0) out.push('', 'The plan has no actions.');
  for (const group of groups(r)) {
    out.push('', heading(2, group.title), '');
    for (const a of group.actions) {
      // The action on the item's own line; its owner, date, status, levels and latest note beneath it.
      out.push(...listItem('-', `**${md(a.key)}**${a.overdue ? ' (overdue)' : ''}: ${md(a.action)}`));
      out.push(...listItem('  -', `Owner: ${md(ownerText(a))}. Due: ${md(dueText(a))}. Status: ${STATUS_WORDS[a.status]}.`));
      out.push(...listItem('  -', md(levelLine(a, context))));
      if (a.latestNote !== null) out.push(...listItem('  -', `Latest note, ${md(a.latestNote.on)}: ${md(a.latestNote.text)}`));
    }
  }
  return `${finishHeadings(out).join('\n')}\n`;
}
