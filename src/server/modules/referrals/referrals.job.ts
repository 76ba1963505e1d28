// Every day at midnight WIB: shred the referral snapshots past their expiry (and
// those resting on a withdrawn consent), even if nobody opens the referrals module.
import { z } from 'zod';
import { NO_REQUEST } from '../../platform/auth/actor.ts';
import { nextDailyCheckpoint } from '../../platform/audit/checkpoint.job.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { sweepReferrals } from './referrals.service.ts';

export const referralSweepJob = defineJob({
  id: 'referrals.sweep',
  version: 1,
  payload: z.object({}),
  repeat: nextDailyCheckpoint,
  handler: (ctx) => inTransaction(ctx.db, (tx) => sweepReferrals(tx, { actor: { kind: 'system', username: 'scheduler' }, request: NO_REQUEST }, new Date())),
});
