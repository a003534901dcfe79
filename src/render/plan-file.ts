// The action plan file (SPEC "Action plan"): a header that tells a council officer what every field
// means, then the plan as YAML that `validate` accepts and the council can edit freely.
import type { PlanAction, PlanFile } from '../core/plan.js';
import type { Rubric } from '../core/types.js';
import { visible } from '../core/visible.js';
import { wrap } from './wrap.js';

const WIDTH = 100;

/** The header comment: what the file is, what each field means, and how to keep it up to date. */
export function planHeader(rubric: Rubric): string[] {
  const comment = (text: string, indent = '') => wrap(visible(text), WIDTH, `#${indent} `);
  const scale = rubric.scale.map((l) => `${l.value} ${l.label}`).join(', ');
  const max = rubric.scale.length - 1;
  const field = (name: string, text: string) => wrap(visible(text), WIDTH, `#   ${' '.repeat(12)}`).map((line, i) => (i === 0 ? `#   ${name.padEnd(12)}${line.slice(16)}` : line));
  return [
    ...comment(
      'Action plan made by `council-resilience plan`. It is yours to edit: change any action\'s words, fill in owners ' +
        'and dates, move actions up or down, add notes and comments. Running `council-resilience plan ANSWERS.yaml ' +
        '--output THIS-FILE` again after the next assessment adds the new gaps at the end and changes nothing you wrote. ' +
        '`council-resilience validate THIS-FILE` checks it, and `council-resilience progress THIS-FILE` reports on it.',
    ),
    '#',
    '# What each field means:',
    ...field('rubric', 'the set of questions the assessment used; leave it as it is.'),
    ...field('council', 'the council this plan is for.'),
    ...field('basedOn', 'the answers file the actions were last drawn from, and the date of that assessment.'),
    ...field('actions', 'one action for each question below the level the council aims for, most urgent first. Each has:'),
    ...field('  key', 'the question the action is for (its characteristic, a dot, then the question); leave it as it is.'),
    ...field('  baseline', `the level the question was at when the action was planned, on the scale ${scale} ("don't know" counts as 0).`),
    ...field('  target', `the level the council aims to reach, from 1 to ${max}.`),
    ...field('  action', "what will be done. It starts as the rubric's suggested next step: rewrite it in your own words."),
    ...field('  owner', 'who is responsible: a role rather than a person, such as Head of HR. Empty until agreed.'),
    ...field('  due', 'the date it should be done by, written YYYY-MM-DD, such as 2027-03-31. Empty until agreed.'),
    ...field('  status', 'planned, in-progress, done or dropped. An action not done or dropped by its due date is overdue.'),
    ...field('  notes', 'what has happened so far, a line each, such as:'),
    '#               - { on: 2027-01-10, text: "Open call sent to all staff" }',
  ];
}

/** A whole new plan file. */
export function renderPlanFile(plan: PlanFile, rubric: Rubric): string {
  const out = [...planHeader(rubric), 'schemaVersion: 1', 'kind: plan', `rubric: ${blockString(plan.rubric)}`, 'council:'];
  out.push(`  name: ${blockString(plan.council.name)}`);
  for (const [field, value] of Object.entries(plan.council)) if (field !== 'name') out.push(`  ${field}: ${value === null ? '' : blockString(value)}`.trimEnd());
  out.push('basedOn:', `  answers: ${blockString(plan.basedOn.answers)}`);
  if (plan.basedOn.assessedOn !== undefined) out.push(`  assessedOn: ${yamlString(plan.basedOn.assessedOn)}`);
  if (plan.actions.length === 0) out.push('actions: []');
  else out.push('actions:', ...actionLines(plan.actions, '  '));
  return `${out.join('\n')}\n`;
}

/** Actions as items of a block list, each line starting with `indent`; the same lines a new plan has. */
export function actionLines(actions: readonly PlanAction[], indent: string): string[] {
  const out: string[] = [];
  for (const a of actions) {
    out.push(
      `${indent}- key: ${blockString(a.key)}`,
      `${indent}  baseline: ${a.baseline}`,
      `${indent}  target: ${a.target}`,
      `${indent}  action: ${blockString(a.action)}`,
      `${indent}  owner:${a.owner === null || a.owner === undefined ? '' : ` ${blockString(a.owner)}`}`,
      `${indent}  due:${a.due === null || a.due === undefined ? '' : ` ${yamlString(a.due)}`}`,
      `${indent}  status: ${a.status}`,
    );
    const notes = a.notes ?? [];
    if (notes.length === 0) out.push(`${indent}  notes: []`);
    else {
      out.push(`${indent}  notes:`);
      for (const n of notes) out.push(`${indent}    - { on: ${yamlString(n.on)}, text: ${yamlString(n.text)} }`);
    }
  }
  return out;
}

/**
 * Text as YAML reads it back unchanged: plain where that is safe, otherwise double-quoted, with every
 * character YAML does not allow as it is (controls, DEL, C1, lone surrogates) written as an escape.
 */
export function yamlString(value: string): string {
  if (/^[A-Za-z0-9][\w ./'()-]*$/.test(value) && !/\s$/.test(value) && !/^(null|true|false|yes|no|on|off|y|n|~|\.nan|\.inf)$/i.test(value) && !/^[-+]?[0-9]/.test(value)) {
    return value;
  }
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return value; // a date stays a string in YAML 1.2's core schema
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]|\p{Cs}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text as the value of a block mapping line: plain where YAML reads it back as the same text (the
 * rubric's next steps, with their commas and colons, stay readable), otherwise as yamlString writes it.
 */
export function blockString(value: string): string {
  const plain =
    /^\p{L}[\p{L}\p{N} .,;:'\u2019()/&%+?!-]*$/u.test(value) &&
    !/: |:$| $/.test(value) &&
    !/^(null|true|false|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : yamlString(value);
}
