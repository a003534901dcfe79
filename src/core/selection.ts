// `--only IDS`: which part of a rubric one assessor answers (interview, template and any later
// template). Pure: the ids are checked against the rubric and mistakes come back as data; the words
// for them are chosen once, in selectionProblemMessage.
import { indicatorKey } from './rubric.js';
import { didYouMean } from './suggest.js';
import type { Rubric } from './types.js';

export interface Selection {
  /** The ids as given, trimmed, duplicates dropped: what a command to carry on repeats. */
  ids: string[];
  /** Every indicator key selected, in rubric order. */
  keys: string[];
  /** The ids of characteristics with at least one selected indicator, in rubric order. */
  characteristics: string[];
  has(key: string): boolean;
}

export type SelectionProblem =
  /** Nothing but spaces and commas. */
  | { code: 'empty'; example: string }
  /** Neither a characteristic id nor an indicator key of the rubric; `near` is the likely one meant. */
  | { code: 'unknown'; id: string; rubric: string; near?: string }
  /** Every id names a characteristic with no indicators. */
  | { code: 'no-indicators'; ids: string[]; rubric: string };

export type SelectionResult = { selection: Selection; problems: [] } | { selection?: undefined; problems: SelectionProblem[] };

/**
 * Reads `--only`: characteristic ids and indicator keys (`approach`, `culture.appraisals-and-targets`)
 * separated by commas, with spaces allowed around them. An empty item (a trailing comma) is ignored.
 */
export function parseSelection(rubric: Rubric, raw: string): SelectionResult {
  const ids = [...new Set(raw.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
  if (ids.length === 0) return { problems: [{ code: 'empty', example: exampleIds(rubric) }] };

  const byCharacteristic = new Map(rubric.characteristics.map((c) => [c.id, c]));
  const allKeys = rubric.characteristics.flatMap((c) => c.indicators.map((i) => indicatorKey(c, i)));
  const known = new Set(allKeys);
  const chosen = new Set<string>();
  const problems: SelectionProblem[] = [];
  for (const id of ids) {
    const characteristic = byCharacteristic.get(id);
    if (characteristic) {
      for (const indicator of characteristic.indicators) chosen.add(indicatorKey(characteristic, indicator));
    } else if (known.has(id)) {
      chosen.add(id);
    } else {
      const near = nearest(rubric, id, [...byCharacteristic.keys(), ...allKeys]);
      problems.push({ code: 'unknown', id, rubric: rubric.id, ...(near !== undefined && { near }) });
    }
  }
  if (problems.length > 0) return { problems };
  if (chosen.size === 0) return { problems: [{ code: 'no-indicators', ids, rubric: rubric.id }] };

  const keys = allKeys.filter((key) => chosen.has(key));
  const characteristics = rubric.characteristics
    .filter((c) => c.indicators.some((i) => chosen.has(indicatorKey(c, i))))
    .map((c) => c.id);
  return { selection: { ids, keys, characteristics, has: (key) => chosen.has(key) }, problems: [] };
}

/** Two ids of this rubric to show how --only is written: a characteristic's, and an indicator's key in another. */
function exampleIds(rubric: Rubric): string {
  const [first, ...rest] = rubric.characteristics;
  const other = rest.find((c) => c.indicators.length > 0);
  return other ? `${first!.id},${indicatorKey(other, other.indicators[0]!)}` : first!.id;
}

/** A typo of an id or key; or, for an indicator's id given without its characteristic, its full key. */
function nearest(rubric: Rubric, id: string, candidates: string[]): string | undefined {
  for (const c of rubric.characteristics) for (const i of c.indicators) if (i.id === id) return indicatorKey(c, i);
  return didYouMean(id, candidates);
}

/** The one line a person sees for a problem, after "error: " (the option is named, as the person typed it). */
export function selectionProblemMessage(problem: SelectionProblem, option = '--only'): string {
  switch (problem.code) {
    case 'empty':
      return `${option}: name the characteristics or indicators to include, separated by commas, such as ${option} ${problem.example}`;
    case 'unknown': {
      const near = problem.near === undefined ? '' : `; did you mean ${JSON.stringify(problem.near)}?`;
      return `${option}: ${JSON.stringify(problem.id)} is not a characteristic or indicator of rubric ${JSON.stringify(problem.rubric)}${near}`;
    }
    case 'no-indicators': {
      const names = problem.ids.map((id) => JSON.stringify(id)).join(', ');
      return `${option}: ${names} ${problem.ids.length === 1 ? 'has' : 'have'} no indicators in rubric ${JSON.stringify(problem.rubric)}, so it selects no questions`;
    }
  }
}
