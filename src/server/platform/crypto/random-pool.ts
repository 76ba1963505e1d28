// Random bytes for nonces and data keys, drawn from a refilled pool: one
// randomFillSync per 64 KiB instead of one system call per record (an import
// seals a million records). The bytes come from the same CSPRNG.
import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 64 * 1024;
let pool = Buffer.allocUnsafe(0);
let offset = 0;

/** Fills `target` with fresh random bytes. */
export function fillFromPool(target: Uint8Array): void {
  const n = target.length;
  if (n > POOL_SIZE) {
    randomFillSync(target);
    return;
  }
  if (offset + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_SIZE));
    offset = 0;
  }
  target.set(pool.subarray(offset, offset + n));
  // Never hand out the same bytes twice.
  pool.fill(0, offset, offset + n);
  offset += n;
}

/** `n` fresh random bytes (a copy: callers may keep it). */
export function randomFromPool(n: number): Buffer {
  const out = Buffer.allocUnsafe(n);
  fillFromPool(out);
  return out;
}
