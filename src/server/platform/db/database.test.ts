import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../../test/build-app.ts';
import { inTransaction } from './database.ts';

test('inTransaction commits all or nothing, and joins an open transaction', async (t) => {
  const { db } = await freshDatabase(t);
  await assert.rejects(
    inTransaction(db, async (tx) => {
      await tx.insertInto('app_meta').values({ key: 'a', value: '1' }).execute();
      await inTransaction(tx, (inner) => inner.insertInto('app_meta').values({ key: 'b', value: '2' }).execute());
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.deepEqual(await db.selectFrom('app_meta').selectAll().execute(), []);

  await inTransaction(db, async (tx) => {
    await tx.insertInto('app_meta').values({ key: 'a', value: '1' }).execute();
    await inTransaction(tx, (inner) => inner.insertInto('app_meta').values({ key: 'b', value: '2' }).execute());
  });
  assert.deepEqual((await db.selectFrom('app_meta').select('key').orderBy('key').execute()).map((r) => r.key), ['a', 'b']);
});

test('both engines return bigint columns as numbers and dates as YYYY-MM-DD', async (t) => {
  const { db } = await freshDatabase(t);
  const r = await sql<{ rupiah: number; huge: bigint; day: string; at: Date }>`
    select 5500000::bigint as rupiah, 9223372036854775807::bigint as huge,
           date '2018-05-18' as day, timestamptz '2018-05-18T01:00:00Z' as at`.execute(db);
  const row = r.rows[0]!;
  assert.equal(row.rupiah, 5_500_000);
  assert.equal(row.huge, 9223372036854775807n);
  assert.equal(row.day, '2018-05-18');
  assert.equal(new Date(row.at).toISOString(), '2018-05-18T01:00:00.000Z');
});
