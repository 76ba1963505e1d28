// A small streaming xlsx reader for imports. ExcelJS's streaming reader needs ~30 s
// for a million rows here and keeps every shared string as an object; this one
// reads the zip's central directory (yauzl), so xl/sharedStrings.xml can be read
// before the worksheet whatever their order in the file (Excel writes it after),
// inflates each part as a stream, and scans the XML with indexOf rather than a
// general XML parser: a worksheet is <row r=…><c r="B2" t="s|inlineStr|str|b|e|n|d">
// <v>…</v> | <is>…</is></c></row>, which is all an import needs.
//
// The first worksheet of the workbook (in the order Excel shows them) is read.
// Cells: shared and inline strings (rich text runs joined, phonetic runs dropped,
// entities and Excel's _xHHHH_ escapes decoded), numbers as written (<v>, so an
// Excel date stays its serial and a NIK typed as a number shows its lost digit;
// RawRow.numeric marks them), booleans as TRUE/FALSE, errors as their text,
// formulas as their cached value. Column gaps come from the r="C12" references.
import { StringDecoder } from 'node:string_decoder';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { importFileError } from './import-file.errors.ts';
import type { ImportSource, RangeSource, RawRow, RowBatch } from './import-reader.ts';
import { isBlankRow } from './import-reader.ts';
import { DATE1904_OFFSET, dateStyles, usesDate1904 } from './xlsx-dates.ts';
import { SharedStrings, decodeXmlText, xmlRichText } from './xlsx-strings.ts';

/** Text waiting for the end of its element; a longer row or string means a broken or hostile file. */
const MAX_PENDING_CHARS = 8 * 1024 * 1024;
const tooLong = (what: { id: string; en: string }) => importFileError('import.file_too_complex', { what, limit: '8 MB' });
/** Workbook and relationship parts are small; a huge one is not a spreadsheet we made or Excel did. */
const MAX_SMALL_PART_BYTES = 8 * 1024 * 1024;

const unreadable = (reason: { id: string; en: string }) => importFileError('import.file_unreadable', { kind: 'xlsx', reason });

type Entries = Map<string, yauzl.Entry>;

/** yauzl's random access over a range source (a sealed upload read chunk by chunk). */
class RangeReader extends yauzl.RandomAccessReader {
  constructor(private readonly source: RangeSource) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.source.read(start, end);
  }
}

async function openZip(source: ImportSource): Promise<{ zip: yauzl.ZipFile; entries: Entries }> {
  let zip: yauzl.ZipFile;
  try {
    const options = { autoClose: false, lazyEntries: true };
    zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromRandomAccessReaderPromise(new RangeReader(source), source.size, options);
  } catch {
    throw unreadable({ id: 'bukan berkas xlsx (zip) yang utuh', en: 'not a complete xlsx (zip) file' });
  }
  const entries: Entries = new Map();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.replace(/^\//, ''), entry);
  } catch {
    zip.close();
    throw unreadable({ id: 'daftar isi zip rusak', en: 'the zip’s directory is damaged' });
  }
  return { zip, entries };
}

// Inflated chunks of 64 KB: larger strings land in V8's large-object space, which only a full
// GC frees (a 1M-row sheet then peaked at ~700 MB). 2 MB buffered ahead: zlib inflates on
// libuv's thread pool while the main thread scans (a second core at work: 8 s → 5.5 s).
const INFLATE_OPTIONS = { chunkSize: 1 << 16, readableHighWaterMark: 1 << 21 } as zlib.ZlibOptions;

/** The part's bytes inflated as a stream (our own inflater, see INFLATE_OPTIONS). */
async function partStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  if (entry.isEncrypted()) throw unreadable({ id: 'berkas dilindungi kata sandi', en: 'the file is password-protected' });
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw unreadable({ id: 'metode kompresi tidak dikenal', en: 'unknown compression method' });
  let raw: Readable;
  try {
    raw = await zip.openReadStreamPromise(entry, { decodeFileData: false } as yauzl.ZipFileOptions);
  } catch {
    throw unreadable({ id: 'isi berkas rusak', en: 'the file’s content is damaged' });
  }
  // pipeline, not pipe: a read error must reach the reader (and not crash the process).
  return entry.compressionMethod === 8 ? pipeline(raw, zlib.createInflateRaw(INFLATE_OPTIONS), () => {}) : raw;
}

async function* partText(zip: yauzl.ZipFile, entry: yauzl.Entry, signal?: AbortSignal): AsyncGenerator<string> {
  const stream = await partStream(zip, entry);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      yield decoder.write(chunk);
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    throw unreadable({ id: 'isi berkas rusak', en: 'the file’s content is damaged' });
  } finally {
    stream.destroy();
  }
  yield decoder.end();
}

async function smallPart(zip: yauzl.ZipFile, entries: Entries, name: string): Promise<string | undefined> {
  const entry = entries.get(name);
  if (!entry) return undefined;
  if (entry.uncompressedSize > MAX_SMALL_PART_BYTES) throw unreadable({ id: `bagian ${name} terlalu besar`, en: `part ${name} is too large` });
  let text = '';
  for await (const s of partText(zip, entry)) {
    text += s;
    if (text.length > MAX_SMALL_PART_BYTES) throw unreadable({ id: `bagian ${name} terlalu besar`, en: `part ${name} is too large` });
  }
  return text;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);

/** Resolves a relationship target against the part's folder ('xl/'). */
const resolveTarget = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/[^/]+\/\.\.\//g, '');

/** The first worksheet's part name and the shared strings part, from the workbook and its relationships. */
async function locateParts(zip: yauzl.ZipFile, entries: Entries): Promise<{ sheet: string; sharedStrings?: string; styles?: string; date1904: boolean }> {
  const workbook = await smallPart(zip, entries, 'xl/workbook.xml');
  const rels = (await smallPart(zip, entries, 'xl/_rels/workbook.xml.rels')) ?? '';
  const relations = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({ id: attr(m[0], 'Id'), type: attr(m[0], 'Type') ?? '', target: attr(m[0], 'Target') ?? '' }));
  const shared = relations.find((r) => r.type.endsWith('/sharedStrings'));
  const sharedStrings = shared ? resolveTarget(shared.target) : entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;
  const styleRel = relations.find((r) => r.type.endsWith('/styles'));
  const styles = styleRel ? resolveTarget(styleRel.target) : 'xl/styles.xml';
  const firstSheet = workbook ? /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0] : undefined;
  const relId = firstSheet ? /\s[\w]+:id\s*=\s*["']([^"']*)["']/.exec(firstSheet)?.[1] : undefined;
  const target = relations.find((r) => r.id === relId)?.target;
  const sheet = target ? resolveTarget(target) : 'xl/worksheets/sheet1.xml';
  if (!entries.has(sheet)) throw unreadable({ id: 'tidak ada lembar kerja', en: 'no worksheet' });
  return { sheet, sharedStrings, styles, date1904: usesDate1904(workbook) };
}

async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry, signal?: AbortSignal): Promise<SharedStrings> {
  const strings = new SharedStrings();
  let buf = '';
  let prefix: string | undefined;
  for await (const text of partText(zip, entry, signal)) {
    buf += text;
    if (prefix === undefined) {
      const root = /<([\w.-]+:)?sst[\s>/][^>]*/.exec(buf);
      if (!root) continue;
      prefix = root[1] ?? '';
      const unique = /\suniqueCount\s*=\s*["'](\d+)/.exec(root[0]);
      if (unique) strings.reserve(Number(unique[1]));
    }
    const open = `<${prefix}si>`;
    const close = `</${prefix}si>`;
    let pos = 0;
    for (;;) {
      const start = buf.indexOf(`<${prefix}si`, pos);
      if (start < 0) break;
      const after = buf.charCodeAt(start + open.length - 1);
      const tagEnd = buf.indexOf('>', start);
      if (tagEnd < 0) break;
      if (buf[tagEnd - 1] === '/') {
        strings.add(''); // <si/>
        pos = tagEnd + 1;
        continue;
      }
      if (after !== 62 /* > */ && after !== 32 /* space */) {
        pos = start + 1;
        continue;
      }
      const end = buf.indexOf(close, tagEnd);
      if (end < 0) break;
      strings.add(itemText(buf, tagEnd + 1, end, prefix));
      pos = end + close.length;
    }
    buf = buf.slice(pos);
    if (buf.length > MAX_PENDING_CHARS) throw tooLong({ id: 'teks satu sel', en: 'one cell’s text' });
  }
  return strings;
}

/** The text of an <si> or <is> between `from` and `to`: one <t> (the common case) or rich-text runs. */
function itemText(s: string, from: number, to: number, prefix: string): string {
  const t = `<${prefix}t`;
  if (s.startsWith(t, from)) {
    const gt = s.indexOf('>', from);
    const closeTag = `</${prefix}t>`;
    if (s[gt - 1] === '/') return '';
    const close = s.indexOf(closeTag, gt);
    if (close + closeTag.length === to) {
      const text = s.slice(gt + 1, close);
      return text.includes('&') || text.includes('_x') ? decodeXmlText(text) : text;
    }
  }
  return xmlRichText(s.slice(from, to), prefix);
}

const columnIndex = (s: string, from: number): number => {
  let col = 0;
  for (let i = from; ; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else return col - 1;
  }
};

/**
 * Where the value of attribute `name` (one letter: r or t) starts inside the tag s[from, to),
 * or -1. A loop over the tag rather than indexOf, which would run past the tag (to the end
 * of the buffer) in files whose cells carry no such attribute.
 */
function attrAt(s: string, name: number, from: number, to: number): number {
  for (let i = from + 2; i < to - 2; i++) {
    if (s.charCodeAt(i) !== name || s.charCodeAt(i + 1) !== 61 /* = */) continue;
    const before = s.charCodeAt(i - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const q = s.charCodeAt(i + 2);
    if (q === 34 || q === 39) return i + 3;
  }
  return -1;
}

const R = 114; // 'r'
const T = 116; // 't'
const S = 115; // 's'

/** Scans complete rows of a worksheet in s[from, to) into `out`; returns the last row number seen. */
function scanRows(s: string, from: number, to: number, prefix: string, strings: SharedStrings, lastRow: number, out: (r: RawRow) => void, date1904Styles?: Set<number>): number {
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const cellOpen = `<${prefix}c`;
  const cellClose = `</${prefix}c>`;
  const vOpen = `<${prefix}v>`;
  const vClose = `</${prefix}v>`;
  const isOpen = `<${prefix}is>`;
  const isClose = `</${prefix}is>`;
  let pos = from;
  for (;;) {
    const r = s.indexOf(rowOpen, pos);
    if (r < 0 || r >= to) return lastRow;
    const tagEnd = s.indexOf('>', r);
    const ra = attrAt(s, R, r, tagEnd);
    const rowNo = ra > 0 ? parseInt(s.slice(ra, s.indexOf(s[ra - 1]!, ra)), 10) : lastRow + 1;
    lastRow = rowNo;
    if (s.charCodeAt(tagEnd - 1) === 47 /* / */) {
      pos = tagEnd + 1;
      continue;
    }
    const rowEnd = s.indexOf(rowClose, tagEnd);
    const values: string[] = [];
    let numeric: number[] | undefined;
    let col = -1;
    let c = s.indexOf(cellOpen, tagEnd);
    while (c >= 0 && c < rowEnd) {
      const next = s.charCodeAt(c + cellOpen.length);
      if (next !== 32 && next !== 62 && next !== 47) {
        c = s.indexOf(cellOpen, c + 1);
        continue;
      }
      const cTagEnd = s.indexOf('>', c);
      const ca = attrAt(s, R, c, cTagEnd);
      col = ca > 0 ? columnIndex(s, ca) : col + 1;
      if (s.charCodeAt(cTagEnd - 1) === 47) {
        c = s.indexOf(cellOpen, cTagEnd);
        continue; // an empty cell
      }
      const cEnd = s.indexOf(cellClose, cTagEnd);
      const ta = attrAt(s, T, c, cTagEnd);
      const type = ta > 0 ? s.slice(ta, s.indexOf(s[ta - 1]!, ta)) : 'n';
      let value: string | undefined;
      let isNumber = false;
      if (type === 'inlineStr') {
        const is = s.indexOf(isOpen, cTagEnd);
        if (is >= 0 && is < cEnd) value = itemText(s, is + isOpen.length, s.indexOf(isClose, is), prefix);
      } else {
        const v = s.indexOf(vOpen, cTagEnd);
        if (v >= 0 && v < cEnd) {
          const raw = s.slice(v + vOpen.length, s.indexOf(vClose, v));
          if (type === 's') {
            value = strings.get(Number(raw));
            if (value === undefined) throw unreadable({ id: `sel baris ${rowNo} merujuk teks bersama yang tidak ada`, en: `a cell in row ${rowNo} refers to a missing shared string` });
          } else if (type === 'n') {
            value = raw;
            isNumber = true;
            if (date1904Styles) {
              const sa = attrAt(s, S, c, cTagEnd);
              const style = sa > 0 ? parseInt(s.slice(sa, s.indexOf(s[sa - 1]!, sa)), 10) : 0;
              if (date1904Styles.has(style) && raw !== '') value = String(Number(raw) + DATE1904_OFFSET);
            }
          } else if (type === 'b') value = raw === '1' ? 'TRUE' : 'FALSE';
          else value = raw.includes('&') || raw.includes('_x') ? decodeXmlText(raw) : raw; // str, e, d
        }
      }
      if (value !== undefined && value !== '') {
        while (values.length < col) values.push('');
        values[col] = value;
        if (isNumber) (numeric ??= []).push(col);
      }
      c = s.indexOf(cellOpen, cEnd);
    }
    out(numeric ? { row: rowNo, values, numeric } : { row: rowNo, values });
    pos = rowEnd + rowClose.length;
  }
}

export async function* readXlsxRowBatches(source: ImportSource, batchSize: number, signal?: AbortSignal): AsyncGenerator<RowBatch> {
  const { zip, entries } = await openZip(source);
  try {
    const parts = await locateParts(zip, entries);
    const shared = parts.sharedStrings ? entries.get(parts.sharedStrings) : undefined;
    const strings = shared ? await readSharedStrings(zip, shared, signal) : new SharedStrings();
    // 1904-system date cells are moved to the 1900 system that common/dates-id.ts reads.
    const date1904Styles = parts.date1904 && parts.styles ? dateStyles(await smallPart(zip, entries, parts.styles)) : undefined;
    let header: string[] | undefined;
    let batch: RawRow[] = [];
    const ready: RowBatch[] = [];
    const take = (r: RawRow) => {
      if (isBlankRow(r.values)) return;
      if (!header) {
        header = r.values.map((v) => v.trim());
        ready.push({ header, headerRow: r.row, rows: [] });
        return;
      }
      batch.push(r);
      if (batch.length >= batchSize) {
        ready.push({ rows: batch });
        batch = [];
      }
    };
    let buf = '';
    let prefix: string | undefined;
    let lastRow = 0;
    let done = false;
    for await (const text of partText(zip, entries.get(parts.sheet)!, signal)) {
      if (done) continue;
      // Searches start in the new text: the rest of buf holds no row end (it was cut after the last).
      const seen = buf.length;
      buf += text;
      if (buf.length > MAX_PENDING_CHARS) throw tooLong({ id: 'satu baris', en: 'one row' });
      let from = 0;
      if (prefix === undefined) {
        const at = buf.indexOf('sheetData');
        if (at < 0) continue;
        const lt = buf.lastIndexOf('<', at);
        prefix = buf.slice(lt + 1, at);
        from = at;
      }
      const rowClose = `</${prefix}row>`;
      const sheetClose = `</${prefix}sheetData>`;
      const searchFrom = Math.max(from, seen - sheetClose.length);
      const sheetEnd = buf.indexOf(sheetClose, searchFrom);
      let to: number;
      if (sheetEnd >= 0) {
        to = sheetEnd;
        done = true;
      } else {
        if (buf.indexOf(rowClose, searchFrom) < 0) continue;
        to = buf.lastIndexOf(rowClose) + rowClose.length;
      }
      lastRow = scanRows(buf, from, to, prefix, strings, lastRow, take, date1904Styles);
      buf = done ? '' : buf.slice(to);
      while (ready.length > 0) yield ready.shift()!;
    }
    if (!header) yield { header: [], headerRow: 1, rows: [] };
    if (batch.length > 0) yield { rows: batch };
  } finally {
    zip.close();
  }
}
