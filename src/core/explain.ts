// SPEC "Explain": how every number of a report was worked out, as data the renderers print. Pure.
// It reads the Assessment that `assess` made (scores, bands, toTarget, gaps and priorities are
// taken from it, never scored a second time) and sets out the terms those numbers came from.
import { EPSILON } from './score.js';
import { indicatorKey, scaleMax } from './rubric.js';
import type { Selection } from './selection.js';
import { showsToTarget, targetOf } from './targets.js';
import type { Assessment, CouncilInfo, Indicator, Rubric } from './types.js';

// The shapes come from schemas/explain.schema.json (generated), so the JSON and the code cannot drift.
import type {
  BandWorking as BandOrNull,
  ExplainedCharacteristic,
  ExplainedGap,
  ExplainedIndicator,
  Explanation as ExplanationJson,
} from '../generated/explain-types.js';

export type { ExplainedCharacteristic, ExplainedGap, ExplainedIndicator };
export type { LeftOutReason } from '../generated/explain-types.js';
export type BandWorking = NonNullable<BandOrNull>;
/** What explain works out: its JSON without the envelope that names the tool. */
export type Explanation = Omit<ExplanationJson, 'schemaVersion' | 'tool'>;

export function explain(rubric: Rubric, a: Assessment, selection?: Selection): Explanation {
  const max = scaleMax(rubric);
  const characteristics: ExplainedCharacteristic[] = [];
  const weights = new Map<string, { W: number; w: number }>();
  let targets = false;

  for (const rc of rubric.characteristics) {
    const result = a.characteristics.find((c) => c.id === rc.id);
    if (!result) throw new Error(`bug: the assessment has no characteristic ${rc.id}`);
    const sums = { points: 0, possible: 0, reached: 0, aimed: 0 };
    const indicators: ExplainedIndicator[] = [];
    let notShown = 0;
    let notShownCounted = 0;
    let countedHere = 0;
    for (const ri of rc.indicators) {
      const key = indicatorKey(rc, ri);
      const r = result.indicators.find((i) => i.key === key);
      if (!r) throw new Error(`bug: the assessment has no indicator ${key}`);
      const w = ri.weight ?? 1;
      weights.set(key, { W: result.weight, w });
      const t = targetOf(a, r);
      if (t !== max) targets = true;
      const counted = r.applicable && (typeof r.answer === 'number' || r.answer === 'unknown');
      const v = counted ? (r.answer === 'unknown' ? 0 : (r.answer as number)) : null;
      const line: ExplainedIndicator = {
        key,
        statement: r.statement,
        weight: w,
        answer: r.answer,
        counted,
        level: v,
        max,
        target: t,
        ownTarget: r.target !== undefined,
        points: v === null ? null : w * v,
        possible: v === null ? null : w * max,
        reached: v === null ? null : w * Math.min(v, t),
        aimed: v === null ? null : w * t,
      };
      if (v !== null) {
        // The same terms, added in the same order, as score.ts adds them.
        sums.points += w * v;
        sums.possible += w * max;
        sums.reached += w * Math.min(v, t);
        sums.aimed += w * t;
        countedHere++;
      } else {
        line.leftOut = !r.applicable ? { code: 'does-not-apply', fields: excludingFields(ri, a.council) } : r.answer === 'n/a' ? { code: 'n/a' } : { code: 'not-assessed' };
      }
      if (!selection || selection.has(key)) indicators.push(line);
      else {
        notShown++;
        if (v !== null) notShownCounted++;
      }
    }
    if (selection && indicators.length === 0) continue;
    characteristics.push({
      id: rc.id,
      title: result.title,
      weight: result.weight,
      indicators,
      notShown,
      notShownCounted,
      counted: countedHere,
      sums,
      score: result.score,
      band: bandWorking(rubric, result.score, result.band),
      toTarget: result.toTarget,
    });
  }

  const gaps: ExplainedGap[] = [];
  a.gaps.forEach((g, n) => {
    if (selection && !selection.has(g.key)) return;
    const { W, w } = weights.get(g.key) ?? { W: 1, w: 1 };
    gaps.push({ key: g.key, characteristic: g.characteristic, characteristicWeight: W, weight: w, target: g.target, level: g.score, unknown: g.unknown, priority: g.priority, rank: n + 1 });
  });

  return {
    council: a.council,
    rubric: a.rubric,
    max,
    target: a.target,
    targets: targets || showsToTarget(a.overall.score, a.overall.toTarget),
    narrowedTo: selection ? [...selection.ids] : null,
    characteristics,
    overall: selection
      ? null
      : {
          terms: a.characteristics.map((c) => ({ id: c.id, title: c.title, weight: c.weight, score: c.score, toTarget: c.toTarget })),
          score: a.overall.score,
          band: bandWorking(rubric, a.overall.score, a.overall.band),
          toTarget: a.overall.toTarget,
        },
    gaps,
  };
}

/** The band a score fell in and the threshold that gave it, by SPEC's rule (highest min ≤ score + 1e-9). */
function bandWorking(rubric: Rubric, score: number | null, label: string | null): BandWorking | null {
  if (score === null || label === null) return null;
  const reached = rubric.bands.filter((b) => b.min <= score + EPSILON);
  const band = reached.at(-1);
  if (!band || band.label !== label) throw new Error(`bug: the band of ${score} is not ${label}`);
  const next = rubric.bands.find((b) => b.min > band.min && b.min > score + EPSILON);
  return { label: band.label, min: band.min, next: next ? { label: next.label, min: next.min } : null };
}

/** The profile fields whose values put a council outside an indicator's appliesTo. */
function excludingFields(indicator: Indicator, council: CouncilInfo): { field: string; value: string; appliesTo: string[] }[] {
  const out: { field: string; value: string; appliesTo: string[] }[] = [];
  for (const [field, options] of Object.entries(indicator.appliesTo ?? {})) {
    const value = Object.hasOwn(council, field) ? council[field] : undefined;
    if (typeof value === 'string' && !options.includes(value)) out.push({ field, value, appliesTo: [...options] });
  }
  return out;
}
