// The authenticated ciphers behind every sealed value, chosen by a version byte
// at the start of the sealed bytes so that values sealed earlier stay readable:
//   0x01  AES-256-GCM, 12-byte random IV (node:crypto; what earlier versions sealed)
//   0x02  XChaCha20-Poly1305, 24-byte random nonce (libsodium via sodium-native; sealed now)
// XChaCha20-Poly1305 is what new values get: its 192-bit random nonces never collide
// in practice (AES-GCM's 96-bit IVs limit one key to ~2^32 messages), and libsodium
// seals a small record in ~1.5 µs where createCipheriv takes ~10 µs (an import seals
// two values per row, a million rows at a time). `tuntas keys rotate --reencrypt`
// moves old values to the current version.
// Layout after the caller's header: nonce | ciphertext | tag (16).
import { createDecipheriv } from 'node:crypto';
import sodium from 'sodium-native';
import { fillFromPool } from './random-pool.ts';

export const AEAD_GCM = 0x01;
export const AEAD_XCHACHA = 0x02;
/** The version new values are sealed with. */
export const AEAD_CURRENT = AEAD_XCHACHA;

const GCM_IV = 12;
const NONCE = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
const TAG = 16;

export class AeadError extends Error {
  override name = 'AeadError';
}

/** The bytes a cipher version adds to a plaintext after the caller's header (nonce + tag). */
export function aeadOverhead(version: number): number {
  if (version === AEAD_XCHACHA) return NONCE + TAG;
  if (version === AEAD_GCM) return GCM_IV + TAG;
  throw new AeadError(`unknown ciphertext version ${version}`);
}

/** `header` (whose first byte is the version) + nonce + sealed plaintext, in one buffer. */
export function aeadSeal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, header: Uint8Array): Buffer {
  if (header[0] !== AEAD_XCHACHA) throw new AeadError(`cannot seal with version ${header[0]}`);
  const out = Buffer.allocUnsafe(header.length + NONCE + plaintext.length + TAG);
  out.set(header, 0);
  const nonce = out.subarray(header.length, header.length + NONCE);
  fillFromPool(nonce);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(out.subarray(header.length + NONCE), plaintext, aad, null, nonce, key);
  return out;
}

/** Opens what aeadSeal (or the earlier AES-GCM code) sealed; `start` is where the nonce begins. */
export function aeadOpen(key: Uint8Array, sealed: Uint8Array, start: number, aad: Uint8Array): Buffer {
  const version = sealed[0]!;
  const nonceLength = aeadOverhead(version) - TAG;
  if (sealed.length < start + nonceLength + TAG) throw new AeadError('ciphertext too short');
  const nonce = sealed.subarray(start, start + nonceLength);
  const body = sealed.subarray(start + nonceLength);
  try {
    if (version === AEAD_XCHACHA) {
      const plaintext = Buffer.allocUnsafe(body.length - TAG);
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(plaintext, null, body, aad, nonce, key);
      return plaintext;
    }
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - TAG));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG)), decipher.final()]);
  } catch {
    throw new AeadError('authentication failed (wrong key, wrong record or altered data)');
  }
}
