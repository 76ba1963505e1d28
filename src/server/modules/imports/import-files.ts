// The uploaded person list never rests in plaintext: it is stored as 1 MiB chunks,
// each sealed (envelope.ts) under its own data key (wrapped by the master key,
// AAD naming the import and the chunk), so any app server's job worker can read
// it, and the chunks are deleted when the import ends (committed, invalid after a
// commit attempt, cancelled, failed).
//
// A job reads an upload straight from its chunks (sealedUpload): the readers take a
// range source, decrypted chunk by chunk in memory (xlsx needs random access to the
// zip's central directory), so the plaintext never touches a file.
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { newDataKey, openWithDataKey, recordAad, sealWithDataKey, type KeyWrapper } from '../../platform/crypto/envelope.ts';
import { aeadOverhead } from '../../platform/crypto/aead.ts';
import type { SealedColumns } from '../../platform/crypto/sealed-columns.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { RangeSource } from './import-reader.ts';
import { importError } from './imports.errors.ts';
import { formatBytes } from '../../platform/files/files.ts';

export const CHUNK_BYTES = 1024 * 1024;

/** The reference of an upload's chunk: its AAD is recordAad(chunkRef(…)). */
const chunkRef = (importId: number, seq: number) => `person_import/${importId}/${seq}`;
const chunkAad = (importId: number, seq: number) => recordAad(chunkRef(importId, seq));

/** An upload's chunks for master-key rotation (raw bytes, not JSON: re-encrypted as bytes). */
export const importChunkSealedColumns: SealedColumns = {
  form: 'envelope',
  kind: 'importChunks',
  table: 'person_import_chunk',
  key: ['import_id', 'seq'],
  ciphertexts: ['ct'],
  wrappedKey: 'dek_wrapped',
  keyId: 'key_id',
  aad: (row) => chunkAad(Number(row.import_id), Number(row.seq)),
};

async function putChunk(db: Executor, wrapper: KeyWrapper, importId: number, seq: number, bytes: Buffer): Promise<void> {
  const aad = chunkAad(importId, seq);
  const dek = newDataKey();
  const ct = sealWithDataKey(dek, bytes, aad);
  const { wrapped, keyId } = wrapper.wrap(dek, aad);
  dek.fill(0);
  await db.insertInto('person_import_chunk').values({ import_id: importId, seq, ct, dek_wrapped: wrapped, key_id: keyId }).execute();
}

/** Stores a streamed upload as sealed chunks; refuses more than maxBytes (413, nothing kept by the caller). */
export async function storeUpload(db: Executor, wrapper: KeyWrapper, importId: number, source: AsyncIterable<Buffer>, maxBytes: number): Promise<number> {
  let parts: Buffer[] = [];
  let pending = 0;
  let total = 0;
  let seq = 0;
  for await (const piece of source) {
    total += piece.length;
    if (total > maxBytes) throw importError('import.too_large', { limit: formatBytes(maxBytes) });
    parts.push(piece);
    pending += piece.length;
    while (pending >= CHUNK_BYTES) {
      const all = Buffer.concat(parts);
      await putChunk(db, wrapper, importId, seq++, all.subarray(0, CHUNK_BYTES));
      parts = [all.subarray(CHUNK_BYTES)];
      pending = all.length - CHUNK_BYTES;
    }
  }
  if (pending > 0) await putChunk(db, wrapper, importId, seq, Buffer.concat(parts));
  return total;
}

export async function deleteUpload(db: Executor, importId: number): Promise<void> {
  await db.deleteFrom('person_import_chunk').where('import_id', '=', importId).execute();
}

/** A sealed chunk is its plaintext plus the version byte, the nonce and the tag (envelope.ts; the nonce's length depends on the version). */
const sealedOverhead = (version: number) => 1 + aeadOverhead(version);
/** Decrypted chunks kept for re-reads (yauzl reads the zip's end, then each part): 4 MiB at most. */
const CACHED_CHUNKS = 4;

/**
 * The sealed upload as a range source for the readers: each range is decrypted chunk by
 * chunk in memory, so the plaintext never touches a file. `dispose` wipes the cache.
 */
export async function sealedUpload(db: Executor, wrapper: KeyWrapper, importId: number): Promise<RangeSource & { dispose(): void }> {
  const sizes = await db
    .selectFrom('person_import_chunk')
    .select(['seq', sql<number>`octet_length(ct)`.as('bytes'), sql<number>`get_byte(ct, 0)`.as('version')])
    .where('import_id', '=', importId)
    .orderBy('seq')
    .execute();
  const lengths = sizes.map((c) => Number(c.bytes) - sealedOverhead(Number(c.version)));
  if (lengths.some((n, i) => i < lengths.length - 1 && n !== CHUNK_BYTES) || sizes.some((c, i) => Number(c.seq) !== i))
    throw new Error(`import ${importId}: its upload chunks are not contiguous`);
  const size = lengths.reduce((a, b) => a + b, 0);
  const cache = new Map<number, Buffer>();
  const chunk = async (seq: number): Promise<Buffer> => {
    const hit = cache.get(seq);
    if (hit) return hit;
    const c = await db.selectFrom('person_import_chunk').select(['ct', 'dek_wrapped']).where('import_id', '=', importId).where('seq', '=', seq).executeTakeFirstOrThrow();
    const aad = chunkAad(importId, seq);
    const dek = wrapper.unwrap(Buffer.from(c.dek_wrapped), aad);
    let bytes: Buffer;
    try {
      bytes = openWithDataKey(dek, Buffer.from(c.ct), aad);
    } finally {
      dek.fill(0);
    }
    if (cache.size >= CACHED_CHUNKS) {
      const [oldest, old] = cache.entries().next().value as [number, Buffer];
      old.fill(0);
      cache.delete(oldest);
    }
    cache.set(seq, bytes);
    return bytes;
  };
  async function* range(start: number, end: number): AsyncGenerator<Buffer> {
    for (let seq = Math.floor(start / CHUNK_BYTES); seq * CHUNK_BYTES < end; seq++) {
      const bytes = await chunk(seq);
      const offset = seq * CHUNK_BYTES;
      // A copy: the cached chunk is wiped when it leaves the cache, while a reader may still hold the piece.
      yield Buffer.from(bytes.subarray(Math.max(0, start - offset), Math.min(bytes.length, end - offset)));
    }
  }
  return {
    size,
    read: (start, end) => Readable.from(range(start, Math.min(end, size)), { objectMode: false }),
    dispose: () => {
      for (const b of cache.values()) b.fill(0);
      cache.clear();
    },
  };
}
