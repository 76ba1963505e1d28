// Rehabilitation plans: goals and ATENSI services (responsible party, dates, status),
// in versions. A draft (or a returned plan) is edited and submitted; a supervisor who
// did not submit it approves it or returns it with a reason. An approved plan is
// locked: a change is a new version starting from it. The content is sealed at rest;
// the components are kept plain (reports count them).
import type { Plan, PlanContent } from '../../../common/case-records.ts';
import { REASON_MIN } from '../../../common/cases.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { inTransaction, type Db, type Executor, type Tx } from '../../platform/db/database.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { loadCaseFor, type CaseNeed, type CaseRef } from './case-access.ts';
import { openColumns, planRef, sealColumns } from './case-sealing.ts';
import { caseError } from './cases.errors.ts';
import { lockCase } from './cases.repository.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

function plans(db: Executor) {
  return db
    .selectFrom('case_plan as p')
    .leftJoin('app_user as cu', 'cu.id', 'p.created_by')
    .leftJoin('app_user as su', 'su.id', 'p.submitted_by')
    .leftJoin('app_user as du', 'du.id', 'p.decided_by')
    .select([
      'p.id',
      'p.case_id',
      'p.version',
      'p.previous_id',
      'p.status',
      'p.content_ct',
      'p.dek_wrapped',
      'p.return_reason',
      'p.created_at',
      'p.submitted_at',
      'p.submitted_by as submitted_by_id',
      'p.decided_at',
      'cu.username as created_by',
      'su.username as submitted_by',
      'du.username as decided_by',
    ]);
}
type PlanRow = Awaited<ReturnType<ReturnType<typeof plans>['executeTakeFirstOrThrow']>>;

export class PlanService {
  constructor(
    private readonly db: Db,
    private readonly sealer: RecordSealer,
    private readonly clock: Clock,
  ) {}

  private view(ctx: Context, ref: CaseRef, p: PlanRow, latest: boolean): Plan {
    const content = openColumns<PlanContent>(this.sealer, planRef(p.case_id, p.version), p.content_ct, p.dek_wrapped);
    const edit = ref.actions.includes('edit_plan');
    const own = ctx.actor.kind === 'user' && p.submitted_by_id === ctx.actor.userId;
    const actions: Plan['actions'] = [];
    if (edit && (p.status === 'draft' || p.status === 'returned')) actions.push('edit', 'submit');
    if (ref.actions.includes('approve_plan') && p.status === 'submitted' && !own) actions.push('approve', 'return');
    if (edit && p.status === 'approved' && latest) actions.push('new_version');
    return {
      ...content,
      id: p.id,
      caseId: p.case_id,
      version: p.version,
      previousId: p.previous_id,
      status: p.status,
      returnReason: p.return_reason,
      createdBy: p.created_by,
      createdAt: iso(p.created_at),
      submittedBy: p.submitted_by,
      submittedAt: isoOrNull(p.submitted_at),
      decidedBy: p.decided_by,
      decidedAt: isoOrNull(p.decided_at),
      actions,
    };
  }

  /** Every version, newest first, with contents; the read is audited. */
  async list(ctx: Context, caseId: number) {
    authorize(ctx.actor, 'case.read');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'read', this.clock());
    const rows = await plans(this.db).where('p.case_id', '=', caseId).orderBy('p.version', 'desc').execute();
    await inTransaction(this.db, (tx) => audit(tx, ctx, { action: 'case_plan.viewed', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, versions: rows.length } }));
    const open = rows.some((r) => r.status !== 'approved');
    return { items: rows.map((r, i) => this.view(ctx, ref, r, i === 0)), actions: ref.actions.includes('edit_plan') && !open ? (['create'] as const).slice() : [] };
  }

  private async one(ctx: Context, caseId: number, planId: number): Promise<Plan> {
    const ref = await loadCaseFor(this.db, ctx, caseId, 'read', this.clock());
    const p = await plans(this.db).where('p.case_id', '=', caseId).where('p.id', '=', planId).executeTakeFirst();
    if (!p) throw caseError('case.plan_not_found');
    const latest = await this.db.selectFrom('case_plan').select((eb) => eb.fn.max('version').as('v')).where('case_id', '=', caseId).executeTakeFirst();
    return this.view(ctx, ref, p, Number(latest?.v) === p.version);
  }

  /** A change on a locked case and plan; the plan must belong to the case. */
  private async change(ctx: Context, caseId: number, planId: number, need: CaseNeed, work: (tx: Tx, ref: CaseRef, p: PlanRow) => Promise<void>): Promise<Plan> {
    await inTransaction(this.db, async (tx) => {
      await lockCase(tx, caseId);
      const ref = await loadCaseFor(tx, ctx, caseId, need, this.clock());
      const p = await plans(tx).where('p.case_id', '=', caseId).where('p.id', '=', planId).executeTakeFirst();
      if (!p) throw caseError('case.plan_not_found');
      await work(tx, ref, p);
    });
    return this.one(ctx, caseId, planId);
  }

  /** A new version: the first plan, or a change of the approved one. */
  async create(ctx: Context, caseId: number, content: PlanContent): Promise<Plan> {
    authorize(ctx.actor, 'case.manage');
    const id = await inTransaction(this.db, async (tx) => {
      await lockCase(tx, caseId);
      const ref = await loadCaseFor(tx, ctx, caseId, 'edit_plan', this.clock());
      const prev = await plans(tx).where('p.case_id', '=', caseId).orderBy('p.version', 'desc').limit(1).executeTakeFirst();
      if (prev && prev.status !== 'approved') throw caseError('case.plan_open_exists', { version: prev.version });
      const version = (prev?.version ?? 0) + 1;
      const sealed = sealColumns(this.sealer, planRef(caseId, version), content);
      const row = await tx
        .insertInto('case_plan')
        .values({
          case_id: caseId,
          version,
          previous_id: prev?.id ?? null,
          content_ct: sealed.ciphertext,
          dek_wrapped: sealed.wrappedKey,
          key_id: sealed.keyId,
          components: [...new Set(content.services.map((s) => s.component))],
          created_by: actorUserId(ctx),
          created_at: this.clock(),
          updated_at: this.clock(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, { action: 'case_plan.created', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: this.summary(ref, version, content) });
      return row.id;
    });
    return this.one(ctx, caseId, id);
  }

  private summary(ref: CaseRef, version: number, content: PlanContent) {
    return { caseCode: ref.caseCode, planVersion: version, goals: content.goals.length, services: content.services.length, components: [...new Set(content.services.map((s) => s.component))] };
  }

  async update(ctx: Context, caseId: number, planId: number, content: PlanContent): Promise<Plan> {
    authorize(ctx.actor, 'case.manage');
    return this.change(ctx, caseId, planId, 'edit_plan', async (tx, ref, p) => {
      if (p.status === 'submitted' || p.status === 'approved') throw caseError('case.plan_locked');
      const sealed = sealColumns(this.sealer, planRef(caseId, p.version), content);
      await tx
        .updateTable('case_plan')
        .set({ content_ct: sealed.ciphertext, dek_wrapped: sealed.wrappedKey, key_id: sealed.keyId, components: [...new Set(content.services.map((s) => s.component))], updated_at: this.clock() })
        .where('id', '=', planId)
        .execute();
      await audit(tx, ctx, { action: 'case_plan.updated', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: this.summary(ref, p.version, content) });
    });
  }

  async submit(ctx: Context, caseId: number, planId: number): Promise<Plan> {
    authorize(ctx.actor, 'case.manage');
    return this.change(ctx, caseId, planId, 'edit_plan', async (tx, ref, p) => {
      if (p.status === 'submitted' || p.status === 'approved') throw caseError('case.plan_locked');
      const content = openColumns<PlanContent>(this.sealer, planRef(caseId, p.version), p.content_ct, p.dek_wrapped);
      if (content.goals.length === 0 || content.services.length === 0) throw caseError('case.plan_empty');
      await tx.updateTable('case_plan').set({ status: 'submitted', submitted_by: actorUserId(ctx), submitted_at: this.clock(), updated_at: this.clock() }).where('id', '=', planId).execute();
      await audit(tx, ctx, { action: 'case_plan.submitted', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode, planVersion: p.version } });
    });
  }

  async approve(ctx: Context, caseId: number, planId: number): Promise<Plan> {
    authorize(ctx.actor, 'case.supervise');
    return this.decide(ctx, caseId, planId, 'approved', '');
  }

  async returnPlan(ctx: Context, caseId: number, planId: number, reason: string): Promise<Plan> {
    authorize(ctx.actor, 'case.supervise');
    const r = reason.trim();
    if (r.length < REASON_MIN) throw caseError('case.reason_required', { min: REASON_MIN });
    return this.decide(ctx, caseId, planId, 'returned', r);
  }

  private decide(ctx: Context, caseId: number, planId: number, to: 'approved' | 'returned', reason: string): Promise<Plan> {
    return this.change(ctx, caseId, planId, 'approve_plan', async (tx, ref, p) => {
      if (p.status !== 'submitted') throw caseError('case.plan_not_submitted');
      if (ctx.actor.kind === 'user' && p.submitted_by_id === ctx.actor.userId) throw caseError('case.own_plan');
      await tx
        .updateTable('case_plan')
        .set({ status: to, return_reason: reason, decided_by: actorUserId(ctx), decided_at: this.clock(), updated_at: this.clock() })
        .where('id', '=', planId)
        .execute();
      await audit(tx, ctx, {
        action: to === 'approved' ? 'case_plan.approved' : 'case_plan.returned',
        entityType: 'case',
        entityId: caseId,
        regionCode: ref.regencyCode,
        reason: reason || null,
        summary: { caseCode: ref.caseCode, planVersion: p.version },
      });
    });
  }
}
