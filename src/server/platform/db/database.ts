// Opens the one database Tuntas runs on: embedded PGlite (default) or PostgreSQL.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { copyIntoPglite, copyIntoPostgres, copyStatement, type CopyFormat, type CopySource } from './copy.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Where the data lives, for messages ("PGlite in /x/data", "PostgreSQL host/db"). */
  readonly description: string;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (test templates). */
  dumpDataDir?(): Promise<Blob>;
  /**
   * Bulk-loads rows with COPY (text format, or binary tuples: copy-binary.ts), outside
   * any transaction; returns the row count. PostgreSQL: one COPY statement (all or nothing). PGlite: one COPY per ~8 MB,
   * each committed, so a failure part-way leaves the earlier chunks: load staging
   * tables with it and clear them on failure.
   */
  copyInto(table: string, columns: readonly string[], source: CopySource, format?: CopyFormat): Promise<number>;
}

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

const INT8 = 20;
const DATE = 1082;

/** int8 as a JS number when exact (ids, counts, rupiah), else bigint. */
function parseInt8(value: string): number | bigint {
  const n = BigInt(value);
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(n) : n;
}
/** Calendar dates stay 'YYYY-MM-DD' strings: a Date would shift them by the time zone. */
const parseDate = (value: string) => value;

/** The configured database: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function databaseOptions(config: { databaseUrl: string | undefined; dataDir: string }) {
  return config.databaseUrl ? ({ kind: 'postgres', url: config.databaseUrl } as const) : ({ kind: 'pglite', dataDir: config.dataDir } as const);
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize);
  if (options.kind === 'pglite-memory') return openPglite(undefined, undefined, options.loadDataDir);
  const dataDir = path.resolve(options.dataDir);
  const lock = lockDataDir(dataDir);
  try {
    return await openPglite(path.join(dataDir, 'pg'), lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function openPglite(pgDir: string | undefined, lock: DataDirLock | undefined, loadDataDir?: Blob): Promise<Database> {
  const pglite = await PGlite.create(pgDir ?? 'memory://', {
    parsers: { [INT8]: parseInt8, [DATE]: parseDate },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const dialect = new PGliteDialect(pglite);
  const db = new Kysely<DB>({ dialect });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    description: pgDir ? `PGlite (embedded) in ${path.dirname(pgDir)}` : 'PGlite (in memory)',
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
    dumpDataDir: () => pglite.dumpDataDir('none') as Promise<Blob>,
    copyInto: async (table, columns, source, format = 'text') => {
      await sql`select 1`.execute(db); // Kysely creates its driver on first use
      return copyIntoPglite((fn) => dialect.withPglite(fn), copyStatement(table, columns, 'blob', format), source, format);
    },
  };
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return parseInt8;
      if (oid === DATE) return parseDate;
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle connection closed by the server (restart, failover) must not crash
  // the process: the pool drops it and opens a new one when needed.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db); // fail now, with the server's message, if unreachable
  const u = new URL(url);
  return {
    kind: 'postgres',
    db,
    description: `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`,
    async close() {
      await db.destroy();
    },
    copyInto: async (table, columns, source, format = 'text') => copyIntoPostgres(pool, copyStatement(table, columns, 'stdin', format), source, format),
  };
}

/** Runs `work` in one transaction: a change and its audit record commit together or not at all. */
export function inTransaction<T>(db: Executor, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Tx);
  return (db as Db).transaction().execute(work);
}
