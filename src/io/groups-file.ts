// The --groups FILE.csv of batch and assess: `council,<columns...>`, one council a line, read as
// RFC 4180 (quoted cells with commas, quotes and line breaks, CRLF or LF, a byte order mark).
// Every mistake is one located line: file:line:col.
import type { InputProblem } from '../core/errors.js';
import { InputError } from '../core/errors.js';
import { councilKey } from '../core/groups.js';
import { decodeText, readRegularFile } from './source.js';

/** A groups file as the commands use it. */
export interface GroupsFile {
  file: string;
  /** The columns other than council, in the file's order, as written (trimmed). */
  columns: string[];
  /** Each council's values (trimmed; an empty cell is no value), by councilKey(name). */
  councils: Map<string, { line: number; values: Record<string, string | null> }>;
}

const LIMITS = { maxBytes: 10_000_000, expected: 'a CSV file', which: 'groups files' };

const [COMMA, LF, CR, QUOTE] = [0x2c, 0x0a, 0x0d, 0x22];

/** One cell and where it starts. */
interface Cell {
  text: string;
  line: number;
  col: number;
}

export function readGroupsFile(file: string): GroupsFile {
  const buffer = readRegularFile(file, LIMITS);
  // A workbook saved under a .csv name, or given by mistake: say so rather than "binary data".
  if (buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04) {
    throw located(file, 1, 1, 'is a spreadsheet workbook (xlsx), not CSV; save it as "CSV UTF-8 (Comma delimited)" and give that file');
  }
  let text: string;
  try {
    text = decodeText(file, buffer);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(err.problems.map((p) => ({ ...p, message: p.message.replace('a YAML file', 'a CSV file') })));
  }
  return groupsFromRows(file, parseCsv(file, text));
}

function located(file: string, line: number, col: number, message: string, path = ''): InputError {
  return new InputError([{ file, line, col, path, message }]);
}

/** RFC 4180 rows of cells, each cell with its line and column; blank lines are left out. */
export function parseCsv(file: string, text: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const endRow = () => {
    // A line with nothing on it (a trailing newline, a blank line) is not a row.
    if (!(row.length === 1 && row[0]!.text.trim() === '' && !quotedOnly)) rows.push(row);
    row = [];
  };
  let quotedOnly = false;
  while (i <= n) {
    // Spaces around a quoted cell are forgiven (the values are trimmed anyway): `a, "b, c"`.
    let j = i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '"') i = j;
    const startLine = line;
    const startCol = i - lineStart + 1;
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= n) throw located(file, startLine, startCol, 'is not CSV: a quoted cell is never closed (a " is missing); expected a closing " before the end of the file');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += c;
        i++;
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && text[i + 1] === '\n')) {
        throw located(file, line, i - lineStart + 1, 'is not CSV: text after a quoted cell\'s closing "; expected a comma or the end of the line (write a " inside a quoted cell as "")');
      }
    } else {
      // decodeText has made every lone CR a LF, so a CR here starts a CRLF.
      const start = i;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE) throw located(file, line, i - lineStart + 1, 'is not CSV: a " inside a cell that does not start with one; expected the whole cell in quotes, with each " inside written ""');
      }
      value = text.slice(start, i);
    }
    row.push({ text: value, line: startLine, col: startCol });
    quotedOnly = quoted && row.length === 1;
    if (i >= n) {
      endRow();
      break;
    }
    if (text[i] === ',') {
      i++;
      if (i === n) {
        row.push({ text: '', line, col: i - lineStart + 1 });
        endRow();
        break;
      }
      continue;
    }
    // End of line: LF or CRLF.
    i += text[i] === '\r' ? 2 : 1;
    line++;
    lineStart = i;
    endRow();
    if (i === n) break;
  }
  return rows;
}

function groupsFromRows(file: string, rows: Cell[][]): GroupsFile {
  const header = rows[0];
  if (!header) throw located(file, 1, 1, 'is empty; expected a header line "council,<columns>", then one line per council');
  const names = header.map((c) => c.text.trim());
  const councilAt = names.findIndex((h) => h.toLowerCase() === 'council');
  if (councilAt === -1) {
    throw located(file, header[0]!.line, 1, `has no council column (the header is ${names.map((h) => JSON.stringify(h)).join(',')}); expected a header line "council,<columns>"`);
  }
  const problems: InputProblem[] = [];
  const seenColumn = new Map<string, number>();
  names.forEach((h, i) => {
    const cell = header[i]!;
    if (h === '') problems.push({ file, line: cell.line, col: cell.col, path: '', message: `column ${i + 1} of the header has no name; expected a name for each column` });
    const key = h.toLowerCase();
    const first = seenColumn.get(key);
    if (first !== undefined && h !== '') problems.push({ file, line: cell.line, col: cell.col, path: '', message: `the column ${JSON.stringify(h)} is in the header twice (columns ${first + 1} and ${i + 1}); expected each column once` });
    else seenColumn.set(key, i);
  });
  if (problems.length > 0) throw new InputError(problems);
  const columns = names.filter((_, i) => i !== councilAt);
  const councils: GroupsFile['councils'] = new Map();
  for (const row of rows.slice(1)) {
    const at = row[0]!;
    if (row.length !== header.length) {
      problems.push({
        file,
        line: at.line,
        col: 1,
        path: '',
        message: `has ${row.length} cell${row.length === 1 ? '' : 's'}, but the header has ${header.length} (${names.join(',')}); expected one cell per column on every line`,
      });
      continue;
    }
    const name = row[councilAt]!;
    const key = councilKey(name.text);
    if (key === '') {
      problems.push({ file, line: name.line, col: name.col, path: 'council', message: 'is empty; expected the council\'s name, as its answers file gives it' });
      continue;
    }
    const first = councils.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line: name.line,
        col: name.col,
        path: 'council',
        message: `${JSON.stringify(name.text.trim())} is named twice, on lines ${first.line} and ${name.line} (names are matched trimmed, ignoring case); give each council one line`,
      });
      continue;
    }
    const values: Record<string, string | null> = {};
    names.forEach((h, i) => {
      if (i === councilAt) return;
      const v = row[i]!.text.trim();
      values[h] = v === '' ? null : v;
    });
    councils.set(key, { line: name.line, values });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, columns, councils };
}

/** The column of the groups file that `field` names (matched ignoring case), if any. */
export function groupsColumn(groups: GroupsFile, field: string): string | undefined {
  return groups.columns.find((c) => c === field) ?? groups.columns.find((c) => c.toLowerCase() === field.toLowerCase());
}

/** A council's value in a column: null when it is not listed or its cell is empty (group "(none)"). */
export function groupValue(groups: GroupsFile, column: string, council: string): string | null {
  return groups.councils.get(councilKey(council))?.values[column] ?? null;
}
