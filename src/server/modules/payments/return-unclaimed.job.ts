// On 1 January (00:00 WIB) money sent in the year that ended and never claimed goes back to
// the treasury, without anyone pressing the button (POST /api/payment-batches/return-unclaimed
// does the same by hand). Runs as the scheduler over every region.
import { z } from 'zod';
import { NO_REQUEST } from '../../platform/auth/actor.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import type { BatchService } from './batches.service.ts';

const WIB_MS = 7 * 3_600_000;

/** The next 1 January, 00:00 WIB (31 December, 17:00 UTC) after `from`. */
export function nextYearEnd(from: Date): Date {
  const wibYear = new Date(from.getTime() + WIB_MS).getUTCFullYear();
  return new Date(Date.UTC(wibYear + 1, 0, 1) - WIB_MS);
}

/** The job's identity, for enqueueing; the handler comes with the service (returnUnclaimedJobWith). */
export const returnUnclaimedJob = defineJob({
  id: 'payments.return_unclaimed',
  version: 1,
  payload: z.object({}),
  repeat: nextYearEnd,
  handler: () => Promise.reject(new Error('payments.return_unclaimed is registered with its service: use returnUnclaimedJobWith')),
});

export function returnUnclaimedJobWith(batches: BatchService, clock: () => Date) {
  return defineJob({
    ...returnUnclaimedJob,
    handler: async (ctx) => {
      const year = new Date(clock().getTime() + WIB_MS).getUTCFullYear() - 1;
      const result = await batches.returnUnclaimed({ actor: { kind: 'system', username: 'scheduler' }, request: NO_REQUEST }, { year });
      ctx.log.info(result, 'unclaimed payments returned to the treasury');
    },
  });
}
