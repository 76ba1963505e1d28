// The fast paths added for imports (a million rows) give exactly what the general
// code gives: dates in the two common forms, and ISO date formatting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoDate, parseGeneralForm, parseIndonesianDate } from './dates-id.ts';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('DD/MM/YYYY and Excel serials: the fast path equals the general parser', () => {
  const inputs: string[] = [];
  for (const sep of ['/', '-', '.'])
    for (const year of ['1900', '1999', '2000', '2019', '2020', '1799', '2200', '0000'])
      for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day += 1) inputs.push(`${String(day).padStart(2, '0')}${sep}${String(month).padStart(2, '0')}${sep}${year}`);
  for (let n = 0; n <= 100_000; n += n < 3000 ? 1 : 97) inputs.push(String(n));
  inputs.push('1799', '1800', '2199', '2200', '0060', '60', '0', '00000', '1234567', '9999999', '2958465', '2958466');
  // Strings of the same lengths that are not those forms.
  const rnd = mulberry32(5);
  const alphabet = '0123456789/-. aE,';
  for (let i = 0; i < 50_000; i++) {
    const length = rnd() < 0.5 ? 10 : 1 + Math.floor(rnd() * 7);
    let s = '';
    for (let k = 0; k < length; k++) s += alphabet[Math.floor(rnd() * (rnd() < 0.8 ? 10 : alphabet.length))];
    inputs.push(s);
  }
  for (const s of ['18/05-2018', '18/05/18  ', '1a/05/2018', '18/0b/2018', '18/05/201x', '18:05:2018']) inputs.push(s);
  for (const text of inputs) assert.deepEqual(parseIndonesianDate(text), parseGeneralForm(text), text);
});

test('"18 Mei 2018": the fast path equals the general parser', () => {
  const inputs: string[] = [];
  const names = ['Jan', 'januari', 'MEI', 'May', 'Agt', 'agustus', 'Peb', 'Nopember', 'Des', 'Sept', 'Mai', 'Jumat', 'x', 'Mei.', 'Mé'];
  for (const name of names)
    for (const year of ['1799', '1800', '1985', '2019', '2020', '2200', '85', '19850'])
      for (const day of ['0', '1', '01', '9', '29', '30', '31', '32', '001', 'a'])
        for (const space of [' ', '  ', '-', '\t']) inputs.push(`${day}${space}${name}${space}${year}`);
  inputs.push('18 Mei 2018', '1 Jan 1900', '29 Peb 2020', '29 Peb 2019', ' 8 Mei 2018', '8 Mei 2018 ', 'Jumat 18 Mei 2018', '18 Mei, 2018');
  for (const text of inputs) assert.deepEqual(parseIndonesianDate(text), parseGeneralForm(text), text);
});

test('isoDate formats as before (padStart) for every year', () => {
  const reference = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  for (let year = 0; year <= 9999; year += year < 1100 ? 1 : 7)
    for (const [m, d] of [[1, 1], [2, 28], [9, 9], [10, 10], [12, 31]] as const) assert.equal(isoDate(year, m, d), reference(year, m, d));
  assert.equal(isoDate(2019, 2, 29), undefined);
});
