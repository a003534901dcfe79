import type { Comparison, IndicatorChange } from '../core/compare.js';
import type { Rubric } from '../core/types.js';
import { answerText } from './context.js';
import { signed, versionChanges, when } from './compare.js';
import { escapeHtml as h } from './escape.js';
import { oneDecimal } from './format.js';
import { CSS, documentHead } from './html.js';
import { renderCompareSvg } from './svg-compare.js';

// The assess report's styles, and this report's own: the chart shrinks to a narrow screen.
const EXTRA = `
svg.compare { max-width: 100%; height: auto; }
figure { margin: 1rem 0; }
table.scores { width: auto; min-width: 60%; }
table.scores tr.overall th, table.scores tr.overall td { font-weight: bold; }
table.scores caption { text-align: left; }
table.changes th[scope="row"] { font-weight: normal; }
table.changes td { white-space: nowrap; }
`.trim();

const title = (c: Comparison) => `Progress: ${c.after.council}`;

/**
 * `compare --format html`: one self-contained file (no script, nothing fetched), with the sections
 * of the markdown: the scores before and after (a chart, then the same numbers in a table), the
 * indicators that improved, regressed or were newly assessed, and the questions only one version of
 * the rubric asks.
 */
export function renderCompareHtml(c: Comparison, rubric: Rubric): string {
  const versions = c.rubric.before === c.rubric.after ? `version ${h(c.rubric.after)}` : `version ${h(c.rubric.before)} before, ${h(c.rubric.after)} after`;
  const out: string[] = [
    ...documentHead(title(c), `${CSS}\n${EXTRA}`),
    '<body>',
    '<header>',
    `<h1>${h(title(c))}</h1>`,
    `<p class="meta">From ${h(when(c.before))} to ${h(when(c.after))}. Rubric: ${h(rubric.title)}, ${versions}.</p>`,
    '</header>',
    '<main>',
    '<h2>Scores</h2>',
    `<figure>${renderCompareSvg(c).trim()}</figure>`,
    '<table class="scores">',
    '<caption class="muted">Scores out of 100, before and after, and the change</caption>',
    '<thead><tr><th scope="col">Characteristic</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Change</th></tr></thead>',
    '<tbody>',
    `<tr class="overall"><th scope="row">Overall</th>${figures(c.overall)}</tr>`,
    ...c.characteristics.map((ch) => `<tr><th scope="row">${h(ch.title)}</th>${figures(ch)}</tr>`),
    '</tbody>',
    '</table>',
  ];
  const list = (heading: string, rows: IndicatorChange[]) => {
    out.push(`<h2>${h(heading)} (${rows.length})</h2>`);
    if (rows.length === 0) {
      out.push('<p>None.</p>');
      return;
    }
    out.push(
      '<table class="changes">',
      '<thead><tr><th scope="col">Indicator</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>',
      '<tbody>',
      ...rows.map((r) => `<tr><th scope="row">${h(r.statement)}</th><td>${h(answerText(rubric, r.before))}</td><td>${h(answerText(rubric, r.after))}</td></tr>`),
      '</tbody>',
      '</table>',
    );
  };
  list('Improved', c.improved);
  list('Regressed', c.regressed);
  list('Newly assessed', c.newlyAssessed);
  for (const [heading, keys] of versionChanges(c)) {
    out.push(`<h2>${h(heading)} (${keys.length})</h2>`, '<ul>', ...keys.map((key) => `<li>${h(key)}</li>`), '</ul>');
  }
  out.push('</main>', `<footer>Rubric ${h(c.rubric.id)} version ${h(c.rubric.after)}.</footer>`, '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function figures(s: { before: number | null; after: number | null; change: number | null }): string {
  return `<td class="num">${oneDecimal(s.before)}</td><td class="num">${oneDecimal(s.after)}</td><td class="num">${signed(s.change)}</td>`;
}
