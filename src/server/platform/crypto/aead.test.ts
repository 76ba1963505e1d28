import assert from 'node:assert/strict';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { AEAD_CURRENT, AEAD_XCHACHA, aeadOpen, aeadSeal } from './aead.ts';
import { KeyWrapper, RecordSealer, openWithDataKey, wrappedKeyId } from './envelope.ts';
import { HmacSha256 } from './hmac-sha256.ts';
import { keyRing } from './key-provider.ts';
import { masterKeyFrom } from './master-key.ts';

test('new values are sealed with XChaCha20-Poly1305 (version 0x02); a flipped bit, another AAD or key fails', () => {
  assert.equal(AEAD_CURRENT, AEAD_XCHACHA);
  const key = randomBytes(32);
  const aad = Buffer.from('tuntas/record/person/TNT-6503-000001');
  const sealed = aeadSeal(key, Buffer.from('Siti Contoh'), aad, Buffer.of(AEAD_CURRENT));
  assert.equal(sealed[0], 0x02);
  assert.equal(sealed.length, 1 + 24 + 11 + 16);
  assert.equal(aeadOpen(key, sealed, 1, aad).toString(), 'Siti Contoh');
  assert.throws(() => aeadOpen(key, sealed, 1, Buffer.from('tuntas/record/person/TNT-6503-000002')), /authentication failed/);
  assert.throws(() => aeadOpen(randomBytes(32), sealed, 1, aad), /authentication failed/);
  const tampered = Buffer.from(sealed);
  tampered[30]! ^= 1;
  assert.throws(() => aeadOpen(key, tampered, 1, aad), /authentication failed/);
  assert.throws(() => aeadOpen(key, Buffer.concat([Buffer.of(0x07), sealed.subarray(1)]), 1, aad), /unknown ciphertext version 7/);
  assert.throws(() => aeadOpen(key, sealed.subarray(0, 30), 1, aad), /too short/);
  // Fresh nonces: the same plaintext seals differently.
  assert.notDeepEqual(aeadSeal(key, Buffer.from('x'), aad, Buffer.of(2)), aeadSeal(key, Buffer.from('x'), aad, Buffer.of(2)));
});

/** A record as the AES-256-GCM code of earlier versions sealed it (version 0x01), built here with node:crypto. */
function gcmV1(key: Buffer, plaintext: Buffer, aad: string, header: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([header, iv, ct, c.getAuthTag()]);
}

test('records sealed with AES-256-GCM (version 0x01) by earlier versions still open, and re-encryption moves them to 0x02', () => {
  const master = masterKeyFrom(Buffer.alloc(32, 5).toString('base64'));
  const wrapper = new KeyWrapper(keyRing(master));
  const { kek } = wrapper.currentKek();
  const dek = randomBytes(32);
  const aad = 'tuntas/record/person/TNT-6503-000009';
  const id = Buffer.from(master.id, 'ascii');
  const old = {
    ciphertext: gcmV1(dek, Buffer.from(JSON.stringify({ fullName: 'Lama' })), aad, Buffer.of(0x01)),
    wrappedKey: gcmV1(kek, dek, aad, Buffer.concat([Buffer.of(0x01, id.length), id])),
  };
  assert.equal(wrappedKeyId(old.wrappedKey), master.id);
  const sealer = new RecordSealer(wrapper);
  assert.deepEqual(sealer.open('person/TNT-6503-000009', old), { fullName: 'Lama' });
  assert.equal(openWithDataKey(dek, old.ciphertext, aad).toString(), '{"fullName":"Lama"}');
  assert.throws(() => sealer.open('person/TNT-6503-000010', old), /authentication failed/);
  const fresh = sealer.reencrypt('person/TNT-6503-000009', old);
  assert.equal(fresh.ciphertext[0], 0x02);
  assert.equal(fresh.wrappedKey[0], 0x02);
  assert.deepEqual(sealer.open('person/TNT-6503-000009', fresh), { fullName: 'Lama' });
  // A rewrap alone keeps the old ciphertext and wraps the same key with the current cipher.
  const rewrapped = sealer.rewrap('person/TNT-6503-000009', old.wrappedKey);
  assert.equal(rewrapped.wrappedKey[0], 0x02);
  assert.deepEqual(sealer.open('person/TNT-6503-000009', { ciphertext: old.ciphertext, wrappedKey: rewrapped.wrappedKey }), { fullName: 'Lama' });
});

test('HMAC-SHA256 on libsodium equals RFC 4231 and node:crypto, for short, block-long and longer-than-block keys', () => {
  // RFC 4231 test case 2 (key "Jefe") and test case 6 (a 131-byte key, hashed first).
  assert.equal(new HmacSha256(Buffer.from('Jefe')).digest('what do ya want for nothing?').toString('hex'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  assert.equal(
    new HmacSha256(Buffer.alloc(131, 0xaa)).digest('Test Using Larger Than Block-Size Key - Hash Key First').toString('hex'),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  );
  for (const keyLength of [1, 32, 64, 65, 200]) {
    const key = randomBytes(keyLength);
    const mac = new HmacSha256(key);
    for (const message of ['', '6503024507850001', 'ÄÖ nama dengan aksara ꦗꦮ', 'x'.repeat(300), randomBytes(70)]) {
      assert.deepEqual(mac.digest(message), createHmac('sha256', key).update(message).digest(), `key ${keyLength}, message ${String(message).slice(0, 20)}`);
    }
  }
});
