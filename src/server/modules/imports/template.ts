// The downloadable person-list template (xlsx, ExcelJS: it is small). The first
// sheet is the one an import reads: the header row in the chosen language, frozen;
// identity columns (NIK, KK, phone) and the birth date formatted as Text, so Excel
// neither rounds a 16-digit number nor turns 05/06/1990 into a US date; jenis_kelamin
// as a P/L drop-down; a note on every header cell saying what to type; one obviously
// fake example row (an import refuses it if it is left in). The second sheet explains
// the columns. There is no region column: an import goes to one site, whose
// regency/city is known.
import ExcelJS from 'exceljs';
import type { Lang } from '../../platform/errors/app-error.ts';
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE, type ImportColumnKey } from './import-columns.ts';

/** Rows the drop-down and text formats are laid over (beyond them, Excel users copy the formats down). */
export const TEMPLATE_ROWS = 10_000;

/** Columns typed as Text: a number format would cost digits (NIK, KK), a leading 0 (phone) or the day order (dates). */
export const TEXT_COLUMNS: readonly ImportColumnKey[] = ['nik', 'kk', 'phone', 'birthDate'];

const WIDTHS: Record<ImportColumnKey, number> = { fullName: 32, alias: 16, sex: 14, nik: 20, kk: 20, birthDate: 16, phone: 18, address: 40 };

const T = {
  data: { id: 'Data', en: 'Data' },
  notes: { id: 'Petunjuk', en: 'Notes' },
  column: { id: 'Kolom', en: 'Column' },
  required: { id: 'Wajib', en: 'Required' },
  yes: { id: 'ya', en: 'yes' },
  no: { id: 'tidak', en: 'no' },
  what: { id: 'Isi', en: 'What to type' },
  sexError: { id: 'Isi P (perempuan) atau L (laki-laki).', en: 'Type P (female) or L (male).' },
  sexTitle: { id: 'Jenis kelamin', en: 'Sex' },
  general: {
    id: [
      'Satu baris untuk satu orang; baris judul (baris 1) jangan diubah. Baris kosong dilewati.',
      'Hapus baris contoh (baris 2) sebelum mengimpor; impor menolak baris itu.',
      'Kolom nik, no_kk, telepon dan tanggal_lahir berformat Teks. Jangan ubah ke Angka: Excel hanya menyimpan 15 angka, jadi angka ke-16 NIK menjadi 0 (kemungkinan rusak oleh Excel).',
      'Tidak ada kolom wilayah: impor dilakukan untuk satu lokasi, dan kabupaten/kota lokasi itu sudah diketahui. Kode wilayah di NIK boleh berbeda dari domisili (mis. kode lama 64.xx Kalimantan Utara).',
      'Simpan sebagai .xlsx, atau CSV (UTF-8) dengan pemisah ; atau ,.',
      'Data ini data pribadi (UU 27/2022): jangan kirim berkasnya lewat surel atau grup pesan; hapus salinan setelah impor.',
    ],
    en: [
      'One row per person; do not change the header row (row 1). Blank rows are skipped.',
      'Delete the example row (row 2) before importing; an import refuses it.',
      'The nik, kk_number, phone and birth_date columns are formatted as Text. Do not change them to Number: Excel keeps 15 digits, so a NIK’s 16th digit becomes 0 (probably damaged by Excel).',
      'There is no region column: an import goes to one site, whose regency/city is known. A NIK’s region code may differ from the domicile (e.g. the former 64.xx codes of Kalimantan Utara).',
      'Save as .xlsx, or as CSV (UTF-8) separated by ; or ,.',
      'This is personal data (UU 27/2022): do not send the file by e-mail or chat groups; delete copies after the import.',
    ],
  },
};

const colLetter = (i: number) => String.fromCharCode(65 + i); // eight columns: A–H

/** The template workbook, headers and notes in Indonesian ('id') or English ('en'). */
export async function importTemplate(lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tuntas';
  book.created = new Date();
  const ws = book.addWorksheet(T.data[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header[lang],
    key: c.key,
    width: WIDTHS[c.key],
    style: TEXT_COLUMNS.includes(c.key) ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    const required = c.required ? (lang === 'id' ? ' (wajib)' : ' (required)') : '';
    cell.note = { texts: [{ text: `${c.hint[lang]}${required}` }] };
  });

  const example = TEMPLATE_EXAMPLE[lang];
  const row = ws.addRow(IMPORT_COLUMNS.map((c) => example[c.key]));
  row.font = { italic: true, color: { argb: 'FF808080' } };
  IMPORT_COLUMNS.forEach((c, i) => {
    if (TEXT_COLUMNS.includes(c.key)) row.getCell(i + 1).numFmt = '@';
  });

  const sex = IMPORT_COLUMNS.findIndex((c) => c.key === 'sex');
  // A range-wide validation (one <dataValidation sqref="C2:C10001">); ExcelJS has it, its typings not.
  (ws as ExcelJS.Worksheet & { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${colLetter(sex)}2:${colLetter(sex)}${TEMPLATE_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"P,L"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: T.sexTitle[lang],
    error: T.sexError[lang],
    showInputMessage: true,
    promptTitle: T.sexTitle[lang],
    prompt: T.sexError[lang],
  });

  const notes = book.addWorksheet(T.notes[lang]);
  notes.columns = [
    { header: T.column[lang], width: 18 },
    { header: T.required[lang], width: 10 },
    { header: T.what[lang], width: 100 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) notes.addRow([c.header[lang], c.required ? T.yes[lang] : T.no[lang], c.hint[lang]]);
  notes.addRow([]);
  for (const line of T.general[lang]) notes.addRow(['', '', line]).getCell(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}
