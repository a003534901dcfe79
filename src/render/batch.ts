import type { BatchResult } from '../core/batch.js';
import type { Stats } from '../core/cohort.js';
import { visible } from '../core/visible.js';
import { groupField } from '../core/groups.js';
import { groupsMarkdown, groupsText } from './batch-groups.js';
import { inlineMarkdown as md } from './escape.js';
import { count, oneDecimal, percent } from './format.js';
import { columns, padEnd } from './width.js';
import { wrapText } from './wrap.js';

const ids = (r: BatchResult) => Object.keys(r.cohort.characteristics);

export function renderBatchJson(r: BatchResult): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** SPEC "Batch CSV": RFC 4180, one decimal, empty for null, text that a spreadsheet would run made inert. */
export function renderBatchCsv(r: BatchResult): string {
  // With --group-by, the group value (empty for none) is the column after council, named by the field.
  const field = groupField(r);
  const lines = [['file', 'council', ...(field === undefined ? [] : [field]), 'overall', 'band', 'coverage', ...ids(r)].map(csvText).join(',')];
  for (const row of r.councils) {
    lines.push(
      [
        csvText(row.file),
        csvText(row.council),
        ...(field === undefined ? [] : [csvText(row.group ?? '')]),
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
export function csvText(raw: string): string {
  // Control characters (other than tab and line breaks) are never real data, and a NUL or ESC breaks
  // readers such as R's read.csv or the terminal a CSV is printed to: they are written as escapes.
  const value = visible(raw, { keepSpacing: true });
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const NUMBERS = ['min', 'q1', 'median', 'q3', 'max', 'mean'];
const statsCells = (st: Stats) => [st.min, st.q1, st.median, st.q3, st.max, st.mean].map((n) => oneDecimal(n).padStart(6)).join(' ');

/**
 * The terminal view; every line but an error's fits `width` columns (default 80). A row is
 * "file  council  overall  answered  band" when that fits; otherwise the council comes first with
 * its figures and the file goes on the line under it.
 */
export function renderBatchText(r: BatchResult, { width = 80 }: { width?: number } = {}): string {
  const out: string[] = [];
  const rows = r.councils.map((row) => ({
    file: visible(row.file),
    council: visible(row.council),
    figures: `${oneDecimal(row.overall).padStart(7)}  ${percent(row.coverage).padStart(8)}  ${row.band === null ? '' : visible(row.band)}`.trimEnd(),
  }));
  const bandWidth = Math.max(4, ...r.councils.map((row) => columns(row.band === null ? '' : visible(row.band))));
  const figuresWidth = 7 + 2 + 8 + 2 + bandWidth;
  const figuresHead = 'overall  answered  band';
  const fileWidth = Math.max(4, ...rows.map((row) => columns(row.file)));
  const councilWidth = Math.max(7, ...rows.map((row) => columns(row.council)));
  if (fileWidth + 2 + councilWidth + 2 + figuresWidth <= width) {
    out.push(`${padEnd('file', fileWidth)}  ${padEnd('council', councilWidth)}  ${figuresHead}`);
    for (const row of rows) out.push(`${padEnd(row.file, fileWidth)}  ${padEnd(row.council, councilWidth)}  ${row.figures}`);
  } else {
    const nameWidth = Math.min(councilWidth, width - 2 - figuresWidth);
    const beside = nameWidth >= 12;
    out.push(beside ? `${padEnd('council', nameWidth)}  ${figuresHead}` : 'council', '  file', ...(beside ? [] : [`  ${figuresHead}`]));
    for (const row of rows) {
      if (beside) {
        const name = wrapText(row.council, nameWidth);
        out.push(`${padEnd(name[0] ?? '', nameWidth)}  ${row.figures}`, ...name.slice(1));
      } else out.push(...wrapText(row.council, width), ...wrapText(row.figures.trimStart(), width, '  '));
      out.push(...wrapText(row.file, width, '  '));
    }
  }
  out.push('');
  out.push(...wrapText(`Cohort: ${r.cohort.count} council${r.cohort.count === 1 ? '' : 's'} scored (${visible(r.rubric.title)}, version ${visible(r.rubric.version)})`, width));
  const labels = ['overall', ...ids(r).map((id) => visible(id))];
  const labelWidth = Math.max(7, ...labels.map(columns));
  const stats = [r.cohort.overall, ...ids(r).map((id) => r.cohort.characteristics[id]!)];
  const besideStats = 2 + labelWidth + 2 + 41 <= width;
  // On a very narrow terminal the six figures go in two groups of three.
  const groups: [number, number][] = besideStats || 4 + 41 <= width ? [[0, 6]] : [[0, 3], [3, 6]];
  for (const [from, to] of groups) {
    out.push(`  ${''.padEnd(besideStats ? labelWidth : 0)}  ${NUMBERS.slice(from, to).map((h) => h.padStart(6)).join(' ')}`);
    labels.forEach((label, i) => {
      const cells = statsCells(stats[i]!).slice(from * 7, to * 7 - 1);
      if (besideStats) out.push(`  ${padEnd(label, labelWidth)}  ${cells}`);
      else out.push(...wrapText(label, width, '  '), `    ${cells}`);
    });
  }
  out.push(...groupsText(r, width));
  if (r.invalid.length > 0) {
    // Each error stays one line, however long: it names file, line and column.
    out.push('', `Invalid files (${r.invalid.length}), not scored:`);
    // One error a paragraph: the first line at two spaces, the rest under it at four.
    for (const bad of r.invalid) for (const e of bad.errors) out.push(...wrapText(e, width, '    ').map((l, i) => (i === 0 ? `  ${l.trimStart()}` : l)));
  }
  return `${out.join('\n')}\n`;
}

export function renderBatchMarkdown(r: BatchResult): string {
  const out = [`# Batch assessment: ${count(r.cohort.count, 'council')}`, '', `Rubric: ${md(r.rubric.title)}, version ${md(r.rubric.version)}.`, ''];
  out.push('| File | Council | Overall | Band | Answered |', '| --- | --- | ---: | --- | ---: |');
  for (const row of r.councils) {
    out.push(`| ${md(row.file)} | ${md(row.council)} | ${oneDecimal(row.overall)} | ${md(row.band ?? '')} | ${percent(row.coverage)} |`);
  }
  out.push('', '## Cohort', '', '| | Min | Q1 | Median | Q3 | Max | Mean |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const row = (label: string, s: Stats) => `| ${label} | ${[s.min, s.q1, s.median, s.q3, s.max, s.mean].map(oneDecimal).join(' | ')} |`;
  out.push(row('**Overall**', r.cohort.overall));
  for (const id of ids(r)) out.push(row(md(id), r.cohort.characteristics[id]!));
  out.push(...groupsMarkdown(r));
  if (r.invalid.length > 0) {
    out.push('', `## Invalid files (${r.invalid.length})`, '');
    for (const bad of r.invalid) for (const e of bad.errors) out.push(`- ${md(e)}`);
  }
  return `${out.join('\n')}\n`;
}

