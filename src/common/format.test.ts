import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateLong, formatDateMedium, formatDateShort, formatNumber, formatRupiah } from './format.ts';

test('formatRupiah writes whole rupiah with Indonesian grouping', () => {
  assert.equal(formatRupiah(1_500_000), 'Rp 1.500.000');
  assert.equal(formatRupiah(5_500_000), 'Rp 5.500.000');
  assert.equal(formatRupiah(0), 'Rp 0');
  assert.equal(formatRupiah(250), 'Rp 250');
});

test('formatRupiah puts the minus sign before Rp', () => {
  assert.equal(formatRupiah(-1_500_000), '-Rp 1.500.000');
});

test('formatRupiah accepts bigint beyond Number precision', () => {
  assert.equal(formatRupiah(1_500_000n), 'Rp 1.500.000');
  assert.equal(formatRupiah(-100_000_000_000n), '-Rp 100.000.000.000');
  assert.equal(formatRupiah(12_345_678_901_234_567_890n), 'Rp 12.345.678.901.234.567.890');
});

test('formatRupiah refuses fractions of a rupiah', () => {
  assert.throws(() => formatRupiah(1.5), RangeError);
  assert.throws(() => formatRupiah(Number.NaN), RangeError);
});

test('formatNumber groups with dots and uses a decimal comma', () => {
  assert.equal(formatNumber(7285), '7.285');
  assert.equal(formatNumber(83_762), '83.762');
  assert.equal(formatNumber(1234.5), '1.234,5');
  assert.equal(formatNumber(-40_000), '-40.000');
  assert.equal(formatNumber(7285n), '7.285');
});

test('formatDateLong names the weekday in Indonesian and English', () => {
  assert.equal(formatDateLong('2018-05-18'), 'Jumat, 18 Mei 2018');
  assert.equal(formatDateLong('2018-05-18', 'id'), 'Jumat, 18 Mei 2018');
  assert.equal(formatDateLong('2018-05-18', 'en'), 'Friday, 18 May 2018');
  assert.equal(formatDateLong('2019-01-10', 'id'), 'Kamis, 10 Januari 2019');
});

test('formatDateMedium and formatDateShort', () => {
  assert.equal(formatDateMedium('2018-05-18'), '18 Mei 2018');
  assert.equal(formatDateMedium('2018-12-28', 'en'), '28 December 2018');
  assert.equal(formatDateShort('2018-05-18'), '18/05/2018');
  assert.equal(formatDateShort('2018-05-18', 'en'), '18/05/2018');
});

test('YYYY-MM-DD dates do not shift with the time zone', () => {
  // The first and last day of a year are where a UTC/local mix-up shows.
  assert.equal(formatDateShort('2018-01-01'), '01/01/2018');
  assert.equal(formatDateShort('2018-12-31'), '31/12/2018');
  assert.equal(formatDateLong(new Date(Date.UTC(2018, 4, 18))), 'Jumat, 18 Mei 2018');
});

test('invalid dates are rejected', () => {
  assert.throws(() => formatDateLong('18-05-2018'), RangeError);
  assert.throws(() => formatDateLong('2018-02-30'), RangeError);
});
