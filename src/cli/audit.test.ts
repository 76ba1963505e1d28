// `tuntas audit verify` and `tuntas audit checkpoint`, run as operators run them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { audit } from '../server/platform/audit/audit.ts';
import { tamper, userContext } from '../server/platform/audit/audit-test-helpers.ts';
import { inTransaction, openDatabase } from '../server/platform/db/database.ts';
import { preparedData } from '../server/test/prepared-data.ts';
import { tuntas } from '../server/test/processes.ts';

test('audit verify exits 0 on an intact log and 1 naming the first broken event', async (t) => {
  const { env, options } = await preparedData(t);
  const cp = await tuntas(['audit', 'checkpoint', '--json'], env);
  assert.equal(cp.code, 0, cp.stderr);
  assert.deepEqual(Object.keys(JSON.parse(cp.stdout)).sort(), ['at', 'count', 'hash', 'seq']);

  let database = await openDatabase(options);
  for (let i = 0; i < 3; i++) await inTransaction(database.db, (tx) => audit(tx, userContext(), { action: 'case.update', entityType: 'case', entityId: i }));
  await database.close();

  const ok = await tuntas(['audit', 'verify'], env);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Audit log intact: 4 events/);

  database = await openDatabase(options);
  await tamper(database.db, sql`update audit_event set entity_id = '99' where seq = 3`);
  await database.close();
  const broken = await tuntas(['audit', 'verify'], env);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /BROKEN at event 3 \(hash_mismatch\)/);
  const json = await tuntas(['audit', 'verify', '--json'], env);
  assert.equal(json.code, 1);
  assert.deepEqual(JSON.parse(json.stdout).firstBroken, { seq: 3, reason: 'hash_mismatch' });
});
