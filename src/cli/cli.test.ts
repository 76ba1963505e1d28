// The `tuntas` command, run as operators run it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../server/platform/db/database.ts';
import { migrationLabel, readMigrations } from '../server/platform/db/migrate.ts';
import { createTestDatabase, TEST_DATABASE_URL, TEST_MASTER_KEY } from '../server/test/build-app.ts';
import { preparedData } from '../server/test/prepared-data.ts';
import { tempDataDir, tuntas } from '../server/test/processes.ts';
import { sql } from 'kysely';

/** An empty database: a new PGlite directory, or a new PostgreSQL database. */
async function emptyDatabaseEnv(t: { after(fn: () => Promise<void> | void): void }): Promise<Record<string, string>> {
  if (!TEST_DATABASE_URL) return { DATA_DIR: tempDataDir(t) };
  const fresh = await createTestDatabase();
  t.after(() => fresh.drop());
  return { DATABASE_URL: fresh.url, MASTER_KEY: TEST_MASTER_KEY.key.toString('base64') };
}

/** A migrated database holding the regions (see prepared-data.ts). */
const databaseEnv = async (t: { after(fn: () => Promise<void> | void): void }) => (await preparedData(t)).env;

test('tuntas --help lists the commands; every command has --help', async () => {
  const help = await tuntas(['--help'], {});
  assert.equal(help.code, 0);
  for (const c of ['serve', 'migrate', 'regions', 'seed']) assert.match(help.stdout, new RegExp(`\\b${c}\\b`));
  const regions = await tuntas(['regions', 'list', '--help'], {});
  assert.equal(regions.code, 0);
  assert.match(regions.stdout, /--parent <code>/);
  const unknown = await tuntas(['frobnicate'], {});
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
});

test('tuntas regions --parent 65 --json prints Kalimantan Utara’s regencies', async (t) => {
  const env = await databaseEnv(t);
  const res = await tuntas(['regions', '--parent', '65', '--json'], env);
  assert.equal(res.code, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), [
    { code: '65.01', name: 'Kabupaten Bulungan', level: 'regency' },
    { code: '65.02', name: 'Kabupaten Malinau', level: 'regency' },
    { code: '65.03', name: 'Kabupaten Nunukan', level: 'regency' },
    { code: '65.04', name: 'Kabupaten Tana Tidung', level: 'regency' },
    { code: '65.71', name: 'Kota Tarakan', level: 'regency' },
  ]);
  const bad = await tuntas(['regions', '--parent', '6503'], env);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--parent: kode wilayah/);
});

test('tuntas migrate applies and reports; --status only reports', async (t) => {
  const env = await emptyDatabaseEnv(t);
  const first = await tuntas(['migrate', '--json'], env);
  assert.equal(first.code, 0, first.stderr);
  const result = JSON.parse(first.stdout);
  assert.deepEqual(result.appliedNow, readMigrations().map(migrationLabel));
  assert.ok(result.appliedNow.includes('0002_regions'));
  assert.deepEqual(result.pending, []);
  const again = await tuntas(['migrate'], env);
  assert.match(again.stdout, /Applied now: nothing \(up to date\)/);
});

test('tuntas seed demo labels the database and refuses one that holds real data', async (t) => {
  const env = await databaseEnv(t);
  const seeded = await tuntas(['seed', 'demo', '--json'], env);
  assert.equal(seeded.code, 0, seeded.stderr);
  assert.equal(JSON.parse(seeded.stdout).dataset, 'demo');
  const later = await tuntas(['seed', 'demo', '--as-of', '2019', '--without-schemes', '--json'], env);
  assert.equal(later.code, 0, `seeding demo data again (later, without schemes) is fine: ${later.stderr}`);
  const steps: string[] = JSON.parse(later.stdout).steps;
  assert.ok(steps.includes('nunukan-cases') && steps.includes('nunukan-bank-accounts'), steps.join());
  assert.ok(!steps.includes('aid-schemes-2018'), 'the schemes are left for trainees');

  const other = await databaseEnv(t);
  assert.equal((await tuntas(['migrate'], other)).code, 0);
  const database = other.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: other.DATABASE_URL })
    : await openDatabase({ kind: 'pglite', dataDir: other.DATA_DIR! });
  await sql`create table field_notes (id int); insert into field_notes values (1)`.execute(database.db);
  await database.close();
  const refused = await tuntas(['seed', 'demo'], other);
  assert.equal(refused.code, 4);
  assert.match(refused.stderr, /holds data that is not demo data \(tables: field_notes\)/);
});

test('a bad configuration value is named and the command exits non-zero', async () => {
  const res = await tuntas(['migrate'], { PORT: 'eighty' });
  assert.equal(res.code, 2);
  assert.match(res.stderr, /PORT="eighty"/);
});
