// Sites (lokalisasi): the registry, closure milestones with evidence, head counts
// over time, the closure decree and post-closure monitoring. Every change is
// authorised, scope-checked and audited in its own transaction. The Excel exports
// are in sites-export.service.ts.
import type { z } from 'zod';
import type {
  AddHeadCountSchema,
  AddMonitoringVisitSchema,
  CreateSiteSchema,
  HeadCountListQuerySchema,
  MonitoringVisitListQuerySchema,
  RecordClosureSchema,
  SetMilestoneSchema,
  Site,
  SiteListQuerySchema,
  SiteStage,
  SiteSummary,
  UpdateSiteSchema,
} from '../../../common/sites.ts';
import { SITE_STAGES } from '../../../common/sites.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { fileMetaOf, readFile, storeFile, type Upload } from '../../platform/files/files.ts';
import { headsOfOfficeFor } from '../break-glass/break-glass.repository.ts';
import { notify } from '../notifications/notifications.service.ts';
import { headCountPage, visibleSite } from './sites.access.ts';
import { siteError } from './sites.errors.ts';
import { allowedSiteActions } from './sites.policy.ts';
import {
  ensureMilestone,
  evidenceLink,
  evidenceOf,
  listSites,
  lockSite,
  milestonesOf,
  nextSiteCode,
  regionExists,
  visitsOf,
  type SiteRow,
} from './sites.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

function userIdOf(ctx: Context): number | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

export class SiteService {
  constructor(
    private readonly db: Db,
    /** Seals and opens the evidence files. */
    private readonly sealer: RecordSealer,
  ) {}

  private summary(ctx: Context, s: SiteRow): SiteSummary {
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      localNames: s.local_names,
      regionCode: s.region_code,
      regencyCode: s.regency_code,
      latitude: s.latitude,
      longitude: s.longitude,
      description: s.description,
      managingParties: s.managing_parties,
      status: s.status,
      closureDecreeNumber: s.closure_decree_number,
      closureDecreeDate: s.closure_decree_date,
      closureDate: s.closure_date,
      latestHeadCount:
        s.latest_counted_on === null ? null : { countedOn: s.latest_counted_on, workers: s.latest_workers ?? 0, othersAffected: s.latest_others ?? 0 },
      createdAt: iso(s.created_at),
      updatedAt: iso(s.updated_at),
      actions: allowedSiteActions(ctx.actor, { regionCode: s.region_code, regencyCode: s.regency_code, status: s.status }),
    };
  }

  private visible(ctx: Context, db: Executor, id: number): Promise<SiteRow> {
    return visibleSite(ctx, db, id);
  }

  /** For changes: visible and locked. */
  private async forChange(ctx: Context, tx: Executor, id: number): Promise<SiteRow> {
    const site = await this.visible(ctx, tx, id);
    await lockSite(tx, id);
    return site;
  }

  async list(ctx: Context, query: z.output<typeof SiteListQuerySchema>) {
    authorize(ctx.actor, 'site.read');
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : null;
    const { rows, total } = await listSites(this.db, scope, query);
    return { items: rows.map((s) => this.summary(ctx, s)), total };
  }


  async get(ctx: Context, id: number): Promise<Site> {
    authorize(ctx.actor, 'site.read');
    const site = await this.visible(ctx, this.db, id);
    const rows = new Map((await milestonesOf(this.db, id)).map((m) => [m.stage, m]));
    return {
      ...this.summary(ctx, site),
      milestones: SITE_STAGES.map((stage) => {
        const m = rows.get(stage);
        return { stage, plannedDate: m?.planned_date ?? null, doneDate: m?.done_date ?? null, note: m?.note ?? '', evidenceCount: m?.evidence_count ?? 0 };
      }),
    };
  }

  async create(ctx: Context, input: z.output<typeof CreateSiteSchema>): Promise<Site> {
    authorize(ctx.actor, 'site.manage');
    const regencyCode = input.regionCode.split('.').slice(0, 2).join('.');
    if (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, input.regionCode)) throw authError('auth.out_of_scope');
    const id = await inTransaction(this.db, async (tx) => {
      if (!(await regionExists(tx, input.regionCode))) throw siteError('site.unknown_region', { code: input.regionCode });
      const code = await nextSiteCode(tx, regencyCode);
      const row = await tx
        .insertInto('site')
        .values({
          code,
          name: input.name,
          local_names: input.localNames,
          region_code: input.regionCode,
          regency_code: regencyCode,
          latitude: input.latitude,
          longitude: input.longitude,
          description: input.description,
          managing_parties: input.managingParties,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, { action: 'site.create', entityType: 'site', entityId: row.id, regionCode: input.regionCode, summary: { code } });
      return row.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: Context, id: number, input: z.output<typeof UpdateSiteSchema>): Promise<Site> {
    authorize(ctx.actor, 'site.manage');
    await inTransaction(this.db, async (tx) => {
      const site = await this.forChange(ctx, tx, id);
      const set = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.localNames !== undefined ? { local_names: input.localNames } : {}),
        ...(input.latitude !== undefined ? { latitude: input.latitude } : {}),
        ...(input.longitude !== undefined ? { longitude: input.longitude } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.managingParties !== undefined ? { managing_parties: input.managingParties } : {}),
      };
      const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
      if (changed.length === 0) return;
      await tx.updateTable('site').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
      await audit(tx, ctx, { action: 'site.update', entityType: 'site', entityId: id, regionCode: site.region_code, summary: { changed } });
    });
    return this.get(ctx, id);
  }

  async setMilestone(ctx: Context, id: number, stage: SiteStage, input: z.output<typeof SetMilestoneSchema>): Promise<Site> {
    authorize(ctx.actor, 'site.manage');
    await inTransaction(this.db, async (tx) => {
      const site = await this.forChange(ctx, tx, id);
      await ensureMilestone(tx, id, stage);
      await tx
        .updateTable('site_milestone')
        .set({
          ...(input.plannedDate !== undefined ? { planned_date: input.plannedDate } : {}),
          ...(input.doneDate !== undefined ? { done_date: input.doneDate } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          updated_at: new Date(),
        })
        .where('site_id', '=', id)
        .where('stage', '=', stage)
        .execute();
      // Work on any stage past identification means the closure is under way.
      const closing = site.status === 'open' && stage !== 'identification' && input.doneDate;
      await tx
        .updateTable('site')
        .set({ updated_at: new Date(), ...(closing ? { status: 'closing' as const } : {}) })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'site.milestone.set',
        entityType: 'site',
        entityId: id,
        regionCode: site.region_code,
        summary: { stage, plannedDate: input.plannedDate, doneDate: input.doneDate, ...(closing ? { status: 'closing' } : {}) },
      });
    });
    return this.get(ctx, id);
  }

  async headCounts(ctx: Context, id: number, query: Partial<z.output<typeof HeadCountListQuerySchema>> = {}) {
    authorize(ctx.actor, 'site.read');
    await this.visible(ctx, this.db, id);
    return headCountPage(this.db, id, query);
  }



  async addHeadCount(ctx: Context, id: number, input: z.output<typeof AddHeadCountSchema>) {
    authorize(ctx.actor, 'site.manage');
    await inTransaction(this.db, async (tx) => {
      const site = await this.forChange(ctx, tx, id);
      const row = await tx
        .insertInto('site_head_count')
        .values({
          site_id: id,
          counted_on: input.countedOn,
          source: input.source,
          workers: input.workers,
          others_affected: input.othersAffected,
          reason_for_change: input.reasonForChange,
          person_list_id: input.personListId,
          created_by: userIdOf(ctx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('site').set({ updated_at: new Date() }).where('id', '=', id).execute();
      await audit(tx, ctx, {
        action: 'site.head_count.add',
        entityType: 'site',
        entityId: id,
        regionCode: site.region_code,
        summary: { headCountId: row.id, countedOn: input.countedOn, source: input.source, workers: input.workers, othersAffected: input.othersAffected },
      });
    });
    return this.headCounts(ctx, id);
  }

  async recordClosure(ctx: Context, id: number, input: z.output<typeof RecordClosureSchema>): Promise<Site> {
    authorize(ctx.actor, 'site.manage');
    if (input.decreeDate > input.closureDate) throw siteError('site.decree_after_closure', {}, [{ field: 'body.decreeDate', message: { id: 'setelah tanggal penutupan', en: 'after the closure date' } }]);
    await inTransaction(this.db, async (tx) => {
      const site = await this.forChange(ctx, tx, id);
      if (site.status === 'closed') throw siteError('site.already_closed');
      await tx
        .updateTable('site')
        .set({ status: 'closed', closure_decree_number: input.decreeNumber, closure_decree_date: input.decreeDate, closure_date: input.closureDate, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'site.close',
        entityType: 'site',
        entityId: id,
        regionCode: site.region_code,
        summary: { from: site.status, decreeNumber: input.decreeNumber, decreeDate: input.decreeDate, closureDate: input.closureDate },
      });
    });
    return this.get(ctx, id);
  }

  async visits(ctx: Context, id: number, query: Partial<z.output<typeof MonitoringVisitListQuerySchema>> = {}) {
    authorize(ctx.actor, 'site.read');
    await this.visible(ctx, this.db, id);
    const { rows, total } = await visitsOf(this.db, id, query);
    return { items: rows.map((v) => ({ id: v.id, visitedOn: v.visited_on, finding: v.finding, notes: v.notes, visitedBy: v.visited_by })), total };
  }


  /** A post-closure monitoring visit; "activity resumed" reopens the site and tells the region's heads of office. */
  async addVisit(ctx: Context, id: number, input: z.output<typeof AddMonitoringVisitSchema>) {
    authorize(ctx.actor, 'site.manage');
    await inTransaction(this.db, async (tx) => {
      const site = await this.forChange(ctx, tx, id);
      if (site.status !== 'closed' && site.status !== 'reopened') throw siteError('site.not_closed');
      const row = await tx
        .insertInto('site_monitoring_visit')
        .values({ site_id: id, visited_on: input.visitedOn, finding: input.finding, notes: input.notes, visited_by: input.visitedBy, created_by: userIdOf(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const reopens = input.finding === 'activity_resumed' && site.status === 'closed';
      await tx
        .updateTable('site')
        .set({ updated_at: new Date(), ...(reopens ? { status: 'reopened' as const } : {}) })
        .where('id', '=', id)
        .execute();
      let notified = 0;
      if (input.finding === 'activity_resumed') {
        const heads = (await headsOfOfficeFor(tx, site.region_code)).filter((h) => h !== userIdOf(ctx));
        notified = heads.length;
        await notify(tx, heads, {
          kind: 'site_reopened',
          title: { id: 'Lokalisasi aktif kembali', en: 'Site active again' },
          body: {
            id: `Kunjungan pemantauan ${input.visitedOn} mendapati ${site.code} (${site.name}) aktif kembali setelah ditutup.`,
            en: `The monitoring visit of ${input.visitedOn} found ${site.code} (${site.name}) active again after closure.`,
          },
          entityType: 'site',
          entityId: String(id),
        });
      }
      await audit(tx, ctx, {
        action: 'site.monitoring_visit.add',
        entityType: 'site',
        entityId: id,
        regionCode: site.region_code,
        summary: { visitId: row.id, visitedOn: input.visitedOn, finding: input.finding, ...(reopens ? { status: 'reopened' } : {}), notified },
      });
    });
    return this.visits(ctx, id);
  }

  async evidence(ctx: Context, id: number, stage: SiteStage) {
    authorize(ctx.actor, 'site.read');
    await this.visible(ctx, this.db, id);
    const rows = await evidenceOf(this.db, id, stage);
    return {
      items: rows.map((e) => ({
        fileId: e.file_id,
        stage: e.stage as SiteStage,
        ...fileMetaOf(this.sealer, e.file_id, e),
        contentType: e.content_type,
        sizeBytes: e.size_bytes,
        uploadedAt: iso(e.created_at),
      })),
    };
  }

  async uploadEvidence(ctx: Context, id: number, stage: SiteStage, upload: Upload) {
    authorize(ctx.actor, 'site.manage');
    await inTransaction(this.db, async (tx) => {
      const site = await this.forChange(ctx, tx, id);
      await ensureMilestone(tx, id, stage);
      const file = await storeFile(tx, this.sealer, upload, userIdOf(ctx));
      await tx.insertInto('site_milestone_evidence').values({ site_id: id, stage, file_id: file.id }).execute();
      await audit(tx, ctx, {
        action: 'site.evidence.upload',
        entityType: 'site',
        entityId: id,
        regionCode: site.region_code,
        summary: { stage, fileId: file.id, contentType: file.contentType, sizeBytes: file.sizeBytes },
      });
    });
    return this.evidence(ctx, id, stage);
  }

  /** An evidence file of a site the actor may see; the download is audited. */
  async download(ctx: Context, id: number, fileId: number) {
    authorize(ctx.actor, 'site.read');
    return inTransaction(this.db, async (tx) => {
      const site = await this.visible(ctx, tx, id);
      const link = await evidenceLink(tx, id, fileId);
      const file = link ? await readFile(tx, this.sealer, fileId) : undefined;
      if (!link || !file) throw siteError('site.evidence_not_found');
      await audit(tx, ctx, {
        action: 'site.evidence.download',
        entityType: 'site',
        entityId: id,
        regionCode: site.region_code,
        summary: { stage: link.stage, fileId },
      });
      return file;
    });
  }
}
