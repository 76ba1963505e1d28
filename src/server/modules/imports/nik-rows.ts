// The row where each NIK of a file first appeared, for "duplicate NIK in this file".
// A million NIKs as string keys of a Map take ~100 MB and ~0.5 s; here a NIK becomes
// two exact integers — high: its region and birth day (RRRRRRDD, below 10^8), low:
// the rest (MMYYSSSS, below 10^8) — in an open-addressing table of 12-byte slots
// (high, low, row) side by side in one Uint32Array: 24 MB for a million NIKs (the
// import process must stay under 300 MB), and one probe reads one cache line, where
// keys and rows in two arrays cost two cache misses per NIK (a third of validation).
const EMPTY = 0; // stored highs are high + 1, so even a NIK of zeros (invalid, still compared) is never empty
const STRIDE = 3;

export class NikRows {
  private slots = new Uint32Array((1 << 16) * STRIDE);
  private capacity = 1 << 16;
  private used = 0;

  /** Records `row` for a normalised 16-digit NIK; returns the earlier row when the NIK was seen before. */
  firstRow(nik: string, row: number): number | undefined {
    let high = 1; // + 1, below
    for (let i = 0; i < 8; i++) high = high * 10 + (nik.charCodeAt(i) - 48);
    high -= 99_999_999; // the leading 1 (10^8) gone, plus one: RRRRRRDD + 1
    let low = 0;
    for (let i = 8; i < 16; i++) low = low * 10 + (nik.charCodeAt(i) - 48);
    if (this.used * 2 >= this.capacity) this.grow(); // load ≤ 1/2
    const slots = this.slots;
    const mask = this.capacity - 1;
    for (let i = hash(high, low) & mask; ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      const h = slots[at]!;
      if (h === EMPTY) {
        slots[at] = high;
        slots[at + 1] = low;
        slots[at + 2] = row;
        this.used++;
        return undefined;
      }
      if (h === high && slots[at + 1] === low) return slots[at + 2];
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    const slots = new Uint32Array(this.capacity * STRIDE);
    const mask = this.capacity - 1;
    for (let j = 0; j < old.length; j += STRIDE) {
      const high = old[j]!;
      if (high === EMPTY) continue;
      const low = old[j + 1]!;
      let i = hash(high, low) & mask;
      while (slots[i * STRIDE] !== EMPTY) i = (i + 1) & mask;
      slots[i * STRIDE] = high;
      slots[i * STRIDE + 1] = low;
      slots[i * STRIDE + 2] = old[j + 2]!;
    }
    this.slots = slots;
  }
}

function hash(high: number, low: number): number {
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
