import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { BlindIndexer, normalizePhone } from './blind-index.ts';
import { KeyWrapper, RecordSealer, wrappedKeyId } from './envelope.ts';
import { keyRing } from './key-provider.ts';
import { masterKeyFrom } from './master-key.ts';
import { SecretBox } from './secret-box.ts';
import { filterExact, type StoredIdentity } from '../../modules/registry/persons.service.ts';

const keyA = masterKeyFrom(Buffer.alloc(32, 1).toString('base64'));
const keyB = masterKeyFrom(Buffer.alloc(32, 2).toString('base64'));

test('a sealed record opens with its own reference only; the wrapped key names the master key', () => {
  const sealer = new RecordSealer(new KeyWrapper(keyRing(keyA)));
  const sealed = sealer.seal('person/TNT-6503-000001', { fullName: 'Siti Contoh' });
  assert.equal(sealed.keyId, keyA.id);
  assert.equal(wrappedKeyId(sealed.wrappedKey), keyA.id);
  assert.deepEqual(sealer.open('person/TNT-6503-000001', sealed), { fullName: 'Siti Contoh' });
  assert.ok(!sealed.ciphertext.includes(Buffer.from('Siti')));
  // Swapping ciphertext or wrapped key to another record fails authentication.
  assert.throws(() => sealer.open('person/TNT-6503-000002', sealed), /authentication failed/);
  const other = sealer.seal('person/TNT-6503-000002', { fullName: 'Lain' });
  assert.throws(() => sealer.open('person/TNT-6503-000001', { ciphertext: other.ciphertext, wrappedKey: sealed.wrappedKey }), /authentication failed/);
  // A flipped bit is detected.
  const tampered = Buffer.from(sealed.ciphertext);
  tampered[tampered.length - 20]! ^= 1;
  assert.throws(() => sealer.open('person/TNT-6503-000001', { ...sealed, ciphertext: tampered }), /authentication failed/);
  // Two seals of the same value differ (fresh DEK and IV).
  assert.notDeepEqual(sealer.seal('r', { a: 1 }).ciphertext, sealer.seal('r', { a: 1 }).ciphertext);
});

test('rotation: the new key ring opens old records, rewraps them, and the old key alone cannot open the result', () => {
  const old = new RecordSealer(new KeyWrapper(keyRing(keyA)));
  const sealed = old.seal('p/1', { nik: '6503024507850001' });
  const rotating = new RecordSealer(new KeyWrapper(keyRing(keyB, [keyA])));
  assert.deepEqual(rotating.open('p/1', sealed), { nik: '6503024507850001' });
  const rewrapped = rotating.rewrap('p/1', sealed.wrappedKey);
  assert.equal(rewrapped.keyId, keyB.id);
  const onlyB = new RecordSealer(new KeyWrapper(keyRing(keyB)));
  assert.deepEqual(onlyB.open('p/1', { ciphertext: sealed.ciphertext, wrappedKey: rewrapped.wrappedKey }), { nik: '6503024507850001' });
  assert.throws(() => onlyB.open('p/1', sealed), /not configured/);
  assert.throws(() => old.open('p/1', { ciphertext: sealed.ciphertext, wrappedKey: rewrapped.wrappedKey }), /not configured/);
  // Re-encryption: a fresh data key and ciphertext.
  const fresh = rotating.reencrypt('p/1', sealed);
  assert.ok(!fresh.ciphertext.equals(sealed.ciphertext));
  assert.deepEqual(onlyB.open('p/1', fresh), { nik: '6503024507850001' });
});

test('SecretBox seals under the current key and opens secrets of previous keys', () => {
  const before = new SecretBox(keyA, 'totp').seal('JBSWY3DPEHPK3PXP');
  const box = new SecretBox(keyRing(keyB, [keyA]), 'totp');
  assert.equal(box.open(before), 'JBSWY3DPEHPK3PXP');
  assert.equal(box.isStale(before), true);
  assert.equal(box.isStale(box.seal('x')), false);
  assert.throws(() => new SecretBox(keyB, 'totp').open(before), /another master key/);
});

test('blind indexes: deterministic, truncated to the configured bits, separate per field, normalised', () => {
  const root = randomBytes(32);
  const ix = new BlindIndexer(root, { nik: 17, kk: 17, phone: 17 });
  const a = ix.index('nik', '6503024507850001');
  assert.equal(a, ix.index('nik', '65.03.02 450785 0001'));
  assert.equal(a, new BlindIndexer(root, { nik: 17, kk: 17, phone: 17 }).index('nik', '6503024507850001'));
  assert.ok(a !== null && a >= 0 && a < 2 ** 17);
  assert.notEqual(ix.index('kk', '6503024507850001'), a, 'fields use different keys (a clash here is a 1 in 131,072 chance)');
  assert.equal(ix.index('phone', '+62 812-3456-7890'), ix.index('phone', '081234567890'));
  assert.equal(normalizePhone('62 812 3456 7890'), '081234567890');
  assert.equal(ix.index('nik', ''), null);
  assert.notEqual(new BlindIndexer(randomBytes(32), { nik: 17, kk: 17, phone: 17 }).index('nik', '6503024507850001'), undefined);
  // At 17 bits, 100,000 distinct NIKs fall into fewer values than NIKs: collisions are the point.
  const seen = new Set<number>();
  for (let i = 1; i <= 100_000; i++) seen.add(ix.index('nik', `650302450785${String(i).padStart(4, '0')}`)!);
  assert.ok(seen.size < 100_000 && seen.size > 50_000, `distinct index values: ${seen.size}`);
});

test('lookup filtering: with a 2-bit index most values collide, and decryption keeps only the exact matches', () => {
  const ix = new BlindIndexer(randomBytes(32), { nik: 2, kk: 2, phone: 2 });
  const sealer = new RecordSealer(new KeyWrapper(keyRing(keyA)));
  const niks = Array.from({ length: 40 }, (_, i) => `65030245078500${String(i + 10).padStart(2, '0')}`);
  const rows = niks.map((nik, i) => ({ ref: `p/${i}`, bidx: ix.index('nik', nik), sealed: sealer.seal(`p/${i}`, { nik } satisfies StoredIdentity) }));
  const wanted = niks[7]!;
  const candidates = rows.filter((r) => r.bidx === ix.index('nik', wanted));
  assert.ok(candidates.length > 3, `a 2-bit index should give many candidates, got ${candidates.length}`);
  const matches = filterExact(candidates, 'nik', wanted, (r) => sealer.open<StoredIdentity>(r.ref, r.sealed));
  assert.deepEqual(matches.map((m) => m.ref), ['p/7']);
});
