// Action plan files: read with positions and checked against the schema and the rubric, as answers
// files are, so every mistake is one located line; and added to in place, so that nothing a person
// wrote in one (comments, layout, their own words) is ever lost.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Problem } from '../core/errors.js';
import { formatPath, InputError } from '../core/errors.js';
import type { PlanFile } from '../core/plan.js';
import { checkPlan } from '../core/plan.js';
import { validatePlan } from '../generated/validators.js';
import type { LoadedRubric } from './load.js';
import { loadRubricFile, missingRubricMessage, readYamlFile, resolveRubricRef } from './load.js';
import { schemaProblems } from './schema-errors.js';
import { afterLine, lineStart, OPTIONS, readsAs, yaml } from './yaml-edit.js';
import type { ParsedYaml } from './yaml.js';
import { locate, locateAll } from './yaml.js';
import { editYaml } from './yaml-edit.js';

export interface LoadedPlan {
  plan: PlanFile;
  rubric: LoadedRubric;
  file: string;
  /** The file as read, for locating a later problem (another council) in it. */
  parsed: ParsedYaml;
}

export async function loadPlan(file: string): Promise<LoadedPlan> {
  return planFromParsed(await readYamlFile(file));
}

/** A parsed plan file checked against its schema and its rubric; every mistake is reported together. */
export async function planFromParsed(parsed: ParsedYaml): Promise<LoadedPlan> {
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError([locate(parsed, { path: [], message: `expected a mapping with "kind: plan", but the file holds ${Array.isArray(data) ? 'a list' : 'a single value'}` })]);
  }
  const record = data as Record<string, unknown>;
  if (record.kind !== 'plan') {
    const message = record.kind === undefined ? '"kind:" is missing; expected kind: plan' : `expected kind: plan, found ${JSON.stringify(record.kind)}`;
    throw new InputError([locate(parsed, { path: record.kind === undefined ? [] : ['kind'], message })]);
  }
  let problems = validatePlan(record) ? [] : schemaProblems(validatePlan.errors ?? [], record);

  let rubric: LoadedRubric | undefined;
  if (typeof record.rubric === 'string' && record.rubric.trim() !== '') {
    const ref = record.rubric;
    const path = resolveRubricRef(ref, dirname(parsed.file));
    if (!existsSync(path)) problems.push({ path: ['rubric'], message: missingRubricMessage(ref, path) });
    else rubric = await loadRubricFile(path);
  }
  if (rubric) {
    // The rubric's words ("4 is not on the scale 0-3", "not an indicator") beat the schema's at the same place.
    const checked = checkPlan(record, rubric.rubric);
    const specific = new Set(checked.map((p) => p.path.join('\u0000')));
    problems = problems.filter((p) => !specific.has(p.path.join('\u0000'))).concat(checked);
  }
  problems = onePerValue(problems);
  if (problems.length > 0) throw new InputError(locateAll(parsed, problems.map((p) => labelled(p, record))));
  if (!rubric) throw new Error('unreachable: a schema-valid plan file always names a rubric');
  return { plan: record as unknown as PlanFile, rubric, file: parsed.file, parsed };
}

/**
 * One mistake, one line: where the schema finds a value both of the wrong type and not among the
 * allowed ones (an empty `status:`), only the line naming the allowed values is kept.
 */
function onePerValue(problems: Problem[]): Problem[] {
  const listed = new Set(problems.filter((p) => p.at !== 'key' && / is not one of: /.test(p.message)).map((p) => p.path.join('\u0000')));
  return problems.filter((p) => p.at === 'key' || / is not one of: /.test(p.message) || !listed.has(p.path.join('\u0000')));
}

/**
 * A problem inside an action is named by the action's indicator (`approach.staff-in-communities.due`)
 * rather than its place in the list, as answers are; a problem with the key itself keeps `actions[2].key`.
 */
function labelled(problem: Problem, data: Record<string, unknown>): Problem {
  const [first, index, field] = problem.path;
  if (first !== 'actions' || typeof index !== 'number' || field === 'key') return problem;
  const action = Array.isArray(data.actions) ? (data.actions[index] as unknown) : undefined;
  const key = action !== null && typeof action === 'object' ? (action as Record<string, unknown>).key : undefined;
  if (typeof key !== 'string' || !/^[a-z0-9-]+\.[a-z0-9-]+$/.test(key)) return problem;
  const prefix = formatPath(['actions', index]);
  const full = problem.label ?? formatPath(problem.path);
  if (!full.startsWith(`${prefix}.`) && !full.startsWith(`${prefix}[`)) return problem;
  return { ...problem, label: `${key}${full.slice(prefix.length)}` };
}


export interface PlanEdit {
  /** New values for basedOn's fields, as one line of YAML each (undefined removes the field). */
  basedOn: { field: 'answers' | 'assessedOn'; text: string | undefined }[];
  /** New actions, as the lines of block-list items with no indent (render/plan-file.ts actionLines). */
  actions: string[];
  /** What the file must read back as, once edited. */
  expected: PlanFile;
}

/**
 * The plan's text with new actions added at the end of its list and basedOn brought up to date,
 * every other character left as it was; undefined when that cannot be done safely (the result is
 * read back and must be exactly the expected plan). When the text cannot be spliced, the YAML
 * library's own editing is tried: it keeps every comment, though it may respace some lines.
 */
export function editPlanText(text: string, edit: PlanEdit): string | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  for (const attempt of [() => spliced(body, edit), () => viaLibrary(body, edit)]) {
    let out: string | undefined;
    try {
      out = attempt();
    } catch {
      out = undefined;
    }
    if (out !== undefined && readsAs(out, edit.expected)) return bom + out;
  }
  return undefined;
}

function spliced(text: string, edit: PlanEdit): string | undefined {
  let out = text;
  if (edit.basedOn.length > 0) {
    const order = ['answers', 'assessedOn'];
    const done = editYaml(out, edit.basedOn.map((b) => ({ path: ['basedOn', b.field] as const, text: b.text })), (path) => order.indexOf(path[1] ?? ''));
    if (done === undefined) return undefined;
    out = done;
  }
  return edit.actions.length === 0 ? out : appendItems(out, edit.actions);
}

/** Adds list items at the end of the top-level `actions` list, indented as its items are. */
function appendItems(text: string, lines: readonly string[]): string | undefined {
  const { isMap, isScalar, isSeq, parseDocument } = yaml();
  const doc = parseDocument(text, OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const pair = (doc.contents as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'actions') as Pair | undefined;
  const seq = pair?.value;
  const keyRange = (pair?.key as { range?: number[] } | undefined)?.range;
  if (!pair || !isSeq(seq) || !keyRange) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const list = seq as YAMLSeq;
  const range = list.range;
  if (!range) return undefined;
  if (list.flow) {
    // `actions: []`: the list becomes a block one, under its key.
    if (list.items.length > 0) return undefined;
    const keyIndent = text.slice(lineStart(text, keyRange[0]!), keyRange[0]);
    if (keyIndent.trim() !== '') return undefined;
    const block = lines.map((l) => `${eol}${keyIndent}  ${l}`).join('');
    return text.slice(0, range[0]).replace(/[ \t]*$/, '') + block + text.slice(range[1]);
  }
  const last = list.items.at(-1) as { range?: number[] } | undefined;
  const first = list.items[0] as { range?: number[] } | undefined;
  if (!last?.range || !first?.range) return undefined;
  // The indent of the first item's "- ", which every new item copies.
  const dash = text.lastIndexOf('-', first.range[0]!);
  const indent = text.slice(lineStart(text, dash), dash);
  if (indent.trim() !== '') return undefined;
  const at = afterLine(text, last.range[1]!);
  const newline = at === text.length && !text.endsWith('\n') ? eol : '';
  return text.slice(0, at) + newline + lines.map((l) => `${indent}${l}${eol}`).join('') + text.slice(at);
}

function viaLibrary(text: string, edit: PlanEdit): string {
  const { parseDocument } = yaml();
  const doc = parseDocument(text, OPTIONS);
  for (const b of edit.basedOn) {
    if (b.text === undefined) doc.deleteIn(['basedOn', b.field]);
    else doc.setIn(['basedOn', b.field], parseDocument(b.text, OPTIONS).contents);
  }
  if (edit.actions.length > 0) {
    const items = parseDocument(edit.actions.join('\n'), OPTIONS).contents as YAMLSeq;
    const list = doc.get('actions') as YAMLSeq;
    if (list.flow && list.items.length === 0) list.flow = false;
    for (const item of items.items) list.items.push(item);
  }
  return doc.toString({ lineWidth: 0 });
}

