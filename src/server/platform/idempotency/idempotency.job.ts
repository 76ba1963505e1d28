// Stored answers are for retries, which come within minutes: every day at midnight WIB,
// answers older than KEEP_DAYS and claims left pending for a day (their request died) go.
import { sql } from 'kysely';
import { z } from 'zod';
import { nextDailyCheckpoint } from '../audit/checkpoint.job.ts';
import type { Db } from '../db/database.ts';
import { defineJob } from '../jobs/job-definition.ts';

export const KEEP_DAYS = 7;

export async function expireIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const done = new Date(now.getTime() - KEEP_DAYS * 86_400_000);
  const stale = new Date(now.getTime() - 86_400_000);
  const res = await db
    .deleteFrom('idempotency_key')
    .where(sql<boolean>`(state = 'done' and completed_at < ${done}) or (state = 'pending' and claimed_at < ${stale})`)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export const idempotencyExpiryJob = defineJob({
  id: 'idempotency.expire',
  version: 1,
  payload: z.object({}),
  repeat: nextDailyCheckpoint,
  handler: async (ctx) => {
    const removed = await expireIdempotencyKeys(ctx.db, new Date());
    ctx.log.info({ removed }, 'idempotency keys expired');
  },
});
