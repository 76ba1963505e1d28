import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../../test/build-app.ts';
import { migrate, migrationStatus, readMigrations, MigrationError } from './migrate.ts';

function migrationsDir(t: { after(fn: () => void): void }, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuntas-migrations-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function tableExists(db: Parameters<typeof migrate>[0], name: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(db);
  return r.rows[0]?.t !== null;
}

test('the shipped migrations apply once; a second run applies nothing', async (t) => {
  const database = await freshDatabase(t, { migrate: false });
  const first = await migrate(database.db);
  assert.deepEqual(first.map((m) => m.version), readMigrations().map((m) => m.version));
  assert.deepEqual(await migrate(database.db), []);
  assert.equal((await migrationStatus(database.db)).pending.length, 0);
});

test('a failing migration leaves the schema as it was and is not recorded', async (t) => {
  const database = await freshDatabase(t, { migrate: false });
  const dir = migrationsDir(t, {
    '0001_ok.sql': 'create table first_table (id int);',
    '0002_broken.sql': 'create table half_done (id int);\ninsert into no_such_table values (1);',
  });
  await assert.rejects(migrate(database.db, readMigrations(dir)), (err: Error) => {
    assert.ok(err instanceof MigrationError);
    assert.match(err.message, /0002_broken failed: .*no_such_table/);
    return true;
  });
  assert.equal(await tableExists(database.db, 'first_table'), true);
  assert.equal(await tableExists(database.db, 'half_done'), false);
  const status = await migrationStatus(database.db, readMigrations(dir));
  assert.deepEqual(status.applied, [1]);
  assert.deepEqual(status.pending.map((m) => m.name), ['broken']);
});

test('an applied migration that was edited afterwards is refused', async (t) => {
  const database = await freshDatabase(t, { migrate: false });
  const dir = migrationsDir(t, { '0001_a.sql': 'create table a (id int);' });
  await migrate(database.db, readMigrations(dir));
  fs.writeFileSync(path.join(dir, '0001_a.sql'), 'create table a (id bigint);');
  await assert.rejects(migrate(database.db, readMigrations(dir)), /was changed after it was applied/);
});

test('badly named migration files are refused', (t) => {
  const dir = migrationsDir(t, { '1_first.sql': 'select 1;' });
  assert.throws(() => readMigrations(dir), /must look like 0001_name\.sql/);
});
