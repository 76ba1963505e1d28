// `tuntas import persons` through the real command: killed (SIGKILL) while staging
// it leaves nothing in person; run again it imports every row exactly once (the
// killed run's import is marked abandoned and its staging cleared); a file with a
// bad row imports nothing, exits 1 and leaves the error report beside the file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { systemClock } from '../server/platform/auth/clock.ts';
import { keyRing } from '../server/platform/crypto/key-provider.ts';
import { masterKeyFrom } from '../server/platform/crypto/master-key.ts';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { PersonService } from '../server/modules/registry/persons.service.ts';
import { csvOf, nikOf, rowOf } from '../server/modules/imports/imports.fixtures.ts';
import { BIN, tempDataDir, tuntas } from '../server/test/processes.ts';

const ROWS = 30_000;

async function withDb<T>(dataDir: string, work: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const count = async (d: Database, table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(d.db)).rows[0]!.n);

/** Runs the import and SIGKILLs it at its first progress line (staging under way). */
function importAndKill(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/staging: [1-9]\d* rows/.test(err)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', () => resolve(err));
  });
}

test('import persons: killed while staging → nothing imported; run again → every row once; a bad row → nothing, exit 1, error report', { skip: Boolean(process.env.TEST_DATABASE_URL) }, async (t) => {
  const dataDir = tempDataDir(t);
  await withDb(dataDir, async (d) => {
    await migrate(d.db);
    await d.db
      .insertInto('region')
      .values([
        { code: '65', parent_code: null, level: 'province', name: 'Kalimantan Utara', source: 'test' },
        { code: '65.03', parent_code: '65', level: 'regency', name: 'Nunukan', source: 'test' },
        { code: '65.03.02', parent_code: '65.03', level: 'district', name: 'Sebuku', source: 'test' },
      ])
      .execute();
    await d.db.insertInto('site').values({ code: 'LOK-6503-001', name: 'Lokalisasi Uji', region_code: '65.03.02', regency_code: '65.03' }).execute();
  });
  const file = path.join(dataDir, 'daftar.csv');
  fs.writeFileSync(file, csvOf(Array.from({ length: ROWS }, (_, i) => rowOf(i))));
  const env = { DATA_DIR: dataDir, IMPORT_WORKERS: '2' };
  const args = ['import', 'persons', file, '--site', 'LOK-6503-001', '--json'];

  const killed = await importAndKill(args, env);
  assert.match(killed, /staging: \d+ rows/);
  await withDb(dataDir, async (d) => {
    assert.equal(await count(d, 'person'), 0, 'a killed import leaves nothing in person');
    const imp = await d.db.selectFrom('person_import').select(['status']).executeTakeFirstOrThrow();
    assert.ok(['staging', 'committing'].includes(imp.status), imp.status);
  });

  const run = await tuntas(args, env);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.status, 'committed');
  assert.equal(result.committed, ROWS);
  assert.match(result.firstCaseCode, /^TNT-6503-\d{6}$/);
  await withDb(dataDir, async (d) => {
    assert.equal(await count(d, 'person'), ROWS, 'every row exactly once');
    assert.equal(await count(d, 'person_import_row'), 0);
    const imports = await d.db.selectFrom('person_import').select(['id', 'status', 'failure']).orderBy('id').execute();
    assert.deepEqual(imports.map((i) => i.status), ['failed', 'committed']);
    assert.match(imports[0]!.failure!, /abandoned/);
    // Sealed like the registry seals: it opens them with the data directory's key.
    const keys = keyRing(masterKeyFrom(fs.readFileSync(path.join(dataDir, 'master.key'), 'utf8')));
    const persons = new PersonService(d.db, keys, systemClock, 300_000);
    const p = await d.db.selectFrom('person').selectAll().where('case_code', '=', result.lastCaseCode).executeTakeFirstOrThrow();
    const identity = persons.sealer.open<{ nik: string; fullName: string }>(`person/${p.case_code}`, { ciphertext: Buffer.from(p.identity_ct!), wrappedKey: Buffer.from(p.dek_wrapped!) });
    assert.equal(identity.nik, nikOf(ROWS - 1));
    assert.equal(identity.fullName, `Qorina Zephyrine ${ROWS - 1}`);
    assert.equal(p.nik_bidx, (await persons.blindIndexer()).index('nik', nikOf(ROWS - 1)));
  });

  const bad = path.join(dataDir, 'salah.csv');
  fs.writeFileSync(bad, csvOf([rowOf(50_001), 'Zaenab Quorra,,X,6503025708910000,,,,']));
  const refused = await tuntas(['import', 'persons', bad, '--site', 'LOK-6503-001', '--json', '--lang', 'en'], env);
  assert.equal(refused.code, 1, refused.stderr);
  const r = JSON.parse(refused.stdout);
  assert.equal(r.status, 'invalid');
  assert.equal(r.errorRows, 1);
  assert.equal(r.committed, 0);
  assert.equal(r.errorReport, path.join(dataDir, 'salah.errors.xlsx'));
  assert.ok(fs.statSync(r.errorReport).size > 1000);
  assert.doesNotMatch(fs.readFileSync(r.errorReport).toString('latin1'), /Zaenab/);
  await withDb(dataDir, async (d) => assert.equal(await count(d, 'person'), ROWS));
});
