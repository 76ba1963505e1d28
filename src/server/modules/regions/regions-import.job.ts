// Loads the region hierarchy into the database as a background job with progress.
import { z } from 'zod';
import type { RegionLevel } from '../../../common/regions.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { formerRegions, officialCount, officialRegions } from './region-sources.ts';
import { upsertRegions, type RegionRow } from './regions.repository.ts';

const BATCH = 1000;

export const regionsImportJob = defineJob({
  id: 'regions.import',
  version: 1,
  payload: z.object({ includeVillages: z.boolean().default(false) }),
  async handler(ctx, { includeVillages }) {
    const levels: RegionLevel[] = ['province', 'regency', 'district', ...(includeVillages ? (['village'] as const) : [])];
    const former = await formerRegions();
    const total = levels.reduce((n, l) => n + officialCount(l), 0) + former.length;
    let done = 0;
    const loaded: Record<string, number> = {};
    for (const level of levels) {
      let batch: RegionRow[] = [];
      const flush = async () => {
        await upsertRegions(ctx.db, batch);
        done += batch.length;
        loaded[level] = (loaded[level] ?? 0) + batch.length;
        batch = [];
        await ctx.progress(done, total, level);
        if (ctx.signal.aborted) throw new Error('stopped: the server is shutting down');
      };
      for await (const row of officialRegions(level)) {
        batch.push(row);
        if (batch.length === BATCH) await flush();
      }
      await flush();
    }
    // Former regencies first, then their districts (successors are loaded above).
    const current = former.filter((r) => r.level !== 'village' && levels.includes(r.level));
    await upsertRegions(ctx.db, current);
    done += current.length;
    loaded.former = current.length;
    await ctx.progress(done, done, null);
    await ctx.db
      .insertInto('app_meta')
      .values({ key: 'regions.loaded_at', value: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value'), updated_at: new Date() }))
      .execute();
    return loaded;
  },
});
