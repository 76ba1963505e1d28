// Excel (xlsx) export of a list: the same rows the screen shows, with the same
// filters, every page. ExcelJS writes the workbook; headers follow the caller's
// language. Lists of the closure programme hold no personal data; exports of
// the registry add re-authentication and an audit reason in their own module.
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Lang } from '../errors/app-error.ts';
import { attachmentHeader } from '../files/files.ts';

export type CellValue = string | number | boolean | Date | null | undefined;

export interface XlsxColumn<Row> {
  header: { id: string; en: string };
  /** Column width in characters (default 18). */
  width?: number;
  /** 'date' turns YYYY-MM-DD strings into real Excel dates; 'integer' formats with thousands separators. */
  format?: 'text' | 'date' | 'datetime' | 'integer';
  value: (row: Row) => CellValue;
}

export interface XlsxSheet<Row> {
  name: string;
  columns: readonly XlsxColumn<Row>[];
  rows: readonly Row[];
}

/** The most rows one export may hold; filters narrow a larger list. */
export const EXPORT_MAX_ROWS = 50_000;

const NUM_FMT = { date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm', integer: '#,##0' } as const;

function cell(value: CellValue, format: XlsxColumn<unknown>['format']): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if ((format === 'date' || format === 'datetime') && typeof value === 'string') {
    // Dates without a time are calendar dates: keep the day whatever the server's zone.
    const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
    return Number.isNaN(d.getTime()) ? value : d;
  }
  return value;
}

export async function toXlsx<Row>(lang: Lang, sheets: readonly XlsxSheet<Row>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tuntas';
  book.created = new Date();
  for (const sheet of sheets) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ]
    const ws = book.addWorksheet(sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header[lang],
      width: c.width ?? 18,
      style: c.format && c.format !== 'text' ? { numFmt: NUM_FMT[c.format] } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => cell(c.value(row), c.format)));
    if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download named e.g. "lokasi-2026-11-28.xlsx". */
export function sendXlsx(reply: FastifyReply, filename: string, bytes: Buffer): FastifyReply {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', attachmentHeader(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
