import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import pino from 'pino';
import { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import { freshDatabase } from '../../test/build-app.ts';
import { defineJob } from './job-definition.ts';
import { JobQueue } from './job-queue.ts';
import { JobWorker } from './job-worker.ts';

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

function flakyJob(failTimes: number) {
  let calls = 0;
  return defineJob({
    id: 'test.flaky',
    version: 1,
    payload: z.object({ n: z.number() }),
    maxAttempts: 3,
    async handler(ctx, { n }) {
      calls++;
      await ctx.progress(calls, 3, 'step');
      if (calls <= failTimes) throw new Error(`failure ${calls}`);
      return { doubled: n * 2, calls };
    },
  });
}

async function makeDue(db: Awaited<ReturnType<typeof freshDatabase>>['db']) {
  await sql`update job set run_at = now() where status = 'queued'`.execute(db);
}

test('a failing job is retried with back-off, then succeeds', async (t) => {
  const { db } = await freshDatabase(t);
  const job = flakyJob(1);
  const queue = new JobQueue(db, log, [job as never]);
  const id = await queue.enqueue(job, { n: 21 });
  await queue.runUntilIdle();
  let view = await queue.get(id);
  assert.equal(view?.status, 'queued');
  assert.equal(view?.error, 'failure 1');
  await makeDue(db);
  await queue.runUntilIdle();
  view = await queue.get(id);
  assert.equal(view?.status, 'succeeded');
  assert.equal(view?.attempts, 2);
  const row = await db.selectFrom('job').select('result').where('id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual(row.result, { doubled: 42, calls: 2 });
});

test('a job that keeps failing ends failed after its attempts', async (t) => {
  const { db } = await freshDatabase(t);
  const job = flakyJob(99);
  const queue = new JobQueue(db, log, [job as never]);
  const id = await queue.enqueue(job, { n: 1 });
  for (let i = 0; i < 3; i++) {
    await queue.runUntilIdle();
    await makeDue(db);
  }
  const view = await queue.get(id);
  assert.equal(view?.status, 'failed');
  assert.equal(view?.attempts, 3);
  assert.equal(view?.error, 'failure 3');
});

test('an invalid payload is refused at enqueue time', async (t) => {
  const { db } = await freshDatabase(t);
  const job = flakyJob(0);
  const queue = new JobQueue(db, log, [job as never]);
  await assert.rejects(queue.enqueue(job, { n: 'x' } as never));
  assert.equal((await db.selectFrom('job').selectAll().execute()).length, 0);
});

test('a running job whose worker died is picked up again after its lease', async (t) => {
  const { db } = await freshDatabase(t);
  const job = flakyJob(0);
  const queue = new JobQueue(db, log, [job as never]);
  const id = await queue.enqueue(job, { n: 2 });
  const claimed = await queue.claim();
  assert.equal(claimed?.id, id);
  assert.equal(await queue.claim(), undefined, 'a leased job is not handed out twice');
  await sql`update job set locked_until = now() - interval '1 second' where id = ${id}`.execute(db);
  const other = new JobQueue(db, log, [job as never]);
  await other.runUntilIdle();
  assert.equal((await other.get(id))?.status, 'succeeded');
});

test('the worker runs jobs in the background as soon as they are enqueued', async (t) => {
  const { db } = await freshDatabase(t);
  const job = flakyJob(0);
  const queue = new JobQueue(db, log, [job as never]);
  const worker = new JobWorker(queue, log, 60_000);
  worker.start();
  t.after(() => worker.stop());
  const id = await queue.enqueue(job, { n: 5 });
  for (let i = 0; i < 100 && (await queue.get(id))?.status !== 'succeeded'; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal((await queue.get(id))?.status, 'succeeded');
});
