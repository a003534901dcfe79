// The words every human report uses for a combined file's views (SPEC "Several assessors"), in one
// place so text, markdown and HTML say the same. Plain text out: each renderer escapes it its way.
import { isSettled } from '../core/agreement.js';
import type { Agreement, Assessment, IndicatorResult, IndicatorView, ScaleLevel } from '../core/types.js';
import { count } from './format.js';

/**
 * What the views were, said beside the answer:
 * - one view: "from 1 assessor";
 * - every view the same: "both assessors agree", "all 3 assessors agree";
 * - otherwise "views 1–3 from 3 assessors": the range of the numbers (one number alone: "2"), then
 *   "don't know" and "not applicable" where any view says so: "views 2 and not applicable from 2
 *   assessors", "views 1–3, don't know and not applicable from 5 assessors".
 * No views (an indicator nobody answered, or a file without views): null, and nothing is shown.
 */
export function viewsRange(views: readonly IndicatorView[] | undefined): string | null {
  if (views === undefined || views.length === 0) return null;
  const n = views.length;
  if (n === 1) return 'from 1 assessor';
  if (views.every((view) => view.score === views[0]!.score)) return n === 2 ? 'both assessors agree' : `all ${n} assessors agree`;
  const numbers = views.map((view) => view.score).filter((s): s is number => typeof s === 'number');
  const parts: string[] = [];
  if (numbers.length > 0) {
    const [lo, hi] = [Math.min(...numbers), Math.max(...numbers)];
    parts.push(lo === hi ? String(lo) : `${lo}–${hi}`);
  }
  if (views.some((view) => view.score === 'unknown')) parts.push("don't know");
  if (views.some((view) => view.score === 'n/a')) parts.push('not applicable');
  const said = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `views ${said} from ${n} assessors`;
}

/**
 * Who answered, for a report's first lines: the file's `assessor`, else (a combined file) its
 * assessors, "Head of HR, Finance and Head of Commissioning"; undefined when neither is known.
 */
export function assessedBy(a: Assessment): string | undefined {
  if (a.assessor !== undefined) return a.assessor;
  const names = a.agreement?.assessors ?? [];
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A level as the reports name it: "1 Emerging", "Don't know", "Not applicable" (a number off the scale: just the number). */
export function levelText(scale: readonly ScaleLevel[] | undefined, score: number | 'n/a' | 'unknown' | null): string {
  if (score === null) return 'Not assessed';
  if (score === 'n/a') return 'Not applicable';
  if (score === 'unknown') return "Don't know";
  const label = scale?.find((l) => l.value === score)?.label;
  return label ? `${score} ${label}` : String(score);
}

/** The disputed indicators, in rubric order, with the characteristic each belongs to. */
export function disputedIndicators(a: Assessment): { indicator: IndicatorResult; characteristic: string; settled: boolean }[] {
  return a.characteristics.flatMap((c) =>
    c.indicators.filter((i) => i.disputed === true).map((indicator) => ({ indicator, characteristic: c.title, settled: isSettled(indicator) })),
  );
}

const DISPUTED = 'views two or more levels apart, or not applicable beside a level';

/**
 * The sentence that opens "Where assessors disagreed": who the assessors were and how many
 * indicators are disputed and settled. "Assessors: Head of HR, Finance. 2 of 12 indicators with
 * views are disputed (views two or more levels apart, or not applicable beside a level): 1
 * settled, 1 not yet settled."
 */
export function agreementSummaryLine(agreement: Agreement): string {
  const who = agreement.assessors.length > 0 ? `Assessors: ${agreement.assessors.join(', ')}. ` : '';
  const { withViews, disputed, settled } = agreement;
  const withViewsText = `${count(withViews, 'indicator')} with views`;
  if (withViews === 0) return `${who}No indicator has views yet.`;
  if (disputed === 0) return `${who}${withViews === 1 ? 'The 1 indicator with views is not' : `None of the ${withViewsText} is`} disputed (${DISPUTED}).`;
  const outcome =
    settled === disputed
      ? disputed === 1 ? 'it is settled' : 'all are settled'
      : settled === 0
        ? disputed === 1 ? 'it is not yet settled' : 'none is settled yet'
        : `${settled} settled, ${disputed - settled} not yet settled`;
  return `${who}${disputed} of ${withViewsText} ${disputed === 1 ? 'is' : 'are'} disputed (${DISPUTED}): ${outcome}.`;
}

/** One view for the section: "Head of HR: 1 Emerging, confidence high" (evidence apart). */
export function viewLine(scale: readonly ScaleLevel[] | undefined, view: IndicatorView): string {
  return `${view.assessor}: ${levelText(scale, view.score)}${view.confidence ? `, confidence ${view.confidence}` : ''}`;
}

/** How a disputed indicator ended: "Agreed: 2 Developing. Reason: ..." or "Not yet settled; for now the answer is 1 Emerging." */
export function outcomeLine(scale: readonly ScaleLevel[] | undefined, i: IndicatorResult, settled: boolean): string {
  const level = levelText(scale, i.answer);
  if (settled) return i.agreed?.trim() ? `Agreed: ${level}. Reason: ${asSentence(i.agreed)}` : `Agreed: ${level} (no reason given).`;
  return `Not yet settled; for now the answer is ${typeof i.answer === 'number' ? level : level.toLowerCase()}.`;
}

/** Text a person typed, ended with a full stop when it has no closing punctuation, so what follows reads as a new sentence. */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]["')\]]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
