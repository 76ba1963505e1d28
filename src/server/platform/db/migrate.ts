// Forward-only, plain-SQL migrations: migrations/NNNN_name.sql, each applied in
// its own transaction, so a failing one leaves the schema as it was.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database.ts';
import { fromRoot } from '../project-root.ts';

export const MIGRATIONS_DIR = `${fromRoot('migrations')}/`;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** '0002_regions' */
export function migrationLabel(m: Pick<MigrationFile, 'version' | 'name'>): string {
  return `${String(m.version).padStart(4, '0')}_${m.name}`;
}

export interface MigrationStatus {
  applied: number[];
  pending: MigrationFile[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`Migration file name must look like 0001_name.sql: ${file}`);
    const version = Number(match[1]);
    if (seen.has(version)) throw new MigrationError(`Two migrations share version ${version}`);
    seen.add(version);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return { version, name: match[2]!, sql: text, checksum: sha256(text) };
  });
}

const LOCK_KEY = 7_211_010; // any constant: serialises migrators across app servers

async function ensureTable(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
    await sql`create table if not exists schema_migration (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(tx);
  });
}

export async function migrationStatus(db: Db, files = readMigrations()): Promise<MigrationStatus> {
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migration')::text as t`.execute(db);
  const rows = exists.rows[0]?.t
    ? (await sql<{ version: number; checksum: string }>`select version, checksum from schema_migration`.execute(db)).rows
    : [];
  const applied = new Map(rows.map((r) => [r.version, r.checksum]));
  for (const f of files) {
    const checksum = applied.get(f.version);
    if (checksum && checksum !== f.checksum)
      throw new MigrationError(
        `Migration ${migrationLabel(f)} was changed after it was applied. Migrations are forward-only: add a new one instead.`,
      );
  }
  return { applied: [...applied.keys()].sort((a, b) => a - b), pending: files.filter((f) => !applied.has(f.version)) };
}

/** Applies pending migrations in order; returns the ones applied by this call. */
export async function migrate(db: Db, files = readMigrations()): Promise<MigrationFile[]> {
  await ensureTable(db);
  const done: MigrationFile[] = [];
  for (const file of (await migrationStatus(db, files)).pending) {
    const applied = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
      const already = await sql`select 1 from schema_migration where version = ${file.version}`.execute(tx);
      if (already.rows.length > 0) return false; // another server applied it meanwhile
      try {
        await sql.raw(file.sql).execute(tx);
      } catch (err) {
        throw new MigrationError(`Migration ${migrationLabel(file)} failed: ${(err as Error).message}`);
      }
      await sql`insert into schema_migration (version, name, checksum) values (${file.version}, ${file.name}, ${file.checksum})`.execute(tx);
      return true;
    });
    if (applied) done.push(file);
  }
  return done;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
