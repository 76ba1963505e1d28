// The daily digest of follow-up visits: one in-app notification per case worker with
// scheduled visits overdue or due within DUE_SOON_DAYS on her assigned cases, naming
// case codes only. Runs every morning at 07:00 WIB (00:00 UTC); a worker gets at most
// one digest per WIB day, so a rerun on the same day adds nothing.
import { z } from 'zod';
import { DUE_SOON_DAYS } from '../../../common/follow-ups.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { notify } from '../notifications/notifications.service.ts';
import { wibDate } from '../registry/registry-access.ts';
import { addDays } from './follow-ups.dates.ts';
import * as repo from './follow-ups.repository.ts';

const DIGEST_UTC_HOUR = 0; // 07:00 WIB
const MAX_CODES = 20;
export const DIGEST_KIND = 'follow_up.digest';

/** The next 07:00 WIB after `from`. */
export function nextDigestRun(from: Date): Date {
  const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), DIGEST_UTC_HOUR));
  if (next <= from) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

const list = (codes: string[]) => (codes.length > MAX_CODES ? `${codes.slice(0, MAX_CODES).join(', ')} …` : codes.join(', '));

/** Sends the digests for the WIB day of `now`; answers how many workers were notified. */
export async function sendFollowUpDigests(db: Db, now: Date): Promise<{ notified: number }> {
  const today = wibDate(now);
  const dayStart = new Date(`${today}T00:00:00+07:00`);
  return inTransaction(db, async (tx) => {
    const rows = await repo.dueVisitsByWorker(tx, addDays(today, DUE_SOON_DAYS));
    const byWorker = new Map<number, { overdue: Set<string>; soon: Set<string> }>();
    for (const r of rows) {
      const w = byWorker.get(r.user_id!) ?? { overdue: new Set(), soon: new Set() };
      (r.due_date < today ? w.overdue : w.soon).add(r.case_code);
      byWorker.set(r.user_id!, w);
    }
    const already = new Set(
      (await tx.selectFrom('notification').select('user_id').where('kind', '=', DIGEST_KIND).where('created_at', '>=', dayStart).execute()).map((r) => r.user_id),
    );
    let notified = 0;
    for (const [userId, w] of byWorker) {
      if (already.has(userId)) continue;
      const overdue = [...w.overdue];
      const soon = [...w.soon].filter((c) => !w.overdue.has(c));
      await notify(tx, [userId], {
        kind: DIGEST_KIND,
        title: {
          id: `Tindak lanjut: ${overdue.length} kasus terlambat, ${soon.length} segera jatuh tempo`,
          en: `Follow-ups: ${overdue.length} cases overdue, ${soon.length} due soon`,
        },
        body: {
          id: [overdue.length ? `Terlambat: ${list(overdue)}.` : '', soon.length ? `Jatuh tempo ${DUE_SOON_DAYS} hari ke depan: ${list(soon)}.` : ''].filter(Boolean).join(' '),
          en: [overdue.length ? `Overdue: ${list(overdue)}.` : '', soon.length ? `Due in the next ${DUE_SOON_DAYS} days: ${list(soon)}.` : ''].filter(Boolean).join(' '),
        },
        entityType: 'follow_up_digest',
        entityId: today,
      });
      notified++;
    }
    return { notified };
  });
}

export const followUpDigestJob = defineJob({
  id: 'follow_ups.digest',
  version: 1,
  payload: z.object({}),
  repeat: nextDigestRun,
  handler: (ctx) => sendFollowUpDigests(ctx.db, new Date()),
});

/** The same job on the app's clock (registered by the app, so tests can move time). */
export const followUpDigestJobWith = (clock: () => Date) => defineJob({ ...followUpDigestJob, handler: (ctx) => sendFollowUpDigests(ctx.db, clock()) });
