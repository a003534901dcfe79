import { hasOwnTargets } from '../core/targets.js';
import type { Assessment } from '../core/types.js';

/**
 * What the next steps section says when it lists no step, the same words in every format (text,
 * markdown, HTML, Word); null when it lists at least one. Three different facts, never confused:
 * the council has gaps but `--top 0` shows none of them; nothing that applies has been answered, so
 * nothing could be measured; or every scored question really is at its target.
 */
export function noStepsLine(a: Assessment, shown: number): string | null {
  if (shown > 0) return null;
  const own = hasOwnTargets(a);
  const gaps = a.gaps.length;
  if (gaps > 0) {
    const below = own ? 'below their targets' : `below the target level (${a.target})`;
    return `${gaps} scored question${gaps === 1 ? ' is' : 's are'} ${below}; this report lists none of them (--top 0).`;
  }
  const answered = a.characteristics.some((c) => c.indicators.some((i) => i.applicable && i.answer !== null));
  if (!answered) return 'No next steps yet: none of the questions that apply has been answered.';
  return own ? 'No gaps: every scored question is at or above its target.' : `No gaps: every scored question is at the target level (${a.target}).`;
}
