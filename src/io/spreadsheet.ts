// SPEC "Spreadsheets": the only module that knows exceljs, and the CSV form of the template. It turns
// a template's content into workbook bytes or CSV text, and a file an officer filled in back into
// plain sheets of values (core/sheet-answers.ts reads those); mistakes come back located by sheet and
// cell. exceljs is imported only inside the functions that need it, so `template --format csv` and
// every other command never load it.
import { extname } from 'node:path';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { InputProblem } from '../core/errors.js';
import { InputError } from '../core/errors.js';
import type { Sheet, SheetProblem, SheetRow, SheetValue, TemplateContent } from '../core/sheet-answers.js';
import { answerChoices, CONFIDENCE, SHEET } from '../core/sheet-answers.js';
import type { Rubric } from '../core/types.js';
import { scaleMax } from '../core/rubric.js';
import { readRegularFile } from './source.js';
import type ExcelJS from 'exceljs';

/** A spreadsheet larger than this is refused before it is read. */
export const MAX_SHEET_BYTES = 20_000_000;
/** ...and a workbook whose parts unpack to more than this, counted as they unpack (not as the zip says). */
export const MAX_UNPACKED_BYTES = 100_000_000;
/** A workbook is a dozen parts; far more is not one the template made. */
const MAX_ZIP_ENTRIES = 10_000;

/** Zip entries carry a time; a pinned one keeps the same template byte-identical run after run. */
const PINNED = new Date(Date.UTC(2000, 0, 1));

// ---------------------------------------------------------------------------------------------
// Writing

export interface WorkbookText {
  title: string;
  instructions: string[];
}

/** The template as an .xlsx workbook: Instructions, Council, Answers and a hidden sheet of drop-down lists. */
export async function xlsxTemplate(rubric: Rubric, content: TemplateContent, words: WorkbookText): Promise<Uint8Array> {
  const Workbook = await workbookClass();
  const wb = new Workbook();
  wb.creator = 'council-resilience';
  wb.lastModifiedBy = 'council-resilience';
  wb.created = PINNED;
  wb.modified = PINNED;
  wb.title = words.title;
  wb.subject = rubric.title;
  (wb as unknown as { language: string }).language = 'en-GB';

  const wrap = { wrapText: true, vertical: 'top' } as const;
  const bold = { bold: true };

  const instructions = wb.addWorksheet(SHEET.instructions);
  instructions.getColumn(1).width = 110;
  words.instructions.forEach((line, i) => {
    const cell = instructions.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = wrap;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  // The drop-down lists live on a hidden sheet: a list typed into the validation itself may not hold a
  // comma and stops at 255 characters.
  const lists = wb.addWorksheet(SHEET.lists, { state: 'hidden' });
  const listColumns: string[][] = [answerChoices(rubric), [...CONFIDENCE]];
  for (const field of content.council) if (field.options) listColumns.push([...field.options]);
  const listRange: string[] = [];
  listColumns.forEach((values, i) => {
    values.forEach((value, j) => {
      lists.getCell(j + 1, i + 1).value = value;
    });
    const letter = columnLetter(i + 1);
    listRange.push(`${SHEET.lists}!$${letter}$1:$${letter}$${values.length}`);
  });

  const council = wb.addWorksheet(SHEET.council, { views: [{ state: 'frozen', ySplit: 1 }] });
  council.columns = [
    { header: 'Question', width: 46 },
    { header: 'Your answer', width: 40 },
    { header: 'Notes', width: 60 },
  ];
  council.getRow(1).font = bold;
  let profileList = 2;
  content.council.forEach((field, i) => {
    const row = council.getRow(i + 2);
    row.getCell(1).value = field.label;
    row.getCell(2).value = field.date && field.value !== null ? new Date(`${field.value}T00:00:00Z`) : field.value;
    row.getCell(3).value = field.note;
    for (let c = 1; c <= 3; c++) row.getCell(c).alignment = wrap;
    if (field.date) row.getCell(2).numFmt = 'yyyy-mm-dd';
    if (field.options) {
      row.getCell(2).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [listRange[profileList++]!],
        showErrorMessage: true,
        errorTitle: 'Not on the list',
        error: listError(field.options),
      };
    }
  });

  const answers = wb.addWorksheet(SHEET.answers, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const { columns } = content;
  answers.columns = content.header.map((header, i) => ({
    header,
    width:
      i === 0 ? 30
      : i === 1 ? 20
      : i < columns.firstLevel ? 48
      : i < columns.answer ? 32
      : i === columns.answer ? 22
      : i === columns.evidence ? 50
      : 14,
  }));
  answers.getRow(1).font = bold;
  answers.getRow(1).alignment = wrap;
  const max = scaleMax(rubric);
  content.rows.forEach((template, r) => {
    const row = answers.getRow(r + 2);
    template.cells.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      cell.value = value;
      cell.alignment = wrap;
    });
  });
  // One validation for each column's whole range: exceljs's merging of per-cell validations sorts
  // addresses as text (J10 before J2) and writes overlapping ranges, which Excel calls damage.
  const validations = (answers as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const last = content.rows.length + 1;
  const range = (index: number) => `${columnLetter(index + 1)}2:${columnLetter(index + 1)}${last}`;
  if (content.rows.length > 0) {
    validations.add(range(columns.answer), {
      type: 'list',
      allowBlank: true,
      formulae: [listRange[0]!],
      showErrorMessage: true,
      errorTitle: 'Not an answer',
      error: listError(answerChoices(rubric)),
    });
    validations.add(range(columns.confidence), {
      type: 'list',
      allowBlank: true,
      formulae: [listRange[1]!],
      showErrorMessage: true,
      errorTitle: 'Not a confidence',
      error: listError(CONFIDENCE),
    });
    validations.add(range(columns.target), {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [1, max],
      showErrorMessage: true,
      errorTitle: 'Not a target',
      error: `A target is a level from 1 to ${max}`,
    });
  }
  answers.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: content.header.length } };
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  pinZipTimes(bytes);
  return bytes;
}

/**
 * exceljs's Workbook class. Its own module is loaded rather than the package's index, which also loads
 * the streaming reader and writer (archiver, unzipper) that nothing here uses: that halves the time
 * `import` spends starting exceljs (about 300 ms of 650 on this machine). Should a later exceljs move
 * the file, the package's index is used instead.
 */
async function workbookClass(): Promise<typeof ExcelJS.Workbook> {
  const inner = 'exceljs/lib/doc/workbook.js';
  try {
    const loaded = (await import(inner)) as { default: typeof ExcelJS.Workbook };
    if (typeof loaded.default === 'function') return loaded.default;
  } catch {
    // fall through to the package itself
  }
  return (await import('exceljs')).default.Workbook;
}

/** The template as CSV (RFC 4180): the council's fields, then the Answers columns, on every row. */
export function csvTemplate(content: TemplateContent, header: readonly string[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of content.rows) lines.push([...content.councilCells, ...row.cells].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Quoted when it holds , " CR or LF; text a spreadsheet would run as a formula gets a leading '. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every local and central zip header's time set to PINNED (their checksums cover only the data). */
function pinZipTimes(zip: Uint8Array): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const time = 0;
  const date = ((PINNED.getUTCFullYear() - 1980) << 9) | ((PINNED.getUTCMonth() + 1) << 5) | PINNED.getUTCDate();
  const directory = readCentralDirectory(zip);
  if (!directory.ok) throw new Error(`exceljs wrote a zip that cannot be read back: ${directory.why}`);
  for (const entry of directory.entries) {
    view.setUint16(entry.header + 12, time, true);
    view.setUint16(entry.header + 14, date, true);
    view.setUint16(entry.local + 10, time, true);
    view.setUint16(entry.local + 12, date, true);
  }
}

/** A drop-down's error message, within the 225 characters Excel allows one. */
export function listError(choices: readonly string[]): string {
  const all = `Choose one of: ${choices.join(', ')}`;
  return all.length <= 225 ? all : 'Choose one from the list';
}

function columnLetter(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

export type SpreadsheetKind = 'xlsx' | 'csv';

export interface ReadSpreadsheet {
  kind: SpreadsheetKind;
  council?: Sheet;
  answers?: Sheet;
  /** CSV: the line each field starts on, by record line then field (a quoted field may span lines). */
  fieldLines?: Map<number, number[]>;
}

const wholeFile = (file: string, message: string): InputError => new InputError([{ file, line: 0, col: 0, cell: '', path: '', message }]);

/**
 * A spreadsheet read from disk, checked before it is parsed: at most 20 MB; a workbook must be a zip
 * whose parts unpack to at most 100 MB (counted while unpacking, in a small buffer); a CSV must be
 * UTF-8 text. Anything else is one line, exit 2.
 */
export async function readSpreadsheet(file: string): Promise<ReadSpreadsheet> {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, { maxBytes: MAX_SHEET_BYTES, expected: 'a spreadsheet (.xlsx or .csv)', which: 'spreadsheets' });
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.problems.map((p) => ({ ...p, cell: '' })));
    throw err;
  }
  const ext = extname(file).toLowerCase();
  const zip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  if (zip) return { kind: 'xlsx', ...(await readWorkbook(file, bytes)) };
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    throw wholeFile(file, 'is an old-style Excel workbook (.xls) or is password-protected; in Excel, Save As "Excel Workbook (.xlsx)" without a password, then import that');
  }
  if (ext === '.xlsx' || ext === '.xlsm') throw wholeFile(file, 'is not an Excel workbook (it does not start as an .xlsx file does); import reads the workbook made by "template --format xlsx"');
  if (ext !== '.csv') throw wholeFile(file, 'is not a spreadsheet; expected an Excel workbook (.xlsx) or a CSV file (.csv) made from the template');
  const text = csvText(file, bytes);
  const { rows, fieldLines } = parseCsv(file, text);
  return { kind: 'csv', answers: { name: 'csv', rows }, fieldLines };
}

function csvText(file: string, bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw wholeFile(file, 'is saved as UTF-16 ("Unicode Text"); in Excel, Save As "CSV UTF-8 (Comma delimited)"');
  }
  if (bytes.includes(0)) throw wholeFile(file, 'is not a CSV file (it holds binary data); expected the CSV made by "template --format csv"');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    throw wholeFile(file, 'is not saved as UTF-8; in Excel, Save As "CSV UTF-8 (Comma delimited)", then import that');
  }
}

/** RFC 4180, CRLF or LF; each record numbered by the line it starts on, each field's own line kept. */
export function parseCsv(file: string, text: string): { rows: SheetRow[]; fieldLines: Map<number, number[]> } {
  const rows: SheetRow[] = [];
  const fieldLines = new Map<number, number[]>();
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: SheetValue[] = [];
    const lines: number[] = [];
    for (;;) {
      lines.push(line);
      let value = '';
      if (text[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= n) throw new InputError([{ file, line: opened, col: lines.length, path: '', message: 'a quoted cell is never closed (a " is missing)' }]);
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          value += ch;
          i++;
        }
        // Anything between the closing quote and the comma is kept, as spreadsheets do.
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      }
      cells.push(unquoteFormula(value));
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    rows.push({ number: start, cells: cells.map((c) => (c === '' ? null : c)) });
    fieldLines.set(start, lines);
  }
  return { rows, fieldLines };
}

/** The template writes `'=...` for text that starts like a formula; read back, it is the text itself. */
function unquoteFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

async function readWorkbook(file: string, bytes: Buffer): Promise<{ council?: Sheet; answers?: Sheet }> {
  await checkUnpackedSize(file, bytes);
  const Workbook = await workbookClass();
  const wb = new Workbook();
  ignoreNotesAndTables(wb);
  await readIsoDateCells();
  // Whatever the workbook reader throws is the file's fault, said in one plain line (never its words).
  const unreadable = () => wholeFile(file, 'cannot be read as an Excel workbook (a part of it is damaged or not as Excel writes it); open it in Excel and save it again as "Excel Workbook (.xlsx)"');
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    throw unreadable();
  }
  const find = (name: string) => wb.worksheets.find((w) => w.name === name) ?? wb.worksheets.find((w) => w.name.trim().toLowerCase() === name.toLowerCase());
  const toSheet = (ws: import('exceljs').Worksheet | undefined): Sheet | undefined => {
    if (!ws) return undefined;
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      // Sparse: a cell far to the right is one entry, never a row of empty ones up to it.
      const cells: SheetValue[] = [];
      let any = false;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // Only a merge's top-left cell holds its value (the reader repeats it in every cell of the merge).
        if (cell.master !== cell) return;
        const value = cellValue(cell.value);
        if (value === null) return;
        cells[col - 1] = value;
        any = true;
      });
      if (any) rows.push({ number, cells });
    });
    return { name: ws.name, rows };
  };
  try {
    return { council: toSheet(find(SHEET.council)), answers: toSheet(find(SHEET.answers)) };
  } catch {
    throw unreadable();
  }
}

let isoDatesRead = false;
/**
 * A cell of type "d" holds an ISO date as text (valid, though Excel writes serial numbers); the
 * reader would take its digits up to the first "-" as a number. It is read as the date it is.
 */
async function readIsoDateCells(): Promise<void> {
  if (isoDatesRead) return;
  isoDatesRead = true;
  try {
    const loaded = (await import('exceljs/lib/xlsx/xform/sheet/cell-xform.js' as string)) as { default: { prototype: Record<string, unknown> } };
    const proto = loaded.default.prototype as { parseClose(this: { t?: string; model: Record<string, unknown> }, name: string): boolean };
    const parseClose = proto.parseClose;
    proto.parseClose = function (name: string) {
      const written = name === 'c' && this.t === 'd' && typeof this.model.value === 'string' ? this.model.value : undefined;
      const result = parseClose.call(this, name);
      if (written !== undefined && !this.model.formula && !this.model.shareType) {
        const day = new Date(/^\d{4}-\d{2}-\d{2}$/.test(written.trim()) ? `${written.trim()}T00:00:00Z` : written.trim());
        this.model.type = 3; // text, when it is not a date
        this.model.value = written;
        if (!Number.isNaN(day.getTime())) {
          this.model.type = 4; // a date
          this.model.value = day;
        }
      }
      return result;
    };
  } catch {
    // another layout of the reader: such cells read as it reads them
  }
}

/**
 * Notes (comments) and Excel Tables are never read, so they are left out before the workbook reader
 * matches them up: it knows only Excel's own part names and relative links, and fails on those
 * openpyxl and others write (`xl/comments/comment1.xml`, `Target="/xl/tables/table1.xml"`).
 */
function ignoreNotesAndTables(wb: ExcelJS.Workbook): void {
  const xlsx = wb.xlsx as unknown as { reconcile(model: Record<string, unknown>, options: unknown): void };
  const reconcile = xlsx.reconcile.bind(xlsx);
  const unread = /\/(comments|vmlDrawing|table)$/;
  xlsx.reconcile = (model, options) => {
    const rels = model.worksheetRels as Record<string, { Type?: string }[] | undefined> | undefined;
    for (const key of Object.keys(rels ?? {})) rels![key] = (rels![key] ?? []).filter((rel) => !unread.test(String(rel.Type ?? '')));
    for (const sheet of (model.worksheets as Record<string, unknown>[] | undefined) ?? []) sheet.tables = [];
    model.tables = {};
    model.comments = {};
    model.vmlDrawings = {};
    reconcile(model, options);
  };
}

/** A cell's value as plain data; a formula stays a formula (its cached result is never used). */
function cellValue(value: import('exceljs').CellValue): SheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // (The reader already counts from 1904 in a workbook that says so.)
    return { day: value.toISOString().slice(0, 10) };
  }
  const v = value as unknown as Record<string, unknown>;
  if (typeof v.formula === 'string' || typeof v.sharedFormula === 'string') return { formula: String(v.formula ?? v.sharedFormula) };
  if ('formula' in v || 'sharedFormula' in v) return { formula: '' };
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if (typeof v.error === 'string') return { error: v.error };
  if (typeof v.text === 'string') return v.text;
  if (v.text !== null && typeof v.text === 'object' && Array.isArray((v.text as { richText?: unknown }).richText)) {
    return ((v.text as { richText: { text?: string }[] }).richText).map((r) => r.text ?? '').join('');
  }
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// The zip, before anything parses it

interface ZipEntry {
  /** Offset of its central directory header, and of its local header. */
  header: number;
  local: number;
  method: number;
  compressed: number;
  dataStart: number;
  name: string;
}

type Directory = { ok: true; entries: ZipEntry[] } | { ok: false; why: string };

/** The entries the central directory lists, each checked against its local header. */
function readCentralDirectory(zip: Uint8Array): Directory {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const len = zip.byteLength;
  let end = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, why: 'its table of contents is missing (the file is cut short or damaged)' };
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return { ok: false, why: 'it is a zip64 archive, which no workbook from the template is' };
  if (count > MAX_ZIP_ENTRIES) return { ok: false, why: `it holds ${count} parts; a workbook holds a few dozen` };
  if (offset + size > len) return { ok: false, why: 'its table of contents points past the end of the file' };
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > len || view.getUint32(p, true) !== 0x02014b50) return { ok: false, why: 'its table of contents is damaged' };
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 > len || view.getUint32(local, true) !== 0x04034b50) return { ok: false, why: 'a part it lists is not where it says' };
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressed > len) return { ok: false, why: 'a part it lists runs past the end of the file' };
    const name = Buffer.from(zip.buffer, zip.byteOffset + p + 46, Math.min(nameLength, len - p - 46)).toString('utf8');
    entries.push({ header: p, local, method, compressed, dataStart, name });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/**
 * The most a sheet may hold. A template has a row for each question and about a dozen columns, so a
 * sheet far past these is not one (a few hundred bytes of zip can claim a cell in column XFD on
 * thousands of rows, which would take the workbook reader minutes and gigabytes): it is refused
 * before it is parsed. import then holds the Answers sheet to the rubric's own size.
 */
export const MAX_SHEET_ROWS = 5000;
export const MAX_SHEET_COLUMN = 100; // CV
export const MAX_SHEET_CELLS = 50_000;
const MAX_SHARED_STRINGS = 100_000;

interface PartCounts {
  rows: number;
  cells: number;
  /** The furthest column any cell names, from 1, and the cell that names it. */
  column: number;
  cellRef: string;
}

/** Counts `<row`, `<c` and the furthest `r="XFD40"` in a worksheet's XML, chunk by chunk. */
class SheetScanner {
  counts: PartCounts = { rows: 0, cells: 0, column: 0, cellRef: '' };
  private carry = '';
  /** True once the sheet is past a limit (the rest need not be read). */
  over = false;
  constructor(private readonly strings: boolean) {}
  feed(chunk: Buffer): void {
    let textChunk = this.carry + chunk.toString('latin1');
    // A tag cut by the chunk's end is read with the next chunk.
    const lt = textChunk.lastIndexOf('<');
    if (lt >= 0 && lt >= textChunk.length - 65536 && textChunk.indexOf('>', lt) < 0) {
      this.carry = textChunk.slice(lt);
      textChunk = textChunk.slice(0, lt);
    } else this.carry = '';
    const c = this.counts;
    if (this.strings) {
      const m = textChunk.match(/<(?:\w+:)?si[\s>/]/g);
      c.cells += m ? m.length : 0;
      if (c.cells > MAX_SHARED_STRINGS) this.over = true;
      return;
    }
    const tags = /<(?:\w+:)?(row|c)[\s>/][^>]*/g;
    for (let m = tags.exec(textChunk); m !== null; m = tags.exec(textChunk)) {
      if (m[1] === 'row') c.rows++;
      else {
        c.cells++;
        const ref = /\sr\s*=\s*["']\$?([A-Za-z]{1,4})\$?(\d+)["']/.exec(m[0]);
        if (ref) {
          const column = columnNumber(ref[1]!);
          if (column > c.column) {
            c.column = column;
            c.cellRef = `${ref[1]!.toUpperCase()}${ref[2]}`;
          }
        }
      }
    }
    if (c.rows > MAX_SHEET_ROWS || c.cells > MAX_SHEET_CELLS || c.column > MAX_SHEET_COLUMN) this.over = true;
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const WORKSHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/i;
const STRINGS_PART = /^\/?xl\/sharedStrings\.xml$/i;
const BOOK_PARTS = /^\/?xl\/(workbook\.xml|_rels\/workbook\.xml\.rels)$/i;

/**
 * Unpacks every part the workbook reader would, counting the bytes and keeping none, and stops as
 * soon as the total passes MAX_UNPACKED_BYTES: the sizes a zip declares can lie, so only the real
 * inflated bytes count (and a part listed twice counts twice, as it would be read twice). On the
 * way it counts each sheet's rows and cells, and refuses a sheet far larger than a template's.
 */
async function checkUnpackedSize(file: string, bytes: Buffer): Promise<void> {
  const directory = readCentralDirectory(bytes);
  if (!directory.ok) throw wholeFile(file, `is not a workbook that can be read: ${directory.why}; save it again from Excel as .xlsx`);
  const byName = new Map<string, number>();
  for (const entry of directory.entries) {
    const earlier = byName.get(entry.name);
    if (earlier !== undefined && earlier !== entry.local) {
      throw wholeFile(file, `is not a workbook that can be read: it holds two different parts named "${visibleName(entry.name)}"; save it again from Excel as .xlsx`);
    }
    byName.set(entry.name, entry.local);
  }
  let total = 0;
  const tooBig = () => wholeFile(file, `unpacks to more than ${MAX_UNPACKED_BYTES / 1_000_000} MB; a workbook made from the template unpacks to well under 1 MB, so this is not one to import`);
  const book = new Map<string, string>();
  for (const entry of directory.entries) {
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressed);
    const sheet = WORKSHEET_PART.test(entry.name) || STRINGS_PART.test(entry.name) ? new SheetScanner(STRINGS_PART.test(entry.name)) : undefined;
    const keep = BOOK_PARTS.test(entry.name) ? [] as Buffer[] : undefined;
    let kept = 0;
    const onChunk = (chunk: Buffer): boolean => {
      if (keep && kept < 2_000_000) {
        keep.push(chunk);
        kept += chunk.length;
      }
      if (!sheet) return false;
      sheet.feed(chunk);
      return sheet.over;
    };
    if (entry.method === 0) {
      total += data.length;
      for (let i = 0; i < data.length && !onChunk(Buffer.from(data.subarray(i, i + 65536))); i += 65536);
    } else if (entry.method === 8) {
      const inflated = await inflatedSize(data, MAX_UNPACKED_BYTES - total, onChunk);
      if (inflated === undefined) throw wholeFile(file, 'is not a workbook that can be read: a part of it is damaged; save it again from Excel as .xlsx');
      total += inflated;
    } else throw wholeFile(file, `is not a workbook that can be read: a part of it is packed in a way Excel does not use (method ${entry.method})`);
    if (total > MAX_UNPACKED_BYTES) throw tooBig();
    if (keep) book.set(entry.name.replace(/^\//, '').toLowerCase(), Buffer.concat(keep).toString('utf8'));
    if (sheet?.over) {
      const cell = sheetNameOf(entry.name, book, bytes, directory.entries) ?? '';
      const c = sheet.counts;
      const message = STRINGS_PART.test(entry.name)
        ? `holds more than ${MAX_SHARED_STRINGS} different pieces of text; a workbook made from the template holds a few hundred, so this is not one to import`
        : c.column > MAX_SHEET_COLUMN
          ? `has a cell as far right as ${c.cellRef}; the template's sheets use fewer than 20 columns and import reads none past column ${columnLetter(MAX_SHEET_COLUMN)}: delete the columns to the right of it`
          : c.rows > MAX_SHEET_ROWS
            ? `has more than ${MAX_SHEET_ROWS} rows; the template's sheets have one row for each question, so this is not one to import: delete the rows below the questions`
            : `has more than ${MAX_SHEET_CELLS} cells with something in them; a sheet made from the template has far fewer, so this is not one to import`;
      throw new InputError([{ file, line: 0, col: 0, cell, path: '', message }]);
    }
  }
}

/** The name of the sheet a worksheet part holds (from the workbook's list of sheets), when it can be told. */
function sheetNameOf(part: string, book: Map<string, string>, bytes: Buffer, entries: ZipEntry[]): string | undefined {
  // The workbook's own parts may come after the sheet in the zip: read them now (they are small).
  for (const entry of entries) {
    const name = entry.name.replace(/^\//, '').toLowerCase();
    if (!BOOK_PARTS.test(entry.name) || book.has(name) || entry.compressed > 1_000_000) continue;
    try {
      const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressed);
      book.set(name, (entry.method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: 2_000_000 })).toString('utf8'));
    } catch {
      // unreadable: the sheet is named by its part instead
    }
  }
  const attributes = (tag: string) => {
    const out = new Map<string, string>();
    for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!.replace(/^\w+:/, '').toLowerCase() === 'id' && m[1]!.includes(':') ? 'rid' : m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
    return out;
  };
  const target = part.replace(/^\//, '').toLowerCase();
  let id: string | undefined;
  for (const m of (book.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const t = (a.get('target') ?? '').toLowerCase();
    const resolved = t.startsWith('/') ? t.slice(1) : `xl/${t.replace(/^\.\//, '')}`;
    if (resolved === target) id = a.get('id');
  }
  if (id !== undefined) {
    for (const m of (book.get('xl/workbook.xml') ?? '').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const a = attributes(m[0]);
      if (a.get('rid') === id && a.has('name')) return decodeXml(a.get('name')!);
    }
  }
  return undefined;
}

function decodeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()] !== undefined) return named[e.toLowerCase()]!;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function visibleName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
}

/**
 * How many bytes `data` inflates to, counting up to just past `limit`; undefined when it is not
 * deflate data. `onChunk` sees each piece as it comes and may stop the unpacking by returning true.
 */
function inflatedSize(data: Uint8Array, limit: number, onChunk?: (chunk: Buffer) => boolean): Promise<number | undefined> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let done = false;
    const finish = (value: number | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit || onChunk?.(chunk) === true) {
        finish(size);
        inflate.destroy();
      }
    });
    inflate.on('end', () => finish(size));
    inflate.on('error', () => finish(undefined));
    inflate.end(data);
  });
}

// ---------------------------------------------------------------------------------------------
// Where a problem is

/** `file.xlsx:Answers!H7: key: message`, `file.csv:7:8: key: message`, or `file.xlsx: message`. */
export function locateSheetProblem(file: string, read: ReadSpreadsheet, p: SheetProblem): InputProblem {
  const base = { file, path: p.label ?? '', message: p.message, line: 0, col: 0 };
  if (read.kind === 'csv') {
    if (p.row === undefined) return { ...base, cell: '' };
    const lines = read.fieldLines?.get(p.row);
    const col = p.col ?? 1;
    return { ...base, line: lines?.[col - 1] ?? p.row, col };
  }
  if (p.sheet === undefined) return { ...base, cell: '' };
  if (p.row === undefined) return { ...base, cell: p.sheet };
  if (p.col === undefined) return { ...base, cell: `${p.sheet}!${p.row}:${p.row}` };
  return { ...base, cell: `${p.sheet}!${columnLetter(p.col)}${p.row}` };
}
