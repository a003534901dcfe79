// `interview --from LAST.yaml`: next year's interview starts from last year's answers. Last year's
// answer and evidence are only offered (shown, and the default a person confirms with Enter); the new
// file gets an answer only when the person confirms or changes it, so nothing unconfirmed is scored
// as this year's. The session asks here what a question starts on and what the end screen says.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NormalisedAnswer } from '../core/answers.js';
import { normaliseAnswer } from '../core/answers.js';
import { compare } from '../core/compare.js';
import { UsageError } from '../core/errors.js';
import { rubricDifference, rubricName } from '../core/rubric-identity.js';
import { assess } from '../core/score.js';
import type { AnswersFile, Rubric } from '../core/types.js';
import { visible } from '../core/visible.js';
import { rubricSourcePhrase } from '../io/compiled-rubrics.js';
import type { LoadedAnswers, LoadedRubric } from '../io/load.js';
import { loadAnswers, loadRubric } from '../io/load.js';
import { count } from '../render/format.js';
import { wrap } from '../render/wrap.js';

/** Last year's answers file, as the interview offers it. */
export interface LastYear {
  /** The path as given with --from, as messages name it. */
  file: string;
  answers: AnswersFile;
  /** Whether it is a combined file (answers with views): its combined scores are what is offered. */
  combined: boolean;
}

/** LAST read and checked, with the rubric it names: the rubric the new file is answered on. */
export interface CarriedForward {
  last: LastYear;
  rubric: LoadedRubric;
}

/**
 * Reads LAST (its own located errors, exit 2, when it is not a valid answers file) and checks that a
 * --rubric given with it is the rubric LAST names: last year's answers are carried forward only onto
 * the questions they answered.
 */
export async function readLastYear(file: string, rubricOption: string | undefined): Promise<CarriedForward> {
  const loaded = await loadAnswers(file);
  if (rubricOption !== undefined) {
    const given = await loadRubric(rubricOption);
    if (rubricDifference(identity(given), identity(loaded.rubric)) !== 'same') {
      throw new UsageError(
        `--rubric ${rubricOption} is ${describe(given)}, but ${file} (--from) was answered on ${describe(loaded.rubric)}; ` +
          `last year's answers are carried forward on the rubric they answered, so leave out --rubric`,
      );
    }
  }
  const combined = Object.values(loaded.answers.answers).some((a) => a !== null && typeof a === 'object' && a.views !== undefined);
  return { last: { file, answers: loaded.answers, combined }, rubric: loaded.rubric };
}

const identity = (r: LoadedRubric) => ({ id: r.rubric.id, version: r.rubric.version, hash: r.hash });
const describe = (r: LoadedRubric) => `${rubricName(r.rubric)} (${rubricSourcePhrase(r.file)})`;

/** What the interview says once, before the first question. */
export function carryingForwardLines(last: LastYear): string[] {
  const on = last.answers.assessedOn !== undefined ? `, ${last.answers.assessedOn}` : '';
  const lines = [
    `Starting from last year's answers in ${visible(last.file)} (${visible(last.answers.council.name, { max: 200 })}${on}): ` +
      `each question starts on last year's answer; press Enter to keep it, or choose another. Only what you confirm or change is saved.`,
  ];
  if (last.combined) lines.push(`${visible(last.file)} combines several assessors' views: each question starts on its combined score.`);
  const targets = Object.values(last.answers.answers).filter((a) => normaliseAnswer(a).target !== undefined).length;
  if (targets > 0) {
    lines.push(
      `${count(targets, "of last year's answers sets", "of last year's answers set")} a target, the level the council aims for: ` +
        `it is kept with this year's answer, whether you keep the level or change it (--targets asks each target again).`,
    );
  }
  return lines.map((line) => wrap(line, 78).join('\n'));
}

/**
 * This year's file must never be last year's: the same path, or another name for the same file (a
 * link). `byDefault`: the name came from the council's name, not from --answers.
 */
export function refuseLastYearsFile(path: string, last: LastYear, byDefault: boolean): void {
  if (!sameFile(path, last.file)) return;
  const choose = `it is never written over: choose another file for this year's answers with --answers`;
  throw new UsageError(
    byDefault
      ? `this year's answers would be saved in ${path} (from the council's name), which is last year's file (--from ${last.file}); ${choose}`
      : `--answers ${path} is last year's file (--from ${last.file}); ${choose}`,
  );
}

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [sa, sb] = [statSync(a), statSync(b)];
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * A half-done file carried on with --from again must be this council's, on last year's rubric, or
 * last year's answers would be offered for another council's questions.
 */
export function checkCarriedOn(path: string, loaded: LoadedAnswers, carried: CarriedForward): void {
  if (rubricDifference(identity(loaded.rubric), identity(carried.rubric)) !== 'same') {
    throw new UsageError(
      `${path} is answered on ${describe(loaded.rubric)}, but ${carried.last.file} (--from) on ${describe(carried.rubric)}; ` +
        `choose another file for this year's answers with --answers`,
    );
  }
  const [now, then] = [loaded.answers.council.name, carried.last.answers.council.name];
  if (now !== then) {
    throw new UsageError(
      `${path} is for ${JSON.stringify(now)}, but ${carried.last.file} (--from) is for ${JSON.stringify(then)}; ` +
        `choose another file for this year's answers with --answers`,
    );
  }
}

/** What one question starts on: the default choice and evidence, and what is said before it. */
export interface StartingPoint {
  value: NormalisedAnswer['value'];
  evidence: string | undefined;
  said: string[];
  /** The evidence prompt, when Enter there keeps last year's evidence. */
  evidenceMessage?: string;
  /**
   * The target the answer is saved with: this year's, else last year's. A target is the council's
   * decision, not a yearly observation, so it is carried with the answer whether the level is kept or
   * changed; only --targets asks it again (last year's the default).
   */
  target: number | undefined;
}

/**
 * A question answered this year starts on this year's answer (last year's is shown beside it); one not
 * yet answered starts on last year's answer and evidence, which are written only once confirmed.
 */
export function startingPoint(rubric: Rubric, current: NormalisedAnswer, last: LastYear | undefined, key: string): StartingPoint {
  const own = { value: current.value, evidence: current.evidence, said: [] as string[], target: current.target };
  if (!last) return own;
  const then = normaliseAnswer(last.answers.answers[key]);
  if (then.value === null) return { ...own, said: ['Last year: not answered.'] };
  const on = last.answers.assessedOn !== undefined ? ` (${last.answers.assessedOn})` : '';
  const aim = then.target !== undefined ? `, target ${choiceName(rubric, then.target)}` : '';
  const said = [`Last year${on}: ${choiceName(rubric, then.value)}${aim}`];
  if (then.evidence !== undefined) said.push(wrap(`Evidence: ${visible(then.evidence, { max: 500 })}`, 78, '  ').join('\n'));
  if (current.value !== null) return { ...own, said };
  return {
    value: then.value,
    evidence: then.evidence,
    said,
    target: current.target ?? then.target,
    ...(then.evidence !== undefined && { evidenceMessage: "Evidence (press Enter to keep last year's; Backspace, then Enter, for none):" }),
  };
}

/** An answer as the interview's choices name it: "2 Most", "Don't know", "Not applicable". */
function choiceName(rubric: Rubric, value: number | 'n/a' | 'unknown'): string {
  if (value === 'unknown') return "Don't know";
  if (value === 'n/a') return 'Not applicable';
  const level = rubric.scale.find((l) => l.value === value);
  return level ? `${level.value} ${visible(level.label)}` : String(value);
}

/**
 * The end screen's lines on what changed from last year, from the same comparison as `compare`:
 * counts over the questions answered in this interview, then the keys that went up and down.
 */
export function changeLines(rubric: Rubric, last: LastYear | undefined, file: AnswersFile): string[] {
  if (!last) return [];
  const before = assess(rubric, last.answers, { source: last.file });
  const after = assess(rubric, file);
  const c = compare(before, after);
  const moved = new Set([...c.improved, ...c.regressed, ...c.newlyAssessed].map((r) => r.key));
  const then = new Map(before.characteristics.flatMap((ch) => ch.indicators).map((i) => [i.key, i.answer]));
  const answered = after.characteristics.flatMap((ch) => ch.indicators).filter((i) => i.applicable && i.answer !== null && !moved.has(i.key));
  const same = answered.filter((i) => then.get(i.key) === i.answer).length;
  const other = answered.length - same;
  const on = last.answers.assessedOn !== undefined ? `, ${last.answers.assessedOn}` : '';
  const parts = [
    `${count(c.improved.length, 'question')} went up`,
    `${c.regressed.length} went down`,
    `${same} stayed the same`,
    `${c.newlyAssessed.length} ${c.newlyAssessed.length === 1 ? 'is' : 'are'} new`,
  ];
  if (other > 0) parts.push(`${other} changed to or from Don't know or Not applicable`);
  const lines = [wrap(`Compared with last year (${visible(last.file)}${on}): ${parts.join(', ')}`, 78).join('\n')];
  const keys = (rows: typeof c.improved) => rows.map((r) => `${r.key} (${r.before} → ${r.after})`).join(', ');
  if (c.improved.length > 0) lines.push(wrap(`Went up: ${keys(c.improved)}`, 78, '  ').join('\n'));
  if (c.regressed.length > 0) lines.push(wrap(`Went down: ${keys(c.regressed)}`, 78, '  ').join('\n'));
  return lines;
}
