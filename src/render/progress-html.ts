import type { ProgressAction, ProgressReport } from '../core/progress.js';
import { CSS, documentHead } from './html.js';
import { escapeHtml as h } from './escape.js';
import type { ProgressContext } from './progress-words.js';
import { countsLine, dueText, groups, heading, levelLine, ownerText, STATUS_WORDS } from './progress-words.js';

// The assess report's styles, and a few of this report's own. Overdue is said in words and bold,
// never by colour alone.
const EXTRA = `
table.actions th[scope="row"] { font-weight: normal; white-space: nowrap; }
table.actions .overdue { font-weight: bold; }
table.counts { width: auto; }
@media (max-width: 480px) { table.actions th[scope="row"] { white-space: normal; } }
`.trim();

/** One self-contained HTML file (no script, nothing fetched), as the assess report is. */
export function renderProgressHtml(r: ProgressReport, context: ProgressContext): string {
  const c = r.counts;
  const out: string[] = [
    ...documentHead(heading(r), `${CSS}\n${EXTRA}`),
    '<body>',
    '<header>',
    `<h1>${h(heading(r))}</h1>`,
    `<p class="meta">On ${h(r.on)}. Rubric: ${h(r.rubric.title)}, version ${h(r.rubric.version)}.${context.later === undefined ? '' : ` Levels now: from ${h(context.later)}.`}</p>`,
    '</header>',
    '<main>',
    '<h2>Summary</h2>',
    `<p>${h(countsLine(c))}</p>`,
    '<table class="counts">',
    '<thead><tr><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>',
    '<tbody>',
    ...(
      [
        ['Planned', c.planned],
        ['In progress', c['in-progress']],
        ['Done', c.done],
        ['Dropped', c.dropped],
        ['Overdue', c.overdue],
      ] as const
    ).map(([label, n]) => `<tr><th scope="row">${label}</th><td class="num">${n}</td></tr>`),
    '</tbody>',
    '</table>',
  ];
  if (r.actions.length === 0) out.push('<p>The plan has no actions.</p>');
  for (const group of groups(r)) {
    out.push(`<h2>${h(group.title)}</h2>`);
    out.push('<table class="actions">');
    out.push(
      '<thead><tr><th scope="col">Indicator</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th>' +
        '<th scope="col">Status</th><th scope="col">Level</th><th scope="col">Latest note</th></tr></thead>',
    );
    out.push('<tbody>');
    for (const a of group.actions) out.push(row(a, context));
    out.push('</tbody>', '</table>');
  }
  out.push('</main>', `<footer>Rubric ${h(r.rubric.id)} version ${h(r.rubric.version)}.</footer>`, '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function row(a: ProgressAction, context: ProgressContext): string {
  const due = a.overdue ? `<span class="overdue">${h(dueText(a))}</span>` : h(dueText(a));
  const note = a.latestNote === null ? '<span class="muted">none</span>' : `${h(a.latestNote.on)}: ${h(a.latestNote.text)}`;
  return (
    `<tr><th scope="row">${h(a.key)}</th><td>${h(a.action)}</td><td>${h(ownerText(a))}</td><td>${due}</td>` +
    `<td>${h(STATUS_WORDS[a.status])}</td><td>${h(levelLine(a, context))}</td><td class="evidence">${note}</td></tr>`
  );
}
