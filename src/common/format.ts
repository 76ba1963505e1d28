// Display formatting shared by the server (letters, exports) and the web app.
// Numbers always use Indonesian grouping (1.500.000), whatever the UI language:
// amounts in official documents are written that way.

export type DisplayLanguage = 'id' | 'en';

const NUMBER_LOCALE = 'id-ID';
const DATE_LOCALES: Record<DisplayLanguage, string> = { id: 'id-ID', en: 'en-GB' };

const integerFormat = new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 2 });

/** 7285 → "7.285"; 1234.5 → "1.234,5". */
export function formatNumber(value: number | bigint): string {
  return typeof value === 'bigint' || Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
}

/** Whole rupiah: 1500000 → "Rp 1.500.000", -1500000 → "-Rp 1.500.000". */
export function formatRupiah(amount: number | bigint): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`formatRupiah expects whole rupiah, got ${amount}`);
  }
  const negative = amount < 0;
  const magnitude = negative ? -amount : amount;
  return `${negative ? '-' : ''}Rp ${integerFormat.format(magnitude)}`;
}

/** A calendar date: 'YYYY-MM-DD' (read as a date, never shifted by time zone) or a Date. */
export type DateInput = string | Date;

function toUtcDate(input: DateInput): Date {
  if (input instanceof Date) return input;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${input}"`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) throw new RangeError(`Not a calendar date: "${input}"`);
  return date;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDate(input: DateInput, language: DisplayLanguage, options: Intl.DateTimeFormatOptions): string {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[language], { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(toUtcDate(input));
}

/** '2018-05-18' → "Jumat, 18 Mei 2018" (id) / "Friday, 18 May 2018" (en). */
export function formatDateLong(input: DateInput, language: DisplayLanguage = 'id'): string {
  return formatDate(input, language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** '2018-05-18' → "18 Mei 2018" (id) / "18 May 2018" (en). */
export function formatDateMedium(input: DateInput, language: DisplayLanguage = 'id'): string {
  return formatDate(input, language, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** '2018-05-18' → "18/05/2018" (both languages). */
export function formatDateShort(input: DateInput, language: DisplayLanguage = 'id'): string {
  return formatDate(input, language, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/**
 * A moment (ISO timestamp) with date and time: "18 Mei 2018 14.05" (id) / "18 May 2018, 14:05" (en),
 * in `timeZone` (default: the runtime's zone, i.e. the user's in the browser).
 */
export function formatDateTime(input: string | Date, language: DisplayLanguage = 'id', timeZone?: string): string {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) return String(input);
  const key = `dt:${language}:${timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[language], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(timeZone ? { timeZone } : {}),
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}
