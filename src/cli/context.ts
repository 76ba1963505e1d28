// What every command shares: configuration, opening the database, output.
import os from 'node:os';
import { InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../server/config.ts';
import { databaseOptions, openDatabase, type Database } from '../server/platform/db/database.ts';
import { DataDirLockedError } from '../server/platform/db/data-dir-lock.ts';
import { migrate, MigrationError } from '../server/platform/db/migrate.ts';
import { CliError } from './cli-error.ts';

export function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2);
    throw err;
  }
}

/** Opens the configured database (migrated unless told otherwise), runs `work`, closes it. */
export async function withDatabase<T>(work: (db: Database, cfg: Config) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const cfg = config();
  let database: Database;
  try {
    database = await openDatabase(databaseOptions(cfg));
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new CliError(err.message, 3);
    throw new CliError(`Cannot open the database (${cfg.databaseUrl ? 'PostgreSQL' : cfg.dataDir}): ${(err as Error).message}`);
  }
  try {
    if (options.migrate !== false) await migrate(database.db);
    return await work(database, cfg);
  } catch (err) {
    if (err instanceof MigrationError) throw new CliError(err.message);
    throw err;
  } finally {
    await database.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  process.stdout.write(`${line(columns)}\n`);
  for (const r of rows) process.stdout.write(`${line(columns.map((c) => String(r[c] ?? '')))}\n`);
}

/** Who runs a command, for its audit events (the operating-system user). */
export function operatorName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** A commander option parser for integers of at least `min`. */
export const positiveInt = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`must be an integer ≥ ${min}`);
  return n;
};
