import { indicatorKey } from '../core/rubric.js';
import type { Selection } from '../core/selection.js';
import type { AnswersFile, Rubric } from '../core/types.js';
import { answerText, scalar } from './answers-file.js';
import { visible } from '../core/visible.js';
import { wrap } from './wrap.js';

export interface TemplateOptions {
  /** The rubric as an answers file should name it: a built-in id or a path. */
  rubricRef: string;
  /** Path (as seen from the template) of schemas/answers.schema.json, for editors. */
  schemaPath: string;
  /** `--only`: just these indicators, and the headers of the characteristics that have some. */
  only?: Selection;
  /** `--from`: last year's answers file, whose council and answers are filled in. */
  from?: AnswersFile;
}

const WIDTH = 100;

/** A blank answers file: every indicator listed with its question and the scale, as YAML comments. */
export function renderTemplate(rubric: Rubric, options: TemplateOptions): string {
  // Rubric text only ever lands in comments, with its control characters made visible: a raw
  // ESC would reach the terminal of whoever prints the template, and a newline would end the comment.
  const comment = (text: string, indent = '') => wrap(visible(text), WIDTH, `${indent}# `);
  const scale = rubric.scale.map((l) => `${l.value} = ${l.label}`).join(', ');
  const out: string[] = [
    `# yaml-language-server: $schema=${options.schemaPath}`,
    ...comment(`Answers for "${rubric.title}" (version ${rubric.version}).`),
    ...comment(
      `Answer each indicator with a number on the scale (${scale}), or n/a if it does not apply to your ` +
        "council, or unknown if you don't know (counted as 0 and flagged). Leave it empty if not yet answered. " +
        'To record evidence, write { score: 2, evidence: "where it is written down", confidence: high }.',
    ),
    ...(options.only ? comment(`Only part of the rubric is here, for one assessor: ${options.only.ids.join(', ')}.`) : []),
    'schemaVersion: 1',
    'kind: answers',
    `rubric: ${yamlScalar(options.rubricRef)}`,
    'council:',
    options.from ? `  name: ${scalar(options.from.council.name)}` : '  name: Name of your council   # replace with the council\'s name',
  ];
  if (options.from) out.splice(out.length - 5, 0, ...comment(`Filled in from last year's answers (${options.from.assessedOn ?? 'undated'}): check each one and change what has changed.`));
  for (const field of rubric.profile ?? []) {
    out.push(...comment(`${field.question} One of: ${field.options.join(', ')}.`, '  '));
    const value = options.from?.council[field.id];
    out.push(value === undefined || value === null ? `  ${field.id}:` : `  ${field.id}: ${scalar(value)}`);
  }
  out.push('# assessedOn: 2026-01-31      # the date of the assessment, YYYY-MM-DD');
  out.push('# assessor: Your job title');
  out.push('answers:');
  const only = options.only;
  for (const characteristic of rubric.characteristics) {
    const indicators = only ? characteristic.indicators.filter((i) => only.has(indicatorKey(characteristic, i))) : characteristic.indicators;
    if (only && indicators.length === 0) continue;
    out.push('');
    out.push(`  # ── ${visible(characteristic.title)} ${'─'.repeat(Math.max(3, 60 - characteristic.title.length))}`);
    for (const indicator of indicators) {
      out.push(...comment(indicator.statement, '  '));
      out.push(...comment(`Q: ${indicator.question}`, '  '));
      if (indicator.appliesTo) {
        const rule = Object.entries(indicator.appliesTo)
          .map(([f, options]) => `${f} is ${options.join(' or ')}`)
          .join(' and ');
        out.push(`  # Only applies where ${visible(rule)}.`);
      }
      const last = options.from?.answers[indicatorKey(characteristic, indicator)];
      out.push(last === undefined || last === null ? `  ${indicatorKey(characteristic, indicator)}:` : `  ${indicatorKey(characteristic, indicator)}: ${answerText(last)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function yamlScalar(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : JSON.stringify(text);
}
