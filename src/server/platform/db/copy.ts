// Bulk loading with COPY … FROM STDIN (text format), on both engines. Rows are
// encoded here (anywhere: worker threads encode their own batches, so the main
// thread only forwards bytes); the engines' copyInto (database.ts) sends them.
import { once } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows already in COPY text format (one line per row, each ending in \n). */
export interface EncodedRows {
  encoded: string;
  rows: number;
}

/** What copyInto accepts: batches of rows (arrays of column values) or pre-encoded batches. */
export type CopyBatch = readonly (readonly unknown[])[] | EncodedRows;
export type CopySource = Iterable<CopyBatch> | AsyncIterable<CopyBatch>;

const IDENT = /^[a-z_][a-z0-9_]*$/;

export function copyStatement(table: string, columns: readonly string[], from: 'stdin' | 'blob'): string {
  for (const name of [table, ...columns]) if (!IDENT.test(name)) throw new Error(`copyInto: not a plain identifier: ${name}`);
  return `copy ${table} (${columns.join(', ')}) from ${from === 'stdin' ? 'stdin' : "'/dev/blob'"}`;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY text format: \N for null, \\x… for bytes, escaped text. */
export function encodeCopyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Uint8Array) return `\\\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[\\\n\r\t]/.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : s;
}

export function encodeCopyRows(rows: readonly (readonly unknown[])[]): EncodedRows {
  let encoded = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + encodeCopyValue(row[i]);
    encoded += `${line}\n`;
  }
  return { encoded, rows: rows.length };
}

const asEncoded = (b: CopyBatch): EncodedRows => ('encoded' in b ? (b as EncodedRows) : encodeCopyRows(b as readonly (readonly unknown[])[]));

/** node-postgres: one COPY over one pooled connection, streamed with back-pressure. */
export async function copyIntoPostgres(pool: pg.Pool, statement: string, source: CopySource): Promise<number> {
  const client = await pool.connect();
  let failure: unknown;
  try {
    const stream = client.query(copyFrom(statement));
    const done = once(stream, 'finish');
    done.catch(() => {}); // an error surfaces through write() or the await below
    let rows = 0;
    try {
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
export async function copyIntoPglite(withConnection: <T>(fn: (pg: PGlite) => Promise<T>) => Promise<T>, statement: string, source: CopySource): Promise<number> {
  let parts: string[] = [];
  let size = 0;
  let rows = 0;
  const flush = async () => {
    if (parts.length === 0) return;
    const blob = new Blob(parts);
    parts = [];
    size = 0;
    await withConnection((pglite) => pglite.query(statement, [], { blob }));
  };
  for await (const batch of source) {
    const e = asEncoded(batch);
    if (e.rows === 0) continue;
    rows += e.rows;
    parts.push(e.encoded);
    size += e.encoded.length;
    if (size >= PGLITE_COPY_BYTES) await flush();
  }
  await flush();
  return rows;
}
