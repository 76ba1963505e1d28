// The blind-index root key: 32 random bytes created on first use and stored in
// crypto_key wrapped by the master key, with the index bit lengths beside it.
import type { Executor } from '../db/database.ts';
import { BlindIndexer, DEFAULT_BLIND_INDEX_BITS, type BlindIndexBits } from './blind-index.ts';
import type { KeyWrapper } from './envelope.ts';
import { newDataKey } from './envelope.ts';
import type { SealedColumns } from './sealed-columns.ts';

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

/**
 * The long-lived keys for master-key rotation: re-wrapped only, even with --reencrypt
 * (a new index root key would change every blind-index value).
 */
export const cryptoKeySealedColumns: SealedColumns = {
  form: 'envelope',
  kind: 'cryptoKeys',
  table: 'crypto_key',
  key: ['name'],
  ciphertexts: [],
  wrappedKey: 'wrapped',
  keyId: 'key_id',
  aad: (row) => cryptoKeyAad(String(row.name)),
  rewrapOnly: true,
  rewrappedAt: 'rewrapped_at',
};
