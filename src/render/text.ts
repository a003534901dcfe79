import type { Assessment, ScaleLevel } from '../core/types.js';
import { QUARTER_NAMES } from '../core/cohort.js';
import type { Placement } from '../core/types.js';
import { bar, oneDecimal, percent } from './format.js';
import type { Style } from './style.js';
import { plain } from './style.js';
import { wrap } from './wrap.js';

export interface TextOptions {
  style?: Style;
  /** How many next steps to show (SPEC default 5). */
  top?: number;
  /** The rubric's scale, to name levels ("Emerging") beside their numbers. */
  scale?: readonly ScaleLevel[];
  width?: number;
}

/** The terminal report: a bar per characteristic, the top next steps, and what is missing. */
export function renderText(a: Assessment, options: TextOptions = {}): string {
  const s = options.style ?? plain;
  const top = options.top ?? 5;
  const width = options.width ?? 80;
  const levelName = (v: number) => {
    const label = options.scale?.find((l) => l.value === v)?.label;
    return label ? `${v} ${label}` : String(v);
  };
  const out: string[] = [];
  const profile = Object.entries(a.council)
    .filter(([k, v]) => k !== 'name' && v !== null)
    .map(([, v]) => v);

  out.push(s.heading(`${a.council.name}${profile.length ? ` (${profile.join(', ')})` : ''}`));
  out.push(s.dim(`${a.rubric.title} · version ${a.rubric.version}`));
  const when = [a.assessedOn && `assessed ${a.assessedOn}`, a.assessor && `by ${a.assessor}`].filter(Boolean).join(' ');
  if (when) out.push(s.dim(when.charAt(0).toUpperCase() + when.slice(1)));
  out.push('');

  const applicable = a.characteristics.reduce((n, c) => n + c.indicators.filter((i) => i.applicable).length, 0);
  const o = a.overall;
  out.push(
    `${s.bold('Overall')}  ${s.score(s.bold(oneDecimal(o.score)), o.score)} / 100  ${o.band ?? 'no score yet'}` +
      s.dim(`  ·  ${percent(o.coverage)} of ${applicable} questions answered`),
  );
  if (a.cohort) {
    out.push(s.dim(`Cohort of ${a.cohort.count} councils: median ${oneDecimal(a.cohort.overall.median)}; this council is in the ${quarter(a.cohort.overall)}`));
  }
  out.push('');

  const titleWidth = Math.max(...a.characteristics.map((c) => c.title.length), 8);
  const bandWidth = Math.max(...a.characteristics.map((c) => (c.band ?? 'not scored').length), 10);
  for (const c of a.characteristics) {
    out.push(
      `  ${c.title.padEnd(titleWidth)}  ${s.score(bar(c.score, 20), c.score)} ${oneDecimal(c.score).padStart(5)}  ` +
        `${(c.band ?? 'not scored').padEnd(bandWidth)}  ${s.dim(`${percent(c.coverage).padStart(6)} answered`)}` +
        (a.cohort ? s.dim(`  cohort median ${oneDecimal(a.cohort.characteristics[c.id]?.median ?? null).padStart(5)}, ${quarter(a.cohort.characteristics[c.id])}`) : ''),
    );
  }
  out.push('');

  const shown = a.gaps.slice(0, top);
  if (a.gaps.length === 0) {
    out.push(s.bold('Next steps'));
    out.push(`  None: every scored indicator is at the target level (${a.target}).`);
  } else if (shown.length > 0) {
    out.push(s.bold(`Top ${shown.length} next step${shown.length === 1 ? '' : 's'}`) + s.dim(` (of ${a.gaps.length} gaps below level ${a.target})`));
    shown.forEach((gap, n) => {
      const statement = a.characteristics.flatMap((c) => c.indicators).find((i) => i.key === gap.key)?.statement ?? '';
      out.push(`  ${n + 1}. ${s.bold(gap.key)}${s.dim(` · now ${gap.unknown ? "don't know (counted as 0)" : levelName(gap.score)}`)}`);
      out.push(...wrap(statement, width, '     ').map(s.dim));
      const step = wrap(gap.nextStep, width, '       ');
      out.push(...step.map((line, i) => (i === 0 ? `     → ${line.trimStart()}` : line)));
    });
  }

  const unknown = a.characteristics.flatMap((c) => c.indicators).filter((i) => i.applicable && i.answer === 'unknown');
  const notApplicable = a.characteristics.flatMap((c) => c.indicators).filter((i) => !i.applicable);
  if (a.notAssessed.length > 0) {
    out.push('');
    out.push(s.warn(`Not assessed (${a.notAssessed.length}), left out of the scores:`));
    out.push(...wrap(a.notAssessed.join(', '), width, '  '));
  }
  if (unknown.length > 0) {
    out.push('');
    out.push(s.warn(`Don't know (${unknown.length}), counted as 0 until answered:`));
    out.push(...wrap(unknown.map((i) => i.key).join(', '), width, '  '));
  }
  if (notApplicable.length > 0) {
    out.push('');
    out.push(s.dim(`Does not apply to this council (${notApplicable.length}): ${notApplicable.map((i) => i.key).join(', ')}`));
  }
  return `${out.join('\n')}\n`;
}

function quarter(p: Placement | undefined): string {
  return p?.quartile ? QUARTER_NAMES[p.quartile] : 'no quarter (not scored)';
}
