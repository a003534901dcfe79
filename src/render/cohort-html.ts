// batch --format html: the cohort report, one self-contained page for a policy team (SPEC
// "Researchers"). Pure: the batch result, the rubric and the per-indicator totals in, a string out.
import type { BatchResult } from '../core/batch.js';
import type { Stats } from '../core/cohort.js';
import type { IndicatorTotals, WeakIndicator } from '../core/indicator-totals.js';
import { weakestIndicators } from '../core/indicator-totals.js';
import type { Rubric } from '../core/types.js';
import { escapeHtml as h } from './escape.js';
import { count, oneDecimal, percent } from './format.js';
import { CSS, documentHead } from './html.js';

/** One group's statistics, as batch JSON's `groups` gives them (SPEC "Researchers"). */
export interface GroupStats {
  count: number;
  overall: Stats;
  characteristics: Record<string, Stats>;
}

/** A batch result, with `groups` when the batch ran with --group-by: field -> value -> statistics. */
export type CohortResult = BatchResult & { groups?: Record<string, Record<string, GroupStats>> };

export interface CohortContext {
  rubric: Rubric;
  /** Per indicator key, the totals the batch threads kept (see core/indicator-totals.ts). */
  indicators: IndicatorTotals;
}

/** Groups with fewer councils than this are flagged as too small to compare (SPEC). */
export const SMALL_GROUP = 5;

/**
 * The colour scale of the councils table: five steps of 20 points, light to dark blue. The number
 * is always in the cell, and each background keeps its text at 4.5:1 or more (dark text on the
 * three lightest, white on the two darkest).
 */
const SCALE = [
  { from: 0, to: 20, background: '#f3f7fb', text: '#0b0c0c', words: 'palest blue' },
  { from: 20, to: 40, background: '#d4e4f2', text: '#0b0c0c', words: 'pale blue' },
  { from: 40, to: 60, background: '#9dc2e3', text: '#0b0c0c', words: 'mid blue' },
  { from: 60, to: 80, background: '#5b93c7', text: '#0b0c0c', words: 'strong blue' },
  { from: 80, to: 100, background: '#1d5b96', text: '#ffffff', words: 'dark blue, white figures' },
] as const;

/** The step of the scale a score falls in, by the number shown (one decimal), so a cell never disagrees with its figure. */
function step(score: number | null): number | null {
  if (score === null) return null;
  const shown = Math.round(score * 10) / 10;
  const i = SCALE.findIndex((s) => shown < s.to);
  return i < 0 ? SCALE.length - 1 : Math.max(0, i);
}

const COHORT_CSS = `
${CSS.replace('@page { size: A4; margin: 18mm 16mm; }', '@page { size: A4 landscape; margin: 12mm; }').replace('max-width: 960px;', 'max-width: 1200px;')}
${SCALE.map((s, i) => `.s${i} { background: ${s.background}; color: ${s.text}; }`).join('\n')}
.s0, .s1, .s2, .s3, .s4 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.councils { font-size: .9rem; }
table.councils th, table.councils td { padding: .3rem .4rem; }
table.councils thead th { position: sticky; top: 0; vertical-align: bottom; }
table.councils th[scope="row"] { font-weight: normal; background: none; min-width: 15rem; }
@media (max-width: 480px) { table.councils th[scope="row"] { min-width: 9rem; } }
table.legend { width: auto; }
table.legend td { padding: .3rem .8rem; }
table.stats th[scope="row"], table.weakest td.statement { font-weight: normal; }
table.stats th[scope="row"] { background: none; }
svg.boxplot { max-width: 100%; height: auto; display: block; }
.file { display: block; color: #505a5f; font-size: .85em; overflow-wrap: anywhere; }
p.small { border-left: 4px solid #505a5f; padding-left: .6rem; }
@media print {
  table.councils { font-size: 8pt; }
  table.councils thead th { position: static; }
  thead { display: table-header-group; }
}
`.trim();

const STAT_HEADERS = '<th scope="col">Min</th><th scope="col">Q1</th><th scope="col">Median</th><th scope="col">Q3</th><th scope="col">Max</th><th scope="col">Mean</th>';
const statCells = (s: Stats) => [s.min, s.q1, s.median, s.q3, s.max, s.mean].map((n) => `<td class="num">${oneDecimal(n)}</td>`).join('');

export function renderCohortHtml(r: CohortResult, { rubric, indicators }: CohortContext): string {
  const ids = Object.keys(r.cohort.characteristics);
  const titles = new Map(rubric.characteristics.map((c) => [c.id, c.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const heading = `Cohort report: ${count(r.cohort.count, 'council')}`;
  const out: string[] = [
    ...documentHead(heading, COHORT_CSS),
    '<body>',
    '<header>',
    `<h1>${h(heading)}</h1>`,
    `<p class="meta">Rubric: ${h(rubric.title)}, version ${h(rubric.version)}.</p>`,
    '</header>',
    '<main>',
    ...summary(r),
    ...spread(r, ids, title),
    ...weakest(weakestIndicators(rubric, indicators, 10)),
    ...groups(r, ids, title),
    ...councils(r, ids, title),
    ...invalid(r),
    '<h2>About this report</h2>',
    "<p>Each council's answers are scored as in its own report: a characteristic's score is the weighted share of the top level reached by its answered questions, out of 100; " +
      '&ldquo;don&rsquo;t know&rdquo; counts as 0, and &ldquo;not applicable&rdquo; and unanswered questions are left out. ' +
      'Quartiles are worked out by linear interpolation between the ordered scores (as R and numpy do by default).</p>',
    '</main>',
    `<footer>Rubric ${h(rubric.id)} version ${h(rubric.version)}.</footer>`,
    '</body>',
    '</html>',
  ];
  return `${out.join('\n')}\n`;
}

function summary(r: CohortResult): string[] {
  const unscored = r.councils.length - r.cohort.count;
  const o = r.cohort.overall;
  const lines = [
    '<h2>Summary</h2>',
    `<p class="figure">${r.cohort.count}<span class="muted" style="font-size:1rem"> ${r.cohort.count === 1 ? 'council' : 'councils'} scored</span></p>`,
  ];
  const facts = [`${count(r.councils.length, 'answers file')} scored`];
  if (unscored > 0) facts.push(`${count(unscored, 'council')} with no overall score (no question answered)`);
  facts.push(r.invalid.length === 0 ? 'no invalid files' : `${count(r.invalid.length, 'invalid file')}, left out and listed at the end`);
  lines.push(`<p>${facts.join('; ')}.</p>`);
  if (o.median !== null) {
    lines.push(
      `<p>Overall scores range from ${oneDecimal(o.min)} to ${oneDecimal(o.max)} out of 100; the median is ${oneDecimal(o.median)}, ` +
        `half the councils score between ${oneDecimal(o.q1)} and ${oneDecimal(o.q3)}, and the mean is ${oneDecimal(o.mean)}.</p>`,
    );
  }
  return lines;
}

// The box plots: one row per characteristic (and overall) on a shared 0-100 axis.
const PLOT = { left: 170, right: 24, width: 760, row: 34, top: 12, axis: 34 } as const;

function spread(r: CohortResult, ids: readonly string[], title: (id: string) => string): string[] {
  const rows: BoxRow[] = [{ label: 'Overall', s: r.cohort.overall }, ...ids.map((id) => ({ label: title(id), s: r.cohort.characteristics[id]! }))];
  // A chart with nothing on it would say nothing: without a scored council there is none.
  if (r.cohort.overall.median === null) return ['<h2>Spread of scores</h2>', '<p>No council was scored, so there is no spread to show.</p>'];
  return [
    '<h2>Spread of scores</h2>',
    '<p>Each line runs from the lowest to the highest score; the box covers the middle half of the councils (from the lower quartile, Q1, to the upper quartile, Q3), the thick line is the median and the diamond the mean. The table after the chart gives the same numbers.</p>',
    `<figure>${boxPlotSvg(rows, "Box plots of the cohort's scores, overall and for each characteristic, on a scale of 0 to 100")}</figure>`,
    '<table class="stats">',
    '<caption class="muted">Scores out of 100 across the cohort</caption>',
    `<thead><tr><th scope="col">Characteristic</th>${STAT_HEADERS}</tr></thead>`,
    '<tbody>',
    ...rows.map(({ label, s }) => `<tr><th scope="row">${h(label)}</th>${statCells(s)}</tr>`),
    '</tbody>',
    '</table>',
  ];
}

interface BoxRow {
  label: string;
  s: Stats;
}

/**
 * Box plots on one 0-100 axis, a row each. Each box is a group with a <title> "label: min 12.5,
 * lower quartile ..., mean ..." (words, not Q1, so the only numbers are the statistics), and the
 * table after the chart has a row headed by the same label with those numbers.
 */
function boxPlotSvg(rows: readonly BoxRow[], title: string): string {
  const plotWidth = PLOT.width - PLOT.left - PLOT.right;
  const x = (v: number) => (PLOT.left + (Math.max(0, Math.min(100, v)) / 100) * plotWidth).toFixed(1);
  const height = PLOT.top + rows.length * PLOT.row + PLOT.axis;
  const svg: string[] = [
    `<svg class="boxplot" role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PLOT.width} ${height}" width="${PLOT.width}" height="${height}" font-family="Arial, Helvetica, sans-serif" font-size="13">`,
    `<title>${h(title)}</title>`,
  ];
  for (let t = 0; t <= 100; t += 20) {
    svg.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${PLOT.top}" y2="${PLOT.top + rows.length * PLOT.row}" stroke="#d8dde0"/>`);
    svg.push(`<text x="${x(t)}" y="${PLOT.top + rows.length * PLOT.row + 18}" text-anchor="middle" fill="#0b0c0c">${t}</text>`);
  }
  rows.forEach(({ label, s }, i) => {
    const mid = PLOT.top + i * PLOT.row + PLOT.row / 2;
    const chars = Array.from(label);
    const shownLabel = chars.length > 24 ? `${chars.slice(0, 23).join('')}…` : label;
    svg.push(`<text x="${PLOT.left - 10}" y="${(mid + 4).toFixed(1)}" text-anchor="end" fill="#0b0c0c">${h(shownLabel)}</text>`);
    if (s.min === null || s.q1 === null || s.median === null || s.q3 === null || s.max === null || s.mean === null) {
      svg.push(`<text x="${PLOT.left + 6}" y="${(mid + 4).toFixed(1)}" fill="#0b0c0c">not scored</text>`);
      return;
    }
    const said = `${label}: min ${oneDecimal(s.min)}, lower quartile ${oneDecimal(s.q1)}, median ${oneDecimal(s.median)}, upper quartile ${oneDecimal(s.q3)}, max ${oneDecimal(s.max)}, mean ${oneDecimal(s.mean)}`;
    const [top, bottom] = [(mid - 10).toFixed(1), (mid + 10).toFixed(1)];
    svg.push(
      `<g><title>${h(said)}</title>` +
        `<line x1="${x(s.min)}" x2="${x(s.max)}" y1="${mid}" y2="${mid}" stroke="#0b0c0c"/>` +
        `<line x1="${x(s.min)}" x2="${x(s.min)}" y1="${(mid - 6).toFixed(1)}" y2="${(mid + 6).toFixed(1)}" stroke="#0b0c0c"/>` +
        `<line x1="${x(s.max)}" x2="${x(s.max)}" y1="${(mid - 6).toFixed(1)}" y2="${(mid + 6).toFixed(1)}" stroke="#0b0c0c"/>` +
        `<rect x="${x(s.q1)}" y="${top}" width="${(Number(x(s.q3)) - Number(x(s.q1))).toFixed(1)}" height="20" fill="#9dc2e3" stroke="#0b0c0c"/>` +
        `<line x1="${x(s.median)}" x2="${x(s.median)}" y1="${top}" y2="${bottom}" stroke="#0b0c0c" stroke-width="3"/>` +
        `<path d="M${x(s.mean)} ${(mid - 5).toFixed(1)} l5 5 l-5 5 l-5 -5 z" fill="#ffffff" stroke="#0b0c0c"/>` +
        '</g>',
    );
  });
  svg.push('</svg>');
  return svg.join('');
}

function weakest(list: readonly WeakIndicator[]): string[] {
  const out = ['<h2>Weakest indicators</h2>'];
  if (list.length === 0) return [...out, '<p>No council answered any question with a level or &ldquo;don&rsquo;t know&rdquo;, so there is nothing to rank.</p>'];
  out.push(
    `<p>The ${list.length === 10 ? 'ten' : count(list.length, 'indicator')} with the lowest mean level across the cohort. ` +
      'The mean is of the levels the scores use: &ldquo;don&rsquo;t know&rdquo; counts as 0; &ldquo;not applicable&rdquo;, unanswered questions and questions that do not apply to a council are left out. ' +
      'Equal means are listed in the rubric&rsquo;s order.</p>',
    '<table class="weakest">',
    '<thead><tr><th scope="col">Rank</th><th scope="col">Indicator</th><th scope="col">Characteristic</th><th scope="col">Mean level</th><th scope="col">Councils scored</th><th scope="col">Of which don&rsquo;t know</th><th scope="col">Councils it applies to</th></tr></thead>',
    '<tbody>',
  );
  list.forEach((w, i) => {
    out.push(
      `<tr><td class="num">${i + 1}</td><td class="statement">${h(w.statement)}<span class="file">${h(w.key)}</span></td><td>${h(w.characteristic.title)}</td>` +
        `<td class="num">${w.mean.toFixed(2)} of ${w.max}</td><td class="num">${w.scored}</td><td class="num">${w.unknown}</td><td class="num">${w.applicable}</td></tr>`,
    );
  });
  out.push('</tbody>', '</table>');
  return out;
}

function groups(r: CohortResult, ids: readonly string[], title: (id: string) => string): string[] {
  if (!r.groups) return [];
  const out = ['<h2>Groups</h2>', `<p>Groups of fewer than ${SMALL_GROUP} councils are too small to compare: their figures are shown, and flagged.</p>`];
  for (const [field, values] of Object.entries(r.groups)) {
    const entries = Object.entries(values);
    out.push(`<h3>By ${h(field)}</h3>`);
    const small = entries.filter(([, g]) => g.count < SMALL_GROUP).length;
    out.push(`<p>${count(entries.length, 'group')}${small > 0 ? `, ${small} of them too small to compare` : ''}.</p>`);
    const scored = entries.filter(([, g]) => g.overall.median !== null);
    if (scored.length > 0) {
      out.push(`<figure>${boxPlotSvg(entries.map(([value, g]) => ({ label: value, s: g.overall })), `Box plots of the overall score out of 100 for each ${field}`)}</figure>`);
    }
    out.push(
      '<table class="stats groups">',
      `<caption class="muted">Overall score out of 100, by ${h(field)}</caption>`,
      `<thead><tr><th scope="col">${h(field)}</th><th scope="col">Councils</th>${STAT_HEADERS}<th scope="col">Note</th></tr></thead>`,
      '<tbody>',
      ...entries.map(
        ([value, g]) => `<tr><th scope="row">${h(value)}</th><td class="num">${g.count}</td>${statCells(g.overall)}<td>${g.count < SMALL_GROUP ? 'too small to compare' : ''}</td></tr>`,
      ),
      '</tbody>',
      '</table>',
      '<table class="stats groups">',
      `<caption class="muted">Median score out of 100 for each characteristic, by ${h(field)}</caption>`,
      `<thead><tr><th scope="col">${h(field)}</th><th scope="col">Councils</th>${ids.map((id) => `<th scope="col">${h(title(id))}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...entries.map(
        ([value, g]) =>
          `<tr><th scope="row">${h(value)}${g.count < SMALL_GROUP ? ' <span class="muted">(too small to compare)</span>' : ''}</th><td class="num">${g.count}</td>${ids.map((id) => `<td class="num">${oneDecimal(g.characteristics[id]?.median ?? null)}</td>`).join('')}</tr>`,
      ),
      '</tbody>',
      '</table>',
    );
  }
  return out;
}

function councils(r: CohortResult, ids: readonly string[], title: (id: string) => string): string[] {
  const cell = (score: number | null) => {
    const s = step(score);
    return s === null ? '<td class="num">–</td>' : `<td class="num s${s}">${oneDecimal(score)}</td>`;
  };
  const out = [
    '<h2>Councils</h2>',
    `<p>Every council scored, in the order of their files, with its overall score and each characteristic's, out of 100. ` +
      'Each score is shaded by its step on the scale below, from palest blue for the lowest scores to dark blue for the highest; the number is always shown, and &ldquo;–&rdquo; (unshaded) means not scored.</p>',
    '<table class="legend">',
    '<caption class="muted">The shading of scores</caption>',
    '<thead><tr><th scope="col">Scores</th><th scope="col">Shading</th></tr></thead>',
    '<tbody>',
    ...SCALE.map((s, i) => `<tr><td class="s${i}">${s.from.toFixed(1)} to ${i === SCALE.length - 1 ? '100.0' : (s.to - 0.1).toFixed(1)}</td><td>${s.words}</td></tr>`),
    '</tbody>',
    '</table>',
    '<table class="councils">',
    `<thead><tr><th scope="col">Council</th><th scope="col">Overall</th><th scope="col">Band</th><th scope="col">Answered</th>${ids.map((id) => `<th scope="col">${h(title(id))}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  ];
  for (const row of r.councils) {
    const file = row.file ? `<span class="file">${h(row.file)}</span>` : '';
    out.push(
      `<tr><th scope="row">${h(row.council)}${file}</th>${cell(row.overall)}<td>${h(row.band ?? 'not scored')}</td><td class="num">${percent(row.coverage)}</td>${ids.map((id) => cell(row.characteristics[id] ?? null)).join('')}</tr>`,
    );
  }
  out.push('</tbody>', '</table>');
  return out;
}

function invalid(r: CohortResult): string[] {
  if (r.invalid.length === 0) return [];
  return [
    `<h2>Invalid files (${r.invalid.length})</h2>`,
    '<p>These files could not be scored and are left out of every figure above.</p>',
    '<ul>',
    ...r.invalid.flatMap((bad) => bad.errors.map((e) => `<li>${h(e)}</li>`)),
    '</ul>',
  ];
}
