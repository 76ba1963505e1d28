import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excelSerialToDate, parseIndonesianDate } from './dates-id.ts';

const ok = (text: string, date: string) => assert.deepEqual(parseIndonesianDate(text), { ok: true, date }, text);
const err = (text: string, code: string) => {
  const r = parseIndonesianDate(text);
  assert.equal(r.ok, false, `${text} parsed as ${JSON.stringify(r)}`);
  if (!r.ok) {
    assert.equal(r.error.code, code, text);
    assert.ok(r.error.message.id && r.error.message.en);
  }
};

test('numeric dates are day first with / - or . as separator', () => {
  ok('18/05/2018', '2018-05-18');
  ok('18-05-2018', '2018-05-18');
  ok('18.05.2018', '2018-05-18');
  ok('8/5/2018', '2018-05-08');
  ok(' 18/05/2018 ', '2018-05-18');
  ok('05/06/2018', '2018-06-05'); // Indonesian order, never US
  err('18/05-2018', 'date.unrecognized'); // mixed separators
});

test('ISO dates, with or without a time part', () => {
  ok('2018-05-18', '2018-05-18');
  ok('2018/5/18', '2018-05-18');
  ok('2018-05-18 00:00:00', '2018-05-18');
  ok('2018-05-18T00:00:00.000Z', '2018-05-18');
  err('2018-02-30', 'date.invalid');
});

test('month names in Indonesian and English, full and abbreviated', () => {
  ok('18 Mei 2018', '2018-05-18');
  ok('18 mei 2018', '2018-05-18');
  ok('18 May 2018', '2018-05-18');
  ok('18-Mei-2018', '2018-05-18');
  ok('Jumat, 18 Mei 2018', '2018-05-18');
  ok('May 18, 2018', '2018-05-18');
  const cases: [string, number][] = [
    ['Jan', 1], ['Januari', 1], ['January', 1], ['Feb', 2], ['Februari', 2], ['Pebruari', 2], ['Mar', 3], ['Maret', 3], ['March', 3],
    ['Apr', 4], ['April', 4], ['Mei', 5], ['May', 5], ['Jun', 6], ['Juni', 6], ['June', 6], ['Jul', 7], ['Juli', 7], ['July', 7],
    ['Agu', 8], ['Agt', 8], ['Agt.', 8], ['Agustus', 8], ['Aug', 8], ['August', 8], ['Sep', 9], ['Sept', 9], ['September', 9],
    ['Okt', 10], ['Oktober', 10], ['Oct', 10], ['October', 10], ['Nov', 11], ['Nop', 11], ['Nopember', 11], ['November', 11],
    ['Des', 12], ['Desember', 12], ['Dec', 12], ['December', 12], ['DES', 12],
  ];
  for (const [name, month] of cases) ok(`1 ${name} 2020`, `2020-${String(month).padStart(2, '0')}-01`);
  err('18 Mai 2018', 'date.unknown_month');
  err('31 Juni 2018', 'date.invalid');
});

test('two-digit years are refused (the century would be a guess), with their own code', () => {
  err('18/05/18', 'date.two_digit_year');
  err('18 Mei 18', 'date.two_digit_year');
  err('18-May-18', 'date.two_digit_year');
  err('18/05/018', 'date.unrecognized');
});

test('29 February only in leap years; impossible days are refused', () => {
  ok('29/02/2020', '2020-02-29');
  ok('29/02/2000', '2000-02-29');
  err('29/02/2019', 'date.invalid');
  err('29/02/1900', 'date.invalid');
  err('32/01/2018', 'date.invalid');
  err('00/01/2018', 'date.invalid');
});

test('Excel serial dates (1900 system, with the Lotus 1-2-3 leap-year bug)', () => {
  ok('43238', '2018-05-18');
  ok('43238.75', '2018-05-18'); // a time of day
  ok('1', '1900-01-01');
  ok('59', '1900-02-28');
  err('60', 'date.excel_1900_02_29'); // the 29 February 1900 that never was
  ok('61', '1900-03-01');
  ok('36526', '2000-01-01');
});

test('Excel serial edge cases', () => {
  assert.deepEqual(excelSerialToDate(45658), { ok: true, date: '2025-01-01' });
  err('0', 'date.unrecognized');
  err('2958465', 'date.year_out_of_range'); // 9999-12-31, far outside what Tuntas records
});

test('other specific refusals', () => {
  err('', 'date.empty');
  err('   ', 'date.empty');
  err('1985', 'date.year_only');
  err('18/05', 'date.no_year');
  err('18 Mei', 'date.no_year');
  err('5/18/2018', 'date.month_first');
  err('12/31/2018', 'date.month_first');
  err('18/13/2018', 'date.invalid'); // month 13, and 13/18 is not a date either
  err('18/05/1700', 'date.year_out_of_range');
  err('kemarin', 'date.unrecognized');
});
