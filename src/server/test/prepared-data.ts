// Where a command or a server process under test keeps its data. Most tests need
// a migrated database with the regions loaded; making one takes a child process
// initdb, every migration and the region import (~10 s on two cores). Instead each
// test gets a copy of one prepared per migration set: a PGlite data directory
// copied on disk, or a PostgreSQL database made from a template.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseOptions } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createTestDatabase, loadRegionsInto, postgresTemplate, templateKey, TEST_DATABASE_URL, TEST_MASTER_KEY } from './build-app.ts';
import { tempDataDir } from './processes.ts';

type Hook = { after(fn: () => Promise<void> | void): void };

export interface PreparedData {
  /** Environment for `tuntas …` and `tuntas serve`. */
  env: Record<string, string>;
  /** To open the same database in the test process (once the child has let go of it). */
  options: DatabaseOptions;
}

/** A migrated database holding the regions, dropped when the test ends. */
export async function preparedData(t: Hook): Promise<PreparedData> {
  if (TEST_DATABASE_URL) {
    const fresh = await createTestDatabase(await postgresTemplate(true));
    t.after(() => fresh.drop());
    // With a database server the master key must be given (PGlite keeps one in its data directory).
    return { env: { DATABASE_URL: fresh.url, MASTER_KEY: TEST_MASTER_KEY.key.toString('base64') }, options: { kind: 'postgres', url: fresh.url, poolSize: 2 } };
  }
  const dataDir = tempDataDir(t);
  await copyPreparedDataDir(dataDir);
  return { env: { DATA_DIR: dataDir }, options: { kind: 'pglite', dataDir } };
}

/** Fills an empty directory with a copy of the prepared PGlite data directory (browser tests use it too). */
export async function copyPreparedDataDir(dataDir: string): Promise<void> {
  fs.cpSync(await pgliteDataDirTemplate(), dataDir, { recursive: true });
}

/** The prepared PGlite data directory in the temp folder, made by the first test process that needs it. */
async function pgliteDataDirTemplate(): Promise<string> {
  const dir = path.join(os.tmpdir(), `tuntas-test-datadir-${templateKey(true)}`);
  if (fs.existsSync(dir)) return dir;
  const building = `${dir}.${process.pid}`;
  const database = await openDatabase({ kind: 'pglite', dataDir: building });
  try {
    await migrate(database.db);
    await loadRegionsInto(database);
  } finally {
    await database.close();
  }
  try {
    fs.renameSync(building, dir);
  } catch (err) {
    // Another test process made it meanwhile: use theirs.
    fs.rmSync(building, { recursive: true, force: true });
    if (!fs.existsSync(dir)) throw err;
  }
  return dir;
}
