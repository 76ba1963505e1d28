// A checkpoint every day at midnight, Western Indonesia Time (17:00 UTC), so
// auditors always have a recent head hash to copy out of the system.
import { z } from 'zod';
import { NO_REQUEST } from '../auth/actor.ts';
import { inTransaction } from '../db/database.ts';
import { defineJob } from '../jobs/job-definition.ts';
import { createCheckpoint } from './checkpoint.ts';

const WIB_MIDNIGHT_UTC_HOUR = 17;

/** The next midnight WIB after `from`. */
export function nextDailyCheckpoint(from: Date): Date {
  const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), WIB_MIDNIGHT_UTC_HOUR));
  if (next <= from) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export const auditCheckpointJob = defineJob({
  id: 'audit.checkpoint',
  version: 1,
  payload: z.object({}),
  repeat: nextDailyCheckpoint,
  handler: (ctx) => inTransaction(ctx.db, (tx) => createCheckpoint(tx, { actor: { kind: 'system', username: 'scheduler' }, request: NO_REQUEST })),
});
