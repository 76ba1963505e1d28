// Amounts in words in Bahasa Indonesia ("terbilang"), as written on receipts
// (kwitansi): 5500000 → "lima juta lima ratus ribu rupiah". Whole rupiah only.

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
// Groups of three digits, from the smallest; "se-" forms for 1 are handled below.
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'];

/** 0–999 in words, without the "se-" contraction of 1000 (the caller handles "seribu"). */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(DIGITS[hundreds]!, 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(DIGITS[rest]!);
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(DIGITS[rest - 10]!, 'belas');
  else {
    words.push(DIGITS[Math.floor(rest / 10)]!, 'puluh');
    if (rest % 10) words.push(DIGITS[rest % 10]!);
  }
  return words;
}

/** The number in words: 1000 → "seribu", 0 → "nol", 2_000_000_000 → "dua miliar". */
export function numberInWords(value: number | bigint): string {
  let n = BigInt(value);
  if (n < 0n) return `minus ${numberInWords(-n)}`;
  if (n === 0n) return 'nol';
  const groups: number[] = [];
  while (n > 0n) {
    groups.push(Number(n % 1000n));
    n /= 1000n;
  }
  if (groups.length > SCALES.length) throw new RangeError('numberInWords: the amount is too large');
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    // Only the thousands contract: "seribu", but "satu juta", "satu miliar".
    if (i === 1 && group === 1) words.push('seribu');
    else words.push(...belowThousand(group), ...(SCALES[i] ? [SCALES[i]!] : []));
  }
  return words.join(' ');
}

/** Whole rupiah in words: 5500000 → "lima juta lima ratus ribu rupiah". */
export function terbilang(amount: number | bigint): string {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) throw new RangeError(`terbilang expects whole rupiah, got ${amount}`);
  return `${numberInWords(amount)} rupiah`;
}
