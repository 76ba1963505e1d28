// `tuntas audit verify` and `tuntas audit checkpoint`, run as operators run them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { audit } from '../server/platform/audit/audit.ts';
import { tamper, userContext } from '../server/platform/audit/audit-test-helpers.ts';
import { inTransaction, openDatabase, type Database } from '../server/platform/db/database.ts';
import { createTestDatabase, TEST_DATABASE_URL } from '../server/test/build-app.ts';
import { tempDataDir, tuntas } from '../server/test/processes.ts';

async function databaseEnv(t: { after(fn: () => Promise<void> | void): void }): Promise<Record<string, string>> {
  if (!TEST_DATABASE_URL) return { DATA_DIR: tempDataDir(t) };
  const fresh = await createTestDatabase();
  t.after(() => fresh.drop());
  return { DATABASE_URL: fresh.url };
}

/** Opens the command's database in this process (after the command has exited). */
function open(env: Record<string, string>): Promise<Database> {
  return env.DATABASE_URL ? openDatabase({ kind: 'postgres', url: env.DATABASE_URL }) : openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR! });
}

test('audit verify exits 0 on an intact log and 1 naming the first broken event', async (t) => {
  const env = await databaseEnv(t);
  const cp = await tuntas(['audit', 'checkpoint', '--json'], env);
  assert.equal(cp.code, 0, cp.stderr);
  assert.deepEqual(Object.keys(JSON.parse(cp.stdout)).sort(), ['at', 'count', 'hash', 'seq']);

  let database = await open(env);
  for (let i = 0; i < 3; i++) await inTransaction(database.db, (tx) => audit(tx, userContext(), { action: 'case.update', entityType: 'case', entityId: i }));
  await database.close();

  const ok = await tuntas(['audit', 'verify'], env);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Audit log intact: 4 events/);

  database = await open(env);
  await tamper(database.db, sql`update audit_event set entity_id = '99' where seq = 3`);
  await database.close();
  const broken = await tuntas(['audit', 'verify'], env);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /BROKEN at event 3 \(hash_mismatch\)/);
  const json = await tuntas(['audit', 'verify', '--json'], env);
  assert.equal(json.code, 1);
  assert.deepEqual(JSON.parse(json.stdout).firstBroken, { seq: 3, reason: 'hash_mismatch' });
});
