import { QUARTER_NAMES } from '../core/cohort.js';
import { hasOwnTargets, showsToTarget, TARGETS_NOTE, TO_TARGET_WORDS } from '../core/targets.js';
import type { Assessment, IndicatorResult, Placement } from '../core/types.js';
import type { ReportContext } from './context.js';
import { answerText, levelLabel } from './context.js';
import { agreementSummaryLine, assessedBy, disputedIndicators, outcomeLine, viewLine, viewsRange } from './agreement.js';
import { cohortLine, groupLine, showsGroup } from './cohort-line.js';
import { doneNotMovedMarkdown, planMarkdownIntro, planMarkdownItems } from './plan-in-report.js';
import { inlineMarkdown as md } from './escape.js';
import { bar, oneDecimal, percent } from './format.js';
import { finishHeadings, heading, listItem, table, WIDTH, wrap } from './markdown-wrap.js';
import { noStepsLine } from './next-steps-words.js';

/** The report a consultant hands to a council; passes markdownlint's default rules. */
export function renderMarkdown(a: Assessment, { rubric, top, plan }: ReportContext): string {
  const out: string[] = [];
  const para = (text: string) => out.push(...wrap(text, WIDTH), '');
  const indicators = a.characteristics.flatMap((c) => c.indicators);
  const applicable = indicators.filter((i) => i.applicable);
  const answered = applicable.filter((i) => i.answer !== null).length;

  out.push(heading(1, `Community resilience assessment: ${md(a.council.name)}`), '');
  const profile = (rubric.profile ?? [])
    .filter((f) => typeof a.council[f.id] === 'string')
    .map((f) => md(String(a.council[f.id]).replace(/-/g, ' ')));
  const by = assessedBy(a);
  const when =
    a.assessedOn || by
      ? `Assessed${a.assessedOn ? ` on ${md(a.assessedOn)}` : ''}${by ? ` by ${md(by)}` : ''}.`
      : 'Date of assessment not recorded.';
  para(`${when}${profile.length ? ` Council type: ${profile.join(', ')}.` : ''}`);

  out.push(heading(2, 'Summary'), '');
  out.push(
    ...table(['Measure', 'Result'], ['l', 'l'], [
      ['Overall score', a.overall.score === null ? 'not scored' : `${oneDecimal(a.overall.score)} out of 100`],
      ...(showsToTarget(a.overall.score, a.overall.toTarget) ? [['Towards targets', `${oneDecimal(a.overall.toTarget)}% ${TO_TARGET_WORDS}`]] : []),
      ['Band', md(a.overall.band ?? 'none')],
      ['Questions answered', `${percent(a.overall.coverage)} (${answered} of ${applicable.length})`],
    ]),
    '',
  );
  para(`Rubric: ${md(rubric.title)}, version ${md(rubric.version)}.`);

  out.push(heading(2, 'Characteristics'), '');
  if (a.cohort) {
    // Narrower without the bar, so the cohort columns fit the line length.
    para(`${cohortLine(a.cohort, a.overall.score)}.`);
    if (a.cohort.group) para(`${md(groupLine(a.cohort.group, a.overall.score))}.`);
    const group = showsGroup(a.cohort);
    out.push(
      ...table(['Characteristic', 'Score', 'Band', 'Median', 'Quarter', ...(group ? ['Group median', 'Group quarter'] : [])], ['l', 'r', 'l', 'r', 'l', ...(group ? (['r', 'l'] as const) : [])], a.characteristics.map((c) => {
        const p = a.cohort!.characteristics[c.id];
        const g = a.cohort!.group?.characteristics[c.id];
        return [md(c.title), oneDecimal(c.score), md(c.band ?? 'not scored'), oneDecimal(p?.median ?? null), quarterName(p), ...(group ? [oneDecimal(g?.median ?? null), quarterName(g)] : [])];
      })),
    );
  } else {
    out.push(
      ...table(['Characteristic', 'Score', 'Band', 'Answered', 'Bar'], ['l', 'r', 'l', 'r', 'l'], a.characteristics.map((c) => [
        md(c.title), oneDecimal(c.score), md(c.band ?? 'not scored'), percent(c.coverage), `\`${bar(c.score, 10)}\``,
      ])),
    );
  }
  out.push('');

  out.push(heading(2, 'Priority next steps'), '');
  const shown = a.gaps.slice(0, top);
  const own = hasOwnTargets(a);
  if (plan && (shown.length > 0 || a.gaps.length === 0)) out.push(...planMarkdownIntro(plan));
  const none = noStepsLine(a, shown.length);
  if (none !== null) para(md(none));
  shown.forEach((gap, n) => {
    const indicator = indicators.find((i) => i.key === gap.key);
    const range = viewsRange(indicator?.views);
    const now = `${gap.unknown ? "don't know" : `${md(levelLabel(rubric, gap.score))} (${gap.score})`}${range ? `, ${md(range)}` : ''}`;
    const aim = own ? ` Target: ${md(levelLabel(rubric, gap.target))} (${gap.target}).` : '';
    out.push(...listItem(`${n + 1}.`, `**${md(indicator?.statement ?? gap.key)}** Now: ${now}.${aim} ${md(gap.nextStep)}`));
    if (plan) out.push(...planMarkdownItems(plan, gap, `${n + 1}.`));
  });
  if (shown.length > 0) out.push('');
  if (a.gaps.length > shown.length) para(`${a.gaps.length - shown.length} more questions are below ${own ? 'their targets' : 'the target level'}; each characteristic's answers are set out below.`);
  if (plan) out.push(...doneNotMovedMarkdown(plan));

  if (a.agreement) out.push(...disagreements(a, rubric));

  for (const c of a.characteristics) {
    out.push(heading(2, md(c.title)), '');
    const summary = rubric.characteristics.find((rc) => rc.id === c.id)?.summary;
    if (summary) para(md(summary));
    const towards = showsToTarget(c.score, c.toTarget) ? `, ${oneDecimal(c.toTarget)}% ${TO_TARGET_WORDS}` : '';
    para(`Score: ${oneDecimal(c.score)}${c.band ? ` (${md(c.band)})` : ''}${towards}. Answered: ${percent(c.coverage)}.`);
    if (c.indicators.length === 0) para('This characteristic has no questions.');
    for (const i of c.indicators) out.push(...indicatorItem(i, rubric));
    if (c.indicators.length > 0) out.push('');
  }

  const unknown = applicable.filter((i) => i.answer === 'unknown');
  out.push(...keyList('Not assessed', 'These questions apply but have no answer yet; they are left out of the scores.', a.notAssessed, indicators));
  out.push(...keyList("Don't know", 'These count as 0 until they are answered.', unknown.map((i) => i.key), indicators));

  out.push(heading(2, 'About this assessment'), '');
  para(
    `The council answered each question on a scale of ${rubric.scale.map((l) => `${l.value} (${md(l.label)})`).join(', ')}. ` +
      "A characteristic's score is the weighted share of the top level reached by its answered questions, " +
      "out of 100; \"don't know\" counts as 0, and \"not applicable\" and unanswered questions are left out. " +
      "The overall score is the weighted average of the characteristics' scores. Next steps are ordered by " +
      'how far each question is below the target level, weighted by its importance.',
  );
  if (hasOwnTargets(a)) para(md(TARGETS_NOTE));
  if (rubric.source) para(`Source of the framework: ${md(rubric.source)}`);
  while (out.at(-1) === '') out.pop();
  return `${finishHeadings(out).join('\n')}\n`;
}

function indicatorItem(i: IndicatorResult, rubric: ReportContext['rubric']): string[] {
  const range = viewsRange(i.views);
  const answer = i.applicable ? md(answerText(rubric, i.answer)) : 'Does not apply to this council';
  let text = `- **${md(i.statement)}** ${answer}${range ? `, ${md(range)}` : ''}.`;
  if (i.target !== undefined) text += ` Target: ${md(answerText(rubric, i.target))}.`;
  if (i.evidence) text += ` Evidence: ${md(i.evidence)}`;
  if (i.confidence) text += ` (confidence: ${md(i.confidence)})`;
  return listItem('-', text.slice(2));
}

/**
 * A combined file's "Where assessors disagreed": one item per disputed indicator (its statement and
 * key), a nested item per view, and the agreed level and reason, or "not yet settled".
 */
function disagreements(a: Assessment, rubric: ReportContext['rubric']): string[] {
  const out = [heading(2, 'Where assessors disagreed'), '', ...wrap(md(agreementSummaryLine(a.agreement!)), WIDTH), ''];
  const disputed = disputedIndicators(a);
  for (const { indicator: i, settled } of disputed) {
    out.push(...listItem('-', `**${md(i.statement)}** (\`${i.key}\`)`));
    for (const view of i.views ?? []) {
      const evidence = view.evidence ? ` Evidence: ${md(view.evidence)}` : '';
      out.push(...nested(`${md(viewLine(rubric.scale, view))}.${evidence}`));
    }
    const evidence = settled && i.evidence ? ` Evidence: ${md(i.evidence)}` : '';
    out.push(...nested(`${md(outcomeLine(rubric.scale, i, settled))}${evidence}`));
  }
  if (disputed.length > 0) out.push('');
  return out;
}

/** An item of a list nested two spaces under an item of "-" (markdownlint's MD007). */
function nested(text: string): string[] {
  return wrap(text, WIDTH - 4).map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`));
}

function keyList(title: string, intro: string, keys: readonly string[], indicators: IndicatorResult[]): string[] {
  if (keys.length === 0) return [];
  const out = [heading(2, `${title} (${keys.length})`), '', ...wrap(intro, WIDTH), ''];
  for (const key of keys) {
    const statement = indicators.find((i) => i.key === key)?.statement ?? key;
    out.push(...listItem('-', md(statement)));
  }
  out.push('');
  return out;
}

export function quarterName(p: Placement | undefined): string {
  return p?.quartile ? QUARTER_NAMES[p.quartile] : '–';
}
