// The words of `explain`, chosen once for its text and markdown: each a plain sentence of the working.
// Numbers are the Explanation's, rounded here only for display (JSON keeps them exact).
import type { BandWorking, ExplainedCharacteristic, ExplainedGap, ExplainedIndicator, Explanation, LeftOutReason } from '../core/explain.js';
import { TO_TARGET_WORDS } from '../core/targets.js';
import { oneDecimal } from './format.js';

/** A weight, level or term: whole numbers as they are, others to at most two decimals. */
export function figure(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function indicatorWorking(i: ExplainedIndicator): string {
  if (i.level === null) return `left out: ${leftOutWords(i.leftOut)}`;
  const unknown = i.answer === 'unknown' ? " (don't know: 0)" : '';
  return `${figure(i.weight)} × ${i.level} = ${figure(i.points!)} out of ${figure(i.weight)} × ${i.max} = ${figure(i.possible!)}${unknown}`;
}

export function targetWorking(i: ExplainedIndicator, e: Explanation): string {
  const whose = i.ownTarget ? "this council's" : e.target === e.max ? 'the top of the scale' : '--target';
  return `target ${i.target} (${whose}): ${figure(i.weight)} × min(${i.level}, ${i.target}) = ${figure(i.reached!)} out of ${figure(i.weight)} × ${i.target} = ${figure(i.aimed!)}`;
}

export function leftOutWords(reason: LeftOutReason | undefined): string {
  switch (reason?.code) {
    case 'n/a':
      return 'answered n/a (not applicable)';
    case 'does-not-apply': {
      const why = reason.fields.map((f) => `its ${f.field} is ${f.value}; the indicator applies only where ${f.field} is ${f.appliesTo.join(' or ')}`).join('; ');
      return `does not apply to a council of this type (${why})`;
    }
    default:
      return 'not assessed (no answer yet)';
  }
}

export function countedWords(c: ExplainedCharacteristic): string {
  return c.notShownCounted > 0 ? `Sums of all ${c.counted} counted` : `Sums over the ${c.counted} counted`;
}

/**
 * What the narrowing hid, said truly: those counted have their terms in the sums; those left out
 * (n/a, not assessed, not applicable) have none. Undefined when nothing is hidden.
 */
export function notShownWords(c: ExplainedCharacteristic): string | undefined {
  const counted = c.notShownCounted;
  const left = c.notShown - counted;
  if (counted > 0 && left > 0) return `${counted} more counted and not shown, their terms in the sums; ${left} more left out and not shown`;
  if (counted > 0) return `${counted} more not shown; their terms are in the sums`;
  if (left > 0) return `${left} more not shown, left out of the sums`;
  return undefined;
}

export function scoreWorking(c: ExplainedCharacteristic): string {
  if (c.score === null) return 'Score: none, as no indicator is counted (left out of the overall score)';
  return `Score: 100 × ${figure(c.sums.points)} / ${figure(c.sums.possible)} = ${oneDecimal(c.score)}`;
}

export function bandWords(band: BandWorking | null, score: number | null): string {
  if (band === null || score === null) return 'Band: none (no score)';
  const next = band.next ? `, below ${figure(band.next.min)} (${band.next.label})` : '';
  const shown = comparableScore(score, band);
  const rounded = shown === oneDecimal(score) ? '' : ` (${oneDecimal(score)} to one decimal)`;
  return `Band: ${band.label}, as ${shown}${rounded} is at least ${figure(band.min)}${next}`;
}

/**
 * The score as the band sentence compares it: to one decimal, as the report shows it, unless that
 * rounding crosses a threshold (49.95 shown as 50.0 would read "50.0 ... below 50"); then to as many
 * decimals as make the comparison true as written (49.95).
 */
function comparableScore(score: number, band: BandWorking): string {
  for (let decimals = 1; decimals <= 12; decimals++) {
    const text = decimals === 1 ? oneDecimal(score) : score.toFixed(decimals).replace(/0+$/, '');
    const n = Number(text);
    if (n >= band.min && (band.next === null || n < band.next.min)) return text;
  }
  return String(score);
}

export function toTargetWorking(c: ExplainedCharacteristic): string {
  if (c.toTarget === null) return 'Towards targets: none (no indicator counted)';
  return `Towards targets: 100 × ${figure(c.sums.reached)} / ${figure(c.sums.aimed)} = ${oneDecimal(c.toTarget)}% ${TO_TARGET_WORDS}`;
}

/** "(2 × 55.6 + 1 × 46.7) / (2 + 1) = 52.6", over the characteristics with a score. */
export function overallWorking(e: Explanation, which: 'score' | 'toTarget'): string {
  const o = e.overall!;
  const terms = o.terms.filter((t) => t[which] !== null);
  const value = o[which];
  const label = which === 'score' ? 'Overall score' : 'Overall towards targets';
  if (terms.length === 0 || value === null) return `${label}: none, as no characteristic has a score`;
  // Equal weights of 1 read more simply as a plain mean: (41.7 + 44.4) / 2.
  const plain = terms.every((t) => t.weight === 1);
  const sum = terms.map((t) => (plain ? oneDecimal(t[which]) : `${figure(t.weight)} × ${oneDecimal(t[which])}`)).join(' + ');
  const weights = plain ? String(terms.length) : `(${terms.map((t) => figure(t.weight)).join(' + ')})`;
  const suffix = which === 'toTarget' ? `% ${TO_TARGET_WORDS}` : '';
  return `${label}: (${sum}) / ${weights} = ${oneDecimal(value)}${suffix}`;
}

export function overallLeftOut(e: Explanation): string | undefined {
  const none = e.overall!.terms.filter((t) => t.score === null);
  if (none.length === 0) return undefined;
  return `Left out, with no score: ${none.map((t) => t.title).join(', ')}`;
}

export function gapWorking(g: ExplainedGap): string {
  const unknown = g.unknown ? " (don't know: 0)" : '';
  return `${figure(g.characteristicWeight)} × ${figure(g.weight)} × (${g.target} - ${g.level}) = ${figure(g.priority)}${unknown}`;
}

export const GAPS_HEAD = 'Gaps, highest priority first: priority = W × w × (target - level)';
