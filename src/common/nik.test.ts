// The NIK rules, on the official region lists (idn-area-data) and our former codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadNikRegions } from '../server/modules/registry/nik-regions.ts';
import { localizeNikResult, normalizeNik, validateNik, type NikOptions, type NikResult, type RegionCodeLookup } from './nik.ts';

const regions = loadNikRegions();
const TODAY = new Date('2025-06-01T03:00:00Z');
const check = (nik: string, opts: Partial<NikOptions> = {}) => validateNik(nik, { regions, today: TODAY, ...opts });
const codes = (r: NikResult) => ({ errors: r.errors.map((e) => e.code), warnings: r.warnings.map((w) => w.code) });
const EXCEL = /kemungkinan rusak oleh Excel: format kolom sebagai Teks/;

test('the lookup holds the official lists and the former codes', () => {
  assert.deepEqual(regions.size, { provinces: 38, regencies: 514, districts: 7285, former: 5 });
  assert.ok(regions.hasDistrict('65.03.02'));
  assert.equal(regions.name('65.03.02'), 'Nunukan');
  assert.deepEqual(regions.former('64.05'), { successorCode: '65.03', name: 'Kabupaten Nunukan' });
  assert.equal(regions.former('65.03'), undefined);
});

test('a valid NIK: a Nunukan woman born 5 July 1985 (day 05 + 40 = 45)', () => {
  const r = check('6503024507850001');
  assert.deepEqual(r, {
    input: '6503024507850001',
    normalized: '6503024507850001',
    valid: true,
    sex: 'female',
    birthDate: '1985-07-05',
    regionCode: '65.03.02',
    errors: [],
    warnings: [],
  });
});

test('men carry the day as it is; women the day plus 40 (41–71)', () => {
  assert.deepEqual([check('6503021805850002').sex, check('6503021805850002').birthDate], ['male', '1985-05-18']);
  assert.deepEqual([check('6503025805850002').sex, check('6503025805850002').birthDate], ['female', '1985-05-18']);
  assert.equal(check('6503027105850002').birthDate, '1985-05-31'); // 71 − 40 = 31: the last day women carry
  assert.equal(check('6503024101850002').birthDate, '1985-01-01');
  for (const day of ['00', '32', '35', '40', '72', '99']) {
    const r = check(`650302${day}05850002`);
    assert.deepEqual(codes(r).errors, ['nik.birth_date_invalid'], day);
    assert.equal(r.sex, null);
    assert.equal(r.birthDate, null);
  }
  assert.deepEqual(codes(check('6503027106850002')).errors, ['nik.birth_date_invalid'], '31 June does not exist');
  assert.deepEqual(codes(check('6503021813850002')).errors, ['nik.birth_date_invalid'], 'month 13');
  assert.equal(check('6503021813850002').sex, 'male', 'the sex is still known when only the month is wrong');
});

test('29 February only in leap years (Tarakan Barat, 65.71.01)', () => {
  assert.equal(check('6571012902000001').birthDate, '2000-02-29'); // 2000 is a leap year
  assert.equal(check('6571016902960003').birthDate, '1996-02-29'); // a woman
  assert.deepEqual(codes(check('6571012902970001')).errors, ['nik.birth_date_invalid']); // 1997
  assert.deepEqual(codes(check('6571016902010001')).errors, ['nik.birth_date_invalid']); // 2001
});

test('century: two-digit years after the current one are 19xx, others 20xx; never in the future', () => {
  // today = 1 June 2025
  assert.equal(check('6503020101260001').birthDate, '1926-01-01');
  assert.equal(check('6503020101250001').birthDate, '2025-01-01');
  assert.equal(check('6503020101990001').birthDate, '1999-01-01');
  assert.equal(check('6503020101000001').birthDate, '2000-01-01');
  const future = check('6503020207250001'); // 2 July 2025
  assert.deepEqual(codes(future).errors, ['nik.birth_date_future']);
  assert.equal(future.birthDate, null);
  // As on the day of the Kaltara rakor, 18 May 2018 (noon WIB).
  const rakor = { today: new Date('2018-05-18T05:00:00Z') };
  assert.equal(check('6503021805180001', rakor).birthDate, '2018-05-18');
  assert.equal(check('6503025805180001', rakor).birthDate, '2018-05-18');
  assert.deepEqual(codes(check('6503021905180001', rakor)).errors, ['nik.birth_date_future']);
  assert.equal(check('6503020101190001', rakor).birthDate, '1919-01-01');
  // 23:30 WIB on 18 May is already 19 May in Papua (WIT): a birth that day is not in the future.
  assert.equal(check('6503021905180001', { today: new Date('2018-05-18T16:30:00Z') }).valid, true);
});

test('a stated birth date that agrees on day, month and two-digit year settles the century', () => {
  const r = check('6503020101200001', { declared: { birthDate: '1920-01-01' } });
  assert.equal(r.valid, true);
  assert.equal(r.birthDate, '1920-01-01');
  assert.equal(check('6503020101200001').birthDate, '2020-01-01');
});

test('serial 0001–9999: 0000 is refused with the Excel hint', () => {
  const r = check('6503024507850000');
  assert.deepEqual(codes(r).errors, ['nik.serial_zero']);
  assert.match(r.errors[0]!.message.id, EXCEL);
  assert.match(r.errors[0]!.message.en, /Excel: format the column as Text/);
  assert.equal(check('6503024507859999').valid, true);
});

test('Excel damage: scientific notation in its spellings', () => {
  for (const input of ['6.50302E+15', '6,50302E+15', '6.50302e15', '6.50302E15', '6.503024507850E+15', ' 6.50302E+15 ']) {
    const r = check(input);
    assert.deepEqual(codes(r).errors, ['nik.excel_damaged'], input);
    assert.equal(r.valid, false);
    assert.match(r.errors[0]!.message.id, EXCEL);
    assert.equal(r.normalized, input.trim(), 'the decimal point is not stripped as a separator');
  }
});

test('Excel damage: 16 digits whose last digit Excel’s 15 significant digits rounded away', () => {
  // 6503024507850001 in a number cell becomes 6503024507850000: serial 0000.
  assert.deepEqual(codes(check('6503024507850000')).errors, ['nik.serial_zero']);
  // 6503024507850995…0999 become …1000: a serial ending in 000 is suspicious but possible (a warning).
  const tail = check('6503024507851000');
  assert.equal(tail.valid, true);
  assert.deepEqual(codes(tail).warnings, ['nik.excel_suspect']);
  assert.match(tail.warnings[0]!.message.id, EXCEL);
  assert.deepEqual(codes(check('6503024507850010')), { errors: [], warnings: [] }, 'one trailing zero alone is common and fine');
  // Shown as a spreadsheet number (thousands separators, a decimal tail): the last digit is gone for sure.
  assert.deepEqual(codes(check('6,503,024,507,850,010')).errors, ['nik.excel_damaged']);
  assert.deepEqual(codes(check('6.503.024.507.850.000')).errors, ['nik.excel_damaged', 'nik.serial_zero']);
  assert.deepEqual(codes(check('6503024507850010.0')).errors, ['nik.excel_damaged']);
  assert.equal(check('6503024507850010.0').normalized, '6503024507850010');
  assert.equal(check('6,503,024,507,850,001').valid, true, 'a grouped number ending in 1 did not go through Excel’s rounding');
});

test('former codes: a 64.xx NIK of a Kaltara regency from before 2012 is accepted with a warning', () => {
  const r = check('6405024507850001'); // 64.05 = Nunukan before Kalimantan Utara
  assert.equal(r.valid, true);
  assert.equal(r.regionCode, '64.05.02');
  assert.deepEqual(codes(r), { errors: [], warnings: ['nik.former_region'] });
  assert.match(r.warnings[0]!.message.id, /kode lama Kabupaten Nunukan \(kini 65\.03\); kode kecamatan tidak diperiksa/);
  assert.equal(check('6473014507850001').valid, true); // Kota Tarakan, 64.73
  assert.equal(check('6404994507850001').valid, true, 'district codes of former regencies are not known, so not checked');
  // A current East Kalimantan code is simply current.
  assert.deepEqual(codes(check('6472014507850001')), { errors: [], warnings: [] }); // Palaran, Samarinda
});

test('unknown region codes name the part that is unknown', () => {
  const district = check('6503994507850001');
  assert.deepEqual(codes(district).errors, ['nik.region_unknown']);
  assert.match(district.errors[0]!.message.en, /no such district/);
  assert.equal(district.regionCode, null);
  assert.equal(district.birthDate, '1985-07-05', 'the rest is still checked');
  assert.match(check('6599024507850001').errors[0]!.message.en, /no such regency\/city/);
  assert.match(check('9903024507850001').errors[0]!.message.en, /no such province/);
  assert.match(check('6404024507850001').warnings[0]!.message.en, /Bulungan/); // 64.04 is no current code: former Bulungan
});

test('the domicile never makes a NIK invalid; a different region is an informational warning', () => {
  const migrant = check('3578014507850001', { declared: { domicileRegionCode: '65.03' } }); // first registered in Surabaya
  assert.equal(migrant.valid, true);
  assert.deepEqual(codes(migrant).warnings, ['nik.region_differs_from_domicile']);
  assert.deepEqual(codes(check('6405024507850001', { declared: { domicileRegionCode: '65.03.02' } })).warnings, ['nik.former_region']);
  assert.deepEqual(codes(check('6503024507850001', { declared: { domicileRegionCode: '65' } })).warnings, []);
});

test('stated sex and birth date are compared with the NIK', () => {
  assert.equal(check('6503024507850001', { declared: { sex: 'female', birthDate: '1985-07-05' } }).valid, true);
  assert.deepEqual(codes(check('6503024507850001', { declared: { sex: 'male' } })).errors, ['nik.sex_mismatch']);
  assert.deepEqual(codes(check('6503024507850001', { declared: { birthDate: '1985-05-07' } })).errors, ['nik.birth_date_mismatch']);
  assert.deepEqual(codes(check('6503021805850002', { declared: { sex: 'female', birthDate: '1986-05-18' } })).errors, ['nik.sex_mismatch', 'nik.birth_date_mismatch']);
  assert.throws(() => check('6503024507850001', { declared: { birthDate: '05/07/1985' } }), TypeError);
});

test('normalisation: spaces (also non-breaking), dots, dashes and a leading apostrophe', () => {
  for (const input of ['65.0302 450785 0001', "'6503024507850001", '\u00a06503-0245-0785-0001\u00a0', '65.03.02.450785.0001', '6503 0245 0785 0001', '650302\u2013450785\u20130001', '\u2019 6503024507850001']) {
    const r = check(input);
    assert.equal(r.normalized, '6503024507850001', input);
    assert.equal(r.valid, true, input);
    assert.equal(r.input, input);
  }
  assert.equal(normalizeNik(' 65-03 02.45 '), '6503024507850001'.slice(0, 8));
});

test('length, digits and emptiness', () => {
  assert.deepEqual(codes(check('650302450785001')).errors, ['nik.length']);
  assert.match(check('650302450785001').errors[0]!.message.id, /ada 15 angka/);
  assert.deepEqual(codes(check('65030245078500012')).errors, ['nik.length']);
  assert.deepEqual(codes(check('65030245O7850001')).errors, ['nik.not_digits']);
  assert.deepEqual(codes(check('  ')).errors, ['nik.empty']);
  assert.deepEqual(codes(check("'")).errors, ['nik.empty']);
});

test('messages never repeat the NIK or its birth date (they may go into reports and logs)', () => {
  const inputs = ['6503024507850000', '6503994507850001', '6405024507850001', '6503024507851000', '6.50302E+15', '650302450785001'];
  for (const input of inputs)
    for (const lang of ['id', 'en'] as const) {
      const r = localizeNikResult(check(input, { declared: { sex: 'male', birthDate: '1985-07-06', domicileRegionCode: '35.78' } }), lang);
      for (const m of [...r.errors, ...r.warnings].map((i) => i.message)) {
        assert.doesNotMatch(m, /450785|1985|6503024|0001/, `${input}: ${m}`);
      }
    }
});

test('localised results keep the documented key order and one language', () => {
  const r = localizeNikResult(check('6503024507850000'), 'en');
  assert.deepEqual(Object.keys(r), ['input', 'normalized', 'valid', 'sex', 'birthDate', 'regionCode', 'errors', 'warnings']);
  assert.deepEqual(r.errors, [{ code: 'nik.serial_zero', message: 'NIK serial 0000 is never issued; probably damaged by Excel: format the column as Text' }]);
});

test('any RegionCodeLookup will do (the web app may build its own)', () => {
  const tiny: RegionCodeLookup = {
    hasProvince: (c) => c === '65',
    hasRegency: (c) => c === '65.03',
    hasDistrict: (c) => c === '65.03.02',
    former: () => undefined,
  };
  assert.equal(validateNik('6503024507850001', { regions: tiny, today: TODAY }).valid, true);
  assert.deepEqual(codes(validateNik('6503014507850001', { regions: tiny, today: TODAY })).errors, ['nik.region_unknown']);
});
