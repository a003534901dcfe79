import { indicatorKeys } from '../core/rubric.js';
import type { Answer, AnswersFile, Rubric } from '../core/types.js';

/**
 * An answers file in the SPEC format, answers in rubric order, so that what the interview saves is
 * what `validate` accepts and `assess` scores, and reads well when opened in an editor.
 */
export function renderAnswersFile(file: AnswersFile, rubric: Rubric, savedBy = 'council-resilience interview'): string {
  const out = [
    `# Saved by ${savedBy}. You can edit it; \`council-resilience validate\` checks it.`,
    'schemaVersion: 1',
    'kind: answers',
    `rubric: ${scalar(file.rubric)}`,
    'council:',
    `  name: ${scalar(file.council.name)}`,
  ];
  for (const field of rubric.profile ?? []) {
    if (Object.hasOwn(file.council, field.id)) out.push(`  ${field.id}: ${scalar(file.council[field.id] ?? null)}`);
  }
  if (file.assessedOn !== undefined) out.push(`assessedOn: ${file.assessedOn}`);
  if (file.assessor !== undefined) out.push(`assessor: ${scalar(file.assessor)}`);
  out.push('answers:');
  const order = indicatorKeys(rubric);
  const keys = Object.keys(file.answers).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (keys.length === 0) out[out.length - 1] = 'answers: {}';
  for (const key of keys) out.push(`  ${key}: ${answerText(file.answers[key])}`);
  return `${out.join('\n')}\n`;
}

/** One answer as one line of YAML: `2`, or `{ score: 2, evidence: "...", confidence: high, target: 3 }`. */
export function answerText(answer: Answer | undefined): string {
  if (answer !== null && typeof answer === 'object') {
    const parts = [`score: ${scalar(answer.score)}`];
    if (answer.evidence !== undefined) parts.push(`evidence: ${JSON.stringify(answer.evidence)}`);
    if (answer.confidence !== undefined) parts.push(`confidence: ${answer.confidence}`);
    if (answer.target !== undefined) parts.push(`target: ${answer.target}`);
    return `{ ${parts.join(', ')} }`;
  }
  return scalar(answer ?? null);
}

/** Plain where YAML reads it back unchanged; otherwise double-quoted (JSON strings are valid YAML). */
export function scalar(value: string | number | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (value === 'n/a' || value === 'unknown') return value;
  return /^[A-Za-z][\w ./'()-]*$/.test(value) && !/^(null|true|false|yes|no|on|off|y|n|~)$/i.test(value) && !/\s$/.test(value)
    ? value
    : JSON.stringify(value);
}
