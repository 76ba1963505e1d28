// The bank transfer file: one CSV line per payment, laid out by the bank's stored
// format (columns, separator, header line, date format). The narrative is neutral
// on purpose: a bank statement must not reveal the programme or the person's past.
import type { BankFileField, BankFormatInput, DateFormat } from '../../../common/payments.ts';

export interface BankFileRow {
  reference: string;
  bankCode: string;
  accountNumber: string;
  holderName: string;
  amount: number;
}

/** The words on the recipient's statement: the same for every programme. */
export const narrativeOf = (batchReference: string) => `BANTUAN SOSIAL ${batchReference}`;

export function formatDate(isoDate: string, format: DateFormat): string {
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  switch (format) {
    case 'YYYY-MM-DD':
      return `${y}-${m}-${d}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'DD-MM-YYYY':
      return `${d}-${m}-${y}`;
    case 'DDMMYYYY':
      return `${d}${m}${y}`;
    case 'YYYYMMDD':
      return `${y}${m}${d}`;
  }
}

const separatorChar = (s: BankFormatInput['separator']) => (s === 'tab' ? '\t' : s);

function cell(value: string, sep: string): string {
  // A spreadsheet must not run a formula from a holder name.
  const safe = /^[=+@]/.test(value) ? `'${value}` : value;
  return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function bankFileCsv(format: BankFormatInput, batch: { reference: string; transferDate: string }, rows: BankFileRow[]): string {
  const sep = separatorChar(format.separator);
  const valueOf = (row: BankFileRow, field: BankFileField): string => {
    switch (field) {
      case 'reference':
        return row.reference;
      case 'bank_code':
        return row.bankCode;
      case 'account_number':
        return row.accountNumber;
      case 'holder_name':
        return row.holderName.toUpperCase();
      case 'amount':
        return String(row.amount);
      case 'transfer_date':
        return formatDate(batch.transferDate, format.dateFormat);
      case 'narrative':
        return narrativeOf(batch.reference);
      case 'batch_reference':
        return batch.reference;
    }
  };
  const lines: string[] = [];
  if (format.header) lines.push(format.columns.map((c) => cell(c.header, sep)).join(sep));
  for (const row of rows) lines.push(format.columns.map((c) => cell(valueOf(row, c.field), sep)).join(sep));
  return `${lines.join('\r\n')}\r\n`;
}
