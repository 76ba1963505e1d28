// The row where each NIK of a file first appeared, for "duplicate NIK in this file".
// A million NIKs as string keys of a Map take ~100 MB and ~0.5 s; here a NIK becomes
// an exact number (region × 7.2·10⁹ + DDMMYYSSSS, below 2^53 because the day field
// of a NIK is at most 71) in an open-addressing table of one Float64Array, key and
// row side by side (one cache miss a lookup): 16 bytes a slot, 32 MB for a million.
// NIKs whose day field is out of range (already invalid) fall back to a Map.
const EMPTY = 0; // no NIK maps to 0: region codes start at 11

export class NikRows {
  /** Slot i: key at 2i, row at 2i + 1. */
  private slots = new Float64Array(2 << 16);
  private used = 0;
  private readonly odd = new Map<string, number>();

  /** Records `row` for a normalised 16-digit NIK; returns the earlier row when the NIK was seen before. */
  firstRow(nik: string, row: number): number | undefined {
    const day = (nik.charCodeAt(6) - 48) * 10 + (nik.charCodeAt(7) - 48);
    if (day > 71) {
      const earlier = this.odd.get(nik);
      if (earlier === undefined) this.odd.set(nik, row);
      return earlier;
    }
    let region = 0;
    for (let i = 0; i < 6; i++) region = region * 10 + (nik.charCodeAt(i) - 48);
    let rest = 0;
    for (let i = 6; i < 16; i++) rest = rest * 10 + (nik.charCodeAt(i) - 48);
    const key = region * 7.2e9 + rest;
    if (this.used * 4 >= this.slots.length) this.grow(); // load ≤ 1/2
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i]!;
      if (k === EMPTY) {
        slots[2 * i] = key;
        slots[2 * i + 1] = row;
        this.used++;
        return undefined;
      }
      if (k === key) return slots[2 * i + 1];
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2);
    const mask = (slots.length >>> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const key = old[j]!;
      if (key === EMPTY) continue;
      let i = hash(key) & mask;
      while (slots[2 * i] !== EMPTY) i = (i + 1) & mask;
      slots[2 * i] = key;
      slots[2 * i + 1] = old[j + 1]!;
    }
    this.slots = slots;
  }
}

function hash(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
