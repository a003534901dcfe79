// Reading the Word files the CLI writes, without the library that wrote them: the zip by hand
// (node:zlib), the XML as text, and python-docx (Debian's python3-docx) as an independent reader.
import { spawnSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { root } from '../helpers.js';

/** The files of a zip, by name, read from its central directory. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const files = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const [nameLength, extra, comment] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Every entry's date and time as the zip stores them (MS-DOS format), for the determinism checks. */
export function zipDates(zip: Buffer): { name: string; date: string }[] {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  const out: { name: string; date: string }[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const [time, date] = [zip.readUInt16LE(at + 12), zip.readUInt16LE(at + 14)];
    const nameLength = zip.readUInt16LE(at + 28);
    const pad = (x: number) => String(x).padStart(2, '0');
    out.push({
      name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      date: `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`,
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

export const xmlOf = (zip: Buffer, name: string) => {
  const file = readZip(zip).get(name);
  if (file === undefined) throw new Error(`${name} is not in the file`);
  return file.toString('utf8');
};

/** The text of each of a document.xml's paragraphs, with its style id ("" for Normal). */
export function paragraphsOf(documentXml: string): { style: string; text: string }[] {
  return [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => {
    const body = m[1] ?? m[2] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1] ?? '';
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    return { style, text: unescapeXml(text) };
  });
}

export const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

// python-docx, from Debian's python3-docx (the `python3` on PATH may be another one without it).
const PYTHON = '/usr/bin/python3';
export const hasPythonDocx = spawnSync(PYTHON, ['-c', 'import docx'], { encoding: 'utf8' }).status === 0;
if (!hasPythonDocx) {
  if (process.env.CI === 'true') throw new Error(`${PYTHON} with python-docx is required in CI (.ci/run installs Debian's python3-docx)`);
  console.warn('SKIPPED: the python-docx checks of the Word reports need /usr/bin/python3 with python3-docx (apt-get install python3-docx); they run in CI.');
}

export interface PythonView {
  /** Python's zipfile read every part back and its checksum matched. */
  zipOk: boolean;
  core: { title: string; subject: string; language: string; author: string; created: string | null; modified: string | null };
  paragraphs: { style: string; text: string }[];
  tables: { header: boolean[]; rows: string[][] }[];
  images: { descr: string; title: string; widthCm: number; heightCm: number }[];
  sections: { widthMm: number; heightMm: number; margins: number[]; footer: string; footerFields: string[] }[];
  defaultLanguage: string | null;
}

/** What python-docx reads in a .docx (test/docx/read_docx.py). */
export function readWithPython(file: string): PythonView {
  const r = spawnSync(PYTHON, [join(root, 'test', 'docx', 'read_docx.py'), file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python-docx could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as PythonView;
}
