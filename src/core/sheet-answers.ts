// SPEC "Spreadsheets": the layout of the template workbook (and its CSV form), and the way back from
// the cells an officer filled in to an answers file. Pure: the cells arrive as plain values (no
// spreadsheet library's types), and every mistake comes back as a problem naming its sheet, row and
// column, so the caller can say `file.xlsx:Answers!H7` or `file.csv:7:8`.
import type { AnswersFile, Answer, AnswerDetail, Council, Rubric } from './types.js';
import { assessedOnProblem, targetProblem } from './answers.js';
import { indicatorCount, indicatorKey, scaleMax } from './rubric.js';
import type { Selection } from './selection.js';
import { suggestion } from './suggest.js';

export const SHEET = { council: 'Council', answers: 'Answers', instructions: 'Instructions', lists: 'Lists' } as const;

export const DONT_KNOW = "Don't know";
export const NOT_APPLICABLE = 'Not applicable';
export const CONFIDENCE = ['low', 'medium', 'high'] as const;
/** What a template's council name holds until someone types theirs (as the YAML template). */
export const NAME_PLACEHOLDER = 'Name of your council';

/** A formula as typed (without its `=`): never worked out, always a mistake on import. */
export interface FormulaValue {
  formula: string;
}
/** A cell Excel shows as an error, such as #N/A. */
export interface ErrorValue {
  error: string;
}
/** A cell holding a date (Excel's date serial numbers, already turned into a day). */
export interface DateValue {
  /** YYYY-MM-DD */
  day: string;
}
export type SheetValue = string | number | boolean | null | FormulaValue | ErrorValue | DateValue;

export interface SheetRow {
  /** The row's number as the sheet shows it (1 is the header), or the CSV record's line. */
  number: number;
  /** Column A first. */
  cells: SheetValue[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** A mistake in a sheet: the whole file (no sheet), a sheet, a row (no col) or one cell (col from 1). */
export interface SheetProblem {
  sheet?: string;
  row?: number;
  col?: number;
  /** The indicator key or council field it concerns, shown before the message. */
  label?: string;
  message: string;
}

/** "2 Developing": how a level is written in the drop-downs and the level columns. */
export function levelLabel(rubric: Rubric, value: number): string {
  const level = rubric.scale.find((l) => l.value === value);
  return level === undefined ? String(value) : `${level.value} ${level.label}`;
}

/** The Answer drop-down: every level, then Don't know and Not applicable. */
export function answerChoices(rubric: Rubric): string[] {
  return [...rubric.scale.map((l) => levelLabel(rubric, l.value)), DONT_KNOW, NOT_APPLICABLE];
}

/** The reference columns an officer reads; import ignores them. */
export const REFERENCE_COLUMNS = ['Characteristic', 'Statement', 'Question', 'What to look for'] as const;
/** The columns import reads, besides Key. */
export const ANSWER_COLUMNS = ['Answer', 'Evidence', 'Confidence', 'Target'] as const;

/** The Answers sheet's header row: Key, the reference text, one column per level, the answer columns. */
export function answersHeader(rubric: Rubric): string[] {
  return ['Key', ...REFERENCE_COLUMNS, ...rubric.scale.map((l) => levelLabel(rubric, l.value)), ...ANSWER_COLUMNS];
}

/** The CSV template's header: the council's fields first (repeated on every row), then the Answers columns. */
export function csvHeader(rubric: Rubric): string[] {
  return ['council', ...(rubric.profile ?? []).map((f) => f.id), ...answersHeader(rubric)];
}

export type CouncilField = 'name' | 'assessedOn' | 'assessor' | 'rubric' | { profile: string };

/** The Council sheet, one field a row: its label in column A (what import matches), the value in B. */
export function councilRows(rubric: Rubric): { field: CouncilField; label: string; note: string }[] {
  return [
    { field: 'name', label: 'Council name', note: "Replace with your council's full name." },
    ...(rubric.profile ?? []).map((f) => ({ field: { profile: f.id }, label: f.question, note: `Choose from the list: ${f.options.join(', ')}.` })),
    { field: 'assessedOn', label: 'Assessed on', note: 'The date of the assessment, such as 2026-11-01.' },
    { field: 'assessor', label: 'Assessor', note: 'Who answered, such as your job title (optional).' },
    { field: 'rubric', label: 'Rubric', note: 'Which rubric these questions come from. Please do not change it.' },
  ];
}

/** One indicator's row of the Answers sheet, as the template writes it. */
export interface TemplateRow {
  key: string;
  cells: (string | number | null)[];
}

export interface TemplateContent {
  council: { label: string; value: string | null; note: string; options?: readonly string[]; date?: boolean }[];
  header: string[];
  rows: TemplateRow[];
  /** Where in `header` the Answer, Evidence, Confidence and Target columns are (from 0). */
  columns: { answer: number; evidence: number; confidence: number; target: number; firstLevel: number };
  /** For CSV: the council's fields, in csvHeader order. */
  councilCells: (string | null)[];
  /** What `from` held that was longer than a cell can be, and so was cut (to say so). */
  cut: { key: string; length: number }[];
}

/** The most characters an Excel cell holds (it reports a longer one as damage). */
export const MAX_CELL_CHARACTERS = 32_767;

/** `value` cut to fit a cell, ending in "…" when cut (never in half a character). */
function fitCell(value: string, key: string, cut: TemplateContent['cut']): string {
  if (value.length <= MAX_CELL_CHARACTERS) return value;
  cut.push({ key, length: value.length });
  let end = MAX_CELL_CHARACTERS - 1;
  if (/[\uD800-\uDBFF]/.test(value[end - 1]!)) end--;
  return `${value.slice(0, end)}…`;
}

/**
 * What a template holds: every indicator (or the `--only` ones) with its text and level descriptors,
 * and, with `from` (last year's answers file), each answer, evidence, confidence and target filled in
 * and the council's name and profile.
 */
export function templateContent(rubric: Rubric, options: { rubricRef: string; only?: Selection; from?: AnswersFile }): TemplateContent {
  const from = options.from;
  const cut: TemplateContent['cut'] = [];
  const name = from === undefined ? NAME_PLACEHOLDER : fitCell(from.council.name, 'council.name', cut);
  const council: TemplateContent['council'] = councilRows(rubric).map(({ field, label, note }) => {
    if (field === 'name') return { label, note, value: name };
    if (field === 'assessedOn') return { label, note, value: null, date: true };
    if (field === 'assessor') return { label, note, value: null };
    if (field === 'rubric') return { label, note, value: options.rubricRef };
    const spec = (rubric.profile ?? []).find((f) => f.id === field.profile)!;
    return { label, note, value: from?.council[spec.id] ?? null, options: spec.options };
  });
  const header = answersHeader(rubric);
  const rows: TemplateRow[] = [];
  for (const c of rubric.characteristics) {
    for (const i of c.indicators) {
      const key = indicatorKey(c, i);
      if (options.only && !options.only.has(key)) continue;
      const last = from?.answers[key];
      const detail: Partial<AnswerDetail> = last !== null && typeof last === 'object' ? last : { score: last ?? null };
      let rule = '';
      if (i.appliesTo) {
        rule = ` (Only applies where ${Object.entries(i.appliesTo).map(([f, o]) => `${f} is ${o.join(' or ')}`).join(' and ')}.)`;
      }
      rows.push({
        key,
        cells: [
          key,
          c.title,
          i.statement,
          i.question + rule,
          i.guidance ?? null,
          ...rubric.scale.map((l) => i.levels?.[String(l.value)] ?? null),
          answerCell(rubric, detail.score ?? null),
          detail.evidence === undefined ? null : fitCell(detail.evidence, `${key}.evidence`, cut),
          detail.confidence ?? null,
          detail.target ?? null,
        ],
      });
    }
  }
  const firstLevel = 1 + REFERENCE_COLUMNS.length;
  const answer = firstLevel + rubric.scale.length;
  const councilCells = [name, ...(rubric.profile ?? []).map((f) => from?.council[f.id] ?? null)];
  return { council, header, rows, columns: { answer, evidence: answer + 1, confidence: answer + 2, target: answer + 3, firstLevel }, councilCells, cut };
}

function answerCell(rubric: Rubric, score: AnswerDetail['score'] | undefined): string | null {
  if (score === null || score === undefined) return null;
  if (score === 'n/a') return NOT_APPLICABLE;
  if (score === 'unknown') return DONT_KNOW;
  return levelLabel(rubric, score);
}

// ---------------------------------------------------------------------------------------------
// Reading back

/** The rubric a workbook names (its Council sheet's Rubric row, cell B), if it names one. */
export function workbookRubric(council: Sheet | undefined): { ref: string; problemAt: SheetProblem } | undefined {
  if (!council) return undefined;
  for (const row of council.rows) {
    if (text(row.cells[0]).trim() === 'Rubric') {
      const value = row.cells[1];
      if (typeof value !== 'string' || value.trim() === '') return undefined;
      return { ref: value.trim(), problemAt: { sheet: council.name, row: row.number, col: 2, label: 'rubric', message: '' } };
    }
  }
  return undefined;
}

export interface SheetAnswers {
  file: AnswersFile;
  problems: SheetProblem[];
  /** Each answered indicator's Answer cell, for warnings about it (such as one that does not apply). */
  answerCells: Map<string, SheetProblem>;
}

/** The option a profile answer names, matched without regard to case (Excel's drop-downs ignore it), in the rubric's own spelling. */
function profileOption(options: readonly string[], value: string): string | undefined {
  return options.find((o) => o === value) ?? options.find((o) => o.toLowerCase() === value.toLowerCase());
}

/** The template's placeholder left in place of a council's name. */
function isPlaceholder(name: string): boolean {
  return name.trim().replace(/\s+/g, ' ').toLowerCase() === NAME_PLACEHOLDER.toLowerCase();
}
const PLACEHOLDER_MESSAGE = `is still the template's "${NAME_PLACEHOLDER}"; type your council's name`;

/**
 * The answers file a filled-in workbook (`council` and `answers` sheets) or CSV (`answers` only, with
 * the council's fields in its first columns) stands for, and every mistake in it. Rows are matched
 * by Key, so their order does not matter; a blank Answer is left unanswered; text is kept as typed.
 */
export function sheetsToAnswers(
  rubric: Rubric,
  rubricRef: string,
  sheets: { council?: Sheet; answers?: Sheet; csv?: boolean },
): SheetAnswers {
  const problems: SheetProblem[] = [];
  const answerCells = new Map<string, SheetProblem>();
  const max = scaleMax(rubric);
  const file: AnswersFile = { schemaVersion: 1, kind: 'answers', rubric: rubricRef, council: { name: '' }, answers: {} };
  const csv = sheets.csv === true;

  if (!csv && !sheets.council) problems.push({ message: `has no sheet "${SHEET.council}"; import reads a workbook made by "council-resilience template --format xlsx"` });
  if (!sheets.answers) {
    problems.push({ message: `has no sheet "${SHEET.answers}"; import reads a workbook made by "council-resilience template --format xlsx"` });
    return { file, problems, answerCells };
  }
  // The placeholder name left in place: fine in a template nothing was typed into (it imports to no
  // answers), a mistake once anything is answered (every report would be titled with it).
  let placeholder = !csv && sheets.council ? readCouncilSheet(rubric, sheets.council, file, problems) : undefined;

  const sheet = sheets.answers;
  // A sheet far longer than the rubric's is not one made from it (and reading it is wasted work).
  const questions = indicatorCount(rubric);
  if (sheet.rows.length > 10 * questions + 100) {
    problems.push({
      ...(!csv && { sheet: sheet.name }),
      message: `has ${sheet.rows.length} rows; one made from rubric "${rubric.id}" has ${questions + 1} (a header and one row for each of its ${questions} questions), so this is not one to import: delete the rows below the questions`,
    });
    return { file, problems, answerCells };
  }
  const headerRow = sheet.rows.find((r) => r.cells.some((c) => !isBlank(c)));
  const where = csv ? undefined : sheet.name;
  const at = (row: SheetRow, col: number, label: string | undefined, message: string): void => {
    problems.push({ ...(where !== undefined && { sheet: where }), row: row.number, col, ...(label !== undefined && { label }), message });
  };
  if (!headerRow) {
    problems.push({ ...(where !== undefined && { sheet: where }), message: 'is empty; expected a header row with Key, Answer, Evidence, Confidence and Target' });
    return { file, problems, answerCells };
  }
  const columns = new Map<string, number>();
  const profileIds = (rubric.profile ?? []).map((f) => f.id);
  const needed = [...(csv ? ['council', ...profileIds] : []), 'Key', ...ANSWER_COLUMNS];
  const read = new Set(needed.map((n) => n.toLowerCase()));
  let repeated = false;
  headerRow.cells.forEach((cell, i) => {
    const name = text(cell).trim().toLowerCase();
    if (name === '') return;
    const first = columns.get(name);
    if (first === undefined) columns.set(name, i);
    else if (read.has(name)) {
      // Two columns of one heading: which one holds the answers cannot be told.
      repeated = true;
      const other = csv ? `column ${i + 1}` : `${columnName(i + 1)}${headerRow.number}`;
      at(headerRow, first + 1, undefined, `the heading "${text(cell).trim()}" is also in ${other}; keep one column for each heading`);
    }
  });
  if (repeated) return { file, problems, answerCells };
  const missing = needed.filter((n) => !columns.has(n.toLowerCase()));
  if (csv && missing.length > 0 && headerRow.cells.length === 1 && text(headerRow.cells[0]).includes(';')) {
    problems.push({
      row: headerRow.number,
      message: 'its columns are separated by semicolons, not commas; save it as "CSV UTF-8 (Comma delimited)", or set the list separator to a comma',
    });
    return { file, problems, answerCells };
  }
  for (const name of missing) {
    problems.push({
      ...(where !== undefined && { sheet: where }),
      row: headerRow.number,
      message: `no column "${name}" in the header row; keep the header row as the template wrote it (columns may be moved, not renamed)`,
    });
  }
  if (missing.length > 0) return { file, problems, answerCells };
  const col = (name: string) => columns.get(name.toLowerCase())!;

  const keys = new Map<string, string>(); // key -> indicator's characteristic (for the did-you-mean)
  for (const c of rubric.characteristics) for (const i of c.indicators) keys.set(indicatorKey(c, i), c.id);
  const seen = new Map<string, number>();
  const unknown: SheetProblem[] = [];
  const council: Record<string, { value: string; row: number }> = {};

  for (const row of sheet.rows) {
    if (row === headerRow || row.number < headerRow.number) continue;
    if (row.cells.every(isBlank)) continue;
    // Formulas are never worked out: each one is a mistake, wherever it is in the row.
    let formula = false;
    row.cells.forEach((cell, i) => {
      if (isFormula(cell)) {
        formula = true;
        at(row, i + 1, undefined, `is a formula (=${visibleFormula(cell.formula)}); type the value itself: formulas are never worked out`);
      } else if (isError(cell)) {
        formula = true;
        at(row, i + 1, undefined, `shows the error ${cell.error}; type the value itself`);
      }
    });
    if (formula) continue;
    if (csv) {
      const fields: [string, number][] = [['name', col('council')], ...profileIds.map((id) => [id, col(id)] as [string, number])];
      for (const [field, i] of fields) {
        const value = text(row.cells[i]);
        if (value.trim() === '') continue;
        const earlier = council[field];
        if (earlier === undefined) council[field] = { value, row: row.number };
        else if (earlier.value !== value) {
          at(row, i + 1, field === 'name' ? 'council' : `council.${field}`, `"${value}" differs from "${earlier.value}" on an earlier row; every row is one council`);
        }
      }
    }
    const keyCell = row.cells[col('Key')];
    const key = text(keyCell).trim();
    const answerIndex = col('Answer');
    if (key === '') {
      const filled = ANSWER_COLUMNS.some((name) => !isBlank(row.cells[col(name)]));
      if (filled) at(row, col('Key') + 1, undefined, 'this row has an answer but no Key; copy the Key from the template, so the answer can be matched to its question');
      continue;
    }
    if (!keys.has(key)) {
      at(row, col('Key') + 1, key, `not an indicator of rubric "${rubric.id}"${suggestion(key, keys.keys())}`);
      unknown.push(problems.at(-1)!);
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      at(row, col('Key') + 1, key, `is already on row ${earlier}; each indicator has one row`);
      continue;
    }
    seen.set(key, row.number);
    answerCells.set(key, { ...(where !== undefined && { sheet: where }), row: row.number, col: col('Answer') + 1, label: key, message: '' });

    const score = readAnswer(rubric, row.cells[answerIndex]);
    if (typeof score === 'object' && score !== null) at(row, answerIndex + 1, key, score.problem);
    const evidence = optionalText(row.cells[col('Evidence')]);
    const confidenceCell = row.cells[col('Confidence')];
    let confidence: AnswerDetail['confidence'];
    if (!isBlank(confidenceCell)) {
      const word = text(confidenceCell).trim().toLowerCase();
      if ((CONFIDENCE as readonly string[]).includes(word)) confidence = word as AnswerDetail['confidence'];
      else at(row, col('Confidence') + 1, `${key}.confidence`, `"${text(confidenceCell)}" is not one of: ${CONFIDENCE.join(', ')}${suggestion(text(confidenceCell).trim(), CONFIDENCE)}`);
    }
    const targetCell = row.cells[col('Target')];
    let target: number | undefined;
    if (!isBlank(targetCell)) {
      const read = readLevel(rubric, targetCell);
      const message = read === undefined ? `"${text(targetCell)}" is not a target; expected a whole number from 1 to ${max}` : targetProblem(read, max);
      if (message !== undefined) at(row, col('Target') + 1, `${key}.target`, message);
      else target = read;
    }
    if (typeof score === 'object' && score !== null) continue;
    if (evidence === undefined && confidence === undefined && target === undefined) {
      if (score !== null) file.answers[key] = score;
      continue;
    }
    const answer: Answer = { score };
    if (evidence !== undefined) answer.evidence = evidence;
    if (confidence !== undefined) answer.confidence = confidence;
    if (target !== undefined) answer.target = target;
    file.answers[key] = answer;
  }

  if (csv) {
    const first = sheet.rows.find((r) => r.number > headerRow.number && !r.cells.every(isBlank));
    if (council.name === undefined && first) at(first, col('council') + 1, 'council', "is empty on every row; type your council's name in the council column");
    file.council = { name: council.name?.value.trim() ?? NAME_PLACEHOLDER };
    if (council.name !== undefined && isPlaceholder(council.name.value)) {
      placeholder = { row: council.name.row, col: col('council') + 1, label: 'council', message: PLACEHOLDER_MESSAGE };
    }
    for (const id of profileIds) {
      const given = council[id];
      if (given === undefined) continue;
      const spec = rubric.profile!.find((f) => f.id === id)!;
      const value = given.value.trim();
      const option = profileOption(spec.options, value);
      if (option === undefined) {
        const row = sheet.rows.find((r) => r.number === given.row)!;
        at(row, col(id) + 1, `council.${id}`, `"${given.value}" is not one of: ${spec.options.join(', ')}${suggestion(value, spec.options)}`);
      } else file.council[id] = option;
    }
  }
  // Not one Key of this rubric: the sheet was made from another one (a CSV does not say which).
  if (seen.size === 0 && unknown.length > 1) {
    const kept = problems.filter((p) => !unknown.includes(p));
    kept.push({
      message: `none of its ${unknown.length} Keys is an indicator of rubric "${rubric.id}"; if it was made from another rubric, name that one with --rubric`,
    });
    return { file, problems: kept, answerCells };
  }
  if (placeholder !== undefined && Object.keys(file.answers).length > 0) problems.unshift(placeholder);
  // Sorted answers read the same as the template's order.
  const order = [...keys.keys()];
  file.answers = Object.fromEntries(Object.entries(file.answers).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
  return { file, problems, answerCells };
}

/** Reads the Council sheet into `file`; returns where the placeholder name is, when it was left in place. */
function readCouncilSheet(rubric: Rubric, sheet: Sheet, file: AnswersFile, problems: SheetProblem[]): SheetProblem | undefined {
  let placeholder: SheetProblem | undefined;
  const byLabel = new Map<string, SheetRow>();
  const labels = new Set(councilRows(rubric).map((r) => r.label));
  for (const row of sheet.rows) {
    const label = text(row.cells[0]).trim();
    if (label === '') continue;
    const first = byLabel.get(label);
    if (first === undefined) byLabel.set(label, row);
    else if (labels.has(label)) {
      problems.push({ sheet: sheet.name, row: first.number, col: 1, message: `the question "${label}" is also in A${row.number}; keep one row for each question` });
    }
  }
  const council: Council = { name: NAME_PLACEHOLDER };
  const at = (row: SheetRow, label: string, message: string) => problems.push({ sheet: sheet.name, row: row.number, col: 2, label, message });
  for (const { field, label } of councilRows(rubric)) {
    const row = byLabel.get(label);
    if (!row) {
      if (field === 'rubric' || field === 'assessor' || field === 'assessedOn') continue;
      problems.push({ sheet: sheet.name, message: `has no row "${label}" (its label in column A, its value in column B); keep column A as the template wrote it` });
      continue;
    }
    const cell = row.cells[1];
    if (isFormula(cell)) {
      at(row, fieldName(field), `is a formula (=${visibleFormula(cell.formula)}); type the value itself: formulas are never worked out`);
      continue;
    }
    if (isError(cell)) {
      at(row, fieldName(field), `shows the error ${cell.error}; type the value itself`);
      continue;
    }
    if (field === 'name' && isBlank(cell)) {
      at(row, 'council.name', "is empty; type your council's name");
      continue;
    }
    if (field === 'rubric' || isBlank(cell)) continue;
    if (field === 'name') {
      if (isPlaceholder(text(cell))) placeholder = { sheet: sheet.name, row: row.number, col: 2, label: 'council.name', message: PLACEHOLDER_MESSAGE };
      else council.name = text(cell).trim();
    }
    else if (field === 'assessor') file.assessor = text(cell).trim();
    else if (field === 'assessedOn') {
      const day = readDate(cell);
      if (day.problem !== undefined) at(row, 'assessedOn', day.problem);
      else file.assessedOn = day.day;
    } else {
      const spec = rubric.profile!.find((f) => f.id === field.profile)!;
      const value = text(cell).trim();
      const option = profileOption(spec.options, value);
      if (option !== undefined) council[spec.id] = option;
      else at(row, `council.${spec.id}`, `"${text(cell)}" is not one of: ${spec.options.join(', ')}${suggestion(value, spec.options)}`);
    }
  }
  file.council = council;
  return placeholder;
}

function fieldName(field: CouncilField): string {
  return typeof field === 'object' ? `council.${field.profile}` : field === 'name' ? 'council.name' : field;
}

function readDate(cell: SheetValue | undefined): { day: string; problem?: undefined } | { problem: string } {
  if (isDate(cell)) {
    const problem = assessedOnProblem(cell.day);
    return problem === undefined ? { day: cell.day } : { problem };
  }
  const written = text(cell).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) {
    const problem = assessedOnProblem(written);
    return problem === undefined ? { day: written } : { problem };
  }
  return { problem: `"${text(cell)}" is not a date; type the date as YYYY-MM-DD, such as 2026-11-01` };
}

/** An Answer cell: a level (written "2 Developing", or just 2), unknown, n/a, or null when blank. */
function readAnswer(rubric: Rubric, cell: SheetValue | undefined): number | 'n/a' | 'unknown' | null | { problem: string } {
  if (isBlank(cell)) return null;
  const max = scaleMax(rubric);
  const written = text(cell);
  const word = written.trim().replace(/[\u2018\u2019]/g, "'").toLowerCase();
  if (word === DONT_KNOW.toLowerCase() || word === 'unknown') return 'unknown';
  if (word === NOT_APPLICABLE.toLowerCase() || word === 'n/a') return 'n/a';
  const level = readLevel(rubric, cell);
  if (level !== undefined && Number.isInteger(level) && level >= 0 && level <= max) return level;
  const choices = answerChoices(rubric);
  const number = /^(-?\d+(?:\.\d+)?)\b/.exec(word);
  if (number && level === undefined && Number(number[1]) >= 0 && Number(number[1]) <= max && Number.isInteger(Number(number[1]))) {
    return { problem: `"${written}" is not one of the answers in the drop-down; level ${number[1]} is "${levelLabel(rubric, Number(number[1]))}"` };
  }
  if (number) return { problem: `${typeof cell === 'number' ? written : `"${written}"`} is not on the scale 0-${max}${typeof cell === 'number' && !Number.isInteger(cell) ? ' (whole numbers only)' : ''}` };
  return { problem: `"${written}" is not one of the answers in the drop-down: ${choices.join(', ')}${suggestion(written.trim(), choices)}` };
}

/** A level written as a number or as its drop-down label ("2 Developing", any case); undefined otherwise. */
function readLevel(rubric: Rubric, cell: SheetValue | undefined): number | undefined {
  if (typeof cell === 'number') return cell;
  const word = text(cell).trim().toLowerCase();
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
  const found = rubric.scale.find((l) => levelLabel(rubric, l.value).toLowerCase() === word.replace(/\s+/g, ' '));
  return found?.value;
}

function optionalText(cell: SheetValue | undefined): string | undefined {
  if (isBlank(cell)) return undefined;
  return text(cell);
}

/** The text a person sees in a cell (for a number, the number; a date, YYYY-MM-DD). */
export function text(cell: SheetValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell).toUpperCase() === 'TRUE' || String(cell).toUpperCase() === 'FALSE' ? String(cell).toUpperCase() : String(cell);
  if (isDate(cell)) return cell.day;
  if (isFormula(cell)) return `=${cell.formula}`;
  return cell.error;
}

export function isBlank(cell: SheetValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isFormula(cell: SheetValue | undefined): cell is FormulaValue {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}
function isError(cell: SheetValue | undefined): cell is ErrorValue {
  return typeof cell === 'object' && cell !== null && 'error' in cell;
}
function isDate(cell: SheetValue | undefined): cell is DateValue {
  return typeof cell === 'object' && cell !== null && 'day' in cell;
}

/** A column's letters, as a sheet shows them (1 is A). */
export function columnName(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

function visibleFormula(formula: string): string {
  return formula.length > 40 ? `${formula.slice(0, 40)}...` : formula;
}
