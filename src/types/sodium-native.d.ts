// The few sodium-native (v5) functions Tuntas calls, typed as v5 has them
// (@types/sodium-native describes v4, whose hash API differs).
declare module 'sodium-native' {
  type Bytes = Uint8Array;
  const sodium: {
    readonly crypto_aead_xchacha20poly1305_ietf_KEYBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_NPUBBYTES: number;
    readonly crypto_aead_xchacha20poly1305_ietf_ABYTES: number;
    /** Writes ciphertext and tag into `c` (m.length + ABYTES bytes); returns the bytes written. */
    crypto_aead_xchacha20poly1305_ietf_encrypt(c: Bytes, m: Bytes, ad: Bytes | null, nsec: null, npub: Bytes, k: Bytes): number;
    /** Throws when the tag does not verify. */
    crypto_aead_xchacha20poly1305_ietf_decrypt(m: Bytes, nsec: null, c: Bytes, ad: Bytes | null, npub: Bytes, k: Bytes): number;
    readonly crypto_hash_sha256_STATEBYTES: number;
    readonly crypto_hash_sha256_BYTES: number;
    crypto_hash_sha256(out: Bytes, input: Bytes): void;
    crypto_hash_sha256_init(state: Bytes): void;
    crypto_hash_sha256_update(state: Bytes, input: Bytes): void;
    crypto_hash_sha256_final(state: Bytes, out: Bytes): void;
    sodium_memzero(buf: Bytes): void;
  };
  export default sodium;
}
