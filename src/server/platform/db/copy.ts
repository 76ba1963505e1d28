// Bulk loading with COPY … FROM STDIN, on both engines, in text format (rows as
// arrays, encoded here) or binary format (tuples encoded by a BinaryCopyWriter,
// copy-binary.ts). Batches can be encoded anywhere — worker threads encode their own,
// so the main thread only forwards bytes; the engines' copyInto (database.ts) sends them.
import { once } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary.ts';
import { encodeCopyRows, type EncodedRows } from './copy-text.ts';

export { encodeCopyRows, encodeCopyValue, type EncodedRows } from './copy-text.ts';
export { BinaryCopyWriter } from './copy-binary.ts';

/** What copyInto accepts: batches of rows (arrays of column values) or pre-encoded batches. */
export type CopyBatch = readonly (readonly unknown[])[] | EncodedRows;
export type CopySource = Iterable<CopyBatch> | AsyncIterable<CopyBatch>;
/** text: rows or text-encoded batches; binary: only batches of binary tuples. */
export type CopyFormat = 'text' | 'binary';

const IDENT = /^[a-z_][a-z0-9_]*$/;

export function copyStatement(table: string, columns: readonly string[], from: 'stdin' | 'blob', format: CopyFormat = 'text'): string {
  for (const name of [table, ...columns]) if (!IDENT.test(name)) throw new Error(`copyInto: not a plain identifier: ${name}`);
  return `copy ${table} (${columns.join(', ')}) from ${from === 'stdin' ? 'stdin' : "'/dev/blob'"}${format === 'binary' ? ' with (format binary)' : ''}`;
}

function encoder(format: CopyFormat) {
  return (b: CopyBatch): EncodedRows => {
    if ('encoded' in b) return b as EncodedRows;
    if (format === 'binary') throw new Error('copyInto: a binary COPY takes batches encoded by a BinaryCopyWriter, not rows');
    return encodeCopyRows(b as readonly (readonly unknown[])[]);
  };
}

/** node-postgres: one COPY over one pooled connection, streamed with back-pressure. */
export async function copyIntoPostgres(pool: pg.Pool, statement: string, source: CopySource, format: CopyFormat = 'text'): Promise<number> {
  const asEncoded = encoder(format);
  const client = await pool.connect();
  let failure: unknown;
  try {
    const stream = client.query(copyFrom(statement));
    const done = once(stream, 'finish');
    done.catch(() => {}); // an error surfaces through write() or the await below
    let rows = 0;
    try {
      if (format === 'binary') stream.write(COPY_BINARY_HEADER);
      for await (const batch of source) {
        const e = asEncoded(batch);
        rows += e.rows;
        if (e.rows > 0 && !stream.write(e.encoded)) await Promise.race([once(stream, 'drain'), done]);
      }
    } catch (err) {
      // Abort the COPY (CopyFail): nothing of it is kept.
      stream.destroy(err as Error);
      await done.catch(() => {});
      throw err;
    }
    if (format === 'binary') stream.write(COPY_BINARY_TRAILER);
    stream.end();
    await done;
    return rows;
  } catch (err) {
    failure = err;
    throw err;
  } finally {
    // A connection whose COPY failed may be in an odd state: drop it.
    client.release(failure ? (failure as Error) : undefined);
  }
}

/** Bytes per COPY on PGlite: the blob is held in memory, so batches are coalesced up to this size. */
const PGLITE_COPY_BYTES = 8 * 1024 * 1024;

/**
 * PGlite: `COPY … FROM '/dev/blob'` per coalesced chunk, each run with the one
 * connection held (`withConnection`), so no transaction of another caller is in between.
 */
export async function copyIntoPglite(
  withConnection: <T>(fn: (pg: PGlite) => Promise<T>) => Promise<T>,
  statement: string,
  source: CopySource,
  format: CopyFormat = 'text',
): Promise<number> {
  const asEncoded = encoder(format);
  let parts: (string | Uint8Array)[] = [];
  let size = 0;
  let rows = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    // Each chunk is a COPY of its own: a whole binary stream, header to trailer.
    const blob = new Blob((format === 'binary' ? [COPY_BINARY_HEADER, ...parts, COPY_BINARY_TRAILER] : parts) as BlobPart[]);
    parts = [];
    size = 0;
    await withConnection((pglite) => pglite.query(statement, [], { blob }));
  };
  for await (const batch of source) {
    const e = asEncoded(batch);
    if (e.rows === 0) continue;
    rows += e.rows;
    parts.push(e.encoded);
    size += e.encoded.length; // characters or bytes: near enough for a batch size
    if (size >= PGLITE_COPY_BYTES) await flush();
  }
  await flush();
  return rows;
}
