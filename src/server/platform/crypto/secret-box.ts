// Authenticated encryption (AES-256-GCM) of small secrets under a key derived
// from the master key. Format: v1.<keyId>.<iv>.<ciphertext>.<tag> (base64url).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { MasterKey } from './master-key.ts';

export class SecretBox {
  private readonly key: Buffer;

  constructor(
    private readonly master: MasterKey,
    /** Separates uses: a ciphertext of one purpose never decrypts under another. */
    purpose: string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), `tuntas/${purpose}`, 32));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', this.master.id, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, keyId, iv, ct, tag] = sealed.split('.');
    if (version !== 'v1' || !iv || !ct || !tag) throw new Error('Not a sealed secret');
    if (keyId !== this.master.id) throw new Error(`Sealed with another master key (${keyId})`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }
}
