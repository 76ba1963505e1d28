// The row-level error report of an import, as xlsx: row, column, problem, severity
// and code, one issue a line, in the file's row order. It is built from the issues
// alone (never from the file), and issues carry no cell values, so no identity
// data can reach a report. Written with ExcelJS's streaming writer: an import of a
// million rows may have a million issues.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../../platform/errors/app-error.ts';
import type { RowIssue } from './row-validation.ts';

/** Excel's last row is 1,048,576; one is the header and one says that more were left out. */
export const REPORT_MAX_ISSUES = 1_048_574;

const HEAD = {
  sheet: { id: 'Masalah', en: 'Problems' },
  row: { id: 'Baris', en: 'Row' },
  column: { id: 'Kolom', en: 'Column' },
  problem: { id: 'Masalah', en: 'Problem' },
  severity: { id: 'Tingkat', en: 'Severity' },
  code: { id: 'Kode', en: 'Code' },
  error: { id: 'Kesalahan', en: 'Error' },
  warning: { id: 'Peringatan', en: 'Warning' },
  more: (n: number) => ({ id: `… dan ${n} masalah lain yang tidak muat`, en: `… and ${n} more problems that do not fit` }),
};

async function* each(issues: RowIssue[] | AsyncIterable<RowIssue>): AsyncGenerator<RowIssue> {
  yield* issues;
}

/** The report workbook; headers and messages in Indonesian ('id') or English ('en'). */
export async function errorReport(issues: RowIssue[] | AsyncIterable<RowIssue>, lang: Lang): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Tuntas';
  const ws = book.addWorksheet(HEAD.sheet[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: HEAD.row[lang], key: 'row', width: 8 },
    { header: HEAD.column[lang], key: 'column', width: 18 },
    { header: HEAD.problem[lang], key: 'problem', width: 90 },
    { header: HEAD.severity[lang], key: 'severity', width: 12 },
    { header: HEAD.code[lang], key: 'code', width: 26 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = 'A1:E1';
  let written = 0;
  let left = 0;
  for await (const issue of each(issues)) {
    if (written >= REPORT_MAX_ISSUES) {
      left++;
      continue;
    }
    // Only the structural fields: never a cell value.
    ws.addRow([issue.row, issue.column, issue.detail[lang], HEAD[issue.severity][lang], issue.code]).commit();
    written++;
  }
  if (left > 0) ws.addRow(['', '', HEAD.more(left)[lang], '', '']).commit();
  ws.commit();
  await book.commit();
  await ended;
  return Buffer.concat(chunks);
}
