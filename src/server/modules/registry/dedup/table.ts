// The records being matched, packed column by column into typed arrays over
// SharedArrayBuffers, so the scoring workers read them in place. (Each worker used to
// receive a structured-clone copy of every prepared record: seconds of copying and
// over a gigabyte at a million persons.) A few dozen bytes a person.
import type { Prepared } from './record.ts';

/** Letters of a name kept for comparison; no real name comes near. */
const MAX_NAME = 120;

export interface Table {
  size: number;
  /**
   * The names' canonical letters one after another: record r's name is text[start[r]]
   * up to text[start[r + 1]]. Each token begins with an upper-case letter
   * ("SitiNurHaliza"), so the tokens can be told apart and the joined form is the
   * same letters compared without case.
   */
  text: Uint8Array;
  start: Uint32Array;
  /** yyyymmdd; 0 when unknown. */
  birth: Uint32Array;
  /** 0 unknown, 1 female, 2 male. */
  sex: Uint8Array;
  /** A valid NIK as two 8-digit numbers at 2r and 2r + 1; 0 when none. */
  nik: Uint32Array;
  /** The region code's digits (6503 for 65.03); 0 when unknown. */
  region: Uint16Array;
  /** The phone's last 15 digits after a 1 (so leading zeros count), as a number; 0 when none. */
  phone: Float64Array;
  /**
   * How many persons of the set are expected to bear this name by chance: the set's
   * size times the frequency of each of its tokens (Splink's term frequencies, per
   * token, so the duplicates of one person hardly raise their own name's count).
   */
  common: Float32Array;
}

function shared<T>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T {
  return new Type(new SharedArrayBuffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT));
}

const UPPER = 32; // 'a' - 'A'

/** Packs `n` prepared records, asked for one at a time so that they need not all be held. */
export function pack(n: number, preparedAt: (index: number) => Prepared): Table {
  const [start, birth, sex, nik, region, phone, common] = [
    shared(Uint32Array, n + 1),
    shared(Uint32Array, n),
    shared(Uint8Array, n),
    shared(Uint32Array, 2 * n),
    shared(Uint16Array, n),
    shared(Float64Array, n),
    shared(Float32Array, n),
  ] as const;
  let letters = new Uint8Array(Math.max(MAX_NAME, n * 24)); // grows; copied into shared memory at the end
  // Each record's distinct tokens as ids, counted for the frequencies.
  const vocabulary = new Map<string, number>();
  const counts: number[] = [];
  const ids: number[] = [];
  const firstId = new Uint32Array(n + 1);
  let at = 0;
  for (let r = 0; r < n; r++) {
    const p = preparedAt(r);
    if (at + MAX_NAME > letters.length) {
      const bigger = new Uint8Array(letters.length * 2);
      bigger.set(letters);
      letters = bigger;
    }
    start[r] = at;
    const end = at + MAX_NAME;
    firstId[r] = ids.length;
    for (const token of p.tokens) {
      for (let k = 0; k < token.length && at < end; k++) letters[at++] = token.charCodeAt(k) - (k === 0 ? UPPER : 0);
      let id = vocabulary.get(token);
      if (id === undefined) vocabulary.set(token, (id = counts.push(0) - 1));
      if (!ids.includes(id, firstId[r])) ids.push(id);
    }
    if (p.birth) birth[r] = p.birth[0] * 10000 + p.birth[1] * 100 + p.birth[2];
    sex[r] = p.sex === 'female' ? 1 : p.sex === 'male' ? 2 : 0;
    if (p.nik) {
      nik[2 * r] = Number(p.nik.slice(0, 8));
      nik[2 * r + 1] = Number(p.nik.slice(8));
    }
    if (p.region) region[r] = Number(p.region.replace(/\D/g, '').slice(0, 4));
    if (p.phone) phone[r] = Number(`1${p.phone.slice(-15)}`);
  }
  start[n] = at;
  firstId[n] = ids.length;
  const text = shared(Uint8Array, at);
  text.set(letters.subarray(0, at));
  for (const id of ids) counts[id]!++;
  for (let r = 0; r < n; r++) {
    let expected = n;
    for (let k = firstId[r]!; k < firstId[r + 1]!; k++) expected *= counts[ids[k]!]! / n;
    common[r] = expected;
  }
  return { size: n, text, start, birth, sex, nik, region, phone, common };
}
