// verify catches what an owner with triggers disabled could do to the log.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { inTransaction, type Db } from '../db/database.ts';
import { freshDatabase } from '../../test/build-app.ts';
import { audit } from './audit.ts';
import { createCheckpoint } from './checkpoint.ts';
import { verifyAuditChain } from './verify.ts';
import { tamper, userContext } from './audit-test-helpers.ts';

async function fiveEvents(t: Parameters<typeof freshDatabase>[0]): Promise<Db> {
  const { db } = await freshDatabase(t);
  for (let i = 1; i <= 5; i++)
    await inTransaction(db, (tx) => audit(tx, userContext(), { action: 'case.update', entityType: 'case', entityId: i, summary: { status: 'open' } }));
  assert.equal((await verifyAuditChain(db)).ok, true);
  return db;
}

const hashOf = async (db: Db, seq: number) =>
  (await db.selectFrom('audit_event').select('hash').where('seq', '=', seq).executeTakeFirstOrThrow()).hash;

test('an edited event is a hash mismatch at that event', async (t) => {
  const db = await fiveEvents(t);
  await tamper(db, sql`update audit_event set summary = '{"status":"closed"}' where seq = 2`);
  assert.deepEqual((await verifyAuditChain(db)).firstBroken, { seq: 2, reason: 'hash_mismatch' });
});

test('an edited event whose hash was recomputed breaks the link to the next one', async (t) => {
  const db = await fiveEvents(t);
  await tamper(db, sql`update audit_event set actor_username = 'someone.else', hash = repeat('a', 64) where seq = 3`);
  const r = await verifyAuditChain(db);
  assert.equal(r.firstBroken?.seq, 3);
  assert.equal(r.count, 2);
});

test('a deleted event in the middle is a gap', async (t) => {
  const db = await fiveEvents(t);
  await tamper(db, sql`delete from audit_event where seq = 3`);
  assert.deepEqual((await verifyAuditChain(db)).firstBroken, { seq: 3, reason: 'gap' });
});

test('a deleted last event is a gap: the head still counts it', async (t) => {
  const db = await fiveEvents(t);
  await tamper(db, sql`delete from audit_event where seq = 5`);
  const r = await verifyAuditChain(db);
  assert.deepEqual(r.firstBroken, { seq: 5, reason: 'gap' });
  assert.equal(r.count, 4);
});

test('a deleted tail with a rewritten head is caught by a checkpoint', async (t) => {
  const db = await fiveEvents(t);
  const kept = { seq: 5, hash: await hashOf(db, 5) }; // an auditor's copy
  const h4 = await hashOf(db, 4);
  await tamper(db, sql`delete from audit_event where seq = 5`, sql`update audit_head set seq = 4, hash = ${h4}`);
  assert.equal((await verifyAuditChain(db)).ok, true, 'without a checkpoint this is undetectable');
  assert.deepEqual((await verifyAuditChain(db, [kept])).firstBroken, { seq: 5, reason: 'checkpoint_mismatch' });
});

test('a stored checkpoint that no longer matches is reported', async (t) => {
  const db = await fiveEvents(t);
  const cp = await inTransaction(db, (tx) => createCheckpoint(tx, userContext()));
  assert.deepEqual([cp.seq, cp.count, cp.hash], [5, 5, await hashOf(db, 5)]);
  assert.equal((await verifyAuditChain(db)).count, 6, 'the checkpoint itself is audited');
  await tamper(db, sql`update audit_checkpoint set hash = repeat('b', 64)`);
  assert.deepEqual((await verifyAuditChain(db)).firstBroken, { seq: 5, reason: 'checkpoint_mismatch' });
});

test('a reordered pair breaks the chain at the first of them', async (t) => {
  const db = await fiveEvents(t);
  await tamper(
    db,
    sql`update audit_event set seq = seq + 1000 where seq in (3, 4)`,
    sql`update audit_event set seq = 4 where seq = 1003`,
    sql`update audit_event set seq = 3 where seq = 1004`,
  );
  assert.deepEqual((await verifyAuditChain(db)).firstBroken, { seq: 3, reason: 'prev_hash_mismatch' });
});

test('an empty log verifies', async (t) => {
  const { db } = await freshDatabase(t);
  assert.deepEqual(await verifyAuditChain(db), { ok: true, count: 0, lastSeq: null, lastHash: null, firstBroken: null });
});
