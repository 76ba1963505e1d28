// Blind indexes: exact lookups (NIK, KK, phone) without a plaintext column.
// index = first `bits` bits of HMAC-SHA256(fieldKey, normalised value), where the
// field keys are derived with HKDF from one random index root key. The root key is
// stored wrapped by the master key (table crypto_key), so rotating the master key
// re-wraps it and every index value stays the same: no re-indexing on rotation.
//
// Truncation (CipherSweet's guidance): an index value must match several records,
// so the index alone never singles a person out; the application decrypts the
// candidates and drops the false positives. See docs/ARCHITECTURE.md for the bit
// lengths and the arithmetic. The bit lengths are stored with the key: changing
// the defaults below never silently changes existing indexes.
import { hkdfSync } from 'node:crypto';
import { normalizeNik } from '../../../common/nik-normalize.ts';
import { HmacSha256 } from './hmac-sha256.ts';

export const BLIND_INDEX_FIELDS = ['nik', 'kk', 'phone'] as const;
export type BlindIndexField = (typeof BLIND_INDEX_FIELDS)[number];
export type BlindIndexBits = Record<BlindIndexField, number>;

/** 17 bits: about 7.6 records per value at the design size of 1,000,000 persons (2 ≤ C ≤ √R from 262,144 rows). */
export const DEFAULT_BLIND_INDEX_BITS: BlindIndexBits = { nik: 17, kk: 17, phone: 17 };

/** Indonesian phone numbers in one form: digits only, +62 / 62 / 8… → 08…. */
export function normalizePhone(input: string): string {
  let d = input.replace(/\D/g, '');
  if (d.startsWith('62')) d = `0${d.slice(2)}`;
  else if (d.startsWith('8')) d = `0${d}`;
  return d;
}

/** The normalised value a field is indexed (and compared) by. */
export function normalizeForIndex(field: BlindIndexField, value: string): string {
  if (field !== 'phone' && /^\d+$/.test(value)) return value; // the common case, without the regex passes
  switch (field) {
    case 'nik':
    case 'kk':
      return normalizeNik(value);
    case 'phone':
      return normalizePhone(value);
  }
}

/** Bytes of a NIK match token: collisions among 10^9 NIKs stay below 10^-20. */
export const MATCH_TOKEN_BYTES = 16;

export class BlindIndexer {
  private readonly keys: Record<BlindIndexField, HmacSha256>;
  private readonly matchKey: HmacSha256;
  private readonly blockingKey: HmacSha256;

  constructor(
    rootKey: Buffer,
    readonly bits: BlindIndexBits,
  ) {
    for (const f of BLIND_INDEX_FIELDS)
      if (!Number.isInteger(bits[f]) || bits[f] < 1 || bits[f] > 31) throw new Error(`blind index bits for ${f} must be 1–31`);
    const derive = (info: string) => new HmacSha256(new Uint8Array(hkdfSync('sha256', rootKey, Buffer.alloc(0), info, 32)));
    this.keys = Object.fromEntries(BLIND_INDEX_FIELDS.map((f) => [f, derive(`tuntas/blind-index/${f}`)])) as Record<BlindIndexField, HmacSha256>;
    this.matchKey = derive('tuntas/match/nik');
    this.blockingKey = derive('tuntas/dedup/blocking');
  }

  /**
   * A deduplication blocking key (e.g. "name key + birth year") as a blind index: the
   * first 32 bits of its HMAC, as a signed integer for an `integer[]` column. A
   * collision only adds a candidate pair that scoring then rejects.
   */
  blockKey(key: string): number {
    return this.blockingKey.digest(key).readInt32BE(0);
  }

  /**
   * The NIK's match token: a full-length (128-bit) keyed HMAC, so equal NIKs — and only
   * equal NIKs — share it. It serves registry-wide exact matching (deduplication, one
   * entitlement per NIK) without decryption; see docs/ARCHITECTURE.md for why it sits
   * beside the truncated lookup index.
   */
  matchToken(nik: string | null | undefined): Buffer | null {
    if (nik === null || nik === undefined) return null;
    const normalized = normalizeForIndex('nik', nik);
    if (!normalized) return null;
    return this.matchKey.digest(normalized).subarray(0, MATCH_TOKEN_BYTES);
  }

  /** The index of a value (normalised here), a non-negative integer below 2^bits; null for an empty value. */
  index(field: BlindIndexField, value: string | null | undefined): number | null {
    if (value === null || value === undefined) return null;
    const normalized = normalizeForIndex(field, value);
    if (!normalized) return null;
    return this.keys[field].digest(normalized).readUInt32BE(0) >>> (32 - this.bits[field]);
  }
}
