// Validation of imported person rows: the header mapping, then every row through
// the shared rules (common/nik.ts, common/dates-id.ts, the phone normalisation of
// the blind indexes), so an import accepts exactly what the person form accepts.
//
// Issues name the row and the column as written in the file, in Indonesian and
// English, and never contain a cell's value: they go into error reports, job
// results and logs. A row with an error has no `value`; warnings keep it.
import { parseIndonesianDate } from '../../../common/dates-id.ts';
import { normalizeNik, validateNik, type RegionCodeLookup, type Sex } from '../../../common/nik.ts';
import { normalizePhone } from '../../platform/crypto/blind-index.ts';
import { nikRegions } from '../registry/nik-regions.ts';
import { IGNORED_HEADERS, IMPORT_COLUMN, IMPORT_COLUMNS, TEMPLATE_EXAMPLE, columnForHeader, normalizeHeader, type ImportColumnKey } from './import-columns.ts';
import type { RawRow } from './import-reader.ts';
import { NikRows } from './nik-rows.ts';

export interface ImportRow {
  row: number;
  fullName: string;
  alias?: string;
  sex: Sex;
  /** Normalised: 16 digits. */
  nik?: string;
  /** Normalised: 16 digits. */
  kk?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  /** Normalised: 08… */
  phone?: string;
  address?: string;
}

export type Localized = { id: string; en: string };

export interface RowIssue {
  /** Spreadsheet row number (the header row for header issues). */
  row: number;
  /** The column's header as written in the file (the template's Indonesian header for a missing column). */
  column: string;
  code: string;
  /** The whole message, naming row and column: "Baris 12, kolom nik: NIK harus 16 angka: ada 15 angka". */
  message: Localized;
  /** The same without row and column, for reports that show those in their own columns. */
  detail: Localized;
  severity: 'error' | 'warning';
}

export interface HeaderMapping {
  /** The position of each recognised column in a row's values. */
  index: Partial<Record<ImportColumnKey, number>>;
  /** Each recognised column's header as written in the file. */
  written: Partial<Record<ImportColumnKey, string>>;
  /** Cells in the header row (columns beyond it have no header). */
  width: number;
  headerRow: number;
  /** False when the header has an error (a required column missing, a column twice): no row can be imported. */
  usable: boolean;
}

export interface RowResult {
  /** The row, normalised; absent when it has an error or is skipped. */
  value?: ImportRow;
  issues: RowIssue[];
  /** True for a row whose import columns are all empty (e.g. only a pre-filled "No." cell): neither imported nor reported. */
  skipped?: boolean;
}

export function rowIssue(row: number, column: string, code: string, detail: Localized, severity: RowIssue['severity'] = 'error'): RowIssue {
  return {
    row,
    column,
    code,
    severity,
    detail,
    message: { id: `Baris ${row}, kolom ${column}: ${detail.id}`, en: `Row ${row}, column ${column}: ${detail.en}` },
  };
}

/** A column as a spreadsheet shows it: 0 → A, 26 → AA (for cells without a header). */
export const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** Maps header cells to import columns: unknown columns (warning), missing required and duplicate columns (errors). */
export function mapHeader(header: string[], headerRow = 1): { columns: HeaderMapping; issues: RowIssue[] } {
  const index: HeaderMapping['index'] = {};
  const written: HeaderMapping['written'] = {};
  const issues: RowIssue[] = [];
  const keys = header.map((h) => columnForHeader(h.trim()));
  if (header.some((h) => h.trim() !== '') && !keys.some((k) => k !== undefined)) {
    // No header row at all: the first row is probably a person, so none of its cells is repeated.
    const detail = {
      id: 'baris pertama tidak berisi judul kolom yang dikenal; tambahkan baris judul seperti di templat (nama_lengkap, jenis_kelamin, nik, …)',
      en: 'the first row holds no known column title; add a header row as in the template (nama_lengkap, jenis_kelamin, nik, …)',
    };
    issues.push(rowIssue(headerRow, 'A', 'header.not_found', detail));
    return { columns: { index, written, width: header.length, headerRow, usable: false }, issues };
  }
  header.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') return;
    const key = keys[i];
    if (!key) {
      // A long or number-like title may be data typed into the header row: name its column letter instead.
      const named = text.length <= 60 && !/\d{5}/.test(text) ? text : columnLetter(i);
      if (!IGNORED_HEADERS.has(normalizeHeader(text)))
        issues.push(rowIssue(headerRow, named, 'header.unknown_column', { id: 'kolom tidak dikenal, isinya diabaikan', en: 'unknown column, its values are ignored' }, 'warning'));
      return;
    }
    if (index[key] !== undefined) {
      issues.push(
        rowIssue(headerRow, text, 'header.duplicate_column', {
          id: `kolom ${IMPORT_COLUMN[key].header.id} muncul dua kali (juga "${written[key]}"); hapus salah satu`,
          en: `column ${IMPORT_COLUMN[key].header.en} appears twice (also "${written[key]}"); delete one`,
        }),
      );
      return;
    }
    index[key] = i;
    written[key] = text;
  });
  for (const c of IMPORT_COLUMNS)
    if (c.required && index[c.key] === undefined)
      issues.push(
        rowIssue(headerRow, c.header.id, 'header.missing_column', {
          id: `kolom wajib ${c.header.id} tidak ada di baris judul`,
          en: `the required column ${c.header.id} (${c.header.en}) is missing from the header row`,
        }),
      );
  return { columns: { index, written, width: header.length, headerRow, usable: !issues.some((i) => i.severity === 'error') }, issues };
}

const SEX: Record<string, Sex> = {};
for (const v of ['p', 'pr', 'prp', 'perempuan', 'wanita', 'w', 'f', 'female', 'woman']) SEX[v] = 'female';
for (const v of ['l', 'lk', 'laki', 'lakilaki', 'pria', 'm', 'male', 'man']) SEX[v] = 'male';

/** P/L, Perempuan/Laki-laki, Wanita/Pria, F/M, female/male (any case). */
export function parseSex(text: string): Sex | undefined {
  if (text === 'P') return 'female';
  if (text === 'L') return 'male';
  return SEX[text.toLowerCase().replace(/[^a-z]/g, '')];
}

const EXCEL_HINT: Localized = { id: 'kemungkinan rusak oleh Excel: format kolom sebagai Teks', en: 'probably damaged by Excel: format the column as Text' };
const SCIENTIFIC = /^\+?\d+(?:[.,]\d+)?\s*e\s*\+?\s*\d{1,3}$/i;
/** Scientific notation (Excel's 6.50302E+15); the regular expression only runs when there is an e. */
const isScientific = (s: string) => (s.includes('E') || s.includes('e')) && SCIENTIFIC.test(s);
/** Exactly 16 ASCII digits (a loop: measurably faster than /^\d{16}$/ at a million rows). */
function isSixteenDigits(s: string): boolean {
  if (s.length !== 16) return false;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
/** Runs of whitespace or tabs/line breaks, which a name loses. */
function hasOddSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || (c === 32 && s.charCodeAt(i + 1) === 32) || c === 0xa0) return true;
  }
  return false;
}
const PHONE = /^0\d{7,14}$/;
const EXAMPLE_NAMES = new Set([TEMPLATE_EXAMPLE.id.fullName, TEMPLATE_EXAMPLE.en.fullName]);

const M = {
  required: { id: 'wajib diisi', en: 'is required' },
  tooShort: (n: number): Localized => ({ id: `paling sedikit ${n} huruf`, en: `needs at least ${n} characters` }),
  tooLong: (n: number, has: number): Localized => ({ id: `paling banyak ${n} huruf (ada ${has})`, en: `at most ${n} characters (it has ${has})` }),
  sex: { id: 'isi P (perempuan) atau L (laki-laki)', en: 'write P (female) or L (male)' },
  kkDamaged: { id: `Nomor KK tertulis sebagai angka Excel dan angka terakhirnya hilang; ${EXCEL_HINT.id}`, en: `The KK number was stored as an Excel number and lost its last digits; ${EXCEL_HINT.en}` },
  kkDigits: { id: 'Nomor KK hanya boleh berisi angka', en: 'A KK number contains digits only' },
  kkLength: (n: number): Localized => ({ id: `Nomor KK harus 16 angka: ada ${n} angka`, en: `A KK number has 16 digits: it has ${n}` }),
  future: { id: 'Tanggal lahir di masa depan', en: 'The birth date is in the future' },
  phone: { id: 'Nomor telepon tidak valid (contoh 0812 3456 7890)', en: 'Not a valid phone number (e.g. 0812 3456 7890)' },
  phoneDamaged: { id: `Nomor telepon tertulis sebagai angka Excel; ${EXCEL_HINT.id}`, en: `The phone number was stored as an Excel number; ${EXCEL_HINT.en}` },
  duplicate: (row: number): Localized => ({ id: `NIK sama dengan baris ${row} di berkas ini`, en: `The same NIK as row ${row} of this file` }),
  example: { id: 'baris contoh dari templat; hapus baris ini', en: 'the template’s example row; delete this row' },
  extra: { id: 'ada isian di luar kolom berjudul (diabaikan); periksa tanda pemisah ; atau , di dalam isian', en: 'values beyond the titled columns (ignored); check for a ; or , separator inside a value' },
};

/** Today's calendar date in WIT (UTC+9), as common/nik.ts takes it: a birth today anywhere in Indonesia is not in the future. */
const witDate = (now: Date) => new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

export interface RowValidatorOptions {
  today: Date;
  /** Region codes for NIK validation (default: the official lists, nikRegions()). */
  regions?: RegionCodeLookup;
}

/**
 * A validator for the rows of one file (it remembers NIKs to report duplicates within
 * the file, so use one per file, rows in order).
 */
export function createRowValidator(mapping: HeaderMapping, options: RowValidatorOptions): (raw: RawRow) => RowResult {
  const regions = options.regions ?? nikRegions();
  const today = witDate(options.today);
  const at = (key: ImportColumnKey) => mapping.index[key] ?? -1;
  const col = (key: ImportColumnKey) => mapping.written[key] ?? IMPORT_COLUMN[key].header.id;
  const [cName, cAlias, cSex, cNik, cKk, cBirth, cPhone, cAddress] = (['fullName', 'alias', 'sex', 'nik', 'kk', 'birthDate', 'phone', 'address'] as const).map(col) as [string, string, string, string, string, string, string, string];
  const [iName, iAlias, iSex, iNik, iKk, iBirth, iPhone, iAddress] = (['fullName', 'alias', 'sex', 'nik', 'kk', 'birthDate', 'phone', 'address'] as const).map(at) as [number, number, number, number, number, number, number, number];
  const mapped = [iName, iAlias, iSex, iNik, iKk, iBirth, iPhone, iAddress].filter((i) => i >= 0);
  const seen = new NikRows();
  const cell = (values: string[], i: number): string => (i < 0 ? '' : (values[i] ?? '').trim());
  const isNumeric = (raw: RawRow, i: number) => raw.numeric !== undefined && raw.numeric.includes(i);

  return (raw: RawRow): RowResult => {
    const v = raw.values;
    const row = raw.row;
    const issues: RowIssue[] = [];
    // No closures per row: tsx (esbuild keepNames) wraps each one in a naming call, measurable at a million rows.

    let any = false;
    for (let k = 0; k < mapped.length && !any; k++) {
      const text = v[mapped[k]!];
      any = text !== undefined && text !== '' && text.trim() !== '';
    }
    if (!any) return { issues, skipped: true };

    // Names and the other free texts: required, lengths.
    let fullName = cell(v, iName);
    if (fullName === '') issues.push(rowIssue(row, cName, 'row.required', M.required));
    else {
      if (hasOddSpace(fullName)) fullName = fullName.replace(/\s+/g, ' ');
      if (fullName.length < 2) issues.push(rowIssue(row, cName, 'row.too_short', M.tooShort(2)));
      else if (fullName.length > IMPORT_COLUMN.fullName.maxLength) issues.push(rowIssue(row, cName, 'row.too_long', M.tooLong(IMPORT_COLUMN.fullName.maxLength, fullName.length)));
      if (EXAMPLE_NAMES.has(fullName)) issues.push(rowIssue(row, cName, 'row.template_example', M.example));
    }
    const alias = cell(v, iAlias);
    if (alias.length > IMPORT_COLUMN.alias.maxLength) issues.push(rowIssue(row, cAlias, 'row.too_long', M.tooLong(IMPORT_COLUMN.alias.maxLength, alias.length)));
    const address = cell(v, iAddress);
    if (address.length > IMPORT_COLUMN.address.maxLength) issues.push(rowIssue(row, cAddress, 'row.too_long', M.tooLong(IMPORT_COLUMN.address.maxLength, address.length)));

    const sexText = cell(v, iSex);
    const sex = sexText === '' ? undefined : parseSex(sexText);
    if (sexText === '') issues.push(rowIssue(row, cSex, 'row.required', M.required));
    else if (!sex) issues.push(rowIssue(row, cSex, 'sex.invalid', M.sex));

    // Birth date before the NIK, which is compared with it.
    let birthDate: string | undefined;
    const birthText = cell(v, iBirth);
    if (birthText !== '') {
      const d = parseIndonesianDate(birthText);
      if (!d.ok) issues.push(rowIssue(row, cBirth, d.error.code, d.error.message));
      else if (d.date > today) issues.push(rowIssue(row, cBirth, 'birth_date.future', M.future));
      else birthDate = d.date;
    }

    let nik: string | undefined;
    const nikText = cell(v, iNik);
    if (nikText !== '') {
      // A 16-digit number cell: Excel kept 15 digits, so a final 0 is a lost digit (common/nik.ts reads "….0" so).
      const input = isSixteenDigits(nikText) && isNumeric(raw, iNik) ? `${nikText}.0` : nikText;
      const r = validateNik(input, { regions, today: options.today, declared: { sex, birthDate } });
      for (const e of r.errors) issues.push(rowIssue(row, cNik, e.code, e.message));
      for (const w of r.warnings) issues.push(rowIssue(row, cNik, w.code, w.message, 'warning'));
      if (isSixteenDigits(r.normalized)) {
        const earlier = seen.firstRow(r.normalized, row);
        if (earlier !== undefined) issues.push(rowIssue(row, cNik, 'nik.duplicate_in_file', M.duplicate(earlier)));
        else if (r.valid) nik = r.normalized;
      }
    }

    let kk: string | undefined;
    const kkText = cell(v, iKk);
    if (kkText !== '') {
      const digits = isSixteenDigits(kkText) ? kkText : normalizeNik(kkText);
      if (isScientific(kkText) || (isNumeric(raw, iKk) && isSixteenDigits(digits) && digits.endsWith('0'))) issues.push(rowIssue(row, cKk, 'kk.excel_damaged', M.kkDamaged));
      else if (!/^\d+$/.test(digits)) issues.push(rowIssue(row, cKk, 'kk.not_digits', M.kkDigits));
      else if (digits.length !== 16) issues.push(rowIssue(row, cKk, 'kk.length', M.kkLength(digits.length)));
      else if (digits.endsWith('0000')) issues.push(rowIssue(row, cKk, 'kk.excel_damaged', M.kkDamaged));
      else kk = digits;
    }

    let phone: string | undefined;
    const phoneText = cell(v, iPhone);
    if (phoneText !== '') {
      const p = normalizePhone(phoneText);
      if (isScientific(phoneText)) issues.push(rowIssue(row, cPhone, 'phone.excel_damaged', M.phoneDamaged));
      else if (!PHONE.test(p)) issues.push(rowIssue(row, cPhone, 'phone.invalid', M.phone));
      else phone = p;
    }

    if (v.length > mapping.width) {
      for (let i = mapping.width; i < v.length; i++)
        if (v[i]!.trim() !== '') {
          issues.push(rowIssue(row, columnLetter(i), 'row.extra_values', M.extra, 'warning'));
          break;
        }
    }

    for (const issue of issues) if (issue.severity === 'error') return { issues };
    const value: ImportRow = { row, fullName, sex: sex! };
    if (alias !== '') value.alias = alias;
    if (nik !== undefined) value.nik = nik;
    if (kk !== undefined) value.kk = kk;
    if (birthDate !== undefined) value.birthDate = birthDate;
    if (phone !== undefined) value.phone = phone;
    if (address !== '') value.address = address;
    return { value, issues };
  };
}
