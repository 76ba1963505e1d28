import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberInWords, terbilang } from './terbilang.ts';

test('the package amounts in words', () => {
  assert.equal(terbilang(5_500_000), 'lima juta lima ratus ribu rupiah');
  assert.equal(terbilang(3_000_000), 'tiga juta rupiah');
  assert.equal(terbilang(2_250_000), 'dua juta dua ratus lima puluh ribu rupiah');
  assert.equal(terbilang(250_000), 'dua ratus lima puluh ribu rupiah');
});

test('the "se-" forms: seratus, seribu, sepuluh, sebelas; but satu juta', () => {
  const cases: [number, string][] = [
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [1111, 'seribu seratus sebelas'],
    [2000, 'dua ribu'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [1_000_001, 'satu juta satu'],
    [10_000_000, 'sepuluh juta'],
    [1_000_000_000, 'satu miliar'],
    [2_500_000_000, 'dua miliar lima ratus juta'],
    [1_000_000_000_000, 'satu triliun'],
    [7_123_456_789_012, 'tujuh triliun seratus dua puluh tiga miliar empat ratus lima puluh enam juta tujuh ratus delapan puluh sembilan ribu dua belas'],
  ];
  for (const [n, words] of cases) assert.equal(numberInWords(n), words, String(n));
});

test('zero, bigint, negative and the limits', () => {
  assert.equal(terbilang(0), 'nol rupiah');
  assert.equal(terbilang(5_500_000n), 'lima juta lima ratus ribu rupiah');
  assert.equal(numberInWords(-1500), 'minus seribu lima ratus');
  assert.equal(numberInWords(1_000_000_000_000_000n), 'satu kuadriliun');
  assert.throws(() => numberInWords(10n ** 18n), RangeError);
  assert.throws(() => terbilang(1.5), RangeError);
  assert.throws(() => terbilang(Number.MAX_SAFE_INTEGER + 2), RangeError);
});

test('no double spaces and lower case throughout', () => {
  for (let n = 0; n < 20_000; n += 37) {
    const w = terbilang(n * 1013);
    assert.doesNotMatch(w, /\s{2}|^\s|\s$/);
    assert.equal(w, w.toLowerCase());
    assert.doesNotMatch(w, /(^|juta |miliar |triliun )satu ribu|satu (ratus|puluh|belas)/, `${n * 1013}: ${w}`);
  }
});
