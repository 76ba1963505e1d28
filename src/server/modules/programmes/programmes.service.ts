// Use cases of the closure programme: programmes, their regencies/cities,
// status changes with history (a small state machine) and readiness requests.
// Their Excel exports are in programmes-export.service.ts.
import type { z } from 'zod';
import type { Scope } from '../../../common/auth.ts';
import {
  canTransition,
  type AddProgrammeRegionSchema,
  type AnswerReadinessSchema,
  type ChangeStatusSchema,
  type CreateProgrammeSchema,
  type CreateReadinessRequestSchema,
  type ProgrammeListQuerySchema,
  type ProgrammeRegionListQuerySchema,
  type ProgrammeRegionView,
  type ProgrammeView,
  type ReadinessListQuerySchema,
  type ReadinessRequestView,
  type StatusHistoryQuerySchema,
  type UpdateProgrammeRegionSchema,
  type UpdateProgrammeSchema,
} from '../../../common/programmes.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/database.ts';
import { notify } from '../notifications/notifications.service.ts';
import { actorScope, visibleProgramme, visibleRegion } from './programmes.access.ts';
import { programmeError } from './programmes.errors.ts';
import { STATUS_LABELS } from './programmes.export.ts';
import { canManageProgramme, canManageRegion, isNational, programmeActions, regionActions } from './programmes.policy.ts';
import {
  findProgrammeRegion,
  findReadinessRequest,
  headsOfOfficeOver,
  listProgrammeRegions,
  listProgrammes,
  readinessRequests,
  statusHistory,
  type ProgrammeRegionRow,
  type ProgrammeRow,
} from './programmes.repository.ts';

export { STATUS_LABELS };

type ReadinessRow = NonNullable<Awaited<ReturnType<typeof findReadinessRequest>>>;

const iso = (d: Date | string) => new Date(d).toISOString();

export class ProgrammeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private scope(ctx: Context): Scope | null {
    return actorScope(ctx);
  }

  private userId(ctx: Context): number | null {
    return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  }

  private programmeView(ctx: Context, p: ProgrammeRow): ProgrammeView {
    return {
      id: p.id,
      level: p.level,
      parentId: p.parent_id,
      name: p.name,
      owner: p.owner,
      regionCode: p.region_code,
      targetDate: p.target_date,
      description: p.description,
      createdAt: iso(p.created_at),
      updatedAt: iso(p.updated_at),
      actions: programmeActions(ctx.actor, p),
    };
  }

  private regionView(ctx: Context, r: ProgrammeRegionRow): ProgrammeRegionView {
    return {
      id: r.id,
      programmeId: r.programme_id,
      regionCode: r.region_code,
      regionName: r.region_name,
      targetDate: r.target_date,
      status: r.status,
      statusChangedAt: iso(r.status_changed_at),
      ...regionActions(ctx.actor, r),
    };
  }

  private readinessView(r: ReadinessRow): ReadinessRequestView {
    return {
      id: r.id,
      programmeRegionId: r.programme_region_id,
      askedAt: r.asked_at,
      askedOf: r.asked_of,
      question: r.question,
      answeredAt: r.answered_at,
      answer: r.answer,
      answeredBy: r.answered_by,
      answerNote: r.answer_note,
      documentRef: r.document_ref,
    };
  }

  private programme(db: Executor, ctx: Context, id: number): Promise<ProgrammeRow> {
    return visibleProgramme(db, ctx, id);
  }

  private region(db: Executor, ctx: Context, id: number, forUpdate = false): Promise<ProgrammeRegionRow> {
    return visibleRegion(db, ctx, id, forUpdate);
  }

  // --- programmes -----------------------------------------------------------

  async list(ctx: Context, query: z.output<typeof ProgrammeListQuerySchema>) {
    authorize(ctx.actor, 'program.read');
    const { rows, total } = await listProgrammes(this.db, this.scope(ctx), query);
    return { items: rows.map((p) => this.programmeView(ctx, p)), total };
  }


  async get(ctx: Context, id: number): Promise<ProgrammeView> {
    authorize(ctx.actor, 'program.read');
    return this.programmeView(ctx, await this.programme(this.db, ctx, id));
  }

  async create(ctx: Context, input: z.output<typeof CreateProgrammeSchema>): Promise<ProgrammeView> {
    authorize(ctx.actor, 'program.manage');
    const regionCode = input.level === 'province' ? input.regionCode : null;
    if (input.level === 'national' && !isNational(ctx.actor)) throw programmeError('programme.national_only');
    if (regionCode !== null && !canManageProgramme(ctx.actor, regionCode)) throw authError('auth.out_of_scope');
    const id = await inTransaction(this.db, async (tx) => {
      let parentId: number | null = null;
      if (input.level === 'province') {
        const province = await tx.selectFrom('region').select('code').where('code', '=', input.regionCode).where('level', '=', 'province').executeTakeFirst();
        if (!province) throw programmeError('programme.unknown_province', { code: input.regionCode }, [{ field: 'body.regionCode', message: { id: 'provinsi tidak dikenal', en: 'unknown province' } }]);
        const parent = await tx.selectFrom('programme').select(['id', 'level']).where('id', '=', input.parentId).executeTakeFirst();
        if (!parent || parent.level !== 'national') throw programmeError('programme.bad_parent', {}, [{ field: 'body.parentId', message: { id: 'bukan program nasional', en: 'not a national programme' } }]);
        parentId = parent.id;
      }
      const row = await tx
        .insertInto('programme')
        .values({
          level: input.level,
          parent_id: parentId,
          name: input.name,
          owner: input.owner,
          region_code: regionCode,
          target_date: input.targetDate,
          description: input.description,
          created_at: this.clock(),
          updated_at: this.clock(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'programme.create',
        entityType: 'programme',
        entityId: row.id,
        regionCode,
        summary: { level: input.level, parentId, targetDate: input.targetDate },
      });
      return row.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: Context, id: number, input: z.output<typeof UpdateProgrammeSchema>): Promise<ProgrammeView> {
    authorize(ctx.actor, 'program.manage');
    await inTransaction(this.db, async (tx) => {
      const p = await this.programme(tx, ctx, id);
      if (!canManageProgramme(ctx.actor, p.region_code)) throw p.level === 'national' ? programmeError('programme.national_only') : authError('auth.out_of_scope');
      const changes = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.owner !== undefined && { owner: input.owner }),
        ...(input.targetDate !== undefined && { target_date: input.targetDate }),
        ...(input.description !== undefined && { description: input.description }),
      };
      if (Object.keys(changes).length === 0) return;
      await tx.updateTable('programme').set({ ...changes, updated_at: this.clock() }).where('id', '=', id).execute();
      await audit(tx, ctx, {
        action: 'programme.update',
        entityType: 'programme',
        entityId: id,
        regionCode: p.region_code,
        summary: { fields: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined), targetDate: input.targetDate },
      });
    });
    return this.get(ctx, id);
  }

  // --- regencies/cities of a provincial programme ---------------------------

  async listRegions(ctx: Context, programmeId: number, query: z.output<typeof ProgrammeRegionListQuerySchema>) {
    authorize(ctx.actor, 'program.read');
    await this.programme(this.db, ctx, programmeId);
    const { rows, total } = await listProgrammeRegions(this.db, programmeId, this.scope(ctx), query);
    return { items: rows.map((r) => this.regionView(ctx, r)), total };
  }


  async getRegion(ctx: Context, id: number): Promise<ProgrammeRegionView> {
    authorize(ctx.actor, 'program.read');
    return this.regionView(ctx, await this.region(this.db, ctx, id));
  }

  async addRegion(ctx: Context, programmeId: number, input: z.output<typeof AddProgrammeRegionSchema>): Promise<ProgrammeRegionView> {
    authorize(ctx.actor, 'program.manage');
    const id = await inTransaction(this.db, async (tx) => {
      const p = await this.programme(tx, ctx, programmeId);
      if (p.level !== 'province' || !p.region_code) throw programmeError('programme.not_provincial');
      if (!canManageProgramme(ctx.actor, p.region_code)) throw authError('auth.out_of_scope');
      const region = await tx.selectFrom('region').select('code').where('code', '=', input.regionCode).where('parent_code', '=', p.region_code).executeTakeFirst();
      if (!region)
        throw programmeError('programme.region_outside', { code: input.regionCode, province: p.region_code }, [
          { field: 'body.regionCode', message: { id: 'bukan kabupaten/kota di provinsi program', en: 'not a regency/city of the programme’s province' } },
        ]);
      const exists = await tx.selectFrom('programme_region').select('id').where('programme_id', '=', programmeId).where('region_code', '=', input.regionCode).executeTakeFirst();
      if (exists) throw programmeError('programme.region_exists', { code: input.regionCode });
      const row = await tx
        .insertInto('programme_region')
        .values({ programme_id: programmeId, region_code: input.regionCode, target_date: input.targetDate, status_changed_at: this.clock() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'programme.add_region',
        entityType: 'programme_region',
        entityId: row.id,
        regionCode: input.regionCode,
        summary: { programmeId, targetDate: input.targetDate },
      });
      return row.id;
    });
    return this.getRegion(ctx, id);
  }

  async updateRegion(ctx: Context, id: number, input: z.output<typeof UpdateProgrammeRegionSchema>): Promise<ProgrammeRegionView> {
    authorize(ctx.actor, 'program.manage');
    await inTransaction(this.db, async (tx) => {
      const r = await this.region(tx, ctx, id, true);
      if (!canManageRegion(ctx.actor, r.region_code)) throw authError('auth.out_of_scope');
      if (r.target_date === input.targetDate) return;
      await tx.updateTable('programme_region').set({ target_date: input.targetDate }).where('id', '=', id).execute();
      await audit(tx, ctx, {
        action: 'programme.region_update',
        entityType: 'programme_region',
        entityId: id,
        regionCode: r.region_code,
        reason: input.reason,
        summary: { programmeId: r.programme_id, targetDateBefore: r.target_date, targetDate: input.targetDate },
      });
    });
    return this.getRegion(ctx, id);
  }

  /** Moves a regency/city along the state machine; `closed|monitoring → reopened` alerts the heads of office. */
  async changeStatus(ctx: Context, id: number, input: z.output<typeof ChangeStatusSchema>): Promise<ProgrammeRegionView> {
    authorize(ctx.actor, 'program.manage');
    await inTransaction(this.db, async (tx) => {
      const r = await this.region(tx, ctx, id, true);
      if (!canManageRegion(ctx.actor, r.region_code)) throw authError('auth.out_of_scope');
      if (!canTransition(r.status, input.to)) throw programmeError('programme.invalid_transition', { from: STATUS_LABELS[r.status], to: STATUS_LABELS[input.to] });
      const now = this.clock();
      await tx.updateTable('programme_region').set({ status: input.to, status_changed_at: now }).where('id', '=', id).execute();
      await tx
        .insertInto('programme_region_status_change')
        .values({
          programme_region_id: id,
          from_status: r.status,
          to_status: input.to,
          changed_at: now,
          changed_by: this.userId(ctx),
          reason: input.reason,
          evidence: input.evidence,
          evidence_ref: input.evidenceRef,
        })
        .execute();
      const reopened = input.to === 'reopened';
      let notified = 0;
      if (reopened) {
        const heads = (await headsOfOfficeOver(tx, r.region_code)).filter((h) => h !== this.userId(ctx));
        notified = heads.length;
        await notify(tx, heads, {
          kind: 'programme_reopened',
          title: { id: `Lokalisasi dibuka kembali: ${r.region_name}`, en: `Site reopened: ${r.region_name}` },
          body: {
            id: `Status ${r.region_name} (${r.region_code}) diubah dari "${STATUS_LABELS[r.status].id}" menjadi "dibuka kembali". Periksa riwayat status dan buktinya.`,
            en: `${r.region_name} (${r.region_code}) moved from "${STATUS_LABELS[r.status].en}" to "reopened". Check the status history and its evidence.`,
          },
          entityType: 'programme_region',
          entityId: String(id),
        });
      }
      await audit(tx, ctx, {
        action: 'programme.status_change',
        entityType: 'programme_region',
        entityId: id,
        regionCode: r.region_code,
        reason: input.reason,
        summary: { programmeId: r.programme_id, from: r.status, to: input.to, evidenceRef: input.evidenceRef, ...(reopened && { alert: 'reopened', notified }) },
      });
    });
    return this.getRegion(ctx, id);
  }

  async history(ctx: Context, id: number, query: Partial<z.output<typeof StatusHistoryQuerySchema>> = {}) {
    authorize(ctx.actor, 'program.read');
    await this.region(this.db, ctx, id);
    const { rows, total } = await statusHistory(this.db, id, query);
    return {
      total,
      items: rows.map((c) => ({
        id: c.id,
        from: c.from_status,
        to: c.to_status,
        changedAt: iso(c.changed_at),
        changedBy: c.changed_by !== null && c.username !== null ? { id: c.changed_by, username: c.username } : null,
        reason: c.reason,
        evidence: c.evidence,
        evidenceRef: c.evidence_ref,
      })),
    };
  }


  // --- readiness of the local government -----------------------------------

  async listReadiness(ctx: Context, id: number, query: Partial<z.output<typeof ReadinessListQuerySchema>> = {}) {
    authorize(ctx.actor, 'program.read');
    await this.region(this.db, ctx, id);
    const { rows, total } = await readinessRequests(this.db, id, query);
    return { items: rows.map((r) => this.readinessView(r)), total };
  }


  async requestReadiness(ctx: Context, id: number, input: z.output<typeof CreateReadinessRequestSchema>): Promise<ReadinessRequestView> {
    authorize(ctx.actor, 'program.manage');
    const requestId = await inTransaction(this.db, async (tx) => {
      const r = await this.region(tx, ctx, id);
      if (!canManageRegion(ctx.actor, r.region_code)) throw authError('auth.out_of_scope');
      const row = await tx
        .insertInto('readiness_request')
        .values({ programme_region_id: id, asked_at: input.askedAt, asked_of: input.askedOf, question: input.question, created_by: this.userId(ctx) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, {
        action: 'programme.readiness_request',
        entityType: 'readiness_request',
        entityId: row.id,
        regionCode: r.region_code,
        summary: { programmeRegionId: id, askedAt: input.askedAt },
      });
      return row.id;
    });
    return this.readinessView((await findReadinessRequest(this.db, requestId))!);
  }

  async answerReadiness(ctx: Context, requestId: number, input: z.output<typeof AnswerReadinessSchema>): Promise<ReadinessRequestView> {
    authorize(ctx.actor, 'program.manage');
    await inTransaction(this.db, async (tx) => {
      const req = await findReadinessRequest(tx, requestId);
      const r = req && (await findProgrammeRegion(tx, req.programme_region_id, this.scope(ctx)));
      if (!req || !r) throw programmeError('programme.readiness_not_found');
      if (!canManageRegion(ctx.actor, r.region_code)) throw authError('auth.out_of_scope');
      if (input.answeredAt < req.asked_at)
        throw programmeError('programme.answer_before_request', {}, [{ field: 'body.answeredAt', message: { id: 'sebelum tanggal permintaan', en: 'before the request date' } }]);
      const done = await tx
        .updateTable('readiness_request')
        .set({ answered_at: input.answeredAt, answer: input.answer, answered_by: input.answeredBy, answer_note: input.answerNote, document_ref: input.documentRef })
        .where('id', '=', requestId)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw programmeError('programme.already_answered');
      await audit(tx, ctx, {
        action: 'programme.readiness_answer',
        entityType: 'readiness_request',
        entityId: requestId,
        regionCode: r.region_code,
        summary: { programmeRegionId: r.id, answer: input.answer, answeredAt: input.answeredAt, documentRef: input.documentRef !== null },
      });
    });
    return this.readinessView((await findReadinessRequest(this.db, requestId))!);
  }
}
