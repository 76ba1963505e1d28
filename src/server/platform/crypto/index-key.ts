// The blind-index root key: 32 random bytes created on first use and stored in
// crypto_key wrapped by the master key, with the index bit lengths beside it.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { BlindIndexer, DEFAULT_BLIND_INDEX_BITS, type BlindIndexBits } from './blind-index.ts';
import type { KeyWrapper } from './envelope.ts';
import { newDataKey } from './envelope.ts';

export const INDEX_KEY_NAME = 'blind_index';
/** The AAD of a long-lived key wrapped in crypto_key. */
export const cryptoKeyAad = (name: string) => `tuntas/crypto_key/${name}`;

/** Loads the blind indexer, creating the root key on first use (safe when two processes race). */
export async function loadBlindIndexer(db: Executor, wrapper: KeyWrapper): Promise<BlindIndexer> {
  const existing = await db.selectFrom('crypto_key').selectAll().where('name', '=', INDEX_KEY_NAME).executeTakeFirst();
  if (existing) return indexerFrom(existing.wrapped, existing.params as Partial<BlindIndexBits>, wrapper);
  const root = newDataKey();
  const { wrapped, keyId } = wrapper.wrap(root, cryptoKeyAad(INDEX_KEY_NAME));
  await db
    .insertInto('crypto_key')
    .values({ name: INDEX_KEY_NAME, wrapped, key_id: keyId, params: JSON.stringify(DEFAULT_BLIND_INDEX_BITS) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('crypto_key').selectAll().where('name', '=', INDEX_KEY_NAME).executeTakeFirstOrThrow();
  return indexerFrom(row.wrapped, row.params as Partial<BlindIndexBits>, wrapper);
}

function indexerFrom(wrapped: Buffer, params: Partial<BlindIndexBits>, wrapper: KeyWrapper): BlindIndexer {
  const { rootKey, bits } = indexKeyMaterialFrom(wrapped, params, wrapper);
  return new BlindIndexer(rootKey, bits);
}

function indexKeyMaterialFrom(wrapped: Buffer, params: Partial<BlindIndexBits>, wrapper: KeyWrapper): IndexKeyMaterial {
  return { rootKey: wrapper.unwrap(Buffer.from(wrapped), cryptoKeyAad(INDEX_KEY_NAME)), bits: { ...DEFAULT_BLIND_INDEX_BITS, ...params } };
}

/** The unwrapped index root key and bit lengths: for worker threads (passed in memory, never stored). */
export interface IndexKeyMaterial {
  rootKey: Buffer;
  bits: BlindIndexBits;
}

/** Like loadBlindIndexer, but hands back the key material itself (creating the key on first use). */
export async function loadIndexKeyMaterial(db: Executor, wrapper: KeyWrapper): Promise<IndexKeyMaterial> {
  await loadBlindIndexer(db, wrapper);
  const row = await db.selectFrom('crypto_key').selectAll().where('name', '=', INDEX_KEY_NAME).executeTakeFirstOrThrow();
  return indexKeyMaterialFrom(row.wrapped, row.params as Partial<BlindIndexBits>, wrapper);
}

/** Re-wraps every long-lived key not yet under the current master key; returns how many changed. */
export async function rewrapCryptoKeys(db: Executor, wrapper: KeyWrapper): Promise<number> {
  const rows = await db.selectFrom('crypto_key').select(['name', 'wrapped', 'key_id']).where('key_id', '<>', wrapper.currentKeyId).forUpdate().execute();
  for (const r of rows) {
    const { wrapped, keyId } = wrapper.rewrap(Buffer.from(r.wrapped), cryptoKeyAad(r.name));
    await db.updateTable('crypto_key').set({ wrapped, key_id: keyId, rewrapped_at: sql<Date>`now()` }).where('name', '=', r.name).where('key_id', '=', r.key_id).execute();
  }
  return rows.length;
}
