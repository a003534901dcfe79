// Word documents (`--format docx`) for `assess`, `compare` and `progress`: the one module that knows
// the `docx` library, loaded only for that format. Pure: the report and its words in, the bytes of
// the .docx out. The same input gives the same bytes: nothing here reads the clock, and every date
// the file holds (its properties and the date of each part inside the zip) comes from the report.
//
// Made for a clerk who edits it into a committee paper: Word's own Heading 1/2/3 styles (so the
// navigation pane and a table of contents work), real tables whose header row repeats on every page,
// the radar chart as a picture whose alt text says every score, followed by the same numbers in a
// table; British English, A4, page numbers in the footer. Bands and statuses are always words.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Comparison, IndicatorChange } from '../core/compare.js';
import type { ProgressAction, ProgressReport } from '../core/progress.js';
import { hasOwnTargets, showsToTarget, TARGETS_NOTE, TO_TARGET_WORDS } from '../core/targets.js';
import type { Assessment, IndicatorResult, Rubric } from '../core/types.js';
import { visible } from '../core/visible.js';
import { agreementSummaryLine, assessedBy, disputedIndicators, levelText, outcomeLine, viewsRange } from './agreement.js';
import { cohortLine, groupLine, showsGroup } from './cohort-line.js';
import { signed, versionChanges, when } from './compare.js';
import type { ReportContext } from './context.js';
import { answerText, levelLabel } from './context.js';
import { oneDecimal, percent } from './format.js';
import { quarterName } from './markdown.js';
import { actionLine, DONE_NOT_MOVED, doneNotMovedIntro, NO_ACTION, planIntro } from './plan-in-report.js';
import type { ProgressContext } from './progress-words.js';
import { countsLine, dueText, groups, heading as progressHeading, levelLine, ownerText, STATUS_WORDS } from './progress-words.js';
import { noStepsLine } from './next-steps-words.js';
import { renderCompareSvg } from './svg-compare.js';
import { renderRadarSvg } from './svg-radar.js';

// A4 in twentieths of a point, with 2 cm margins: 17 cm of text across.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const FONT = 'Arial';
const MUTED = '505A5F';
const HEADER_FILL = 'F3F2F1';

// ---------------------------------------------------------------------------------------------
// Text from files, made safe for Word: control characters shown as escapes (as every format does),
// the two characters XML cannot hold at all likewise, tabs as spaces, line breaks kept as breaks.

function clean(text: string): string {
  return visible(text, { keepSpacing: true })
    .replace(/\t/g, ' ')
    .replace(/[\ufffe\uffff]/g, (c) => `\\u${c.codePointAt(0)!.toString(16)}`);
}

interface Words {
  text: string;
  bold?: boolean;
  muted?: boolean;
}

type Inline = string | Words | (string | Words)[];

function runs(content: Inline): TextRun[] {
  const parts = Array.isArray(content) ? content : [content];
  return parts.flatMap((part) => {
    const words = typeof part === 'string' ? { text: part } : part;
    return clean(words.text)
      .split(/\r\n|\r|\n/)
      .map((line, i) => new TextRun({ text: line, bold: words.bold, color: words.muted ? MUTED : undefined, break: i > 0 ? 1 : undefined }));
  });
}

const p = (content: Inline) => new Paragraph({ children: runs(content) });

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const h = (level: 1 | 2 | 3, text: string) => new Paragraph({ heading: HEADINGS[level], children: runs(text), keepNext: true });

const numbered = (content: Inline) => new Paragraph({ children: runs(content), numbering: { reference: 'steps', level: 0 } });
const bullet = (content: Inline) => new Paragraph({ children: runs(content), numbering: { reference: 'bullets', level: 0 } });

type Cell = Inline;

/**
 * A real Word table: one header cell per column in a first row marked as the header row (Word
 * repeats it at the top of every page and screen readers announce it; it never splits), widths in
 * proportion to `widths`. Body rows may break across a page: a row with long evidence can be taller
 * than the page, and a row that may not break is then cut off at the foot of the page.
 */
function table(headers: readonly string[], rows: readonly Cell[][], widths: readonly number[], numeric: readonly number[] = []): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const cell = (content: Cell, i: number, header: boolean) =>
    new TableCell({
      width: { size: columnWidths[i]!, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [
        new Paragraph({
          children: runs(header ? { text: content as string, bold: true } : content),
          alignment: !header && numeric.includes(i) ? AlignmentType.RIGHT : undefined,
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((text, i) => cell(text, i, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((content, i) => cell(content, i, false)) })),
    ],
  });
}

/** The widest a picture may be: the text column, in the pixels (96 an inch) ImageRun sizes by. */
const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH / 15);

/** A chart drawn at twice its size, shown at its own size, or narrower to fit the column (height in proportion). */
function fitted(chart: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, TEXT_WIDTH_PX / (chart.width / 2));
  return { width: Math.round((chart.width / 2) * scale), height: Math.round((chart.height / 2) * scale) };
}

/** A chart's PNG in a paragraph of its own, kept with the table that follows, its alt text saying every number. */
function picture(chart: { png: Uint8Array; width: number; height: number }, alt: { name: string; title: string; description: string }): Paragraph {
  return new Paragraph({
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: fitted(chart),
        altText: { name: alt.name, title: clean(alt.title), description: clean(alt.description) },
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// The package: properties, styles, page, footer, and the pinned dates.

interface Frame {
  title: string;
  subject: string;
  description: string;
  /** The report's own date (YYYY-MM-DD), the only date the file holds; none: no date in the properties. */
  date: string | undefined;
  footer: string;
  children: (Paragraph | Table)[];
}

async function pack(frame: Frame): Promise<Uint8Array> {
  const date = isoDate(frame.date);
  const doc = new Document({
    title: clean(frame.title),
    subject: clean(frame.subject),
    description: clean(frame.description),
    creator: 'council-resilience',
    lastModifiedBy: 'council-resilience',
    revision: 1,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120, line: 276 } } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: '0B0C0C' }, paragraph: { spacing: { before: 0, after: 160 }, outlineLevel: 0 } },
        heading2: { run: { font: FONT, size: 28, bold: true, color: '0B0C0C' }, paragraph: { spacing: { before: 360, after: 120 }, outlineLevel: 1 } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: '0B0C0C' }, paragraph: { spacing: { before: 240, after: 80 }, outlineLevel: 2 } },
      },
    },
    numbering: {
      config: [
        { reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 397 } } } }] },
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 397 } } } }] },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 567, footer: 567 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  ...runs({ text: `${frame.footer} `, muted: true }),
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: frame.children,
      },
    ],
  });
  // docx writes the time it runs into docProps/core.xml; these properties say only the report's date.
  const core = { path: 'docProps/core.xml', data: coreProperties(frame, date) };
  // The parts as docx compiles them, zipped here: docx's own zip (fflate, in JavaScript) takes a
  // third of the command's time deflating, the chart's PNG included, which is compressed already.
  // docx is pinned to the version whose compiler this reads (package.json), and the byte-for-byte
  // example test fails on any change, so a docx update is a deliberate step.
  const compiler = (Packer as unknown as { compiler?: Partial<PartsCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('the docx library no longer has the compiler this writer reads (Packer.compiler): keep docx at the version package.json pins');
  return storedZip(finish(compiler.compile(doc, undefined, [core])), date);
}

/**
 * What docx does not write itself: [Content_Types].xml first in the zip (where some readers that
 * sniff a file's type look for it); the picture's own properties (pic:cNvPr) with the same name and
 * alt text as its drawing (wp:docPr), for converters that read those; a stored result in each page
 * number field, so a reader that does not lay out pages shows "Page 1 of 1", not "Page  of " (Word
 * and LibreOffice work the fields out again); and the theme's language in settings.xml, en-GB like
 * the styles' default.
 */
function finish(parts: Map<string, string | Uint8Array | ArrayBuffer>): Map<string, string | Uint8Array | ArrayBuffer> {
  const out = new Map<string, string | Uint8Array | ArrayBuffer>();
  const types = parts.get('[Content_Types].xml');
  if (types !== undefined) out.set('[Content_Types].xml', types);
  for (const [path, data] of parts) {
    if (path === '[Content_Types].xml') continue;
    if (typeof data !== 'string') out.set(path, data);
    else if (path === 'word/document.xml') out.set(path, pictureProperties(data));
    else if (/^word\/footer\d+\.xml$/.test(path)) out.set(path, fieldResults(data));
    else if (path === 'word/settings.xml') out.set(path, data.replace('</w:compat>', '</w:compat><w:themeFontLang w:val="en-GB"/>'));
    else out.set(path, data);
  }
  return out;
}

/** Each picture's pic:cNvPr given its drawing's name, description and title (already escaped there). */
function pictureProperties(document: string): string {
  return document.replace(
    /(<wp:docPr id="\d+" name="([^"]*)" descr="([^"]*)"(?: title="([^"]*)")?\/>.*?)<pic:cNvPr id="0" name="" descr=""\/>/gs,
    (_, before: string, name: string, descr: string, title: string | undefined) => `${before}<pic:cNvPr id="0" name="${name}" descr="${descr}"${title === undefined ? '' : ` title="${title}"`}/>`,
  );
}

/** A result run ("1", in the field's own formatting) between each field's separator and its end. */
function fieldResults(footer: string): string {
  return footer.replace(
    /(<w:fldChar w:fldCharType="separate"\/><\/w:r>)(<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:fldChar w:fldCharType="end"\/>)/g,
    (_, separate: string, end: string, rPr: string | undefined) => `${separate}<w:r>${rPr ?? ''}<w:t>1</w:t></w:r>${end}`,
  );
}

/** What Packer.pack zips: the package's parts by path, in order (docx 9's compiler, which Packer holds). */
interface PartsCompiler {
  compile(file: Document, prettify: undefined, overrides: { path: string; data: string }[]): Map<string, string | Uint8Array | ArrayBuffer>;
}

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** The zip's checksum (CRC-32, as zlib computes it). */
function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** MS-DOS date of a YYYY-MM-DD (the first day zip dates can say, 1980-01-01, when there is none or it is out of their range). */
function dosDate(date: string | undefined): number {
  let [year, month, day] = (date ?? '1980-01-01').split('-').map(Number) as [number, number, number];
  if (year < 1980 || year > 2107) [year, month, day] = [1980, 1, 1];
  return ((year - 1980) << 9) | (month << 5) | day;
}

/**
 * A zip of the parts, each stored as it is (Word reads stored parts as it reads deflated ones, and
 * saves its own copy compressed): the same bytes on every machine and Node version, where a
 * compressor's output may differ between zlib builds. Every entry dated the report's date, midnight.
 */
function storedZip(parts: Map<string, string | Uint8Array | ArrayBuffer>, date: string | undefined): Uint8Array {
  const day = dosDate(date);
  const encoder = new TextEncoder();
  const entries = [...parts].map(([path, data]) => {
    const bytes = typeof data === 'string' ? encoder.encode(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    return { name: encoder.encode(path), bytes, crc: crc32(bytes), offset: 0 };
  });
  const size = entries.reduce((n, e) => n + 30 + e.name.length + e.bytes.length + 46 + e.name.length, 22);
  const zip = new Uint8Array(size);
  const view = new DataView(zip.buffer);
  let at = 0;
  // The fields a local header and a central directory entry share, from "version needed" to the name's length.
  const common = (e: (typeof entries)[number]) => {
    view.setUint16(at, 20, true); // version needed: 2.0
    view.setUint16(at + 2, 0x0800, true); // names in UTF-8
    view.setUint16(at + 4, 0, true); // stored
    view.setUint16(at + 6, 0, true); // 00:00:00
    view.setUint16(at + 8, day, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.bytes.length, true);
    view.setUint32(at + 18, e.bytes.length, true);
    view.setUint16(at + 22, e.name.length, true);
    view.setUint16(at + 24, 0, true); // no extra field
    at += 26;
  };
  for (const e of entries) {
    e.offset = at;
    view.setUint32(at, 0x04034b50, true);
    at += 4;
    common(e);
    zip.set(e.name, at);
    zip.set(e.bytes, at + e.name.length);
    at += e.name.length + e.bytes.length;
  }
  const directory = at;
  for (const e of entries) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: 2.0, MS-DOS attributes
    at += 6;
    common(e);
    view.setUint16(at, 0, true); // no comment
    view.setUint16(at + 2, 0, true); // disk 0
    view.setUint16(at + 4, 0, true); // internal attributes
    view.setUint32(at + 6, 0, true); // external attributes
    view.setUint32(at + 10, e.offset, true);
    zip.set(e.name, at + 14);
    at += 14 + e.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return zip;
}

function isoDate(date: string | undefined): string | undefined {
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}

const xml = (text: string) => clean(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function coreProperties(frame: Frame, date: string | undefined): string {
  const stamp = date === undefined ? [] : ['created', 'modified'].map((name) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:${name}>`);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xml(frame.title)}</dc:title>`,
    `<dc:subject>${xml(frame.subject)}</dc:subject>`,
    '<dc:creator>council-resilience</dc:creator>',
    `<dc:description>${xml(frame.description)}</dc:description>`,
    '<dc:language>en-GB</dc:language>',
    '<cp:lastModifiedBy>council-resilience</cp:lastModifiedBy>',
    '<cp:revision>1</cp:revision>',
    ...stamp,
    '</cp:coreProperties>',
  ].join('');
}

// ---------------------------------------------------------------------------------------------
// assess

/** The report of one assessment, with the sections of the HTML report. */
export async function renderAssessDocx(a: Assessment, { rubric, top, plan }: ReportContext): Promise<Uint8Array> {
  const indicators = a.characteristics.flatMap((c) => c.indicators);
  const applicable = indicators.filter((i) => i.applicable);
  const answered = applicable.filter((i) => i.answer !== null).length;
  const statementOf = (key: string) => indicators.find((i) => i.key === key)?.statement ?? key;
  const profile = (rubric.profile ?? []).filter((f) => typeof a.council[f.id] === 'string').map((f) => String(a.council[f.id]).replace(/-/g, ' '));
  const by = assessedBy(a);
  const title = `Community resilience assessment: ${a.council.name}`;
  const meta = [a.assessedOn ? `Assessed on ${a.assessedOn}` : 'Date of assessment not recorded', by ? `by ${by}` : ''].filter(Boolean).join(' ');
  const out: (Paragraph | Table)[] = [
    h(1, title),
    p({ text: `${meta}.${profile.length ? ` Council type: ${profile.join(', ')}.` : ''} Rubric: ${rubric.title}, version ${rubric.version}.`, muted: true }),
    h(2, 'Summary'),
    p(a.overall.score === null ? { text: 'Overall: not scored', bold: true } : [{ text: `Overall score: ${oneDecimal(a.overall.score)}`, bold: true }, ' out of 100']),
    p([{ text: 'Band: ' }, { text: a.overall.band ?? 'no band', bold: true }]),
  ];
  if (showsToTarget(a.overall.score, a.overall.toTarget)) out.push(p(`${oneDecimal(a.overall.score)}, ${oneDecimal(a.overall.toTarget)}% ${TO_TARGET_WORDS}.`));
  out.push(p(`${percent(a.overall.coverage)} of the questions that apply were answered (${answered} of ${applicable.length}).`));
  if (a.cohort) out.push(p(`${cohortLine(a.cohort, a.overall.score)}.`));
  if (a.cohort?.group) out.push(p(`${groupLine(a.cohort.group, a.overall.score)}.`));

  // The chart, its alt text saying every score, then the same numbers as a table.
  // The PNG renderer (native, resvg) loads only here: compare and progress have no chart.
  const { radarPng } = await import('./radar-png.js');
  const scores = a.characteristics.map((c) => `${c.title} ${c.score === null ? 'not scored' : `${oneDecimal(c.score)}${c.band ? ` (${c.band})` : ''}`}`).join('; ');
  out.push(
    picture(radarPng(renderRadarSvg(a)), {
      name: 'Radar chart of the scores',
      title: `Scores by characteristic for ${a.council.name} (0 to 100)`,
      description: `Radar chart of the scores out of 100 by characteristic for ${a.council.name}: ${scores}. The same numbers are in the table that follows.`,
    }),
  );
  const towards = a.characteristics.some((c) => showsToTarget(c.score, c.toTarget));
  const group = showsGroup(a.cohort);
  const headers = ['Characteristic', 'Score out of 100', ...(towards ? ['Towards targets'] : []), 'Band', 'Answered', ...(a.cohort ? ['Cohort median', 'Quarter'] : []), ...(group ? ['Group median', 'Group quarter'] : [])];
  const widths = [30, 14, ...(towards ? [14] : []), 20, 12, ...(a.cohort ? [13, 17] : []), ...(group ? [13, 17] : [])];
  const numeric = [1, ...(towards ? [2] : []), towards ? 4 : 3, ...(a.cohort ? [towards ? 5 : 4] : []), ...(group ? [towards ? 7 : 6] : [])];
  out.push(
    table(
      headers,
      a.characteristics.map((c) => [
        c.title,
        oneDecimal(c.score),
        ...(towards ? [c.toTarget === null ? '–' : `${oneDecimal(c.toTarget)}%`] : []),
        c.band ?? 'not scored',
        percent(c.coverage),
        ...(a.cohort ? [oneDecimal(a.cohort.characteristics[c.id]?.median ?? null), quarterName(a.cohort.characteristics[c.id])] : []),
        ...(group ? [oneDecimal(a.cohort!.group!.characteristics[c.id]?.median ?? null), quarterName(a.cohort!.group!.characteristics[c.id])] : []),
      ]),
      widths,
      numeric,
    )
  );

  out.push(h(2, 'Priority next steps'));
  const shown = a.gaps.slice(0, top);
  const own = hasOwnTargets(a);
  const none = noStepsLine(a, shown.length);
  if (none !== null) out.push(p(none));
  for (const gap of shown) {
    const range = viewsRange(indicators.find((i) => i.key === gap.key)?.views);
    const now = `${gap.unknown ? "don't know" : `${levelLabel(rubric, gap.score)} (${gap.score})`}${range ? `, ${range}` : ''}`;
    const aim = own ? ` Target: ${levelLabel(rubric, gap.target)} (${gap.target}).` : '';
    out.push(numbered([{ text: statementOf(gap.key), bold: true }, { text: ` Now: ${now}.${aim}`, muted: true }, `\n${gap.nextStep}`]));
  }
  if (plan) {
    out.push(h(2, 'Action plan'), p(planIntro(plan)));
    if (shown.length > 0) {
      out.push(
        table(
          ['Next step', 'Action', 'Owner', 'Due', 'Status'],
          shown.map((gap, n) => {
            const entry = plan.gaps.get(gap.key) ?? null;
            if (entry === null) return [`${n + 1}. ${statementOf(gap.key)}`, NO_ACTION, '', '', ''];
            return [
              `${n + 1}. ${statementOf(gap.key)}`,
              actionLine(entry, gap).replace(/^Action: /, ''),
              entry.owner === null || entry.owner.trim() === '' ? 'not yet named' : entry.owner,
              entry.due ?? 'no date yet',
              STATUS_WORDS[entry.status],
            ];
          }),
          [28, 34, 14, 12, 12],
        )
      );
    }
    if (plan.doneNotMoved.length > 0) {
      out.push(
        h(2, DONE_NOT_MOVED),
        p(doneNotMovedIntro(plan.doneNotMoved.length)),
        table(
          ['Indicator', 'Level when planned', 'Level now'],
          plan.doneNotMoved.map((d) => [
            indicators.some((i) => i.key === d.key) ? `${statementOf(d.key)} (${d.key})` : d.key,
            levelText(rubric.scale, d.baseline),
            d.unknown ? "Don't know (counted as 0)" : levelText(rubric.scale, d.now),
          ]),
          [50, 25, 25],
        )
      );
    }
  }

  if (a.agreement) out.push(...disagreements(a, rubric));

  for (const c of a.characteristics) {
    out.push(h(2, c.title));
    const summary = rubric.characteristics.find((rc) => rc.id === c.id)?.summary;
    if (summary) out.push(p(summary));
    const toward = showsToTarget(c.score, c.toTarget) ? `, ${oneDecimal(c.toTarget)}% ${TO_TARGET_WORDS}` : '';
    out.push(p(['Score: ', { text: oneDecimal(c.score), bold: true }, `${c.band ? ` (${c.band})` : ''}${toward}. Answered: ${percent(c.coverage)}.`]));
    if (c.indicators.length === 0) continue;
    out.push(table(['Indicator', 'Answer', 'Evidence'], c.indicators.map((i) => indicatorRow(i, rubric)), [50, 20, 30]));
  }

  const unknown = applicable.filter((i) => i.answer === 'unknown').map((i) => i.key);
  out.push(...keyList('Not assessed', 'These questions apply but have no answer yet; they are left out of the scores.', a.notAssessed, statementOf));
  out.push(...keyList("Don't know", 'These count as 0 until they are answered.', unknown, statementOf));

  out.push(
    h(2, 'About this assessment'),
    p(
      `The council answered each question on a scale of ${rubric.scale.map((l) => `${l.value} (${l.label})`).join(', ')}. ` +
        "A characteristic's score is the weighted share of the top level reached by its answered questions, out of 100; " +
        '\u201cdon\u2019t know\u201d counts as 0, and \u201cnot applicable\u201d and unanswered questions are left out. ' +
        "The overall score is the weighted average of the characteristics' scores. Next steps are ordered by how far each " +
        'question is below the target level, weighted by its importance.',
    ),
  );
  if (own) out.push(p(TARGETS_NOTE));
  if (rubric.source) out.push(p(`Source of the framework: ${rubric.source}`));
  return pack({
    title,
    subject: `Self-assessment against ${rubric.title}`,
    description: `Scores, priority next steps and answers of ${a.council.name}, from the rubric ${rubric.id} version ${rubric.version}.`,
    date: a.assessedOn,
    footer: `${a.council.name}. Rubric ${rubric.id} version ${rubric.version}.`,
    children: out,
  });
}

function indicatorRow(i: IndicatorResult, rubric: Rubric): Cell[] {
  const answer: (string | Words)[] = [i.applicable ? answerText(rubric, i.answer) : 'Does not apply to this council'];
  if (i.target !== undefined) answer.push({ text: `\nTarget: ${answerText(rubric, i.target)}`, muted: true });
  const range = viewsRange(i.views);
  if (range) answer.push({ text: `\n${range}`, muted: true });
  const evidence: (string | Words)[] = [];
  if (i.evidence) evidence.push(i.evidence);
  if (i.confidence) evidence.push({ text: `${i.evidence ? ' ' : ''}(confidence: ${i.confidence})`, muted: true });
  return [i.statement, answer, evidence];
}

/** "Where assessors disagreed": each disputed indicator under a Heading 3, its views in a table, and the outcome in words. */
function disagreements(a: Assessment, rubric: Rubric): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [h(2, 'Where assessors disagreed'), p(agreementSummaryLine(a.agreement!))];
  for (const { indicator: i, characteristic, settled } of disputedIndicators(a)) {
    out.push(h(3, i.statement), p({ text: `${characteristic}: ${i.key}`, muted: true }));
    out.push(
      table(
        ['Assessor', 'Level', 'Confidence', 'Evidence'],
        (i.views ?? []).map((view) => [view.assessor, levelText(rubric.scale, view.score), view.confidence ?? { text: 'not given', muted: true }, view.evidence ?? '']),
        [24, 18, 14, 44],
      ),
    );
    const evidence = settled && i.evidence ? ` Evidence: ${i.evidence}` : '';
    out.push(new Paragraph({ spacing: { before: 120 }, children: runs([{ text: outcomeLine(rubric.scale, i, settled), bold: true }, evidence]) }));
  }
  return out;
}

function keyList(title: string, intro: string, keys: readonly string[], statementOf: (key: string) => string): Paragraph[] {
  if (keys.length === 0) return [];
  return [h(2, `${title} (${keys.length})`), p(intro), ...keys.map((key) => bullet(statementOf(key)))];
}

// ---------------------------------------------------------------------------------------------
// compare

/** Two assessments of a council side by side, with the sections of the HTML comparison (render/compare-html.ts). */
export async function renderCompareDocx(c: Comparison, rubric: Rubric): Promise<Uint8Array> {
  const title = `Progress: ${c.after.council}`;
  // Both versions of the rubric when they differ, so a comparison across versions says so on the page.
  const versions = c.rubric.before === c.rubric.after ? `version ${c.rubric.after}` : `version ${c.rubric.before} before, ${c.rubric.after} after`;
  const out: (Paragraph | Table)[] = [h(1, title), p({ text: `From ${when(c.before)} to ${when(c.after)}. Rubric: ${rubric.title}, ${versions}.`, muted: true }), h(2, 'Scores')];
  // The bar chart, its alt text saying every score, then the same numbers as a table.
  const { radarPng } = await import('./radar-png.js');
  const rows = [{ title: 'Overall', before: c.overall.before, after: c.overall.after }, ...c.characteristics];
  const words = (score: number | null) => (score === null ? 'not scored' : oneDecimal(score));
  const scores = rows.map((r) => `${r.title} ${words(r.before)} before, ${words(r.after)} after`).join('; ');
  out.push(
    picture(radarPng(renderCompareSvg(c)), {
      name: 'Bar chart of the scores before and after',
      title: `Scores out of 100 for ${c.after.council}, before (${when(c.before)}) and after (${when(c.after)})`,
      description: `Bar chart of the scores out of 100 for ${c.after.council}, before (${when(c.before)}) and after (${when(c.after)}): ${scores}. The same numbers are in the table that follows.`,
    }),
    new Paragraph({ keepNext: true, children: runs({ text: 'Scores out of 100, before and after, and the change', muted: true }) }),
    table(
      ['Characteristic', 'Before', 'After', 'Change'],
      [
        [{ text: 'Overall', bold: true }, oneDecimal(c.overall.before), oneDecimal(c.overall.after), signed(c.overall.change)],
        ...c.characteristics.map((ch) => [ch.title, oneDecimal(ch.before), oneDecimal(ch.after), signed(ch.change)]),
      ],
      [46, 18, 18, 18],
      [1, 2, 3],
    ),
  );
  const list = (name: string, rows: IndicatorChange[]) => {
    out.push(h(2, `${name} (${rows.length})`));
    if (rows.length === 0) out.push(p('None.'));
    else out.push(table(['Indicator', 'Before', 'After'], rows.map((r) => [r.statement, answerText(rubric, r.before), answerText(rubric, r.after)]), [56, 22, 22]));
  };
  list('Improved', c.improved);
  list('Regressed', c.regressed);
  list('Newly assessed', c.newlyAssessed);
  for (const [heading, keys] of versionChanges(c)) out.push(h(2, `${heading} (${keys.length})`), ...keys.map((key) => bullet(key)));
  return pack({
    title,
    subject: `Year-on-year comparison against ${rubric.title}`,
    description: `How the scores of ${c.after.council} moved from ${when(c.before)} to ${when(c.after)}.`,
    date: c.after.assessedOn ?? c.before.assessedOn,
    footer: `${c.after.council}. Rubric ${c.rubric.id} version ${c.rubric.after}.`,
    children: out,
  });
}

// ---------------------------------------------------------------------------------------------
// progress

/** Where each action of a plan stands, with the sections of the HTML progress report. */
export async function renderProgressDocx(r: ProgressReport, context: ProgressContext): Promise<Uint8Array> {
  const c = r.counts;
  const title = progressHeading(r);
  const out: (Paragraph | Table)[] = [
    h(1, title),
    p({ text: `On ${r.on}. Rubric: ${r.rubric.title}, version ${r.rubric.version}.${context.later === undefined ? '' : ` Levels now: from ${context.later}.`}`, muted: true }),
    h(2, 'Summary'),
    p(countsLine(c)),
    table(
      ['Status', 'Actions'],
      (
        [
          ['Planned', c.planned],
          ['In progress', c['in-progress']],
          ['Done', c.done],
          ['Dropped', c.dropped],
          ['Overdue', c.overdue],
        ] as const
      ).map(([label, n]) => [label, String(n)]),
      [70, 30],
      [1],
    )
  ];
  // Straight after the table: the space above it comes from the paragraph, never an empty one.
  if (r.actions.length === 0) out.push(new Paragraph({ spacing: { before: 240 }, children: runs('The plan has no actions.') }));
  for (const group of groups(r)) {
    out.push(
      h(2, group.title),
      table(['Indicator', 'Action', 'Owner', 'Due', 'Status', 'Level', 'Latest note'], group.actions.map((a) => actionRow(a, context)), [14, 22, 11, 11, 9, 18, 15])
    );
  }
  return pack({
    title,
    subject: `Action plan progress against ${r.rubric.title}`,
    description: `Where each action of the plan of ${r.council.name} stands on ${r.on}.`,
    date: r.on,
    footer: `${r.council.name}. Rubric ${r.rubric.id} version ${r.rubric.version}.`,
    children: out,
  });
}

function actionRow(a: ProgressAction, context: ProgressContext): Cell[] {
  return [
    a.key,
    a.action,
    ownerText(a),
    a.overdue ? { text: dueText(a), bold: true } : dueText(a),
    STATUS_WORDS[a.status],
    levelLine(a, context),
    a.latestNote === null ? { text: 'none', muted: true } : `${a.latestNote.on}: ${a.latestNote.text}`,
  ];
}
