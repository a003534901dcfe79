// What import refuses before parsing anything: too big, unpacking to too much (a zip bomb, even one
// whose table of contents lies about its sizes), and anything that is not a spreadsheet. One line
// each, exit 2, quickly and without holding the unpacked bytes.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { bin, cli, root, tempDir } from '../helpers.js';

const dir = tempDir();

interface Part {
  name: string;
  data: Buffer;
  /** What the zip claims it unpacks to (a bomb lies). */
  claimed: number;
}

/** A zip by hand: each part's local header and deflated data, then the central directory. */
function zip(parts: Part[], repeatLast = 0): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let lastOffset = 0;
  const entry = (part: Part, at: number) => {
    const name = Buffer.from(part.name);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(part.data.length, 20);
    c.writeUInt32LE(part.claimed, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(at, 42);
    central.push(c, name);
  };
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.claimed, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, part.data);
    entry(part, offset);
    lastOffset = offset;
    offset += 30 + name.length + part.data.length;
  }
  // The same data listed again under other names: read once per name, so counted once per name.
  for (let i = 0; i < repeatLast; i++) entry({ ...parts.at(-1)!, name: `xl/media/copy${i}.bin` }, lastOffset);
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = parts.length + repeatLast;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** Runs import, timing it and measuring its peak memory. */
function refused(file: string): { line: string; ms: number; rssMb: number } {
  const rssFile = join(dir, 'rss');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', join(root, 'bench', 'rss-preload.cjs'), bin, 'import', file], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return { line: lines[0]!, ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const BOMB_MESSAGE = 'unpacks to more than 100 MB; a workbook made from the template unpacks to well under 1 MB, so this is not one to import';

describe('import refuses, before parsing', () => {
  test('a zip bomb whose table of contents claims 1 KB: the real unpacked bytes are counted, and not kept', () => {
    const data = deflateRawSync(Buffer.alloc(150_000_000), { level: 9 });
    expect(data.length).toBeLessThan(200_000);
    writeFileSync(join(dir, 'bomb.xlsx'), zip([{ name: 'xl/worksheets/sheet1.xml', data, claimed: 1000 }]));
    const r = refused('bomb.xlsx');
    expect(r.line).toBe(`bomb.xlsx: ${BOMB_MESSAGE}`);
    // Generous bounds for a shared machine: it stops at 100 MB in 64 KB pieces, never holding them.
    expect(r.ms).toBeLessThan(5000);
    expect(r.rssMb).toBeLessThan(130);
  });

  test('a bomb of one small part listed many times over (each listing is unpacked when read)', () => {
    const data = deflateRawSync(Buffer.alloc(5_000_000));
    writeFileSync(join(dir, 'overlap.xlsx'), zip([{ name: 'xl/workbook.xml', data, claimed: 5_000_000 }], 30));
    expect(refused('overlap.xlsx').line).toBe(`overlap.xlsx: ${BOMB_MESSAGE}`);
  });

  test('a file over 20 MB, without reading it', () => {
    const file = join(dir, 'big.xlsx');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from('PK\u0003\u0004'));
    writeSync(fd, Buffer.from([0]), 0, 1, 20_999_999);
    closeSync(fd);
    const r = refused('big.xlsx');
    expect(r.line).toBe('big.xlsx: is 21.0 MB; spreadsheets can be at most 20 MB');
    expect(r.ms).toBeLessThan(5000);
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, 'x'.repeat(20_000_001));
    expect(refused('big.csv').line).toBe('big.csv: is 20.1 MB; spreadsheets can be at most 20 MB');
  });

  test('anything that is not a spreadsheet', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    writeFileSync(join(dir, 'photo.xlsx'), png);
    expect(refused('photo.xlsx').line).toBe(
      'photo.xlsx: is not an Excel workbook (it does not start as an .xlsx file does); import reads the workbook made by "template --format xlsx"',
    );
    writeFileSync(join(dir, 'old.xls'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    expect(refused('old.xls').line).toBe(
      'old.xls: is an old-style Excel workbook (.xls) or is password-protected; in Excel, Save As "Excel Workbook (.xlsx)" without a password, then import that',
    );
    writeFileSync(join(dir, 'answers.yaml'), 'schemaVersion: 1\n');
    expect(refused('answers.yaml').line).toBe('answers.yaml: is not a spreadsheet; expected an Excel workbook (.xlsx) or a CSV file (.csv) made from the template');
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from('council,Key\nSaint-\xc9tienne,intent.strategic-plans\n', 'latin1'));
    expect(refused('latin1.csv').line).toBe('latin1.csv: is not saved as UTF-8; in Excel, Save As "CSV UTF-8 (Comma delimited)", then import that');
    writeFileSync(join(dir, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('council,Key\n', 'utf16le')]));
    expect(refused('utf16.csv').line).toBe('utf16.csv: is saved as UTF-16 ("Unicode Text"); in Excel, Save As "CSV UTF-8 (Comma delimited)"');
  });

  test('a workbook cut short', () => {
    const whole = join(dir, 'whole.xlsx');
    expect(cli(['template', '--format', 'xlsx', '--output', whole]).code).toBe(0);
    const bytes = readFileSync(whole);
    writeFileSync(join(dir, 'cut.xlsx'), bytes.subarray(0, bytes.length >> 1));
    expect(refused('cut.xlsx').line).toBe(
      'cut.xlsx: is not a workbook that can be read: its table of contents is missing (the file is cut short or damaged); save it again from Excel as .xlsx',
    );
  });
});
