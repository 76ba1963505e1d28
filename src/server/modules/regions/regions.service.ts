// Region use cases. Regions are public reference data (no personal fields).
import type { JobView } from '../../../common/jobs.ts';
import type { RegionDetail, RegionList, RegionCounts, RegionListQuerySchema } from '../../../common/regions.ts';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { regionError } from './regions.errors.ts';
import { regionsImportJob } from './regions-import.job.ts';
import * as repo from './regions.repository.ts';

export class RegionService {
  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
  ) {}

  async list(query: z.output<typeof RegionListQuerySchema>): Promise<RegionList> {
    const { rows, total } = await repo.listRegions(this.db, query);
    return { items: rows.map(repo.toRegion), total };
  }

  async get(code: string): Promise<RegionDetail> {
    const row = await repo.findRegion(this.db, code);
    if (!row) throw regionError('region.not_found', { code });
    const [ancestors, former] = await Promise.all([repo.findAncestors(this.db, code), repo.findFormerCodes(this.db, code)]);
    return {
      ...repo.toRegion(row),
      ancestors: ancestors.map((a) => ({ code: a.code, name: a.name, level: a.level })),
      formerCodes: former.map((f) => ({ code: f.code, name: f.name, validTo: f.valid_to })),
    };
  }

  async summary(): Promise<{ counts: RegionCounts; lastImport: JobView | null }> {
    const [counts, lastImport] = await Promise.all([repo.countRegions(this.db), this.jobs.latest(regionsImportJob.id)]);
    return { counts, lastImport: lastImport ?? null };
  }

  /** Queues an import (or returns the one already queued or running). */
  startImport(includeVillages = false): Promise<number> {
    return this.jobs.enqueue(regionsImportJob, { includeVillages }, { dedupeKey: 'regions' });
  }

  /** On an empty database, queues the first import; returns its job id, if any. */
  async ensureLoaded(): Promise<number | undefined> {
    const counts = await repo.countRegions(this.db);
    return counts.province === 0 ? this.startImport(false) : undefined;
  }
}
