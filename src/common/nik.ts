// NIK (Nomor Induk Kependudukan) validation: one pure module used by the API,
// imports, the web app and the CLI. No Node APIs; region codes come in through
// a RegionCodeLookup (the server builds one from the official lists, see
// src/server/modules/registry/nik-regions.ts).
//
// A NIK is PP KK DD DDMMYY SSSS: province, regency/city and district of FIRST
// registration (it never changes when a person moves, so it need not match the
// domicile), birth date with 40 added to the day for women, and a serial from 0001.
// It proves format, not identity.
//
// Messages never contain the NIK, its birth date or other digits of it, so they may
// go into error reports, job results and logs; the derived values are separate fields.
import { z } from 'zod';
import { isoDate } from './dates-id.ts';
import { INVISIBLE, normalizeNik } from './nik-normalize.ts';
import { RegionCodeSchema } from './regions.ts';

export { normalizeNik };

export type Sex = 'male' | 'female';
export type Lang = 'id' | 'en';
export type Localized = { id: string; en: string };

/** The region codes the validator knows. Codes are dotted: '65', '65.03', '65.03.02'. */
export interface RegionCodeLookup {
  hasProvince(code: string): boolean;
  hasRegency(code: string): boolean;
  /** A current district (kecamatan) code. */
  hasDistrict(code: string): boolean;
  /**
   * A former (historical) code of a regency or district, e.g. '64.05' (Nunukan while it
   * was in East Kalimantan, before 2012), with the code that replaced it.
   */
  former(code: string): { successorCode: string | null; name: string } | undefined;
}

export const NIK_ERROR_CODES = [
  'nik.empty',
  'nik.not_digits',
  'nik.length',
  'nik.excel_damaged',
  'nik.region_unknown',
  'nik.birth_date_invalid',
  'nik.birth_date_future',
  'nik.serial_zero',
  'nik.sex_mismatch',
  'nik.birth_date_mismatch',
] as const;
export type NikErrorCode = (typeof NIK_ERROR_CODES)[number];

export const NIK_WARNING_CODES = ['nik.former_region', 'nik.excel_suspect', 'nik.region_differs_from_domicile'] as const;
export type NikWarningCode = (typeof NIK_WARNING_CODES)[number];

export interface NikIssue<C extends string = string> {
  code: C;
  message: Localized;
}

export interface NikResult {
  input: string;
  /** The input without separators (spaces, dots, dashes, a leading apostrophe). */
  normalized: string;
  valid: boolean;
  sex: Sex | null;
  /** 'YYYY-MM-DD' */
  birthDate: string | null;
  /** The district code of first registration ('65.03.02'), when it is known (current or former). */
  regionCode: string | null;
  errors: NikIssue<NikErrorCode>[];
  warnings: NikIssue<NikWarningCode>[];
}

export interface NikOptions {
  regions: RegionCodeLookup;
  /** Now. The calendar date is taken in WIT (UTC+9), Indonesia's easternmost zone, so a birth today anywhere is not "in the future". */
  today: Date;
  /** Values stated elsewhere (a form, a list) to compare with what the NIK encodes. birthDate: 'YYYY-MM-DD'. */
  declared?: { sex?: Sex; birthDate?: string; domicileRegionCode?: string };
}

const EXCEL_HINT: Localized = {
  id: 'kemungkinan rusak oleh Excel: format kolom sebagai Teks',
  en: 'probably damaged by Excel: format the column as Text',
};

const withHint = (m: Localized): Localized => ({ id: `${m.id}; ${EXCEL_HINT.id}`, en: `${m.en}; ${EXCEL_HINT.en}` });

const ERRORS: Record<NikErrorCode, Localized> = {
  'nik.empty': { id: 'NIK kosong', en: 'The NIK is empty' },
  'nik.not_digits': { id: 'NIK hanya boleh berisi angka', en: 'A NIK contains digits only' },
  'nik.length': { id: 'NIK harus 16 angka', en: 'A NIK has 16 digits' },
  'nik.excel_damaged': withHint({ id: 'NIK tertulis sebagai angka Excel dan angka terakhirnya hilang', en: 'The NIK was stored as an Excel number and lost its last digits' }),
  'nik.region_unknown': { id: 'Kode wilayah NIK tidak dikenal', en: 'The NIK’s region code is unknown' },
  'nik.birth_date_invalid': { id: 'Tanggal lahir dalam NIK tidak valid', en: 'The birth date in the NIK is not valid' },
  'nik.birth_date_future': { id: 'Tanggal lahir dalam NIK ada di masa depan', en: 'The birth date in the NIK is in the future' },
  'nik.serial_zero': withHint({ id: 'Nomor urut NIK 0000 tidak pernah diterbitkan', en: 'NIK serial 0000 is never issued' }),
  'nik.sex_mismatch': { id: 'Jenis kelamin dalam NIK berbeda dengan yang dinyatakan', en: 'The sex encoded in the NIK differs from the one stated' },
  'nik.birth_date_mismatch': { id: 'Tanggal lahir dalam NIK berbeda dengan yang dinyatakan', en: 'The birth date encoded in the NIK differs from the one stated' },
};

const issue = <C extends string>(code: C, message: Localized): NikIssue<C> => ({ code, message });
const error = (code: NikErrorCode, detail?: Localized): NikIssue<NikErrorCode> =>
  issue(code, detail ? { id: `${ERRORS[code].id}: ${detail.id}`, en: `${ERRORS[code].en}: ${detail.en}` } : ERRORS[code]);

/** Scientific notation as Excel shows a 16-digit number: 6.50302E+15, 6,50302E+15, 6.50302e15. */
const SCIENTIFIC = /^\+?\d+(?:[.,]\d+)?\s*e\s*\+?\s*\d{1,3}$/i;
/** A number formatted by a spreadsheet: thousands separators (6.503.024.507.850.000) or a decimal tail (…0000.0). */
const GROUPED = /^\d(?:([.,])\d{3})(?:\1\d{3}){4}$/;
const DECIMAL_TAIL = /^(\d{16})[.,]0+$/;


// Imports validate a million NIKs: the common case without regular expressions or slices.
function isSixteenDigits(s: string): boolean {
  if (s.length !== 16) return false;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
/** The number in two ASCII digits at s[at], s[at + 1]. */
const twoDigits = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);

let lastNow = NaN;
let lastDate = '';
/** Today's calendar date in WIT (UTC+9), 'YYYY-MM-DD' (memoised: imports validate a million rows with one `today`). */
function latestIndonesianDate(now: Date): string {
  const t = now.getTime();
  if (t !== lastNow) {
    lastDate = new Date(t + 9 * 3_600_000).toISOString().slice(0, 10);
    lastNow = t;
  }
  return lastDate;
}

function checkRegion(digits: string, regions: RegionCodeLookup, warnings: NikIssue<NikWarningCode>[]): { code: string | null; error?: NikIssue<NikErrorCode> } {
  const province = digits.slice(0, 2);
  const regency = `${province}.${digits.slice(2, 4)}`;
  const district = `${regency}.${digits.slice(4, 6)}`;
  if (regions.hasDistrict(district)) return { code: district };
  const formerDistrict = regions.former(district);
  const formerRegency = regions.former(regency);
  if (formerDistrict || formerRegency) {
    const f = (formerDistrict ?? formerRegency)!;
    const successor = f.successorCode ? { id: ` (kini ${f.successorCode})`, en: ` (now ${f.successorCode})` } : { id: '', en: '' };
    const unchecked = formerDistrict ? { id: '', en: '' } : { id: '; kode kecamatan tidak diperiksa', en: '; the district code was not checked' };
    warnings.push(
      issue('nik.former_region', {
        id: `Kode wilayah NIK adalah kode lama ${f.name}${successor.id}${unchecked.id}`,
        en: `The NIK carries a former region code of ${f.name}${successor.en}${unchecked.en}`,
      }),
    );
    return { code: district };
  }
  const detail = !regions.hasProvince(province)
    ? { id: 'provinsi (angka 1–2) tidak ada', en: 'no such province (digits 1–2)' }
    : !regions.hasRegency(regency)
      ? { id: 'kabupaten/kota (angka 3–4) tidak ada di provinsi itu', en: 'no such regency/city (digits 3–4) in that province' }
      : { id: 'kecamatan (angka 5–6) tidak ada di kabupaten/kota itu', en: 'no such district (digits 5–6) in that regency/city' };
  return { code: null, error: error('nik.region_unknown', detail) };
}

type RegionCheck = { code: string | null; error?: NikIssue<NikErrorCode>; warning?: NikIssue<NikWarningCode> };
const regionChecks = new WeakMap<RegionCodeLookup, Map<number, RegionCheck>>();
/** Enough for every district code and some unknown ones; a file of random digits is not cached past it. */
const REGION_CACHE_MAX = 20_000;

/**
 * checkRegion, remembered per lookup and six-digit prefix: an import meets the same few districts
 * a million times. The remembered issues are frozen, since each result shares them.
 */
function checkRegionCached(digits: string, regions: RegionCodeLookup, warnings: NikIssue<NikWarningCode>[]): RegionCheck {
  let cache = regionChecks.get(regions);
  if (!cache) regionChecks.set(regions, (cache = new Map()));
  const key = twoDigits(digits, 0) * 10_000 + twoDigits(digits, 2) * 100 + twoDigits(digits, 4);
  let check = cache.get(key);
  if (!check) {
    const found: NikIssue<NikWarningCode>[] = [];
    const r = checkRegion(digits, regions, found);
    check = { code: r.code };
    if (r.error) check.error = deepFreeze(r.error);
    if (found[0]) check.warning = deepFreeze(found[0]);
    if (cache.size < REGION_CACHE_MAX) cache.set(key, check);
  }
  if (check.warning) warnings.push(check.warning);
  return check;
}

const deepFreeze = <T extends NikIssue>(i: T): T => {
  Object.freeze(i.message);
  return Object.freeze(i);
};

// A plain function (not a closure per call): imports validate a million NIKs.
function finish(
  input: string,
  normalized: string,
  errors: NikIssue<NikErrorCode>[],
  warnings: NikIssue<NikWarningCode>[],
  sex: Sex | null = null,
  birthDate: string | null = null,
  regionCode: string | null = null,
): NikResult {
  return { input, normalized, valid: errors.length === 0, sex, birthDate, regionCode, errors, warnings };
}

/** Validates a NIK; see the rules at the top of this file and in docs/ARCHITECTURE.md. */
export function validateNik(input: string, opts: NikOptions): NikResult {
  const errors: NikIssue<NikErrorCode>[] = [];
  const warnings: NikIssue<NikWarningCode>[] = [];
  const plain = isSixteenDigits(input); // the common case skips the clean-up
  const cleaned = plain ? input : input.replace(INVISIBLE, '').trim().replace(/^['\u2018\u2019`]/, '').trim();
  let normalized = plain ? input : normalizeNik(input);

  if (normalized === '') {
    errors.push(error('nik.empty'));
    return finish(input, normalized, errors, warnings);
  }
  if (!plain && SCIENTIFIC.test(cleaned)) {
    normalized = cleaned.replace(/\s/g, ''); // its dots and commas are a decimal point, not separators
    errors.push(error('nik.excel_damaged'));
    return finish(input, normalized, errors, warnings);
  }
  // A spreadsheet number: the 16th digit was rounded away (to 0) when it went through Excel.
  const asNumber = plain ? undefined : GROUPED.test(cleaned) ? cleaned.replace(/[.,]/g, '') : DECIMAL_TAIL.exec(cleaned)?.[1];
  if (asNumber) {
    normalized = asNumber;
    if (asNumber.endsWith('0')) errors.push(error('nik.excel_damaged'));
  }
  if (!plain && !/^\d+$/.test(normalized)) {
    errors.push(error('nik.not_digits'));
    return finish(input, normalized, errors, warnings);
  }
  if (normalized.length !== 16) {
    errors.push(error('nik.length', { id: `ada ${normalized.length} angka`, en: `it has ${normalized.length}` }));
    return finish(input, normalized, errors, warnings);
  }

  const region = checkRegionCached(normalized, opts.regions, warnings);
  if (region.error) errors.push(region.error);

  // Birth date and sex: DDMMYY, day + 40 for women.
  const dayField = twoDigits(normalized, 6);
  const month = twoDigits(normalized, 8);
  const yy = twoDigits(normalized, 10);
  const sex: Sex | null = dayField >= 1 && dayField <= 31 ? 'male' : dayField >= 41 && dayField <= 71 ? 'female' : null;
  const day = sex === 'female' ? dayField - 40 : dayField;
  const today = latestIndonesianDate(opts.today);
  const currentYy = Number(today.slice(2, 4));
  let year = (yy > currentYy ? 1900 : 2000) + yy;
  // A stated birth date that agrees on DDMMYY settles the century (a 1920 birth when the rule says 2020).
  const declaredDate = opts.declared?.birthDate;
  if (declaredDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(declaredDate)) throw new TypeError('declared.birthDate must be YYYY-MM-DD');
  if (declaredDate && twoDigits(declaredDate, 2) === yy && twoDigits(declaredDate, 5) === month && twoDigits(declaredDate, 8) === day)
    year = Number(declaredDate.slice(0, 4));

  let birthDate: string | null = null;
  if (sex === null) {
    errors.push(error('nik.birth_date_invalid', { id: 'hari lahir (angka 7–8) harus 01–31, atau 41–71 untuk perempuan', en: 'the day (digits 7–8) must be 01–31, or 41–71 for women' }));
  } else if (month < 1 || month > 12) {
    errors.push(error('nik.birth_date_invalid', { id: 'bulan lahir (angka 9–10) harus 01–12', en: 'the month (digits 9–10) must be 01–12' }));
  } else {
    const date = isoDate(year, month, day);
    if (!date) errors.push(error('nik.birth_date_invalid', { id: 'tanggal itu tidak ada di kalender', en: 'that day does not exist in the calendar' }));
    else if (date > today) errors.push(error('nik.birth_date_future'));
    else birthDate = date;
  }

  const serial = normalized.slice(12);
  if (serial === '0000') errors.push(error('nik.serial_zero'));
  else if (serial.endsWith('000') && !asNumber)
    warnings.push(
      issue('nik.excel_suspect', {
        id: `NIK berakhir dengan 000; periksa dengan e-KTP, ${EXCEL_HINT.id}`,
        en: `The NIK ends in 000; check it against the e-KTP, ${EXCEL_HINT.en}`,
      }),
    );

  const declared = opts.declared ?? {};
  if (declared.sex && sex && declared.sex !== sex) errors.push(error('nik.sex_mismatch'));
  if (declaredDate && birthDate && declaredDate !== birthDate) errors.push(error('nik.birth_date_mismatch'));
  if (declared.domicileRegionCode && region.code) {
    // Informational only: a NIK keeps the region of first registration; never a reason to reject.
    const nikRegency = region.code.slice(0, 5);
    const current = opts.regions.former(nikRegency)?.successorCode ?? nikRegency;
    const depth = Math.min(declared.domicileRegionCode.length, 5); // compare provinces, or regencies/cities
    if (current.slice(0, depth) !== declared.domicileRegionCode.slice(0, depth))
      warnings.push(
        issue('nik.region_differs_from_domicile', {
          id: 'Wilayah NIK (tempat pertama terdaftar) berbeda dengan domisili; ini wajar bagi pendatang dan bukan kesalahan',
          en: 'The NIK’s region (where first registered) differs from the domicile; normal for people who moved, not an error',
        }),
      );
  }

  return finish(input, normalized, errors, warnings, sex, birthDate, region.code);
}

// ---- The shape the CLI prints and the API answers (messages in one language) ----

export const NikCheckIssueSchema = z.object({ code: z.string(), message: z.string() });

export const NikCheckSchema = z
  .object({
    input: z.string(),
    normalized: z.string(),
    valid: z.boolean(),
    sex: z.enum(['male', 'female']).nullable(),
    birthDate: z.iso.date().nullable(),
    regionCode: z.string().nullable(),
    errors: z.array(NikCheckIssueSchema),
    warnings: z.array(NikCheckIssueSchema),
  })
  .meta({ id: 'NikCheck' });
export type NikCheck = z.infer<typeof NikCheckSchema>;

export const NikValidateBodySchema = z.object({
  nik: z.string().max(64),
  sex: z.enum(['male', 'female']).optional(),
  birthDate: z.iso.date().optional().describe('The stated birth date, compared with the one the NIK encodes'),
  domicileRegionCode: RegionCodeSchema.optional()
    .describe('Where the person lives now: a different NIK region is only a warning'),
});
export type NikValidateBody = z.infer<typeof NikValidateBodySchema>;

/** The result with its messages in one language, keys in the documented order. */
export function localizeNikResult(r: NikResult, lang: Lang): NikCheck {
  return {
    input: r.input,
    normalized: r.normalized,
    valid: r.valid,
    sex: r.sex,
    birthDate: r.birthDate,
    regionCode: r.regionCode,
    errors: r.errors.map((e) => ({ code: e.code, message: e.message[lang] })),
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message[lang] })),
  };
}
