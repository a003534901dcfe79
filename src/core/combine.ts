// SPEC "Several assessors": several officers' answers files of one council -> one combined answers
// file holding every view, scored by the lower median (core/views.ts). Pure: files come in parsed,
// each with a way to place a problem in its text, and every refusal is a located InputError.
import { isApplicable, normaliseAnswer } from './answers.js';
import type { InputProblem, Problem } from './errors.js';
import { InputError } from './errors.js';
import type { RubricIdentity } from './rubric-identity.js';
import { rubricDifference, rubricName } from './rubric-identity.js';
import { indicatorKey, indicatorKeys } from './rubric.js';
import type { AnswerDetail, AnswersFile, Council, Rubric } from './types.js';
import type { View, ViewScore } from './views.js';
import { combinedScore, isDisputed, spread } from './views.js';

/** One assessor's answers file, as loaded and checked against its rubric. */
export interface CombineInput {
  /** The path as the user gave it. */
  file: string;
  /** Which file on disk it is (device and inode), so one file named by two paths or a link is seen as one. */
  fileId?: string;
  answers: AnswersFile;
  /** The rubric it was checked against; `source` names it in messages ("the built-in rubric"). */
  rubric: RubricIdentity & { source: string };
  /** Where a problem sits in this file's text (io/yaml.ts locate). */
  locate(problem: Problem): InputProblem;
}

/** The combined file already at --output, when there is one (re-combining after a late file). */
export interface ExistingCombined {
  file: string;
  answers: AnswersFile;
}

export interface CombineOptions {
  /** The rubric, for the order of keys and profile fields. */
  rubric: Rubric;
  /** What the combined file's `rubric:` says: a built-in id, or a path as seen from the output's folder. */
  rubricRef: string;
  existing?: ExistingCombined;
}

/** A settled answer of the existing combined file, as the moderator left it. */
export interface Settlement {
  key: string;
  score: ViewScore | null;
  agreed: string;
  /** The agreed evidence and confidence, named when the settlement is not kept. */
  evidence?: string;
  confidence?: string;
}

/**
 * Something a person wrote by hand in the existing combined file, outside a settlement: a score
 * that is not the views' combined score, evidence or confidence on an answer combine wrote with
 * none, or a whole answer with no views. Each is either kept or named (review 13, entry 4).
 */
export type HandEdit =
  /** A score the views do not give, with no `agreed`: never kept (`views` is the score now written; null when no file answers it now). */
  | { kind: 'score'; key: string; score: ViewScore | null; views: ViewScore | null }
  /** Evidence or confidence on an unsettled answer: kept while its views are unchanged. */
  | { kind: 'evidence'; key: string; evidence: string; why?: HandWhy }
  | { kind: 'confidence'; key: string; confidence: string; why?: HandWhy }
  /** An answer with no views, added by hand: kept while no file answers that indicator. */
  | { kind: 'plain'; key: string; answer: Exclude<AnswersFile['answers'][string], null | undefined> };

/** Why an edit was not kept: the views changed, or no file answers the indicator now. */
export type HandWhy = 'changed' | 'gone';

export interface CombineSummary {
  /** Indicators with at least one view. */
  withViews: number;
  /** Spread 0 and not disputed. */
  agree: number;
  /** Spread 1 and not disputed. */
  differByOne: number;
  /** Keys of the disputed indicators, in rubric order. */
  disputed: string[];
  /** Indicators with views that do not apply to this council (not scored, so never disputed). */
  notApplicable: string[];
  /** Of those, the ones whose settlement was kept from the existing file. */
  disputedSettled: string[];
  /** Settled answers kept because their views did not change. */
  kept: string[];
  /** Settled answers whose views changed: `agreed` dropped, to be moderated again. */
  changed: Settlement[];
  /** Settled answers whose indicator no input answers now: left out of the file, and named. */
  gone: Settlement[];
  /** What a person wrote by hand in the existing file (outside settlements) that is kept, in rubric order. */
  handKept: HandEdit[];
  /** ... and what is not kept, each to be named. */
  handDropped: HandEdit[];
  /** Fields of the existing file outside the answers that are not kept (the files decide them), to be named. */
  fieldsDropped: FieldEdit[];
}

/** A field of the existing file outside the answers (`council.type`, `assessedOn`, `assessor`), with what it said and what is written now. */
export interface FieldEdit {
  field: string;
  was: unknown;
  now?: unknown;
}

export interface Combination {
  answers: AnswersFile;
  /** The view names, in command-line order (the file's `assessors`). */
  assessors: string[];
  summary: CombineSummary;
}

/** The view a file gives: its `assessor`, else its file name without extensions (`hr.answers.yaml` -> `hr`). */
export function viewName(file: string, answers: AnswersFile): { name: string; fromFileName: boolean } {
  const assessor = typeof answers.assessor === 'string' ? answers.assessor.trim() : '';
  if (assessor !== '') return { name: assessor, fromFileName: false };
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\..*$/s, '').trim();
  return { name: stem !== '' ? stem : base, fromFileName: true };
}

/** How council names are compared: trimmed, case-insensitively. */
export const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A profile field with a value (null or missing gives none, as in appliesTo). */
function given(council: Council, field: string): string | undefined {
  const value = Object.hasOwn(council, field) ? council[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A combined file: one that lists assessors or holds views. */
export function isCombined(file: AnswersFile): boolean {
  return file.assessors !== undefined || firstViewsKey(file) !== undefined;
}

function firstViewsKey(file: AnswersFile): string | undefined {
  for (const [key, answer] of Object.entries(file.answers)) {
    if (answer !== null && typeof answer === 'object' && answer.views !== undefined) return key;
  }
  return undefined;
}

/**
 * Every reason these files cannot be combined, each located in the file it is about (exit 2). The
 * first file is the reference: each later file is held to its council, rubric and profile.
 */
export function combineProblems(inputs: readonly CombineInput[], rubric: Rubric): InputProblem[] {
  const problems: InputProblem[] = [];
  const first = inputs[0];
  if (!first) return problems;
  const names = new Map<string, { input: CombineInput; fromFileName: boolean }>();
  const profile = new Map<string, { value: string; input: CombineInput }>();
  for (const input of inputs) {
    const { answers, file } = input;
    const at = (problem: Problem) => problems.push(input.locate(problem));
    const viewsKey = firstViewsKey(answers);
    if (viewsKey !== undefined || answers.assessors !== undefined) {
      at(
        viewsKey !== undefined
          ? { path: ['answers', viewsKey, 'views'], at: 'key', label: `${viewsKey}.views`, message: ALREADY_COMBINED }
          : { path: ['assessors'], at: 'key', message: ALREADY_COMBINED },
      );
      continue;
    }
    if (input !== first) {
      if (!sameName(answers.council.name, first.answers.council.name)) {
        at({
          path: ['council', 'name'],
          message: `${JSON.stringify(answers.council.name)} is another council: ${first.file} is for ${JSON.stringify(first.answers.council.name)}; combine only one council's files`,
        });
        continue;
      }
      const why = rubricMismatch(input, first);
      if (why !== undefined) at({ path: ['rubric'], message: why });
    }
    for (const field of rubric.profile ?? []) {
      const value = given(answers.council, field.id);
      if (value === undefined) continue;
      const earlier = profile.get(field.id);
      if (earlier === undefined) profile.set(field.id, { value, input });
      else if (earlier.value !== value) {
        at({
          path: ['council', field.id],
          message: `${JSON.stringify(value)} disagrees with ${earlier.input.file}, which gives ${field.id}: ${earlier.value}; the files must agree on the council (give it in one file, or the same in each)`,
        });
      }
    }
    const view = viewName(file, answers);
    const key = view.name.toLowerCase();
    const earlier = names.get(key);
    if (earlier === undefined) names.set(key, { input, fromFileName: view.fromFileName });
    else {
      const shown = JSON.stringify(view.name);
      const other = earlier.fromFileName ? `the name of ${earlier.input.file}'s view (after its file name, as it has no assessor:)` : `the assessor of ${earlier.input.file}`;
      const sameFile = earlier.input.file === file || (input.fileId !== undefined && earlier.input.fileId === input.fileId);
      const message = sameFile
        ? earlier.input.file === file
          ? "this file is named twice; give each assessor's file once"
          : `this is the same file as ${earlier.input.file}, named twice; give each assessor's file once`
        : view.fromFileName
        ? `this file has no assessor:, so its view is named ${shown} after its file name, which is also ${other}; give each file its own assessor:`
        : `${shown} is also ${other}; each file must be one assessor's view: give each its own assessor:`;
      if (view.fromFileName) problems.push({ file, line: 1, col: 1, path: '', message });
      else at({ path: ['assessor'], message });
    }
  }
  return problems;
}

const ALREADY_COMBINED =
  "this file is already combined (it holds several assessors' views); combine the individual assessors' files instead";

function rubricMismatch(input: CombineInput, first: CombineInput): string | undefined {
  const [mine, theirs] = [input.rubric, first.rubric];
  switch (rubricDifference(mine, theirs)) {
    case 'id':
      return `this file is answered against rubric "${mine.id}" and ${first.file} against "${theirs.id}"; combine only files of one rubric`;
    case 'version':
      return `this file is answered against rubric ${rubricName(mine)} and ${first.file} against version ${theirs.version}; combine only files of one rubric version`;
    case 'content':
      return `this file's rubric (${mine.source}) and ${first.file}'s (${theirs.source}) share the id "${mine.id}" and version ${mine.version} but their content differs; combine only files of one rubric, or give a changed rubric a new version`;
    default:
      return undefined;
  }
}

/**
 * Why the file at --output may not be replaced by a combination of these inputs, or undefined when
 * it is a combined file of the same council and rubric (then its settled answers are carried over).
 */
export function existingOutputProblem(
  existing: { answers: AnswersFile; rubric: RubricIdentity },
  first: { answers: AnswersFile; rubric: RubricIdentity },
): string | undefined {
  if (!isCombined(existing.answers)) return "it is an answers file, but not a combined one (it has no assessors' views)";
  if (!sameName(existing.answers.council.name, first.answers.council.name)) {
    return `it is a combined file of another council (${JSON.stringify(existing.answers.council.name)})`;
  }
  const difference = rubricDifference(existing.rubric, first.rubric);
  if (difference === 'id' || difference === 'version') return `it is a combined file of another rubric (${rubricName(existing.rubric)})`;
  if (difference === 'content') return `it is a combined file of another rubric that shares the id "${existing.rubric.id}" and version ${existing.rubric.version}`;
  return undefined;
}

/** Combines files that combineProblems found nothing wrong with. */
export function combine(inputs: readonly CombineInput[], options: CombineOptions): Combination {
  const problems = combineProblems(inputs, options.rubric);
  if (problems.length > 0) throw new InputError(problems);
  const first = inputs[0];
  if (!first || inputs.length < 2) throw new RangeError('combine needs two or more files');
  const { rubric } = options;
  const assessors = inputs.map((i) => viewName(i.file, i.answers).name);

  const council: Council = { name: first.answers.council.name.trim() };
  for (const field of rubric.profile ?? []) {
    const values = inputs.filter((i) => Object.hasOwn(i.answers.council, field.id)).map((i) => i.answers.council[field.id]);
    if (values.length > 0) council[field.id] = values.find((v) => typeof v === 'string') ?? null;
  }
  const dates = inputs.map((i) => i.answers.assessedOn).filter((d): d is string => typeof d === 'string');
  const assessedOn = dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;

  const settled = settlements(options.existing?.answers);
  const previous = options.existing?.answers.answers ?? {};
  const summary: CombineSummary = {
    withViews: 0, agree: 0, differByOne: 0, disputed: [], notApplicable: [], disputedSettled: [], kept: [], changed: [], gone: [], handKept: [], handDropped: [],
    fieldsDropped: [],
  };
  const answers: AnswersFile['answers'] = {};
  // An indicator that does not apply to this council is not scored, so its views are kept but it is
  // never disputed (as in the reports, --strict and moderate: core/agreement.ts).
  const applies = new Map(rubric.characteristics.flatMap((c) => c.indicators.map((i) => [indicatorKey(c, i), isApplicable(i, council)] as const)));
  for (const key of indicatorKeys(rubric)) {
    const views: View[] = [];
    inputs.forEach((input, i) => {
      const raw = Object.hasOwn(input.answers.answers, key) ? input.answers.answers[key] : undefined;
      const answer = normaliseAnswer(raw);
      if (answer.value === null) return;
      const view: View = { assessor: assessors[i]!, score: answer.value };
      if (answer.evidence !== undefined) view.evidence = answer.evidence;
      if (answer.confidence !== undefined) view.confidence = answer.confidence;
      views.push(view);
    });
    const before = settled.get(key);
    const old = Object.hasOwn(previous, key) ? previous[key] : undefined;
    if (views.length === 0) {
      if (before) summary.gone.push(settlement(key, before));
      else if (plain(old) !== undefined) {
        // Added by hand, and no file answers it: it stays as it was written.
        answers[key] = plain(old)!;
        summary.handKept.push({ kind: 'plain', key, answer: plain(old)! });
      } else if (old !== null && typeof old === 'object' && old.views !== undefined) {
        if (old.score !== combinedScore(old.views.map((v) => v.score))) summary.handDropped.push({ kind: 'score', key, score: old.score, views: null });
        summary.handDropped.push(...typedOn(key, old, 'gone'));
      }
      continue;
    }
    const scores = views.map((v) => v.score);
    const disputed = applies.get(key) !== false && isDisputed(scores);
    summary.withViews++;
    if (disputed) summary.disputed.push(key);
    else if (applies.get(key) === false) summary.notApplicable.push(key);
    else if (spread(scores) === 0) summary.agree++;
    else if (spread(scores) === 1) summary.differByOne++;

    if (before && sameViews(before.views ?? [], views)) {
      // The moderator's answer stands as written; only the order of the views follows this run.
      const kept: AnswerDetail = { score: before.score };
      if (before.evidence !== undefined) kept.evidence = before.evidence;
      if (before.confidence !== undefined) kept.confidence = before.confidence;
      kept.views = views as [View, ...View[]];
      kept.agreed = before.agreed!;
      answers[key] = kept;
      summary.kept.push(key);
      if (disputed) summary.disputedSettled.push(key);
      continue;
    }
    if (before) summary.changed.push(settlement(key, before));
    const fresh: AnswerDetail = { score: combinedScore(scores), views: views as [View, ...View[]] };
    if (!before && plain(old) !== undefined) summary.handDropped.push({ kind: 'plain', key, answer: plain(old)! });
    else if (!before && old !== null && typeof old === 'object' && old.views !== undefined) {
      // An unsettled answer as combine wrote it has the views' score and nothing else; anything more was typed by hand.
      if (old.score !== combinedScore(old.views.map((v) => v.score)) && old.score !== fresh.score) {
        summary.handDropped.push({ kind: 'score', key, score: old.score, views: fresh.score as ViewScore });
      }
      if (sameViews(old.views, views)) {
        if (old.evidence !== undefined) fresh.evidence = old.evidence;
        if (old.confidence !== undefined) fresh.confidence = old.confidence;
        summary.handKept.push(...typedOn(key, old));
      } else summary.handDropped.push(...typedOn(key, old, 'changed'));
    }
    answers[key] = orderedDetail(fresh);
  }

  const was = options.existing?.answers;
  if (was) {
    // The files decide the council's profile (a combine of fewer files writes only what they say),
    // so a profile answer of the old file that they do not give is not kept, but named.
    for (const [field, value] of Object.entries(was.council)) {
      if (field === 'name' || value === null || value === undefined) continue;
      const now = Object.hasOwn(council, field) ? council[field] : undefined;
      if (now !== value) summary.fieldsDropped.push({ field: `council.${field}`, was: value, ...(now !== undefined && now !== null && { now }) });
    }
    if (was.assessedOn !== undefined && was.assessedOn !== assessedOn && !dates.includes(was.assessedOn)) {
      summary.fieldsDropped.push({ field: 'assessedOn', was: was.assessedOn, now: assessedOn });
    }
    if (was.assessor !== undefined) summary.fieldsDropped.push({ field: 'assessor', was: was.assessor });
  }

  const out: AnswersFile = {
    schemaVersion: 1,
    kind: 'answers',
    rubric: options.rubricRef,
    council,
    ...(assessedOn !== undefined && { assessedOn }),
    assessors: assessors as [string, ...string[]],
    answers,
  };
  return { answers: out, assessors, summary };
}

/** The settled answers (those with `agreed`) of an existing combined file, by key. */
function settlements(file: AnswersFile | undefined): Map<string, AnswerDetail> {
  const out = new Map<string, AnswerDetail>();
  for (const [key, answer] of Object.entries(file?.answers ?? {})) {
    if (answer !== null && typeof answer === 'object' && typeof answer.agreed === 'string') out.set(key, answer);
  }
  return out;
}

function settlement(key: string, answer: AnswerDetail): Settlement {
  return {
    key,
    score: answer.score,
    agreed: answer.agreed ?? '',
    ...(answer.evidence !== undefined && { evidence: answer.evidence }),
    ...(answer.confidence !== undefined && { confidence: answer.confidence }),
  };
}

/** An answer with no views (a level, or score and evidence, typed by hand): anything but an empty one. */
function plain(answer: AnswersFile['answers'][string] | undefined): Exclude<AnswersFile['answers'][string], null | undefined> | undefined {
  if (answer === null || answer === undefined) return undefined;
  return typeof answer !== 'object' || answer.views === undefined ? answer : undefined;
}

/** The evidence and confidence typed on an unsettled answer with views. */
function typedOn(key: string, answer: AnswerDetail, why?: HandWhy): HandEdit[] {
  const out: HandEdit[] = [];
  if (answer.evidence !== undefined) out.push({ kind: 'evidence', key, evidence: answer.evidence, ...(why && { why }) });
  if (answer.confidence !== undefined) out.push({ kind: 'confidence', key, confidence: answer.confidence, ...(why && { why }) });
  return out;
}

/** score, evidence, confidence, then views: the order the file is written in. */
function orderedDetail(answer: AnswerDetail): AnswerDetail {
  const out: AnswerDetail = { score: answer.score };
  if (answer.evidence !== undefined) out.evidence = answer.evidence;
  if (answer.confidence !== undefined) out.confidence = answer.confidence;
  if (answer.views !== undefined) out.views = answer.views;
  return out;
}

/** The same views, whatever their order: one per assessor, with the same score, evidence and confidence. */
export function sameViews(a: readonly View[], b: readonly View[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((v) => [v.assessor, v]));
  return b.every((v) => {
    const w = byName.get(v.assessor);
    return w !== undefined && w.score === v.score && w.evidence === v.evidence && w.confidence === v.confidence;
  });
}
