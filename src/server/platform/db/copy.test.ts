// database.copyInto on the engine under test (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../../test/build-app.ts';
import { BinaryCopyWriter, encodeCopyRows } from './copy.ts';

test('copyInto loads rows and pre-encoded batches: nulls, bytes, escapes, unicode; a failing source on PostgreSQL leaves nothing', async (t) => {
  const database = await freshDatabase(t, { migrate: false });
  const { db } = database;
  await sql`create table copy_probe (id int not null, label text, bytes bytea, n bigint, flag boolean)`.execute(db);
  const tricky = 'tab\there\nnew line \\ back\rslash — Ünïcödé';
  const batches = async function* () {
    yield [
      [1, 'plain', Buffer.from([0, 1, 2, 255]), 9_007_199_254_740_991, true],
      [2, tricky, null, null, false],
    ];
    yield encodeCopyRows([[3, null, new Uint8Array([0x5c, 0x0a]), -5, null]]);
    yield [];
  };
  assert.equal(await database.copyInto('copy_probe', ['id', 'label', 'bytes', 'n', 'flag'], batches()), 3);
  const rows = await sql<{ id: number; label: string | null; bytes: Uint8Array | null; n: number | null; flag: boolean | null }>`select * from copy_probe order by id`.execute(db);
  assert.equal(rows.rows.length, 3);
  assert.deepEqual(Buffer.from(rows.rows[0]!.bytes!), Buffer.from([0, 1, 2, 255]));
  assert.equal(Number(rows.rows[0]!.n), 9_007_199_254_740_991);
  assert.equal(rows.rows[1]!.label, tricky);
  assert.equal(rows.rows[1]!.bytes, null);
  assert.deepEqual(Buffer.from(rows.rows[2]!.bytes!), Buffer.from([0x5c, 0x0a]));
  assert.equal(rows.rows[2]!.flag, null);

  // Many rows in one source: PGlite splits them into several COPYs, PostgreSQL streams one.
  const many = function* () {
    for (let b = 0; b < 30; b++) yield Array.from({ length: 1000 }, (_, i) => [10_000 + b * 1000 + i, 'x'.repeat(300), null, b, true]);
  };
  assert.equal(await database.copyInto('copy_probe', ['id', 'label', 'bytes', 'n', 'flag'], many()), 30_000);
  assert.equal((await sql<{ c: number }>`select count(*)::int as c from copy_probe`.execute(db)).rows[0]!.c, 30_003);

  // A bad identifier never reaches SQL.
  await assert.rejects(database.copyInto('copy_probe; drop table x', ['id'], []), /not a plain identifier/);

  // A source that fails: PostgreSQL aborts the whole COPY; the pool stays usable.
  const failing = async function* () {
    yield [[99_999_001, 'a', null, 1, true]];
    throw new Error('source failed');
  };
  await assert.rejects(database.copyInto('copy_probe', ['id', 'label', 'bytes', 'n', 'flag'], failing()), /source failed/);
  const after = (await sql<{ c: number }>`select count(*)::int as c from copy_probe where id = 99999001`.execute(db)).rows[0]!.c;
  assert.equal(after, 0, 'the failed COPY kept nothing');
  // Bad data is the database's error, with the engine's message.
  await assert.rejects(database.copyInto('copy_probe', ['id', 'label'], [[['not a number', 'x']]]), /integer/);
  assert.equal((await sql<{ c: number }>`select count(*)::int as c from copy_probe`.execute(db)).rows[0]!.c, 30_003);

  // copyInto waits for a transaction in progress (PGlite: one connection) instead of joining it.
  const tx = db.transaction().execute(async (trx) => {
    await sql`insert into copy_probe (id) values (-1)`.execute(trx);
    await new Promise((r) => setTimeout(r, 50));
    throw new Error('rolled back');
  });
  const copied = database.copyInto('copy_probe', ['id'], [[[-2]]]);
  await assert.rejects(tx, /rolled back/);
  assert.equal(await copied, 1);
  const ids = (await sql<{ id: number }>`select id from copy_probe where id < 0`.execute(db)).rows.map((r) => r.id);
  assert.deepEqual(ids, [-2]);
});

test('copyInto in binary format loads tuples from BinaryCopyWriter batches: int4, int8, text, bytea, nulls, unicode, several COPYs', async (t) => {
  const database = await freshDatabase(t, { migrate: false });
  const { db } = database;
  await sql`create table copy_bin (id int not null, big bigint, label text, bytes bytea)`.execute(db);
  const w = new BinaryCopyWriter(16); // tiny: the writer must grow
  const tricky = 'tab\there\nnew line \\ — Ünïcödé 🙂';
  const first = w.tuple(4).int4(1).int8(-9_007_199_254_740_991).text(tricky).bytes(Buffer.from([0, 0x5c, 0x0a, 255])).take();
  w.tuple(4).int4(2).int8(null).text(null).bytes(null);
  w.tuple(4).int4(3).int8(2 ** 40 + 7).text('').bytes(new Uint8Array(0));
  const second = w.take();
  assert.equal(first.rows, 1);
  assert.equal(second.rows, 2);
  // ~12 MB of tuples: PGlite sends them as two COPYs, each a whole binary stream.
  const big = function* () {
    for (let b = 0; b < 4; b++) {
      for (let i = 0; i < 10_000; i++) w.tuple(4).int4(1000 + b * 10_000 + i).int8(b).text('x'.repeat(300)).bytes(null);
      yield w.take();
    }
  };
  assert.equal(await database.copyInto('copy_bin', ['id', 'big', 'label', 'bytes'], [first, second], 'binary'), 3);
  assert.equal(await database.copyInto('copy_bin', ['id', 'big', 'label', 'bytes'], big(), 'binary'), 40_000);
  const rows = await sql<{ id: number; big: number | null; label: string | null; bytes: Uint8Array | null }>`select * from copy_bin where id < 1000 order by id`.execute(db);
  assert.equal(Number(rows.rows[0]!.big), -9_007_199_254_740_991);
  assert.equal(rows.rows[0]!.label, tricky);
  assert.deepEqual(Buffer.from(rows.rows[0]!.bytes!), Buffer.from([0, 0x5c, 0x0a, 255]));
  assert.deepEqual([rows.rows[1]!.big, rows.rows[1]!.label, rows.rows[1]!.bytes], [null, null, null]);
  assert.equal(Number(rows.rows[2]!.big), 2 ** 40 + 7);
  assert.equal(rows.rows[2]!.label, '');
  assert.equal(Buffer.from(rows.rows[2]!.bytes!).length, 0);
  assert.equal((await sql<{ c: number }>`select count(*)::int as c from copy_bin`.execute(db)).rows[0]!.c, 40_003);

  // Rows as arrays have no types to encode them by: refused, nothing loaded.
  await assert.rejects(database.copyInto('copy_bin', ['id'], [[[5]]], 'binary'), /BinaryCopyWriter/);
  // A tuple with the wrong field count is the database's error.
  await assert.rejects(database.copyInto('copy_bin', ['id', 'big'], [w.tuple(1).int4(6).take()], 'binary'), /field count|columns/i);
  assert.throws(() => w.int8(2 ** 53), /safe integer/);
});
