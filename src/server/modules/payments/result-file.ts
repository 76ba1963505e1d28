// Reading the bank's result file (CSV, streamed): a header line naming the columns
// reference, amount, status (+ optional date, bank_reference, note), then one line per
// transfer. Every problem is collected with its row and column, in both languages;
// the caller applies nothing unless the whole file is clean.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse';
import type { FieldError } from '../../platform/errors/app-error.ts';

export type ResultStatus = 'paid' | 'failed' | 'returned';

export interface ResultRow {
  row: number;
  reference: string;
  amount: number;
  status: ResultStatus;
  date: string | null;
  bankReference: string | null;
}

const STATUS_WORDS: Record<string, ResultStatus> = {
  paid: 'paid',
  berhasil: 'paid',
  sukses: 'paid',
  success: 'paid',
  dibayar: 'paid',
  failed: 'failed',
  gagal: 'failed',
  returned: 'returned',
  retur: 'returned',
  dikembalikan: 'returned',
};
const REQUIRED = ['reference', 'amount', 'status'] as const;
const ALIASES: Record<string, string> = { ref: 'reference', referensi: 'reference', jumlah: 'amount', nominal: 'amount', tanggal: 'date', keterangan: 'note' };
export const MAX_ERRORS = 100;

export const rowError = (row: number, column: string, id: string, en: string): FieldError => ({
  field: `file.row.${row}.${column}`,
  message: { id: `Baris ${row}, kolom ${column}: ${id}`, en: `Row ${row}, column ${column}: ${en}` },
});

/** Parses the whole stream; returns the rows, the problems (at most MAX_ERRORS) and the file's SHA-256. */
export async function readResultFile(bytes: AsyncIterable<Buffer>): Promise<{ rows: ResultRow[]; errors: FieldError[]; sha256: string }> {
  const hash = createHash('sha256');
  const parser = parse({ bom: true, delimiter: [',', ';'], relax_column_count: true, skip_empty_lines: true, trim: true, info: true });
  const rows: ResultRow[] = [];
  const errors: FieldError[] = [];
  const add = (e: FieldError) => void (errors.length < MAX_ERRORS && errors.push(e));
  const feed = (async () => {
    try {
      for await (const chunk of bytes) {
        hash.update(chunk);
        if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  let columns: string[] | null = null;
  let headerBad = false;
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const line = record.info.lines;
    const cells = record.record;
    if (!columns) {
      columns = cells.map((c) => {
        const k = c.toLowerCase().replace(/\s+/g, '_');
        return ALIASES[k] ?? k;
      });
      for (const need of REQUIRED) if (!columns.includes(need)) add(rowError(line, need, 'kolom ini tidak ada di baris judul.', 'this column is missing from the header line.'));
      headerBad = errors.length > 0;
      continue;
    }
    if (headerBad) continue; // read to the end all the same: the upload must drain
    const get = (name: string) => cells[columns!.indexOf(name)] ?? '';
    const reference = get('reference');
    const amountText = get('amount').replace(/^rp\.?\s*/i, '').replace(/\./g, '');
    const statusText = get('status').toLowerCase();
    const date = get('date') || null;
    let ok = true;
    if (!reference) ok = !add(rowError(line, 'reference', 'referensi pembayaran kosong.', 'the payment reference is empty.'));
    if (!/^\d{1,15}$/.test(amountText)) ok = !add(rowError(line, 'amount', 'jumlah harus bilangan bulat rupiah (misalnya 5500000).', 'the amount must be whole rupiah (e.g. 5500000).'));
    if (!STATUS_WORDS[statusText]) ok = !add(rowError(line, 'status', 'status harus paid/berhasil, failed/gagal atau returned/dikembalikan.', 'the status must be paid, failed or returned.'));
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) ok = !add(rowError(line, 'date', 'tanggal harus berbentuk YYYY-MM-DD.', 'the date must look like YYYY-MM-DD.'));
    if (ok) rows.push({ row: line, reference, amount: Number(amountText), status: STATUS_WORDS[statusText]!, date, bankReference: get('bank_reference') || null });
  }
  if (!columns) add(rowError(1, 'reference', 'berkas kosong: baris judul tidak ada.', 'the file is empty: no header line.'));
  await feed;
  return { rows, errors, sha256: hash.digest('hex') };
}
