// The row where each NIK of a file first appeared, for "duplicate NIK in this file".
// A million NIKs as string keys of a Map take ~100 MB and ~0.5 s; here a NIK becomes
// an exact number (region × 7.2·10⁹ + DDMMYYSSSS, below 2^53 because the day field
// of a NIK is at most 71) in an open-addressing table: keys in a Float64Array, rows in
// a Uint32Array beside it — 12 bytes a slot, 24 MB for a million (the import process
// must stay under 300 MB; key and row side by side in one Float64Array took 32 MB).
// NIKs whose day field is out of range (already invalid) fall back to a Map.
const EMPTY = 0; // no NIK maps to 0: region codes start at 11

export class NikRows {
  private keys = new Float64Array(1 << 16);
  private rows = new Uint32Array(1 << 16);
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
    if (this.used * 2 >= this.keys.length) this.grow(); // load ≤ 1/2
    const { keys, rows } = this;
    const mask = keys.length - 1;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === EMPTY) {
        keys[i] = key;
        rows[i] = row;
        this.used++;
        return undefined;
      }
      if (k === key) return rows[i];
    }
  }

  private grow(): void {
    const [oldKeys, oldRows] = [this.keys, this.rows];
    const keys = new Float64Array(oldKeys.length * 2);
    const rows = new Uint32Array(oldKeys.length * 2);
    const mask = keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j]!;
      if (key === EMPTY) continue;
      let i = hash(key) & mask;
      while (keys[i] !== EMPTY) i = (i + 1) & mask;
      keys[i] = key;
      rows[i] = oldRows[j]!;
    }
    this.keys = keys;
    this.rows = rows;
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
