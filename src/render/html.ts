import type { Assessment, IndicatorResult } from '../core/types.js';
import type { ReportContext } from './context.js';
import { answerText, levelLabel } from './context.js';
import { agreementSummaryLine, assessedBy, disputedIndicators, levelText, outcomeLine, viewsRange } from './agreement.js';
import { cohortLine, groupLine, showsGroup } from './cohort-line.js';
import { doneNotMovedHtml, planHtml, planHtmlIntro } from './plan-in-report.js';
import { escapeHtml as h } from './escape.js';
import { oneDecimal, percent } from './format.js';
import { quarterName } from './markdown.js';
import { hasOwnTargets, showsToTarget, TARGETS_NOTE, TO_TARGET_WORDS } from '../core/targets.js';
import { renderRadarSvg } from './svg-radar.js';
import { noStepsLine } from './next-steps-words.js';

// Inline, so the file is self-contained: no script, no web font, nothing fetched. Prints to A4.
export const CSS = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; line-height: 1.45; margin: 0 auto; max-width: 960px; padding: 24px; }
h1 { font-size: 1.9rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #005ea5; padding-bottom: .2rem; }
p.meta { color: #505a5f; margin-top: 0; }
.summary { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.figures { flex: 1 1 280px; }
.figure { font-size: 2.6rem; font-weight: bold; margin: 0; }
.band { font-size: 1.2rem; margin: .2rem 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid #d8dde0; vertical-align: top; }
th { background: #f3f2f1; }
td.num { text-align: right; white-space: nowrap; }
table.characteristics th[scope="row"], table.indicators th[scope="row"] { font-weight: normal; background: none; }
svg.radar { max-width: 100%; height: auto; }
table.indicators th:nth-child(1) { width: 50%; }
table.indicators th:nth-child(2) { width: 16%; }
.bar { background: #e8ebed; height: .9rem; width: 100%; min-width: 120px; }
.bar span { display: block; height: 100%; background: #005ea5; }
ol.steps li { margin-bottom: .7rem; }
.now { color: #505a5f; }
.evidence { color: #505a5f; font-size: .92rem; }
.muted { color: #6b7075; }
footer { margin-top: 2.5rem; font-size: .85rem; color: #505a5f; border-top: 1px solid #d8dde0; padding-top: .6rem; }
@media (max-width: 480px) {
  body { padding: 12px; }
  th, td { padding: .35rem .3rem; }
  .bar { min-width: 3rem; }
}
@media print {
  body { padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  tr, li, .summary { break-inside: avoid; }
  .bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();

// Only in the report of a combined file, so an ordinary file's report stays byte for byte as it was.
const TEAM_CSS = `
.views { color: #505a5f; font-size: .92rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .3rem; }
p.key { color: #505a5f; margin: 0 0 .3rem; font-size: .92rem; }
table.views-of th:nth-child(1) { width: 24%; }
table.views-of th:nth-child(2) { width: 18%; }
table.views-of th:nth-child(3) { width: 14%; }
p.outcome { border-left: 4px solid #505a5f; padding-left: .6rem; }
`.trim();

/** One self-contained HTML file to hand to a council: readable on screen, printable on A4. */
export function renderHtml(a: Assessment, { rubric, top, plan }: ReportContext): string {
  const indicators = a.characteristics.flatMap((c) => c.indicators);
  const applicable = indicators.filter((i) => i.applicable);
  const answered = applicable.filter((i) => i.answer !== null).length;
  const profile = (rubric.profile ?? []).filter((f) => typeof a.council[f.id] === 'string').map((f) => String(a.council[f.id]).replace(/-/g, ' '));
  const by = assessedBy(a);
  const meta = [
    a.assessedOn ? `Assessed on ${h(a.assessedOn)}` : 'Date of assessment not recorded',
    by ? `by ${h(by)}` : '',
  ].filter(Boolean).join(' ');
  // A column of toTarget only when some characteristic's differs from its score.
  const towards = a.characteristics.some((c) => showsToTarget(c.score, c.toTarget));
  const out: string[] = [
    ...documentHead(`Community resilience assessment: ${a.council.name}`, `${CSS}${a.agreement ? `\n${TEAM_CSS}` : ''}`),
    '<body>',
    '<header>',
    `<h1>Community resilience assessment: ${h(a.council.name)}</h1>`,
    `<p class="meta">${meta}.${profile.length ? ` Council type: ${h(profile.join(', '))}.` : ''} Rubric: ${h(rubric.title)}, version ${h(rubric.version)}.</p>`,
    '</header>',
    '<main>',
    '<h2>Summary</h2>',
    '<div class="summary">',
    '<div class="figures">',
    `<p class="figure">${a.overall.score === null ? 'Not scored' : `${oneDecimal(a.overall.score)}<span class="muted" style="font-size:1rem"> out of 100</span>`}</p>`,
    `<p class="band">${h(a.overall.band ?? 'No band')}</p>`,
    ...(showsToTarget(a.overall.score, a.overall.toTarget) ? [`<p>${oneDecimal(a.overall.score)}, ${oneDecimal(a.overall.toTarget)}% ${h(TO_TARGET_WORDS)}.</p>`] : []),
    `<p>${percent(a.overall.coverage)} of the questions that apply were answered (${answered} of ${applicable.length}).</p>`,
    ...(a.cohort ? [`<p>${cohortLine(a.cohort, a.overall.score)}.</p>`] : []),
    ...(a.cohort?.group ? [`<p>${h(groupLine(a.cohort.group, a.overall.score))}.</p>`] : []),
    '</div>',
    `<figure>${renderRadarSvg(a).trim()}</figure>`,
    '</div>',
    '<table class="characteristics">',
    `<thead><tr><th scope="col">Characteristic</th><th scope="col">Score</th>${towards ? '<th scope="col">Towards targets</th>' : ''}<th scope="col">Band</th><th scope="col">Answered</th>${a.cohort ? '<th scope="col">Cohort median</th><th scope="col">Quarter</th>' : ''}${showsGroup(a.cohort) ? '<th scope="col">Group median</th><th scope="col">Group quarter</th>' : ''}<th scope="col" style="width:30%">Out of 100</th></tr></thead>`,
    '<tbody>',
  ];
  for (const c of a.characteristics) {
    const width = c.score === null ? 0 : Math.max(0, Math.min(100, c.score));
    out.push(
      `<tr><th scope="row">${h(c.title)}</th><td class="num">${oneDecimal(c.score)}</td>${towards ? `<td class="num">${c.toTarget === null ? '–' : `${oneDecimal(c.toTarget)}%`}</td>` : ''}<td>${h(c.band ?? 'not scored')}</td><td class="num">${percent(c.coverage)}</td>` +
        (a.cohort ? `<td class="num">${oneDecimal(a.cohort.characteristics[c.id]?.median ?? null)}</td><td>${quarterName(a.cohort.characteristics[c.id])}</td>` : '') +
        (showsGroup(a.cohort) ? `<td class="num">${oneDecimal(a.cohort!.group!.characteristics[c.id]?.median ?? null)}</td><td>${quarterName(a.cohort!.group!.characteristics[c.id])}</td>` : '') +
        `<td><div class="bar" role="img" aria-label="${c.score === null ? 'not scored' : `${oneDecimal(c.score)} out of 100`}"><span style="width:${width.toFixed(1)}%"></span></div></td></tr>`,
    );
  }
  out.push('</tbody>', '</table>');

  out.push('<h2>Priority next steps</h2>');
  const shown = a.gaps.slice(0, top);
  const own = hasOwnTargets(a);
  if (plan && (shown.length > 0 || a.gaps.length === 0)) out.push(planHtmlIntro(plan));
  const none = noStepsLine(a, shown.length);
  if (none !== null) out.push(`<p>${h(none)}</p>`);
  else {
    out.push('<ol class="steps">');
    for (const gap of shown) {
      const statement = indicators.find((i) => i.key === gap.key)?.statement ?? gap.key;
      const range = viewsRange(indicators.find((i) => i.key === gap.key)?.views);
      const now = `${gap.unknown ? "don't know" : `${levelLabel(rubric, gap.score)} (${gap.score})`}${range ? `, ${range}` : ''}`;
      const aim = own ? ` Target: ${h(levelLabel(rubric, gap.target))} (${gap.target}).` : '';
      out.push(`<li><strong>${h(statement)}</strong> <span class="now">Now: ${h(now)}.${aim}</span><br>${h(gap.nextStep)}${plan ? planHtml(plan, gap) : ''}</li>`);
    }
    out.push('</ol>');
  }
  if (plan) out.push(...doneNotMovedHtml(plan, rubric.scale, (key) => indicators.find((i) => i.key === key)?.statement));

  if (a.agreement) out.push(...disagreements(a, rubric));

  for (const c of a.characteristics) {
    out.push(`<h2>${h(c.title)}</h2>`);
    const summary = rubric.characteristics.find((rc) => rc.id === c.id)?.summary;
    if (summary) out.push(`<p>${h(summary)}</p>`);
    const toward = showsToTarget(c.score, c.toTarget) ? `, ${oneDecimal(c.toTarget)}% ${h(TO_TARGET_WORDS)}` : '';
    out.push(`<p>Score: <strong>${oneDecimal(c.score)}</strong>${c.band ? ` (${h(c.band)})` : ''}${toward}. Answered: ${percent(c.coverage)}.</p>`);
    if (c.indicators.length === 0) continue;
    out.push('<table class="indicators"><thead><tr><th scope="col">Indicator</th><th scope="col">Answer</th><th scope="col">Evidence</th></tr></thead><tbody>');
    for (const i of c.indicators) out.push(indicatorRow(i, rubric));
    out.push('</tbody></table>');
  }

  const unknown = applicable.filter((i) => i.answer === 'unknown').map((i) => i.key);
  out.push(...keyList('Not assessed', 'These questions apply but have no answer yet; they are left out of the scores.', a.notAssessed, indicators));
  out.push(...keyList("Don't know", 'These count as 0 until they are answered.', unknown, indicators));

  out.push(
    '<h2>About this assessment</h2>',
    `<p>The council answered each question on a scale of ${rubric.scale.map((l) => `${l.value} (${h(l.label)})`).join(', ')}. ` +
      "A characteristic's score is the weighted share of the top level reached by its answered questions, out of 100; " +
      '&ldquo;don&rsquo;t know&rdquo; counts as 0, and &ldquo;not applicable&rdquo; and unanswered questions are left out. ' +
      "The overall score is the weighted average of the characteristics' scores. Next steps are ordered by how far each " +
      'question is below the target level, weighted by its importance.</p>',
  );
  if (hasOwnTargets(a)) out.push(`<p>${h(TARGETS_NOTE)}</p>`);
  if (rubric.source) out.push(`<p>Source of the framework: ${h(rubric.source)}</p>`);
  out.push('</main>', `<footer>Rubric ${h(rubric.id)} version ${h(rubric.version)}.</footer>`, '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function indicatorRow(i: IndicatorResult, rubric: ReportContext['rubric']): string {
  const answer = i.applicable ? answerText(rubric, i.answer) : 'Does not apply to this council';
  const evidence = [i.evidence ? h(i.evidence) : '', i.confidence ? `<span class="muted">(confidence: ${h(i.confidence)})</span>` : '']
    .filter(Boolean)
    .join(' ');
  const range = viewsRange(i.views);
  const target = i.target !== undefined ? `<br><span class="muted">Target: ${h(answerText(rubric, i.target))}</span>` : '';
  return `<tr><th scope="row">${h(i.statement)}</th><td>${h(answer)}${target}${range ? `<br><span class="views">${h(range)}</span>` : ''}</td><td class="evidence">${evidence}</td></tr>`;
}

/**
 * A combined file's "Where assessors disagreed": a heading per disputed indicator (h3 under the
 * section's h2), a table of its views with column headers and a caption, and the outcome in words
 * ("Agreed: ..." or "Not yet settled"), so nothing is told by colour or position alone.
 */
function disagreements(a: Assessment, rubric: ReportContext['rubric']): string[] {
  const out = ['<h2 id="disagreements">Where assessors disagreed</h2>', `<p>${h(agreementSummaryLine(a.agreement!))}</p>`];
  for (const { indicator: i, characteristic, settled } of disputedIndicators(a)) {
    out.push(`<h3>${h(i.statement)}</h3>`, `<p class="key">${h(characteristic)}: ${h(i.key)}</p>`);
    out.push(
      '<table class="views-of">',
      `<caption class="muted">Each assessor's view of ${h(i.key)}</caption>`,
      '<thead><tr><th scope="col">Assessor</th><th scope="col">Level</th><th scope="col">Confidence</th><th scope="col">Evidence</th></tr></thead>',
      '<tbody>',
    );
    for (const view of i.views ?? []) {
      out.push(
        `<tr><th scope="row">${h(view.assessor)}</th><td>${h(levelText(rubric.scale, view.score))}</td>` +
          `<td>${view.confidence ? h(view.confidence) : '<span class="muted">not given</span>'}</td><td class="evidence">${view.evidence ? h(view.evidence) : ''}</td></tr>`,
      );
    }
    out.push('</tbody>', '</table>');
    const evidence = settled && i.evidence ? ` Evidence: ${h(i.evidence)}` : '';
    out.push(`<p class="outcome"><strong>${h(outcomeLine(rubric.scale, i, settled))}</strong>${evidence}</p>`);
  }
  return out;
}

function keyList(title: string, intro: string, keys: readonly string[], indicators: IndicatorResult[]): string[] {
  if (keys.length === 0) return [];
  const items = keys.map((key) => `<li>${h(indicators.find((i) => i.key === key)?.statement ?? key)}</li>`);
  return [`<h2>${h(title)} (${keys.length})</h2>`, `<p>${h(intro)}</p>`, '<ul>', ...items, '</ul>'];
}

/** The start of every self-contained HTML report, up to </head>: British English, one inline style sheet. */
export function documentHead(title: string, css: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
  ];
}
