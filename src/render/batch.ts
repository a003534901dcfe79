import type { BatchResult } from '../core/batch.js';
import type { Stats } from '../core/cohort.js';
import { inlineMarkdown as md } from './escape.js';
import { oneDecimal, percent } from './format.js';

const ids = (r: BatchResult) => Object.keys(r.cohort.characteristics);

export function renderBatchJson(r: BatchResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** SPEC "Batch CSV": RFC 4180, one decimal, empty for null, text that a spreadsheet would run made inert. */
export function renderBatchCsv(r: BatchResult): string {
  const lines = [['file', 'council', 'overall', 'band', 'coverage', ...ids(r)].map(csvText).join(',')];
  for (const row of r.councils) {
    lines.push(
      [
        csvText(row.file),
        csvText(row.council),
        csvNumber(row.overall),
        csvText(row.band ?? ''),
        csvNumber(row.coverage * 100),
        ...ids(r).map((id) => csvNumber(row.characteristics[id] ?? null)),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvNumber(value: number | null): string {
  return value === null ? '' : oneDecimal(value);
}

/** A text cell: formulas neutralised with a leading ', then quoted when it holds , " CR or LF. */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const statsLine = (label: string, s: Stats, width: number) =>
  `  ${label.padEnd(width)}  ${[s.min, s.q1, s.median, s.q3, s.max, s.mean].map((v) => oneDecimal(v).padStart(6)).join(' ')}`;

export function renderBatchText(r: BatchResult): string {
  const out: string[] = [];
  const fileWidth = Math.min(60, Math.max(4, ...r.councils.map((c) => c.file.length)));
  const councilWidth = Math.min(40, Math.max(7, ...r.councils.map((c) => c.council.length)));
  out.push(`${'file'.padEnd(fileWidth)}  ${'council'.padEnd(councilWidth)}  overall  answered  band`);
  for (const row of r.councils) {
    out.push(`${row.file.padEnd(fileWidth)}  ${row.council.padEnd(councilWidth)}  ${oneDecimal(row.overall).padStart(7)}  ${percent(row.coverage).padStart(8)}  ${row.band ?? ''}`);
  }
  out.push('');
  out.push(`Cohort: ${r.cohort.count} council${r.cohort.count === 1 ? '' : 's'} scored (${r.rubric.title}, version ${r.rubric.version})`);
  const width = Math.max(7, ...ids(r).map((id) => id.length));
  out.push(`  ${''.padEnd(width)}  ${['min', 'q1', 'median', 'q3', 'max', 'mean'].map((h) => h.padStart(6)).join(' ')}`);
  out.push(statsLine('overall', r.cohort.overall, width));
  for (const id of ids(r)) out.push(statsLine(id, r.cohort.characteristics[id]!, width));
  if (r.invalid.length > 0) {
    out.push('', `Invalid files (${r.invalid.length}), not scored:`);
    for (const bad of r.invalid) for (const e of bad.errors) out.push(`  ${e}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderBatchMarkdown(r: BatchResult): string {
  const out = [`# Batch assessment: ${r.cohort.count} councils`, '', `Rubric: ${md(r.rubric.title)}, version ${md(r.rubric.version)}.`, ''];
  out.push('| File | Council | Overall | Band | Answered |', '| --- | --- | ---: | --- | ---: |');
  for (const row of r.councils) {
    out.push(`| ${md(row.file)} | ${md(row.council)} | ${oneDecimal(row.overall)} | ${md(row.band ?? '')} | ${percent(row.coverage)} |`);
  }
  out.push('', '## Cohort', '', '| | Min | Q1 | Median | Q3 | Max | Mean |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const row = (label: string, s: Stats) => `| ${label} | ${[s.min, s.q1, s.median, s.q3, s.max, s.mean].map(oneDecimal).join(' | ')} |`;
  out.push(row('**Overall**', r.cohort.overall));
  for (const id of ids(r)) out.push(row(md(id), r.cohort.characteristics[id]!));
  if (r.invalid.length > 0) {
    out.push('', `## Invalid files (${r.invalid.length})`, '');
    for (const bad of r.invalid) for (const e of bad.errors) out.push(`- ${md(e)}`);
  }
  return `${out.join('\n')}\n`;
}

