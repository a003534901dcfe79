import type { Assessment, ScaleLevel } from '../core/types.js';
import { QUARTER_NAMES } from '../core/cohort.js';
import { cohortLine, groupLine, showsGroup } from './cohort-line.js';
import type { Placement } from '../core/types.js';
import { visible } from '../core/visible.js';
import { hasOwnTargets, showsToTarget, TO_TARGET_WORDS } from '../core/targets.js';
import type { PlanInReport } from '../core/plan.js';
import { doneNotMovedText, planTextIntro, planTextLines } from './plan-in-report.js';
import { noStepsLine } from './next-steps-words.js';
import { agreementSummaryLine, assessedBy, disputedIndicators, outcomeLine, viewLine, viewsRange } from './agreement.js';
import { bar, count, oneDecimal, percent } from './format.js';
import type { Style } from './style.js';
import { plain } from './style.js';
import { columns, padEnd } from './width.js';
import { wrapText } from './wrap.js';

export interface TextOptions {
  style?: Style;
  /** How many next steps to show (SPEC default 5). */
  top?: number;
  /** The rubric's scale, to name levels ("Emerging") beside their numbers. */
  scale?: readonly ScaleLevel[];
  /** Terminal columns every line must fit (default 80; the CLI passes the terminal's width). */
  width?: number;
  /** assess --plan: each next step's action, and the actions marked done whose level has not moved. */
  plan?: PlanInReport;
  /** For a screen reader (interview --accessible): each score in a sentence, "out of 100", with no bar of block characters. */
  words?: boolean;
}

/** Text from a file, safe for a terminal line: control characters shown as escapes. */
const v = (text: string) => visible(text);

const BAR_MAX = 20;
const BAR_MIN = 10;

/** The terminal report: a bar per characteristic, the top next steps, and what is missing. */
export function renderText(a: Assessment, options: TextOptions = {}): string {
  const s = options.style ?? plain;
  const top = options.top ?? 5;
  const width = Math.max(20, options.width ?? 80);
  const levelName = (value: number) => {
    const label = options.scale?.find((l) => l.value === value)?.label;
    return label ? `${value} ${v(label)}` : String(value);
  };
  const out: string[] = [];
  const profile = Object.entries(a.council)
    .filter(([k, value]) => k !== 'name' && value !== null)
    .map(([, value]) => v(String(value)));

  out.push(...wrapText(`${v(a.council.name)}${profile.length ? ` (${profile.join(', ')})` : ''}`, width).map(s.heading));
  const version = `version ${v(a.rubric.version)}`;
  const title = wrapText(v(a.rubric.title), width);
  // "· version 1.0.0" stays whole: beside the title's last line, or on a line of its own.
  if (title.length > 0 && columns(`${title.at(-1)} · ${version}`) <= width) title.push(`${title.pop()} · ${version}`);
  else title.push(...wrapText(version, width));
  out.push(...title.map(s.dim));
  const by = assessedBy(a);
  const when = [a.assessedOn && `assessed ${v(a.assessedOn)}`, by && `by ${v(by)}`].filter(Boolean).join(' ');
  if (when) out.push(...wrapText(when.charAt(0).toUpperCase() + when.slice(1), width).map(s.dim));
  out.push('');

  const applicable = a.characteristics.reduce((n, c) => n + c.indicators.filter((i) => i.applicable).length, 0);
  const o = a.overall;
  const overall = `Overall  ${oneDecimal(o.score)} / 100  ${o.band === null ? 'no score yet' : v(o.band)}`;
  const answered = applicable === 0 ? 'no questions apply to this council' : `${percent(o.coverage)} of ${count(applicable, 'question')} answered`;
  const styledOverall = `${s.bold('Overall')}  ${s.score(s.bold(oneDecimal(o.score)), o.score)} / 100  ${o.band === null ? 'no score yet' : v(o.band)}`;
  if (options.words) {
    const said = o.score === null ? 'Overall: no score yet' : `Overall: ${oneDecimal(o.score)} out of 100, ${o.band === null ? 'no band' : v(o.band)}`;
    out.push(...wrapText(`${said}; ${answered}.`, width));
  } else if (columns(`${overall}  ·  ${answered}`) <= width) out.push(styledOverall + s.dim(`  ·  ${answered}`));
  else {
    out.push(...(columns(overall) <= width ? [styledOverall] : wrapText(overall, width)));
    out.push(...wrapText(answered, width).map(s.dim));
  }
  if (showsToTarget(o.score, o.toTarget)) {
    out.push(...wrapText(`${oneDecimal(o.score)}, ${oneDecimal(o.toTarget)}% ${TO_TARGET_WORDS}`, width));
  }
  if (a.cohort) {
    out.push(...wrapText(cohortLine(a.cohort, a.overall.score), width).map(s.dim));
    if (a.cohort.group) out.push(...wrapText(v(groupLine(a.cohort.group, a.overall.score)), width).map(s.dim));
  }
  out.push('');

  if (options.words) {
    for (const c of a.characteristics) {
      const score = c.score === null ? 'not scored' : `${oneDecimal(c.score)} out of 100, ${c.band === null ? 'no band' : v(c.band)}`;
      out.push(...wrapText(`${v(c.title)}: ${score}; ${percent(c.coverage)} answered.`, width, '  '));
    }
  } else out.push(...characteristicRows(a, s, width));
  out.push('');

  const shown = a.gaps.slice(0, top);
  // With targets of its own, each gap is measured against its indicator's target, not one level.
  const own = hasOwnTargets(a);
  const none = noStepsLine(a, shown.length);
  if (none !== null) {
    out.push(s.bold('Next steps'));
    if (options.plan && a.gaps.length === 0) out.push(...planTextIntro(options.plan, width, s));
    out.push(...wrapText(none, width, '  '));
  } else {
    const head = `Top ${shown.length} next step${shown.length === 1 ? '' : 's'}`;
    const of = own ? ` (of ${a.gaps.length} gaps below their targets)` : ` (of ${a.gaps.length} gaps below level ${a.target})`;
    if (columns(head + of) <= width) out.push(s.bold(head) + s.dim(of));
    else out.push(...wrapText(head, width).map(s.bold), ...wrapText(of.trim(), width).map(s.dim));
    if (options.plan) out.push(...planTextIntro(options.plan, width, s));
    shown.forEach((gap, n) => {
      const indicator = a.characteristics.flatMap((c) => c.indicators).find((i) => i.key === gap.key);
      const statement = indicator?.statement ?? '';
      const number = `  ${n + 1}. `;
      const key = v(gap.key);
      const range = viewsRange(indicator?.views);
      const aim = own ? `, target ${levelName(gap.target)}` : '';
      const now = ` · now ${gap.unknown ? "don't know (counted as 0)" : levelName(gap.score)}${range ? `, ${range}` : ''}${aim}`;
      if (columns(number + key + now) <= width) out.push(`${number}${s.bold(key)}${s.dim(now)}`);
      else out.push(...wrapText(key + now, width, '     ').map((line, i) => (i === 0 ? number + line.trimStart() : line)).map(s.dim));
      out.push(...wrapText(v(statement), width, '     ').map(s.dim));
      const step = wrapText(v(gap.nextStep), width, '       ');
      out.push(...step.map((line, i) => (i === 0 ? `     → ${line.trimStart()}` : line)));
      if (options.plan) out.push(...planTextLines(options.plan, gap, width));
    });
  }
  if (options.plan) out.push(...doneNotMovedText(options.plan, width, s));

  if (a.agreement) out.push('', ...disagreements(a, s, width, options.scale));

  const unknown = a.characteristics.flatMap((c) => c.indicators).filter((i) => i.applicable && i.answer === 'unknown');
  const notApplicable = a.characteristics.flatMap((c) => c.indicators).filter((i) => !i.applicable);
  if (a.notAssessed.length > 0) {
    out.push('');
    out.push(...wrapText(`Not assessed (${a.notAssessed.length}), left out of the scores:`, width).map(s.warn));
    out.push(...wrapText(a.notAssessed.map(v).join(', '), width, '  '));
  }
  if (unknown.length > 0) {
    out.push('');
    out.push(...wrapText(`Don't know (${unknown.length}), counted as 0 until answered:`, width).map(s.warn));
    out.push(...wrapText(unknown.map((i) => v(i.key)).join(', '), width, '  '));
  }
  if (notApplicable.length > 0) {
    out.push('');
    const lines = wrapText(`Does not apply to this council (${notApplicable.length}): ${notApplicable.map((i) => v(i.key)).join(', ')}`, width, '  ');
    out.push(...lines.map((line, i) => (i === 0 ? line.trimStart() : line)).map(s.dim));
  }
  return `${out.join('\n')}\n`;
}

/**
 * A combined file's "Where assessors disagreed": the summary, then each disputed indicator with
 * every view (assessor, level, confidence, evidence) and the agreed level and reason, or "not yet
 * settled". Every word from a file goes through visible(), as everywhere in this report.
 */
function disagreements(a: Assessment, s: Style, width: number, scale: readonly ScaleLevel[] | undefined): string[] {
  const out = [...wrapText('Where assessors disagreed', width).map(s.bold), ...wrapText(v(agreementSummaryLine(a.agreement!)), width, '  ')];
  disputedIndicators(a).forEach(({ indicator: i, settled }, n) => {
    const number = `  ${n + 1}. `;
    out.push('');
    out.push(...wrapText(v(i.key), width, '     ').map((line, at) => (at === 0 ? number + s.bold(line.trimStart()) : s.bold(line))));
    out.push(...wrapText(v(i.statement), width, '     ').map(s.dim));
    for (const view of i.views ?? []) {
      out.push(...wrapText(v(viewLine(scale, view)), width, '       ').map((line, at) => (at === 0 ? `     - ${line.trimStart()}` : line)));
      if (view.evidence) out.push(...wrapText(v(`Evidence: ${view.evidence}`), width, '       ').map(s.dim));
    }
    const outcome = wrapText(v(outcomeLine(scale, i, settled)), width, '     ');
    out.push(...(settled ? outcome : outcome.map(s.warn)));
    if (settled && i.evidence) out.push(...wrapText(v(`Evidence: ${i.evidence}`), width, '     ').map(s.dim));
  });
  return out;
}

/**
 * One row per characteristic: title, bar, score, band, coverage (and the cohort's median under it).
 * The bar shrinks from 20 to 10 cells to fit the width; when even that is too wide, the title takes
 * a line of its own and the figures go on the next.
 */
function characteristicRows(a: Assessment, s: Style, width: number): string[] {
  const rows = a.characteristics.map((c) => ({
    c,
    title: v(c.title),
    band: c.band === null ? 'not scored' : v(c.band),
    coverage: `${percent(c.coverage).padStart(6)} answered`,
  }));
  const titleWidth = Math.max(...rows.map((r) => columns(r.title)), 8);
  const bandWidth = Math.max(...rows.map((r) => columns(r.band)), 10);
  // "  title  BAR score  band  coverage": everything but the bar.
  const figures = 1 + 5 + 2 + bandWidth + 2 + 15;
  const oneLine = Math.min(BAR_MAX, width - (2 + titleWidth + 2 + figures));
  const stacked = oneLine < BAR_MIN;
  const barWidth = stacked ? Math.max(BAR_MIN, Math.min(BAR_MAX, width - 4 - figures)) : oneLine;
  const figureIndent = stacked ? '    ' : ' '.repeat(2 + titleWidth + 2);

  const out: string[] = [];
  for (const { c, title, band, coverage } of rows) {
    const score = oneDecimal(c.score).padStart(5);
    const parts = [
      { text: `${bar(c.score, barWidth)} ${score}`, style: () => `${s.score(bar(c.score, barWidth), c.score)} ${score}` },
      { text: padEnd(band, bandWidth), style: (t: string) => t },
      { text: coverage, style: s.dim },
    ];
    if (!stacked) {
      out.push(`  ${padEnd(title, titleWidth)}  ${parts.map((p) => p.style(p.text)).join('  ')}`);
    } else {
      out.push(...wrapText(title, width, '  '));
      out.push(...fitParts(parts, width, figureIndent));
    }
    if (showsToTarget(c.score, c.toTarget)) {
      const line = `${oneDecimal(c.toTarget)}% ${TO_TARGET_WORDS}`;
      if (columns(figureIndent + line) <= width) out.push(figureIndent + line);
      else out.push(...wrapText(line, width, '    '));
    }
    if (a.cohort) {
      const p = a.cohort.characteristics[c.id];
      const cohort = `cohort median ${oneDecimal(p?.median ?? null).padStart(5)}, ${quarter(p)}`;
      if (columns(figureIndent + cohort) <= width) out.push(s.dim(figureIndent + cohort));
      else out.push(...wrapText(cohort, width, '    ').map(s.dim));
      if (showsGroup(a.cohort)) {
        const g = a.cohort.group!.characteristics[c.id];
        const group = `group median  ${oneDecimal(g?.median ?? null).padStart(5)}, ${quarter(g)}`;
        if (columns(figureIndent + group) <= width) out.push(s.dim(figureIndent + group));
        else out.push(...wrapText(group, width, '    ').map(s.dim));
      }
    }
  }
  return out;
}

/** Parts joined by two spaces, starting a new (indented) line when the next part would not fit. */
function fitParts(parts: { text: string; style: (text: string) => string }[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const part of parts) {
    // Padding kept (the columns line up), but never counted against the width at a line's end.
    const text = part.text;
    const w = columns(text.trimEnd());
    if (line && used + 2 + w > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    if (!line) {
      if (columns(indent) + w > width) {
        // Wider than a whole line (a very long band label): wrapped on its own.
        lines.push(...wrapText(text.trimEnd(), width, indent).map(part.style));
        continue;
      }
      line = indent + part.style(text);
      used = columns(indent) + columns(text);
    } else {
      line += `  ${part.style(text)}`;
      used += 2 + columns(text);
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

function quarter(p: Placement | undefined): string {
  if (p?.quartile) return QUARTER_NAMES[p.quartile];
  return p?.median === null ? 'no scores in the cohort' : 'no quarter (not scored)';
}
