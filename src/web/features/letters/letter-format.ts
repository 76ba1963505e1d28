// Helpers of the letter screens: a preview of a unit's number format, filled in the way the
// server fills it when a letter is issued (src/server/modules/letters/letters.numbering.ts), and today's WIB date.
import { DEFAULT_NUMBER_FORMAT } from '../../../common/letters.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

export function previewLetterNumber(format: string, parts: { seq: number; unit: string; classification: string; letterDate: string }): string {
  const [year, month] = parts.letterDate.split('-').map(Number) as [number, number];
  const values: Record<string, string> = {
    seq: String(parts.seq),
    unit: parts.unit,
    classification: parts.classification,
    month_roman: ROMAN[month - 1] ?? '',
    month: String(month).padStart(2, '0'),
    year: String(year),
  };
  const filled = (format.trim() || DEFAULT_NUMBER_FORMAT).replace(/\{([a-z_]+)\}/g, (all, key: string) => values[key] ?? all);
  return filled.replace(/\/{2,}/g, '/');
}

const WIB_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Western Indonesia Time as 'YYYY-MM-DD' (the date letters are dated by). */
export function todayWib(): string {
  return WIB_DATE.format(new Date());
}
