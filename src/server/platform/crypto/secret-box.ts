// Authenticated encryption (AES-256-GCM) of small secrets under a key derived
// from the master key. Format: v1.<keyId>.<iv>.<ciphertext>.<tag> (base64url).
// Sealing uses the current master key; opening finds the key by the id in the
// sealed text, so secrets sealed before a rotation stay readable while the old key
// is configured (MASTER_KEY_PREVIOUS) and `tuntas keys rotate` re-seals them.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { isKeyProvider, keyRing, type KeyProvider } from './key-provider.ts';
import type { MasterKey } from './master-key.ts';

export class SecretBox {
  private readonly keys: KeyProvider;
  private readonly derived = new Map<string, Buffer>();

  constructor(
    keys: MasterKey | KeyProvider,
    /** Separates uses: a ciphertext of one purpose never decrypts under another. */
    private readonly purpose: string,
  ) {
    this.keys = isKeyProvider(keys) ? keys : keyRing(keys);
  }

  private keyFor(master: MasterKey): Buffer {
    let k = this.derived.get(master.id);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), `tuntas/${this.purpose}`, 32));
      this.derived.set(master.id, k);
    }
    return k;
  }

  seal(plaintext: string): string {
    const master = this.keys.current();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyFor(master), iv);
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', master.id, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, keyId, iv, ct, tag] = sealed.split('.');
    if (version !== 'v1' || !keyId || !iv || !ct || !tag) throw new Error('Not a sealed secret');
    const master = this.keys.byId(keyId);
    if (!master) throw new Error(`Sealed with another master key (${keyId})`);
    const decipher = createDecipheriv('aes-256-gcm', this.keyFor(master), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Whether a sealed secret is under an older master key. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.keys.current().id;
  }
}
