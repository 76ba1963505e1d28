// Random bytes for IVs and data keys, drawn from a refilled pool: one
// randomFillSync per 64 KiB instead of one system call per record (an import
// seals a million records). The bytes come from the same CSPRNG.
import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 64 * 1024;
let pool = Buffer.allocUnsafe(0);
let offset = 0;

/** `n` fresh random bytes (a copy: callers may keep it). */
export function randomFromPool(n: number): Buffer {
  if (n > POOL_SIZE) return randomFillSync(Buffer.allocUnsafe(n));
  if (offset + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_SIZE));
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + n));
  // Never hand out the same bytes twice.
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
