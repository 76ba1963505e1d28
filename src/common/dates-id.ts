// Dates as Indonesian offices write them (and as Excel hands them over), parsed
// to 'YYYY-MM-DD' or to a specific error. Pure: shared by the server (imports,
// CLI) and the web app.
//
// Accepted:
// - day first with / - . as separator: 18/05/2018, 18-05-2018, 18.05.2018, 8/5/2018
// - day, month name, year: 18 Mei 2018, 18-Mei-2018, 18 Agt. 2018, 18 May 2018, with an optional
//   weekday in front (Jumat, 18 Mei 2018); month name first as in English: May 18, 2018
//   Month names in Indonesian and English, full or abbreviated, any case, optional final dot:
//   Jan Januari January · Feb Peb Februari Pebruari February · Mar Maret March · Apr April ·
//   Mei May · Jun Juni June · Jul Juli July · Agu Agt Agus Agustus Aug August · Sep Sept September ·
//   Okt Oktober Oct October · Nov Nop November Nopember · Des Desember Dec December
// - ISO year first: 2018-05-18 (also 2018/05/18; a time after it, as in '2018-05-18 00:00:00', is ignored)
// - Excel serial dates of the 1900 date system (what a date cell becomes in a CSV or a
//   numeric read): 43238 → 2018-05-18; a fraction (time of day) is ignored. Excel counts a
//   29 February 1900 that never existed (the Lotus 1-2-3 bug): serial 60 is refused,
//   serials 1–59 are 1900-01-01…1900-02-28 and from 61 on a day is subtracted.
//   (The Mac 1904 date system is not recognised: its serials are 1,462 days smaller.)
// Refused, each with its own code:
// - two-digit years (18/05/18, 18 Mei 18, Excel's 18-May-18): for birth dates the century is
//   a guess, and a wrong guess silently ages a person by 100 years, so we ask for four digits;
// - month-first dates that cannot be day-first (5/18/2018, US-locale Excel): we say so rather
//   than guess, because 5/6/2018 would be read the Indonesian way;
// - a bare year (1985), a day and month without a year (18/05), days that do not exist
//   (30/02/2018, 29/02/2019), unknown month names, years outside 1800–2199.

export type DateErrorCode =
  | 'date.empty'
  | 'date.unrecognized'
  | 'date.invalid'
  | 'date.two_digit_year'
  | 'date.month_first'
  | 'date.unknown_month'
  | 'date.year_only'
  | 'date.no_year'
  | 'date.year_out_of_range'
  | 'date.excel_1900_02_29';

export interface DateError {
  code: DateErrorCode;
  message: { id: string; en: string };
}

export type DateParseResult = { ok: true; date: string } | { ok: false; error: DateError };

const MESSAGES: Record<DateErrorCode, { id: string; en: string }> = {
  'date.empty': { id: 'Tanggal kosong', en: 'The date is empty' },
  'date.unrecognized': {
    id: 'Bukan tanggal yang dikenali: tulis misalnya 18/05/2018, 18 Mei 2018 atau 2018-05-18',
    en: 'Not a recognised date: write e.g. 18/05/2018, 18 Mei 2018 or 2018-05-18',
  },
  'date.invalid': { id: 'Tanggal itu tidak ada di kalender', en: 'That day does not exist in the calendar' },
  'date.two_digit_year': {
    id: 'Tahun harus ditulis empat angka (mis. 1985, bukan 85)',
    en: 'Write the year with four digits (e.g. 1985, not 85)',
  },
  'date.month_first': {
    id: 'Tanggal tampaknya ditulis bulan/tanggal/tahun (format Amerika); tulis tanggal/bulan/tahun',
    en: 'The date seems to be written month/day/year (US format); write day/month/year',
  },
  'date.unknown_month': { id: 'Nama bulan tidak dikenal', en: 'Unknown month name' },
  'date.year_only': { id: 'Hanya tahun; tanggal dan bulan tidak ada', en: 'A year only; the day and month are missing' },
  'date.no_year': { id: 'Tahun tidak ada', en: 'The year is missing' },
  'date.year_out_of_range': { id: 'Tahun di luar rentang 1800–2199', en: 'The year is outside 1800–2199' },
  'date.excel_1900_02_29': {
    id: 'Nomor seri Excel 60 adalah 29 Februari 1900, tanggal yang tidak pernah ada',
    en: 'Excel serial 60 is 29 February 1900, a day that never existed',
  },
};

const MONTHS: Record<string, number> = {};
function months(n: number, ...names: string[]): void {
  for (const name of names) MONTHS[name] = n;
}
months(1, 'jan', 'januari', 'january');
months(2, 'feb', 'peb', 'februari', 'pebruari', 'february');
months(3, 'mar', 'maret', 'march');
months(4, 'apr', 'april');
months(5, 'mei', 'may');
months(6, 'jun', 'juni', 'june');
months(7, 'jul', 'juli', 'july');
months(8, 'agu', 'agt', 'agus', 'agustus', 'aug', 'august');
months(9, 'sep', 'sept', 'september');
months(10, 'okt', 'oktober', 'oct', 'october');
months(11, 'nov', 'nop', 'november', 'nopember');
months(12, 'des', 'desember', 'dec', 'december');

const WEEKDAY = /^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s+/i;

const fail = (code: DateErrorCode): DateParseResult => ({ ok: false, error: { code, message: MESSAGES[code] } });

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 'YYYY-MM-DD' when year/month/day is a real calendar date, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // Without padStart for four-digit years: imports format a million dates.
  if (year >= 1000) return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function build(yearText: string, month: number, day: number, monthFirstPossible = false): DateParseResult {
  if (yearText.length <= 2) return fail('date.two_digit_year');
  if (yearText.length !== 4) return fail('date.unrecognized');
  const year = Number(yearText);
  if (year < 1800 || year > 2199) return fail('date.year_out_of_range');
  if (month > 12 && monthFirstPossible && day <= 12 && isoDate(year, day, month)) return fail('date.month_first');
  const date = isoDate(year, month, day);
  return date ? { ok: true, date } : fail('date.invalid');
}

/** Excel (1900 date system) serial → date, with the Lotus 1-2-3 leap-year bug. */
export function excelSerialToDate(serial: number): DateParseResult {
  const whole = Math.floor(serial);
  if (whole === 60) return fail('date.excel_1900_02_29');
  if (whole < 1) return fail('date.unrecognized');
  // Day 0 is 1899-12-31 for serials before the fictitious 29 Feb, 1899-12-30 after it.
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + whole * 86_400_000);
  const year = d.getUTCFullYear();
  if (year > 2199) return fail('date.year_out_of_range');
  return { ok: true, date: isoDate(year, d.getUTCMonth() + 1, d.getUTCDate())! };
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSeparator = (c: number) => c === 47 || c === 45 || c === 46; // / - .
const DIGIT_POSITIONS = [0, 1, 3, 4, 6, 7, 8, 9];

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** "18 Mei 2018": one or two digits, a space, a known month name, a space, four digits; else undefined. */
function parseDayMonthName(s: string): DateParseResult | undefined {
  const n = s.length;
  const dayDigits = isDigit(s.charCodeAt(1)) ? 2 : 1;
  if (!isDigit(s.charCodeAt(0)) || s.charCodeAt(dayDigits) !== 32 || s.charCodeAt(n - 5) !== 32) return undefined;
  for (let i = n - 4; i < n; i++) if (!isDigit(s.charCodeAt(i))) return undefined;
  for (let i = dayDigits + 1; i < n - 5; i++) if (!isLetter(s.charCodeAt(i))) return undefined;
  const month = MONTHS[s.slice(dayDigits + 1, n - 5).toLowerCase()];
  if (month === undefined) return undefined;
  const day = dayDigits === 2 ? (s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48 : s.charCodeAt(0) - 48;
  return build(s.slice(n - 4), month, day);
}

/**
 * The forms an import meets a million times, read without regular expressions:
 * DD/MM/YYYY (also - or .), an Excel serial (digits only) and "18 Mei 2018". Each gives
 * exactly what the general path below gives (tested in hot-paths.test.ts); undefined for
 * anything else.
 */
function parseCommonForm(s: string): DateParseResult | undefined {
  const n = s.length;
  if (n >= 8 && n <= 17 && s.charCodeAt(n - 5) === 32) return parseDayMonthName(s);
  if (n === 10) {
    const sep = s.charCodeAt(2);
    if (!isSeparator(sep) || s.charCodeAt(5) !== sep) return undefined;
    for (const i of DIGIT_POSITIONS) if (!isDigit(s.charCodeAt(i))) return undefined;
    const day = (s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48;
    const month = (s.charCodeAt(3) - 48) * 10 + s.charCodeAt(4) - 48;
    return build(s.slice(6), month, day, true);
  }
  if (n >= 1 && n <= 7) {
    let value = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (!isDigit(c)) return undefined;
      value = value * 10 + c - 48;
    }
    if (n === 4 && value >= 1800 && value <= 2199) return fail('date.year_only');
    return excelSerialToDate(value);
  }
  return undefined;
}

/** Parses a date as written in Indonesian forms and spreadsheets; see the rules at the top. */
export function parseIndonesianDate(text: string): DateParseResult {
  return parseCommonForm(text) ?? parseGeneralForm(text);
}

/** parseIndonesianDate without the fast path for common forms (exported for the test that compares them). */
export function parseGeneralForm(text: string): DateParseResult {
  const s = text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/^['\u2018\u2019`]/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return fail('date.empty');

  // ISO, year first (a time part is ignored).
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return build(m[1]!, Number(m[2]), Number(m[3]));

  // Numeric, day first.
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d+)$/.exec(s);
  if (m) return build(m[4]!, Number(m[3]), Number(m[1]), true);
  if (/^\d{1,2}[-/.]\d{1,2}$/.test(s)) return fail('date.no_year');

  // A bare year, then Excel serials (an integer, or with a fraction for the time of day).
  if (/^\d{4}$/.test(s) && Number(s) >= 1800 && Number(s) <= 2199) return fail('date.year_only');
  m = /^(\d{1,7})(?:[.,]\d+)?$/.exec(s);
  if (m) return excelSerialToDate(Number(m[1]));

  // Month names.
  const words = s.replace(WEEKDAY, '');
  m = /^(\d{1,2})[ \-/.]*([a-z']+)\.?[ \-/.,]*(\d+)$/i.exec(words);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? build(m[3]!, month, Number(m[1])) : fail('date.unknown_month');
  }
  m = /^([a-z']+)\.?[ \-/.]*(\d{1,2})(?:st|nd|rd|th)?[ ,]+(\d+)$/i.exec(words);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? build(m[3]!, month, Number(m[2])) : fail('date.unknown_month');
  }
  if (/^\d{1,2}[ \-/.]*[a-z]+\.?$/i.test(words)) return fail('date.no_year');
  return fail('date.unrecognized');
}
