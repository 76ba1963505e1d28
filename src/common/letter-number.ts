// Letter numbers: the unit's format filled in with the sequence and the letter date —
// by the server when a letter is issued, and by the web app to preview a unit's format.
import { DEFAULT_NUMBER_FORMAT } from './letters.ts';

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 5 → "V", 12 → "XII". */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`toRoman: ${n}`);
  let out = '';
  for (const [value, letters] of ROMAN)
    while (n >= value) {
      out += letters;
      n -= value;
    }
  return out;
}

export interface NumberParts {
  seq: number;
  unit: string;
  classification: string;
  /** 'YYYY-MM-DD': the month and year of the number come from the letter date. */
  letterDate: string;
}

/** `{seq}/{unit}/{classification}/{month_roman}/{year}` → "1/DINSOS-KALTARA/460/V/2018". */
export function formatLetterNumber(format: string | null | undefined, parts: NumberParts): string {
  const [year, month] = parts.letterDate.split('-').map(Number) as [number, number];
  const values: Record<string, string> = {
    seq: String(parts.seq),
    unit: parts.unit,
    classification: parts.classification,
    month_roman: toRoman(month),
    month: String(month).padStart(2, '0'),
    year: String(year),
  };
  const filled = (format?.trim() || DEFAULT_NUMBER_FORMAT).replace(/\{([a-z_]+)\}/g, (all, key: string) => values[key] ?? all);
  // An empty classification leaves "//": close it up.
  return filled.replace(/\/{2,}/g, '/');
}

/** The year a letter dated `letterDate` is numbered in. */
export function yearOf(letterDate: string): number {
  return Number(letterDate.slice(0, 4));
}
