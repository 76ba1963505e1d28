// Reading a site as the actor may see it, and its head-count history as lists and
// exports show it; shared by the site use cases and their exports.
import type { z } from 'zod';
import type { HeadCountListQuerySchema } from '../../../common/sites.ts';
import type { Context } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { siteError } from './sites.errors.ts';
import { canSeeSite } from './sites.policy.ts';
import { findSite, headCountsOf, type SiteRow } from './sites.repository.ts';

/** The site if it exists and the actor may see it; otherwise 404 (no hint that it exists elsewhere). */
export async function visibleSite(ctx: Context, db: Executor, id: number): Promise<SiteRow> {
  const site = await findSite(db, id);
  if (!site || !canSeeSite(ctx.actor, { regionCode: site.region_code })) throw siteError('site.not_found');
  return site;
}

/** The history with changes computed over every count, then filtered, ordered and paged. */
export async function headCountPage(db: Executor, id: number, query: Partial<z.output<typeof HeadCountListQuerySchema>>) {
  const rows = await headCountsOf(db, id);
  const all = rows.map((h, i) => {
    const prev = i > 0 ? rows[i - 1]! : null;
    return {
      id: h.id,
      countedOn: h.counted_on,
      source: h.source,
      workers: h.workers,
      othersAffected: h.others_affected,
      reasonForChange: h.reason_for_change,
      personListId: h.person_list_id,
      workersChange: prev ? h.workers - prev.workers : null,
      othersAffectedChange: prev ? h.others_affected - prev.others_affected : null,
    };
  });
  const matching = all.filter(
    (h) => (!query.source || h.source === query.source) && (!query.from || h.countedOn >= query.from) && (!query.to || h.countedOn <= query.to),
  );
  if (query.order === 'desc') matching.reverse();
  const offset = query.offset ?? 0;
  return { items: matching.slice(offset, offset + (query.limit ?? 500)), total: matching.length };
}
