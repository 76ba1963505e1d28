// Reads a person list (CSV or xlsx) as batches of rows, streamed: memory holds one
// batch and the reader's buffers, never the file. The first batch carries the
// header (the first non-blank row) and no rows; blank rows are skipped but counted,
// so `row` is the row number a person sees in Excel (the header included).
//
// CSV: papaparse's parser (measured fastest of papaparse and csv-parse, ~5× here)
// fed with text chunks we decode ourselves: UTF-8, or Windows-1252 when the start of
// the file is not UTF-8 (Excel's "CSV" on Windows); a BOM is dropped; `;` or `,` (or
// tab) is taken from the header line, since Indonesian Excel writes `;` (or from
// Excel's `sep=;` first line, which is then not a row). Quoted
// fields (also over several lines) and CRLF are handled by the parser.
// xlsx: see xlsx-reader.ts.
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { importFileError } from './import-file.errors.ts';
import { readXlsxRowBatches } from './xlsx-reader.ts';

export interface RawRow {
  /** 1-based spreadsheet row number, the header row included. */
  row: number;
  /** Cell texts in column order ('' for an empty cell); may be shorter than the header. */
  values: string[];
  /** xlsx only: indexes of cells stored as numbers (a NIK typed as a number lost its last digit). */
  numeric?: number[];
}

export interface RowBatch {
  /** Only on the first batch: the header row's cells (trimmed), and its row number. */
  header?: string[];
  headerRow?: number;
  rows: RawRow[];
}

export type ImportFileKind = 'csv' | 'xlsx';

/**
 * Bytes read by range: an upload kept sealed in the database (import-files.ts), read
 * without ever writing its plaintext to a file.
 */
export interface RangeSource {
  size: number;
  /** The bytes [start, end) as a stream. */
  read(start: number, end: number): Readable;
}
/** A local file (the command line) or a sealed upload. */
export type ImportSource = string | RangeSource;

export interface ReadOptions {
  /** Rows per batch (default 1,000). */
  batchSize?: number;
  signal?: AbortSignal;
}

// 1,000 rows: a batch in flight (parsed, sealed, queued for COPY) is ~1 MB, so the four in
// flight stay in the young generation; 5,000-row batches were promoted and cost ~60 MB of peak.
export const DEFAULT_BATCH_SIZE = 1000;

/** The rows of a CSV or xlsx file in batches; the first batch is the header. */
export function readRowBatches(source: ImportSource, kind: ImportFileKind, options: ReadOptions = {}): AsyncIterable<RowBatch> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  return kind === 'csv' ? readCsvRowBatches(source, batchSize, options.signal) : readXlsxRowBatches(source, batchSize, options.signal);
}

/** True when every value is empty or blank (a row Excel keeps for its formatting). */
export function isBlankRow(values: readonly string[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== '' && v.trim() !== '') return false;
  }
  return true;
}

// 64 KB: a decoded chunk stays a regular young-generation string (1 MB chunks went to the
// large-object space, freed only by full GCs, and doubled the peak memory).
const CHUNK_BYTES = 1 << 16;
/** A row of a person list is well under 2 KB; 1 MB unfinished means a quote that never closes. */
const MAX_ROW_CHARS = 1 << 20;

/** The source's bytes in pieces of at most 64 KB. */
async function* bytePieces(source: ImportSource, signal?: AbortSignal): AsyncGenerator<Buffer> {
  if (typeof source === 'string') {
    yield* fs.createReadStream(source, { highWaterMark: CHUNK_BYTES, signal }) as AsyncIterable<Buffer>;
    return;
  }
  for await (const big of source.read(0, source.size) as AsyncIterable<Buffer>) {
    signal?.throwIfAborted();
    for (let i = 0; i < big.length; i += CHUNK_BYTES) yield big.subarray(i, i + CHUNK_BYTES);
  }
}

/** The file as text chunks: UTF-8 (BOM dropped), or Windows-1252 when its first 64 KB are not UTF-8. */
async function* textChunks(source: ImportSource, signal?: AbortSignal): AsyncGenerator<string> {
  let decode: ((b: Buffer) => string) | undefined;
  let end: () => string = () => '';
  let first = true;
  for await (const buf of bytePieces(source, signal)) {
    if (!decode) {
      const sample = buf.subarray(0, 65536);
      // A multi-byte character may be cut at the sample's end.
      const utf8 = [0, 1, 2, 3].some((cut) => isUtf8(sample.subarray(0, sample.length - cut)));
      if (utf8 || buf.length <= 3) {
        const d = new StringDecoder('utf8');
        decode = (b) => d.write(b);
        end = () => d.end();
      } else {
        const d = new TextDecoder('windows-1252');
        decode = (b) => d.decode(b, { stream: true });
        end = () => d.decode();
      }
    }
    let text = decode(buf);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield text;
  }
  const rest = end();
  if (rest) yield rest;
}

/** `;`, `,` or tab: whichever the first non-blank line holds most of, outside quotes (`,` when none). */
export function sniffDelimiter(text: string): string {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  const start = text.search(/[^\r\n]/); // the first line that is not blank
  for (let i = Math.max(start, 0); i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.keys(counts) as (keyof typeof counts)[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return counts[best] > 0 ? best : ',';
}

/** '\r\n' when the first line ends so (Excel), else '\n' ('\r' for old Mac files); values are trimmed later anyway. */
function sniffNewline(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf < 0 && text.includes('\r')) return '\r';
  return '\n';
}

async function* readCsvRowBatches(source: ImportSource, batchSize: number, signal?: AbortSignal): AsyncGenerator<RowBatch> {
  let parser: Papa.Parser | undefined;
  let partial = '';
  let rowNo = 0;
  let header: string[] | undefined;
  let batch: RawRow[] = [];
  const take = function* (records: string[][]): Generator<RowBatch> {
    for (const values of records) {
      rowNo++;
      if (isBlankRow(values)) continue;
      if (!header) {
        header = values.map((v) => v.trim());
        yield { header, headerRow: rowNo, rows: [] };
        continue;
      }
      batch.push({ row: rowNo, values });
      if (batch.length >= batchSize) {
        yield { rows: batch };
        batch = [];
      }
    }
  };
  let pending = '';
  for await (const text of textChunks(source, signal)) {
    if (!parser) {
      // Sniff on a whole first line (or a good piece of the file).
      pending += text;
      if (!/[^\r\n][\r\n]/.test(pending) && pending.length < CHUNK_BYTES) continue;
      // Excel's "sep=;" line names the delimiter; Excel hides it, so it is not a row.
      const sep = /^sep=([^\r\n])\r?\n/i.exec(pending);
      if (sep) pending = pending.slice(sep[0].length);
      parser = new Papa.Parser({ delimiter: sep ? sep[1] : sniffDelimiter(pending), newline: sniffNewline(pending) });
      partial = pending;
      pending = '';
    } else partial += text;
    const result = parser.parse(partial, 0, true) as Papa.ParseResult<string[]>;
    partial = partial.slice(result.meta.cursor);
    // The unfinished row is parsed again with each piece: a huge one is an unclosed quote, not a person.
    if (partial.length > MAX_ROW_CHARS) throw importFileError('import.csv_row_too_long', { row: rowNo + 1 });
    yield* take(result.data);
    signal?.throwIfAborted();
  }
  if (!parser) {
    parser = new Papa.Parser({ delimiter: sniffDelimiter(pending), newline: sniffNewline(pending) });
    partial = pending;
  }
  if (partial !== '') {
    const result = parser.parse(partial, 0, false) as Papa.ParseResult<string[]>;
    yield* take(result.data);
  }
  if (!header) yield { header: [], headerRow: 1, rows: [] };
  if (batch.length > 0) yield { rows: batch };
}
