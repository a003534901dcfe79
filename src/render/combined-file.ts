// The file `combine` writes: an ordinary answers file (it validates, scores and batches like any
// other) whose answers keep every assessor's view beneath the combined score, laid out to be read
// and settled by hand as well as by `moderate`.
import type { CombineSummary, HandEdit, HandWhy, Settlement } from '../core/combine.js';
import { isApplicable } from '../core/answers.js';
import { indicatorKey, indicatorKeys } from '../core/rubric.js';
import type { AnswerDetail, AnswersFile, Rubric } from '../core/types.js';
import { visible } from '../core/visible.js';
import type { View } from '../core/views.js';
import { isDisputed, spread } from '../core/views.js';
import { scalar } from './answers-file.js';
import { count, shellQuote } from './format.js';
import { wrap } from './wrap.js';

export interface CombinedFileOptions {
  /** The files combined, as the user named them, in command-line order. */
  inputs: readonly string[];
  /** Comment lines a person wrote above the header, kept as they are. */
  preamble?: readonly string[];
}

/** How the header combine writes begins, so a later run can tell it from a person's own comments. */
export const COMBINED_HEADER_START = '# Combined by council-resilience combine';

const WIDTH = 100;

export function renderCombinedFile(file: AnswersFile, rubric: Rubric, options: CombinedFileOptions): string {
  // File names land in comments only, with control characters made visible (a newline would end the comment).
  const comment = (text: string) => wrap(text, WIDTH, '# ');
  const out = [
    ...(options.preamble ?? []),
    ...comment(`${COMBINED_HEADER_START.slice(2)} from ${options.inputs.length} answers files, one view each: ${options.inputs.map((f) => visible(f)).join(', ')}.`),
    ...comment(
      "Each answer's score is the lower median of its views (the assessors' own answers, kept beneath it); an answer marked " +
        '"disputed" has views two or more levels apart, or one n/a beside a number.',
    ),
    ...comment(
      'To settle an answer, run `council-resilience moderate` on this file, or edit it here: set score: to the level agreed ' +
        'and add agreed: with the reason. Running combine again with --output naming this file (say, when a late file ' +
        'arrives) keeps every settled answer whose views did not change.',
    ),
    'schemaVersion: 1',
    'kind: answers',
    `rubric: ${/^[\w][\w./-]*$|^\.\.?\/[\w./-]*$/.test(file.rubric) ? file.rubric : JSON.stringify(file.rubric)}`,
    'council:',
    `  name: ${scalar(file.council.name)}`,
  ];
  for (const field of rubric.profile ?? []) {
    if (Object.hasOwn(file.council, field.id)) out.push(`  ${field.id}: ${scalar(file.council[field.id] ?? null)}`);
  }
  if (file.assessedOn !== undefined) out.push(`assessedOn: ${file.assessedOn}`);
  if (file.assessors !== undefined) {
    out.push('assessors:');
    for (const name of file.assessors) out.push(`  - ${scalar(name)}`);
  }
  const order = new Map(indicatorKeys(rubric).map((key, i) => [key, i]));
  const applies = new Map(rubric.characteristics.flatMap((c) => c.indicators.map((i) => [indicatorKey(c, i), isApplicable(i, file.council)] as const)));
  const keys = Object.keys(file.answers).sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  out.push(keys.length === 0 ? 'answers: {}' : 'answers:');
  for (const key of keys) {
    const answer = file.answers[key];
    if (answer === null || typeof answer !== 'object') {
      out.push(`  ${key}: ${scalar(answer ?? null)}`);
      continue;
    }
    out.push(`  ${key}:${applies.get(key) === false ? '   # does not apply to this council: kept, not scored' : disputeNote(answer.views ?? [])}`);
    out.push(...detailLines(answer));
  }
  return `${out.join('\n')}\n`;
}

function detailLines(answer: AnswerDetail): string[] {
  const lines = [`    score: ${scalar(answer.score)}`];
  if (answer.evidence !== undefined) lines.push(`    evidence: ${JSON.stringify(answer.evidence)}`);
  if (answer.confidence !== undefined) lines.push(`    confidence: ${answer.confidence}`);
  if (answer.agreed !== undefined) lines.push(`    agreed: ${JSON.stringify(answer.agreed)}`);
  if (answer.views !== undefined) {
    lines.push('    views:');
    for (const view of answer.views) lines.push(`      - ${viewText(view)}`);
  }
  return lines;
}

/** One view as one line: `{ assessor: Head of HR, score: 2, evidence: "...", confidence: high }`. */
export function viewText(view: View): string {
  const parts = [`assessor: ${scalar(view.assessor)}`, `score: ${scalar(view.score)}`];
  if (view.evidence !== undefined) parts.push(`evidence: ${JSON.stringify(view.evidence)}`);
  if (view.confidence !== undefined) parts.push(`confidence: ${view.confidence}`);
  return `{ ${parts.join(', ')} }`;
}

function disputeNote(views: readonly View[]): string {
  const scores = views.map((v) => v.score);
  if (!isDisputed(scores)) return '';
  const numbers = scores.filter((s): s is number => typeof s === 'number');
  if (spread(scores) >= 2) return `   # disputed: views from ${Math.min(...numbers)} to ${Math.max(...numbers)}`;
  return '   # disputed: one view says n/a, another gives a level';
}

export interface SummaryOptions {
  /** The combined file as the user named it; undefined when it went to stdout. */
  output?: string;
  /**
   * Where the existing file had comments below its top (`under answers:`, `on alpha.a1`), which are
   * not kept: the file is laid out afresh, and only the comments at its top carry over.
   */
  comments?: readonly string[];
}

/**
 * What combine says on stderr: how far the assessors agree, then every settlement carried over,
 * to be moderated again or left out, each by key, so nothing a moderator settled goes unannounced.
 */
export function renderCombineSummary(summary: CombineSummary, options: SummaryOptions = {}): string[] {
  const { withViews, agree, differByOne, disputed } = summary;
  const lines: string[] = [];
  if (withViews === 0) lines.push('no indicator is answered in any of these files');
  else {
    lines.push(
      `${count(withViews, 'indicator')}: ${agree} ${agree === 1 ? 'agrees' : 'agree'}, ${differByOne} ${differByOne === 1 ? 'differs' : 'differ'} by one level, ` +
        `${disputed.length} disputed${disputed.length > 0 ? `: ${disputed.join(', ')}` : ''}` +
        (summary.notApplicable.length > 0 ? `; ${summary.notApplicable.length} not applying to this council (kept, not scored): ${summary.notApplicable.join(', ')}` : ''),
    );
  }
  if (summary.kept.length > 0) {
    lines.push(`kept ${count(summary.kept.length, 'settled answer')} whose views did not change: ${summary.kept.join(', ')}`);
  }
  for (const s of summary.changed) {
    lines.push(`${s.key}: needs moderating again: its views changed since it was settled at ${scalar(s.score)} (${JSON.stringify(s.agreed)})${agreedAlso(s)}`);
  }
  for (const s of summary.gone) {
    lines.push(
      `${s.key}: was settled at ${scalar(s.score)} (${JSON.stringify(s.agreed)})${agreedAlso(s)}, but none of these files answers it now, so it is left out; combine the file that answered it too to keep it`,
    );
  }
  if (summary.fieldsDropped.length > 0) {
    const what = (f: (typeof summary.fieldsDropped)[number]) =>
      f.field === 'assessor'
        ? `assessor: ${String(f.was)} (a combined file lists its views' names under assessors: instead)`
        : `${f.field}: ${String(f.was)} (the files give ${f.now === undefined ? 'none' : String(f.now)})`;
    lines.push(`not kept, because these files decide ${summary.fieldsDropped.length === 1 ? 'it' : 'them'}: ${summary.fieldsDropped.map(what).join('; ')}`);
  }
  lines.push(...handLines(summary.handKept, summary.handDropped));
  if (options.comments !== undefined && options.comments.length > 0) {
    lines.push(`comments inside the answers are not kept (${options.comments.join(', ')}); comments at the top of the file are, so move a note there to keep it`);
  }
  const unsettled = disputed.filter((key) => !summary.disputedSettled.includes(key)).length;
  const again = summary.changed.filter((s) => !disputed.includes(s.key)).length;
  if (unsettled > 0 || again > 0) {
    const all = again > 0 ? ' --all' : '';
    const what = [
      ...(unsettled > 0 ? [`${count(unsettled, 'disputed indicator')} not yet settled`] : []),
      ...(again > 0 ? [`${count(again, 'answer')} to settle again`] : []),
    ].join(' and ');
    const them = unsettled + again === 1 ? 'it' : 'them';
    lines.push(
      options.output !== undefined
        ? `${what}: settle ${them} with: council-resilience moderate ${shellQuote(options.output)}${all} (or write agreed: in the file)`
        : `${what}: save the combined file with --output FILE, then settle ${them} with: council-resilience moderate FILE${all}`,
    );
  }
  return lines.map((line) => visible(line));
}

/** The agreed evidence and confidence of a settlement that is not kept, so neither goes unannounced. */
function agreedAlso(s: Settlement): string {
  const parts = [
    ...(s.evidence !== undefined ? [`evidence ${JSON.stringify(s.evidence)}`] : []),
    ...(s.confidence !== undefined ? [`confidence ${s.confidence}`] : []),
  ];
  return parts.length === 0 ? '' : `, with agreed ${parts.join(' and ')}`;
}

/** What a person typed by hand outside settlements: each kept or not kept, by key, in plain words. */
function handLines(kept: readonly HandEdit[], dropped: readonly HandEdit[]): string[] {
  const lines: string[] = [];
  const typed = (edits: readonly HandEdit[]) => edits.filter((e) => e.kind === 'evidence' || e.kind === 'confidence');
  const plain = (edits: readonly HandEdit[]) => edits.filter((e): e is Extract<HandEdit, { kind: 'plain' }> => e.kind === 'plain');
  const keptTyped = typed(kept);
  if (keptTyped.length > 0) lines.push(`kept what was typed by hand on answers whose views did not change: ${keptTyped.map((e) => typedText(e, 'on')).join('; ')}`);
  const keptPlain = plain(kept);
  if (keptPlain.length > 0) {
    lines.push(`kept ${count(keptPlain.length, 'answer')} with no views, as typed by hand (no file answers ${keptPlain.length === 1 ? 'it' : 'them'}): ${keptPlain.map(plainText).join('; ')}`);
  }
  const scores = dropped.flatMap((e) => (e.kind === 'score' && e.views !== null ? [{ ...e, views: e.views }] : []));
  if (scores.length > 0) {
    lines.push(
      `not kept, because ${scores.length === 1 ? 'it has' : 'they have'} no agreed: reason: ${scores.map((e) => `${e.key} score ${scalar(e.score)} (the views give ${scalar(e.views)})`).join('; ')}; ` +
        'to keep a level the views do not give, settle it with moderate or write agreed: beside it',
    );
  }
  const why: Record<HandWhy, string> = { changed: 'their views changed', gone: 'none of these files answers them now' };
  for (const reason of ['changed', 'gone'] as const) {
    const edits = dropped.filter((e) => (e.kind === 'score' && e.views === null && reason === 'gone') || ('why' in e && e.why === reason));
    if (edits.length > 0) lines.push(`not kept, because ${why[reason]}: ${edits.map((e) => typedText(e, 'typed by hand on')).join('; ')}`);
  }
  const replaced = plain(dropped);
  if (replaced.length > 0) {
    lines.push(`not kept, because these files now give views for ${replaced.length === 1 ? 'it' : 'them'}: ${count(replaced.length, 'answer')} with no views: ${replaced.map(plainText).join('; ')}`);
  }
  return lines;
}

function typedText(edit: HandEdit, on: string): string {
  if (edit.kind === 'evidence') return `evidence ${on} ${edit.key} (${JSON.stringify(edit.evidence)})`;
  if (edit.kind === 'confidence') return `confidence ${on} ${edit.key} (${edit.confidence})`;
  if (edit.kind === 'score') return `score ${scalar(edit.score)} ${on} ${edit.key}`;
  return edit.key;
}

function plainText(edit: Extract<HandEdit, { kind: 'plain' }>): string {
  const { answer } = edit;
  if (typeof answer !== 'object') return `${edit.key} (${scalar(answer)})`;
  const parts = [
    scalar(answer.score),
    ...(answer.evidence !== undefined ? [`evidence ${JSON.stringify(answer.evidence)}`] : []),
    ...(answer.confidence !== undefined ? [`confidence ${answer.confidence}`] : []),
  ];
  return `${edit.key} (${parts.join(', ')})`;
}

