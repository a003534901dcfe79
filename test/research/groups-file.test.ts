// --groups FILE.csv: councils matched by trimmed, case-insensitive name; (none) for councils not
// listed or with an empty cell; RFC 4180 (BOM, CRLF, quotes); each refusal's exact line, exit 2.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers.js';
import { writeCohort } from './groups-cohort.js';

const dir = writeCohort();
const batch = (groups: string, field = 'region', ...more: string[]) => {
  writeFileSync(join(dir, 'groups.csv'), groups);
  return cli(['batch', 'answers', '--group-by', field, '--groups', 'groups.csv', ...more], { cwd: dir });
};
const groupsOf = (stdout: string) =>
  Object.fromEntries((JSON.parse(stdout).councils as { council: string; group: string | null }[]).map((c) => [c.council, c.group]));

describe('--groups FILE.csv', () => {
  test('matches names trimmed and ignoring case; quoted cells with commas, quotes and CRLF; a BOM; (none) for the rest', () => {
    const csv =
      '\uFEFFcouncil,region,cipfa\r\n' +
      '  ashby county COUNCIL ,North,1\r\n' +
      '"Ince, Kerr and Lowe Council","North ""East""",10\r\n' +
      'GALE UNITARY,South,2\r\n' +
      'Hale Unitary,,2\r\n' + // an empty cell: no value, so (none)
      '\r\n'; // a blank last line is no row
    const r = batch(csv, 'region', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const groups = groupsOf(r.stdout);
    expect(groups['Ashby County Council']).toBe('North');
    expect(groups['Ince, Kerr and Lowe Council']).toBe('North "East"');
    expect(groups['Gale Unitary']).toBe('South');
    expect(groups['Hale Unitary']).toBeNull();
    expect(groups['Brent County Council']).toBeNull();
    const data = JSON.parse(r.stdout);
    expect(Object.keys(data.groups.region)).toEqual(['North', 'North "East"', 'South', '(none)']);
    expect(data.groups.region.North.count).toBe(1);
    expect(data.groups.region['(none)'].count).toBe(10); // 11 councils, one (Quay) not scored
    // a column of whole numbers sorts by number: 1, 2, 10, then (none)
    const cipfa = JSON.parse(batch(csv, 'cipfa', '--format', 'json').stdout);
    expect(Object.keys(cipfa.groups.cipfa)).toEqual(['1', '2', '10', '(none)']);
    expect(cipfa.groups.cipfa['2'].count).toBe(2);
  });

  test('the field may be written in another case; the JSON and CSV name it as the file does', () => {
    const r = batch('council,Region\nAshby County Council,North\n', 'region', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('file,council,Region,overall,band,coverage,alpha,beta');
  });

  test('a column of the file wins over a profile field of the same name', () => {
    const r = batch('council,type\nAshby County Council,shire\n', 'type', '--format', 'json');
    expect(groupsOf(r.stdout)['Ashby County Council']).toBe('shire');
    expect(groupsOf(r.stdout)['Brent County Council']).toBeNull();
  });

  test('a profile field still works with a groups file that lacks it', () => {
    const r = batch('council,region\nAshby County Council,North\n', 'type', '--format', 'json');
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout).groups.type)).toEqual(['county', 'district', 'unitary', '(none)']);
  });

  test('names in the file that match no council scored are one warning, with the first line', () => {
    const r = batch('council,region\nAshby County Council,North\nNowhere Council,East\nElsewhere,West\n', 'region', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("warning: groups.csv:3: names a council that is not in this batch and 1 more; check its spelling against the answers files' council names\n");
  });
});

describe('--groups refusals: exit 2, one line each with file and line', () => {
  const refused = (csv: string | Buffer, field = 'region') => {
    writeFileSync(join(dir, 'groups.csv'), csv);
    const r = cli(['batch', 'answers', '--group-by', field, '--groups', 'groups.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    return r.stderr;
  };

  test('a council named twice: the second line, naming both', () => {
    expect(refused('council,region\nAshby County Council,North\nGale Unitary,South\n " ASHBY county council",East\n')).toBe(
      'groups.csv:4:2: council: "ASHBY county council" is named twice, on lines 2 and 4 (names are matched trimmed, ignoring case); give each council one line\n',
    );
  });

  test('a ragged row', () => {
    expect(refused('council,region\nAshby County Council,North\nGale Unitary,South,extra\n')).toBe(
      'groups.csv:3:1: has 3 cells, but the header has 2 (council,region); expected one cell per column on every line\n',
    );
    expect(refused('council,region\nAshby County Council\n')).toBe(
      'groups.csv:2:1: has 1 cell, but the header has 2 (council,region); expected one cell per column on every line\n',
    );
  });

  test('no council column', () => {
    expect(refused('name,region\nAshby County Council,North\n')).toBe(
      'groups.csv:1:1: has no council column (the header is "name","region"); expected a header line "council,<columns>"\n',
    );
  });

  test('not CSV: a quote never closed, a quote inside a plain cell, text after a closing quote, a workbook, an empty file', () => {
    expect(refused('council,region\n"Ashby County Council,North\n')).toBe(
      'groups.csv:2:1: is not CSV: a quoted cell is never closed (a " is missing); expected a closing " before the end of the file\n',
    );
    expect(refused('council,region\nAshby "County" Council,North\n')).toBe(
      'groups.csv:2:7: is not CSV: a " inside a cell that does not start with one; expected the whole cell in quotes, with each " inside written ""\n',
    );
    expect(refused('council,region\n"Ashby" County,North\n')).toBe(
      'groups.csv:2:9: is not CSV: text after a quoted cell\'s closing "; expected a comma or the end of the line (write a " inside a quoted cell as "")\n',
    );
    expect(refused(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toBe(
      'groups.csv:1:1: is a spreadsheet workbook (xlsx), not CSV; save it as "CSV UTF-8 (Comma delimited)" and give that file\n',
    );
    expect(refused('')).toBe('groups.csv:1:1: is empty; expected a header line "council,<columns>", then one line per council\n');
  });

  test('a FIELD that is neither a column nor a profile field, located at the header, naming both, with the nearest', () => {
    expect(refused('council,region,cipfa\nAshby County Council,North,1\n', 'regoin')).toBe(
      'groups.csv:1:1: --group-by "regoin" is neither a column of this file nor a profile field: its columns are region, cipfa, and the profile fields of rubric "groups-test" version 1.0.0 are type, tier; did you mean "region"?\n',
    );
  });

  test('--groups without --group-by', () => {
    writeFileSync(join(dir, 'groups.csv'), 'council,region,cipfa\nAshby County Council,North,1\n');
    const r = cli(['batch', 'answers', '--groups', 'groups.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --groups groups.csv needs --group-by naming the column to group the councils by (its columns: region, cipfa)\n');
  });

  test('a missing groups file', () => {
    const r = cli(['batch', 'answers', '--group-by', 'region', '--groups', 'nope.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('nope.csv:1:1: no such file\n');
  });
});
