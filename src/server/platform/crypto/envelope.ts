// Envelope encryption: every record has its own data key (DEK, 32 random bytes)
// that encrypts the record's fields with XChaCha20-Poly1305; the DEK is stored
// wrapped (XChaCha20-Poly1305) under a key-encryption key derived from the master
// key, with the master key's id inside the wrapped bytes. Both layers bind an AAD
// naming the record (its case code), so neither a ciphertext nor a wrapped key can
// be moved to another record: opening it there fails authentication.
//
// Formats (bytea); the first byte is the cipher version (aead.ts: 0x02 XChaCha20-
// Poly1305 with a 24-byte nonce; 0x01 AES-256-GCM with a 12-byte IV, still opened):
//   wrapped key: version | len(keyId) | keyId (ASCII) | nonce | ciphertext | tag (16)
//   ciphertext:  version | nonce | ciphertext | tag (16)   (its key is the record's DEK)
//
// Everything here is synchronous and pure over key bytes, so batches can later be
// spread over worker threads (pass the derived keys, not the provider).
import { hkdfSync } from 'node:crypto';
import { AEAD_CURRENT, AEAD_GCM, AEAD_XCHACHA, aeadOpen, aeadSeal } from './aead.ts';
import type { KeyProvider } from './key-provider.ts';
import type { MasterKey } from './master-key.ts';
import { randomFromPool } from './random-pool.ts';

export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
}

function open(key: Buffer, sealed: Buffer, start: number, aad: string): Buffer {
  try {
    return aeadOpen(key, sealed, start, Buffer.from(aad, 'utf8'));
  } catch (err) {
    throw new EnvelopeError((err as Error).message);
  }
}

function assertVersion(sealed: Buffer, what: string): void {
  if (sealed[0] !== AEAD_XCHACHA && sealed[0] !== AEAD_GCM) throw new EnvelopeError(`unknown ${what} version ${sealed[0]}`);
}

/** The AAD binding a record's ciphertext and wrapped data key to it: `ref` is the module's reference function's value. */
export const recordAad = (ref: string) => `tuntas/record/${ref}`;

/** A fresh 32-byte data key. */
export function newDataKey(): Buffer {
  return randomFromPool(32);
}

/** Encrypts with a record's data key; `aad` names the record. */
export function sealWithDataKey(dek: Buffer, plaintext: Buffer, aad: string): Buffer {
  return aeadSeal(dek, plaintext, Buffer.from(aad, 'utf8'), Buffer.of(AEAD_CURRENT));
}

export function openWithDataKey(dek: Buffer, sealed: Buffer, aad: string): Buffer {
  assertVersion(sealed, 'ciphertext');
  return open(dek, sealed, 1, aad);
}

/** The master key id stored in a wrapped key. */
export function wrappedKeyId(wrapped: Buffer): string {
  assertVersion(wrapped, 'wrapped-key');
  const len = wrapped[1]!;
  return wrapped.subarray(2, 2 + len).toString('ascii');
}

/** Wraps and unwraps data keys under the provider's master keys. */
export class KeyWrapper {
  private readonly keks = new Map<string, Buffer>();

  constructor(readonly keys: KeyProvider) {}

  private kek(master: MasterKey): Buffer {
    let k = this.keks.get(master.id);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'tuntas/key-wrap', 32));
      this.keks.set(master.id, k);
    }
    return k;
  }

  get currentKeyId(): string {
    return this.keys.current().id;
  }

  /** The current key-encryption key and its master key id: what a worker thread needs to wrap (never the master key). */
  currentKek(): { keyId: string; kek: Buffer } {
    const master = this.keys.current();
    return { keyId: master.id, kek: Buffer.from(this.kek(master)) };
  }

  /** A wrapper holding only one derived key-encryption key (worker threads): it wraps and unwraps under that key alone. */
  static fromKek(keyId: string, kek: Buffer): KeyWrapper {
    const master = { id: keyId, key: Buffer.alloc(0) };
    const wrapper = new KeyWrapper({ current: () => master, byId: (id) => (id === keyId ? master : undefined), ids: () => [keyId] });
    wrapper.keks.set(keyId, Buffer.from(kek));
    return wrapper;
  }

  wrap(dataKey: Buffer, aad: string): { wrapped: Buffer; keyId: string } {
    const master = this.keys.current();
    const id = Buffer.from(master.id, 'ascii');
    const header = Buffer.concat([Buffer.of(AEAD_CURRENT, id.length), id]);
    return { wrapped: aeadSeal(this.kek(master), dataKey, Buffer.from(aad, 'utf8'), header), keyId: master.id };
  }

  unwrap(wrapped: Buffer, aad: string): Buffer {
    const keyId = wrappedKeyId(wrapped);
    const master = this.keys.byId(keyId);
    if (!master) throw new EnvelopeError(`wrapped under master key ${keyId}, which is not configured (set MASTER_KEY_PREVIOUS)`);
    return open(this.kek(master), wrapped, 2 + wrapped[1]!, aad);
  }

  /** Same data key, wrapped under the current master key. */
  rewrap(wrapped: Buffer, aad: string): { wrapped: Buffer; keyId: string } {
    return this.wrap(this.unwrap(wrapped, aad), aad);
  }
}

/** A record's encrypted fields: ciphertext, wrapped data key and the master key id. */
export interface SealedRecord {
  ciphertext: Buffer;
  wrappedKey: Buffer;
  keyId: string;
}

/** JSON objects in, sealed records out (and back); `ref` names the record (its AAD). */
export class RecordSealer {
  constructor(readonly wrapper: KeyWrapper) {}

  seal(ref: string, value: unknown): SealedRecord {
    const dek = newDataKey();
    const aad = recordAad(ref);
    const ciphertext = sealWithDataKey(dek, Buffer.from(JSON.stringify(value), 'utf8'), aad);
    const { wrapped, keyId } = this.wrapper.wrap(dek, aad);
    dek.fill(0);
    return { ciphertext, wrappedKey: wrapped, keyId };
  }

  open<T = unknown>(ref: string, sealed: Pick<SealedRecord, 'ciphertext' | 'wrappedKey'>): T {
    const aad = recordAad(ref);
    const dek = this.wrapper.unwrap(sealed.wrappedKey, aad);
    try {
      return JSON.parse(openWithDataKey(dek, sealed.ciphertext, aad).toString('utf8')) as T;
    } finally {
      dek.fill(0);
    }
  }

  /** The same DEK wrapped under the current master key (ciphertext unchanged). */
  rewrap(ref: string, wrappedKey: Buffer): { wrappedKey: Buffer; keyId: string } {
    const { wrapped, keyId } = this.wrapper.rewrap(wrappedKey, recordAad(ref));
    return { wrappedKey: wrapped, keyId };
  }

  /** A fresh DEK and ciphertext under the current master key (the plaintext bytes unchanged). */
  reencrypt(ref: string, sealed: Pick<SealedRecord, 'ciphertext' | 'wrappedKey'>): SealedRecord {
    const aad = recordAad(ref);
    const fresh = reencryptEnvelope(this.wrapper, aad, sealed.wrappedKey, [{ ciphertext: sealed.ciphertext, aad }]);
    return { ciphertext: fresh.ciphertexts[0]!, wrappedKey: fresh.wrappedKey, keyId: fresh.keyId };
  }
}

/**
 * A fresh data key for one record: every ciphertext opened with the old data key and
 * sealed again with the new one (each under its own AAD), the new key wrapped under the
 * current master key with `aad`. Plaintexts and data keys are wiped from memory after use.
 */
export function reencryptEnvelope(
  wrapper: KeyWrapper,
  aad: string,
  wrappedKey: Buffer,
  ciphertexts: readonly { ciphertext: Buffer; aad: string }[],
): { wrappedKey: Buffer; keyId: string; ciphertexts: Buffer[] } {
  const old = wrapper.unwrap(wrappedKey, aad);
  const dek = newDataKey();
  try {
    const sealed = ciphertexts.map((c) => {
      const plaintext = openWithDataKey(old, c.ciphertext, c.aad);
      try {
        return sealWithDataKey(dek, plaintext, c.aad);
      } finally {
        plaintext.fill(0);
      }
    });
    const { wrapped, keyId } = wrapper.wrap(dek, aad);
    return { wrappedKey: wrapped, keyId, ciphertexts: sealed };
  } finally {
    old.fill(0);
    dek.fill(0);
  }
}
