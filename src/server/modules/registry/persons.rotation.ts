// Master-key rotation (`tuntas keys rotate`): after the operator configures a new
// MASTER_KEY and lists the old one in MASTER_KEY_PREVIOUS, every key and secret
// still under an old key is moved to the new one:
// - the long-lived keys in crypto_key (the blind-index root key: re-wrapped, so the
//   index values do not change);
// - TOTP secrets (re-sealed);
// - each person's data key (re-wrapped; with `reencrypt`, a fresh data key and
//   ciphertext), in batches of one transaction each.
// Resumable: a batch selects rows still under an old key (or, re-encrypting, made
// before the run's cut-off, kept in app_meta until the run completes) and each
// update is a compare-and-set on the old wrapped key, so a run killed at any point
// loses nothing and a second run neither skips nor double-wraps a row.
import { sql } from 'kysely';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { KeyWrapper, RecordSealer } from '../../platform/crypto/envelope.ts';
import { rewrapCryptoKeys } from '../../platform/crypto/index-key.ts';
import type { KeyProvider } from '../../platform/crypto/key-provider.ts';
import { SecretBox } from '../../platform/crypto/secret-box.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import { personRef } from './persons.service.ts';

const CUTOFF_KEY = 'keys.reencrypt_cutoff';

export interface RotationOptions {
  reencrypt: boolean;
  batchSize: number;
  /** Pause between batches, to spare a busy database. */
  pauseMs: number;
  progress(done: number, total: number): void;
}

export interface RotationResult {
  keyId: string;
  cryptoKeys: number;
  totpSecrets: number;
  persons: number;
  reencrypted: boolean;
}

export async function rotateKeys(db: Db, keys: KeyProvider, ctx: Context, opts: RotationOptions): Promise<RotationResult> {
  const wrapper = new KeyWrapper(keys);
  const sealer = new RecordSealer(wrapper);
  const current = keys.current().id;

  const cryptoKeys = await inTransaction(db, (tx) => rewrapCryptoKeys(tx, wrapper));
  const totpSecrets = await rotateTotpSecrets(db, keys);

  let cutoff: Date | null = null;
  if (opts.reencrypt) {
    const existing = await db.selectFrom('app_meta').select('value').where('key', '=', CUTOFF_KEY).executeTakeFirst();
    cutoff = existing ? new Date(existing.value) : new Date();
    if (!existing) await db.insertInto('app_meta').values({ key: CUTOFF_KEY, value: cutoff.toISOString() }).execute();
  }
  // Erased persons (crypto-shredded, persons.erasure.ts) have no key left to rotate.
  const pending = () => {
    let q = db.selectFrom('person').where('identity_ct', 'is not', null);
    q = cutoff ? q.where((eb) => eb.or([eb('key_id', '<>', current), eb('dek_created_at', '<', cutoff!)])) : q.where('key_id', '<>', current);
    return q;
  };
  const total = Number((await pending().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  let done = 0;
  opts.progress(done, total);
  for (;;) {
    const changed = await inTransaction(db, async (tx) => {
      let q = tx.selectFrom('person').select(['id', 'case_code', 'identity_ct', 'dek_wrapped']).where('identity_ct', 'is not', null);
      q = cutoff ? q.where((eb) => eb.or([eb('key_id', '<>', current), eb('dek_created_at', '<', cutoff!)])) : q.where('key_id', '<>', current);
      const rows = await q.orderBy('id').limit(opts.batchSize).forUpdate().skipLocked().execute();
      for (const r of rows) {
        const ref = personRef(r.case_code);
        const old = { ciphertext: Buffer.from(r.identity_ct!), wrappedKey: Buffer.from(r.dek_wrapped!) };
        const set = opts.reencrypt
          ? (() => {
              const s = sealer.reencrypt(ref, old);
              return { identity_ct: s.ciphertext, dek_wrapped: s.wrappedKey, key_id: s.keyId, dek_created_at: sql<Date>`now()` };
            })()
          : (() => {
              const s = sealer.rewrap(ref, old.wrappedKey);
              return { dek_wrapped: s.wrappedKey, key_id: s.keyId };
            })();
        await tx.updateTable('person').set(set).where('id', '=', r.id).where('dek_wrapped', '=', old.wrappedKey).execute();
      }
      return rows.length;
    });
    if (changed === 0) break;
    done += changed;
    opts.progress(done, Math.max(total, done));
    if (opts.pauseMs > 0) await new Promise((r) => setTimeout(r, opts.pauseMs));
  }

  const result: RotationResult = { keyId: current, cryptoKeys, totpSecrets, persons: done, reencrypted: opts.reencrypt };
  await inTransaction(db, async (tx) => {
    if (cutoff) await tx.deleteFrom('app_meta').where('key', '=', CUTOFF_KEY).execute();
    await audit(tx, ctx, { action: 'keys.rotated', entityType: 'crypto_key', summary: { ...result } });
  });
  return result;
}

/** Re-seals TOTP secrets (active and pending) still under an older master key. */
async function rotateTotpSecrets(db: Db, keys: KeyProvider): Promise<number> {
  const box = new SecretBox(keys, 'totp');
  const prefix = `v1.${keys.current().id}.%`;
  return inTransaction(db, async (tx) => {
    const users = await tx
      .selectFrom('app_user')
      .select(['id', 'mfa_secret_enc', 'mfa_pending_secret_enc'])
      .where((eb) => eb.or([eb('mfa_secret_enc', 'not like', prefix), eb('mfa_pending_secret_enc', 'not like', prefix)]))
      .forUpdate()
      .execute();
    let n = 0;
    for (const u of users) {
      const reseal = (v: string | null) => (v && box.isStale(v) ? (n++, box.seal(box.open(v))) : v);
      await tx.updateTable('app_user').set({ mfa_secret_enc: reseal(u.mfa_secret_enc), mfa_pending_secret_enc: reseal(u.mfa_pending_secret_enc) }).where('id', '=', u.id).execute();
    }
    return n;
  });
}
