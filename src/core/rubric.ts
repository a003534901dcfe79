import type { Problem } from './errors.js';
import type { Characteristic, Indicator, Rubric } from './types.js';

export function scaleMax(rubric: Rubric): number {
  return rubric.scale.length - 1;
}

export function indicatorKey(characteristic: Characteristic, indicator: Indicator): string {
  return `${characteristic.id}.${indicator.id}`;
}

export function indicatorKeys(rubric: Rubric): string[] {
  return rubric.characteristics.flatMap((c) => c.indicators.map((i) => indicatorKey(c, i)));
}

export function indicatorCount(rubric: Rubric): number {
  return rubric.characteristics.reduce((n, c) => n + c.indicators.length, 0);
}

/**
 * Weights are relative, so a billion to one is more spread than any rubric needs. Within these
 * bounds every weighted sum stays an ordinary finite number (1e308 overflows to Infinity, 1e-320
 * loses precision as a denormal), and the smallest gap priority (0.001 x 0.001 x 1) stays far
 * above the 1e-9 within which priorities count as equal.
 */
export const WEIGHT_MIN = 0.001;
export const WEIGHT_MAX = 1_000_000;

function checkWeight(weight: number | undefined, path: (string | number)[], problems: Problem[]): void {
  if (weight === undefined || (weight >= WEIGHT_MIN && weight <= WEIGHT_MAX)) return;
  problems.push({
    path,
    message: `${weight} is too ${weight > WEIGHT_MAX ? 'large' : 'small'}; a weight must be from 0.001 to 1,000,000`,
  });
}

/** Checks a schema-valid rubric for what a schema cannot say. */
export function checkRubric(rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  const max = scaleMax(rubric);

  // Only the first break in the sequence: after it, every later value is "wrong" too.
  const gap = rubric.scale.findIndex((level, i) => level.value !== i);
  if (gap !== -1) {
    problems.push({
      path: ['scale', gap, 'value'],
      message: `expected ${gap}: scale values must be consecutive whole numbers starting at 0, in order`,
    });
  }
  reportDuplicates(rubric.scale.map((l) => l.label), (i) => ['scale', i, 'label'], (v) => `scale label "${v}"`, problems);

  rubric.bands.forEach((band, i) => {
    if (i === 0 && band.min !== 0) {
      problems.push({ path: ['bands', 0, 'min'], message: `the first band must start at 0, not ${band.min}` });
    }
    const previous = rubric.bands[i - 1];
    if (previous && band.min <= previous.min) {
      problems.push({
        path: ['bands', i, 'min'],
        message: `bands must ascend: ${band.min} is not above the previous band's min ${previous.min}`,
      });
    }
  });

  const profile = rubric.profile ?? [];
  reportDuplicates(profile.map((f) => f.id), (i) => ['profile', i, 'id'], (v) => `profile field id "${v}"`, problems);
  profile.forEach((field, f) => {
    reportDuplicates(field.options, (i) => ['profile', f, 'options', i], (v) => `option "${v}"`, problems);
  });

  reportDuplicates(
    rubric.characteristics.map((c) => c.id),
    (i) => ['characteristics', i, 'id'],
    (v) => `characteristic id "${v}"`,
    problems,
  );
  rubric.characteristics.forEach((characteristic, c) => {
    checkWeight(characteristic.weight, ['characteristics', c, 'weight'], problems);
    const base = ['characteristics', c, 'indicators'] as const;
    reportDuplicates(
      characteristic.indicators.map((i) => i.id),
      (i) => [...base, i, 'id'],
      (v) => `indicator id "${v}" in characteristic "${characteristic.id}"`,
      problems,
    );
    characteristic.indicators.forEach((indicator, i) => {
      const path = [...base, i];
      checkWeight(indicator.weight, [...path, 'weight'], problems);
      checkLevelKeys(indicator.levels ?? {}, [...path, 'levels'], max, max, 'level descriptor', problems);
      checkLevelKeys(indicator.nextSteps, [...path, 'nextSteps'], max - 1, max, 'next step', problems);
      for (let v = 0; v < max; v++) {
        if (indicator.nextSteps[String(v)] === undefined) {
          problems.push({
            path: [...path, 'nextSteps'],
            message: `no next step for level ${v}; every level below the top (${max}) needs one`,
          });
        }
      }
      for (const [fieldId, options] of Object.entries(indicator.appliesTo ?? {})) {
        const field = profile.find((f) => f.id === fieldId);
        if (!field) {
          const known = profile.map((f) => f.id);
          problems.push({
            path: [...path, 'appliesTo', fieldId],
            at: 'key',
            message: `"${fieldId}" is not a profile field of this rubric${known.length ? ` (${known.join(', ')})` : ' (it has none)'}`,
          });
          continue;
        }
        options.forEach((option, o) => {
          if (!field.options.includes(option)) {
            problems.push({
              path: [...path, 'appliesTo', fieldId, o],
              message: `"${option}" is not an option of profile field "${fieldId}" (${field.options.join(', ')})`,
            });
          }
        });
      }
    });
  });
  return problems;
}

function checkLevelKeys(
  texts: Record<string, string>,
  path: (string | number)[],
  highest: number,
  max: number,
  what: string,
  problems: Problem[],
): void {
  for (const key of Object.keys(texts)) {
    const value = Number(key);
    if (value > highest) {
      problems.push({
        path: [...path, key],
        at: 'key',
        message:
          value === max && what === 'next step'
            ? `no next step is needed at the top level (${max}); remove it`
            : `${key} is not on the scale 0-${max}`,
      });
    }
  }
}

/** SPEC: an id used twice is reported at its second occurrence. */
function reportDuplicates(
  values: readonly string[],
  pathOf: (index: number) => (string | number)[],
  what: (value: string) => string,
  problems: Problem[],
): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) problems.push({ path: pathOf(i), message: `duplicate ${what(value)}: it is already used above` });
    seen.add(value);
  });
}
