// The year-end job: on 1 January (WIB) sent payments of the year that ended, never claimed,
// go back to the treasury.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextYearEnd, returnUnclaimedJob } from './return-unclaimed.job.ts';
import { sentBatch } from './payments.test-support.ts';

test('nextYearEnd is 1 January 00:00 WIB', () => {
  assert.equal(nextYearEnd(new Date('2018-07-05T03:00:00Z')).toISOString(), '2018-12-31T17:00:00.000Z');
  assert.equal(nextYearEnd(new Date('2018-12-31T17:00:00Z')).toISOString(), '2019-12-31T17:00:00.000Z');
});

test('the job returns the year’s unclaimed payments as the scheduler, and queues itself for the next year', async (t) => {
  let now = new Date('2018-07-05T03:00:00Z');
  const { app, db, batch } = await sentBatch(t, () => now);
  now = new Date('2019-01-01T00:30:00Z'); // 1 January 2019, 07:30 WIB
  await app.services.jobs.enqueue(returnUnclaimedJob, {}, { dedupeKey: 'yearly' });
  await app.services.jobs.runUntilIdle();
  const payments = await db.selectFrom('payment').select('status').where('batch_id', '=', batch.id).execute();
  assert.ok(payments.every((p) => p.status === 'returned'));
  const b = await db.selectFrom('payment_batch').select('status').where('id', '=', batch.id).executeTakeFirstOrThrow();
  assert.equal(b.status, 'closed');
  const event = await db.selectFrom('audit_event').select(['actor_username', 'summary']).where('action', '=', 'payment.unclaimed_returned').executeTakeFirstOrThrow();
  assert.equal(event.actor_username, 'scheduler');
  const next = await db.selectFrom('job').select(['run_at', 'status']).where('kind', '=', 'payments.return_unclaimed').where('status', '=', 'queued').executeTakeFirst();
  assert.ok(next, 'queued again');
});
