import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { inTransaction, openDatabase, type Db } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { cliContext } from '../auth/actor.ts';
import { createTestDatabase, freshDatabase, TEST_DATABASE_URL } from '../../test/build-app.ts';
import { audit } from './audit.ts';
import { verifyAuditChain } from './verify.ts';
import { AuditSummaryError } from './summary-guard.ts';
import { userContext } from './audit-test-helpers.ts';

test('an event commits and rolls back with its transaction; the chain round-trips exactly', async (t) => {
  const { db } = await freshDatabase(t);
  const ctx = userContext({ scope: { level: 'regency', code: '65.03' } });
  await inTransaction(db, async (tx) => {
    await tx.insertInto('app_meta').values({ key: 'k', value: 'v' }).execute();
    await audit(tx, ctx, {
      action: 'meta.create',
      entityType: 'app_meta',
      entityId: 'k',
      regionCode: '65.03',
      reason: 'Pembaruan data — “uji” 👍',
      summary: { z: 1, a: { y: [1, 2.5, 'x', null], b: true }, fullName: '[changed]', when: new Date('2024-01-02T03:04:05.678Z') },
    });
  });
  await assert.rejects(
    inTransaction(db, async (tx) => {
      await audit(tx, ctx, { action: 'meta.delete', entityType: 'app_meta', entityId: 'k' });
      throw new Error('boom');
    }),
    /boom/,
  );
  await inTransaction(db, (tx) => audit(tx, cliContext('root'), { action: 'user.create', entityType: 'app_user', entityId: 3 }));

  const rows = await db.selectFrom('audit_event').selectAll().orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => [r.seq, r.action]), [[1, 'meta.create'], [2, 'user.create']]);
  assert.equal(rows[0]!.actor_scope, '65.03');
  assert.deepEqual(rows[0]!.actor_roles, ['auditor']);
  assert.equal(rows[0]!.request_id, 'req-12345678');
  assert.deepEqual(rows[0]!.summary, { a: { b: true, y: [1, 2.5, 'x', null] }, fullName: '[changed]', when: '2024-01-02T03:04:05.678Z', z: 1 });
  assert.deepEqual([rows[1]!.actor_user_id, rows[1]!.actor_username, rows[1]!.actor_roles, rows[1]!.actor_scope], [null, 'cli:root', [], null]);
  assert.equal(rows[1]!.prev_hash, rows[0]!.hash);
  assert.deepEqual(await verifyAuditChain(db), { ok: true, count: 2, lastSeq: 2, lastHash: rows[1]!.hash, firstBroken: null });
});

test('audit() refuses to run outside a transaction', async (t) => {
  const { db } = await freshDatabase(t);
  await assert.rejects(audit(db as never, userContext(), { action: 'x', entityType: 'y' }), /must be called with the transaction/);
});

test('summaries that look like personal data are refused', async (t) => {
  const { db } = await freshDatabase(t);
  for (const summary of [{ nik: '6503010101010001' }, { changes: { full_name: 'Siti' } }, { newPhone: '0812' }, { rows: [{ address: 'Jl. X' }] }, { accountNumber: 1234 }]) {
    await assert.rejects(
      inTransaction(db, (tx) => audit(tx, userContext(), { action: 'person.update', entityType: 'person', summary })),
      AuditSummaryError,
      JSON.stringify(summary),
    );
  }
  await inTransaction(db, (tx) =>
    audit(tx, userContext(), { action: 'person.update', entityType: 'person', summary: { nik: '[changed]', phone: true, fields: ['nik', 'address'], regionName: 'Nunukan' } }),
  );
  assert.equal((await verifyAuditChain(db)).count, 1);
});

test('the database rejects UPDATE, DELETE and TRUNCATE of the log, and a head that jumps', async (t) => {
  const { db } = await freshDatabase(t);
  await inTransaction(db, (tx) => audit(tx, userContext(), { action: 'a', entityType: 'e' }));
  for (const statement of [
    sql`update audit_event set action = 'b' where seq = 1`,
    sql`delete from audit_event where seq = 1`,
    sql`truncate audit_event`,
    sql`delete from audit_head`,
    sql`update audit_head set seq = 0`,
    sql`truncate audit_checkpoint`,
  ])
    await assert.rejects(statement.execute(db), /append-only|may only advance/, statement.compile(db).sql);
  assert.equal((await verifyAuditChain(db)).ok, true);
});

/** On PostgreSQL, a pool as large as the number of transactions, so all of them really run at once. */
async function wideDatabase(t: Parameters<typeof freshDatabase>[0]): Promise<Db> {
  if (!TEST_DATABASE_URL) return (await freshDatabase(t)).db;
  const fresh = await createTestDatabase();
  const database = await openDatabase({ kind: 'postgres', url: fresh.url, poolSize: 21 });
  t.after(async () => {
    await database.close();
    await fresh.drop();
  });
  await migrate(database.db);
  return database.db;
}

test('concurrent appends form one unbroken chain', async (t) => {
  const db = await wideDatabase(t);
  const n = 20;
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      inTransaction(db, async (tx) => {
        await tx.insertInto('app_meta').values({ key: `c${i}`, value: String(i) }).execute();
        await audit(tx, userContext({ userId: i + 1 }), { action: 'meta.create', entityType: 'app_meta', entityId: `c${i}` });
      }),
    ),
  );
  const result = await verifyAuditChain(db);
  assert.deepEqual({ ok: result.ok, count: result.count }, { ok: true, count: n });
});

test('PostgreSQL: with the documented grants the application role cannot change or unprotect the log', { skip: !TEST_DATABASE_URL && 'PostgreSQL only' }, async (t) => {
  const { db } = await freshDatabase(t);
  await inTransaction(db, (tx) => audit(tx, userContext(), { action: 'a', entityType: 'e' }));
  const role = `tuntas_app_${Math.random().toString(36).slice(2, 8)}`;
  await sql.raw(`create role ${role} nologin;
    grant select, insert, update, delete on all tables in schema public to ${role};
    revoke update, delete, truncate on audit_event, audit_checkpoint from ${role};
    revoke delete, truncate on audit_head from ${role};`).execute(db);
  const asApp = (statement: string) =>
    db.transaction().execute(async (tx) => {
      await sql.raw(`set local role ${role}`).execute(tx);
      await sql.raw(statement).execute(tx);
    });
  try {
    await inTransaction(db, async (tx) => {
      await sql.raw(`set local role ${role}`).execute(tx);
      await audit(tx, userContext(), { action: 'b', entityType: 'e' });
    });
    for (const statement of ['update audit_event set action = $$x$$', 'delete from audit_event', 'alter table audit_event disable trigger user'])
      await assert.rejects(asApp(statement), /permission denied|must be owner/, statement);
    assert.equal((await verifyAuditChain(db)).count, 2);
  } finally {
    await sql.raw(`drop owned by ${role}; drop role ${role}`).execute(db); // roles outlive the test database
  }
});
