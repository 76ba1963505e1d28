// Rehabilitation cases: opening (one person, or everyone decided eligible in a
// regency), lists and caseloads, the audited detail, assignment, status changes,
// closure (request → a different supervisor's approval) and reopening. Every change
// and every detail read is audited; summaries carry case codes, never identity.
import { sql } from 'kysely';
import {
  REASON_MIN,
  type AssignCase,
  type CandidateQuery,
  type CaseDetail,
  type CaseListQuery,
  type CaseStatusValue,
  type CaseSummary,
  type OpenCase,
} from '../../../common/cases.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import { actorUserId } from '../registry/registry-access.ts';
import { allows, caseReaches, caseRefOf, loadCaseFor, type CaseNeed, type CaseRef } from './case-access.ts';
import { caseError } from './cases.errors.ts';
import { coversCase, nextStatuses } from './cases.policy.ts';
import * as repo from './cases.repository.ts';

/** A closure approved or a case reopened; listeners run inside that change's transaction. */
export interface CaseLifecycleEvent {
  caseId: number;
  regencyCode: string;
  /** WIB calendar date of the change ('YYYY-MM-DD'). */
  on: string;
}
export type CaseLifecycleListener = (tx: Tx, ctx: Context, event: CaseLifecycleEvent) => Promise<void>;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const userRef = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

function reasonOrThrow(reason: string, min = REASON_MIN): string {
  const r = reason.trim();
  if (r.length < min) throw caseError('case.reason_required', { min }, [{ field: 'body.reason', message: { id: `Paling sedikit ${min} karakter`, en: `At least ${min} characters` } }]);
  return r;
}

export function caseSummary(ref: CaseRef): CaseSummary {
  const r = ref.row;
  return {
    id: r.id,
    personId: r.person_id,
    caseCode: r.case_code,
    alias: r.alias,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    regencyCode: r.regency_code,
    status: r.status,
    caseWorker: userRef(r.assigned_user_id, r.worker_name),
    supervisor: userRef(r.supervisor_user_id, r.supervisor_name),
    openedAt: iso(r.opened_at),
    closedAt: isoOrNull(r.closed_at),
    closureRequested: r.closure_requested_at !== null,
    openTasks: r.open_tasks,
    overdueTasks: r.overdue_tasks,
    actions: ref.actions,
  };
}

export class CaseService {
  private readonly closedListeners: CaseLifecycleListener[] = [];
  private readonly reopenedListeners: CaseLifecycleListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Runs `fn` inside every approved closure's transaction (follow-ups schedule their visits here). */
  onClosed(fn: CaseLifecycleListener): void {
    this.closedListeners.push(fn);
  }

  /** Runs `fn` inside every reopening's transaction (follow-ups cancel future visits here). */
  onReopened(fn: CaseLifecycleListener): void {
    this.reopenedListeners.push(fn);
  }

  /** The case for a use case (see case-access.ts). */
  load(ctx: Context, caseId: number, need: CaseNeed = 'read'): Promise<CaseRef> {
    return loadCaseFor(this.db, ctx, caseId, need, this.clock());
  }

  // ---- opening ----

  async open(ctx: Context, input: OpenCase): Promise<CaseDetail> {
    authorize(ctx.actor, 'case.manage');
    const reaches = await caseReaches(this.db, ctx);
    const programme = await findProgramme(this.db, input.programmeId, ctx.actor.kind === 'user' ? ctx.actor.scope : null);
    if (!programme) throw caseError('case.programme_not_found');
    const person = await this.db
      .selectFrom('person')
      .select(['id', 'case_code', 'regency_code', 'assigned_user_id'])
      .where('id', '=', input.personId)
      .where('merged_into_id', 'is', null)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (!person || !coversCase(ctx.actor, reaches.manage, { regencyCode: person.regency_code, assignedUserId: person.assigned_user_id })) throw caseError('case.person_not_found');
    if (programme.region_code !== null && !inScope({ level: 'province', code: programme.region_code }, person.regency_code)) throw caseError('case.person_outside_programme');
    const id = await inTransaction(this.db, async (tx) => {
      const existing = await tx.selectFrom('rehab_case').select('id').where('person_id', '=', person.id).where('programme_id', '=', programme.id).executeTakeFirst();
      if (existing) throw caseError('case.already_open', { caseId: existing.id });
      // A case worker opening a case for her own person keeps it in her caseload.
      const worker = input.caseWorkerId ?? (reaches.manage === 'caseload' ? actorUserId(ctx) : null) ?? undefined;
      return this.openIn(tx, ctx, { personId: person.id, caseCode: person.case_code, regencyCode: person.regency_code, programmeId: programme.id }, worker, input.supervisorId);
    });
    return this.get(ctx, id);
  }

  /** Opens a case for every person decided eligible in the programme and regency who has none yet. */
  async openEligible(ctx: Context, programmeId: number, regencyCode: string) {
    authorize(ctx.actor, 'case.manage');
    if (ctx.actor.kind === 'user' && !inScope(ctx.actor.scope, regencyCode)) throw caseError('case.regency_out_of_scope');
    const reaches = await caseReaches(this.db, ctx);
    const programme = await findProgramme(this.db, programmeId, ctx.actor.kind === 'user' ? ctx.actor.scope : null);
    if (!programme) throw caseError('case.programme_not_found');
    const me = actorUserId(ctx);
    return inTransaction(this.db, async (tx) => {
      let q = tx
        .selectFrom('person_verification as v')
        .innerJoin('person as p', 'p.id', 'v.person_id')
        .leftJoin('rehab_case as c', (j) => j.onRef('c.person_id', '=', 'p.id').on('c.programme_id', '=', programme.id))
        .select(['p.id', 'p.case_code', 'p.regency_code', 'c.id as case_id'])
        .where('v.programme_id', '=', programme.id)
        .where('v.decision', '=', 'eligible')
        .where('p.regency_code', '=', regencyCode)
        .where('p.merged_into_id', 'is', null)
        .where('p.erased_at', 'is', null);
      if (reaches.manage === 'caseload') q = q.where('p.assigned_user_id', '=', me);
      const rows = await q.orderBy('p.id').execute();
      const caseIds: number[] = [];
      for (const p of rows.filter((r) => r.case_id === null)) {
        const worker = reaches.manage === 'caseload' ? (me ?? undefined) : undefined;
        caseIds.push(await this.openIn(tx, ctx, { personId: p.id, caseCode: p.case_code, regencyCode: p.regency_code, programmeId: programme.id }, worker, undefined));
      }
      await audit(tx, ctx, {
        action: 'case.bulk_opened',
        entityType: 'programme',
        entityId: programme.id,
        regionCode: regencyCode,
        summary: { programmeId: programme.id, regencyCode, opened: caseIds.length, alreadyOpen: rows.length - caseIds.length },
      });
      return { opened: caseIds.length, alreadyOpen: rows.length - caseIds.length, caseIds };
    });
  }

  private async openIn(
    tx: Tx,
    ctx: Context,
    p: { personId: number; caseCode: string; regencyCode: string; programmeId: number },
    caseWorkerId: number | undefined,
    supervisorId: number | undefined,
  ): Promise<number> {
    if (caseWorkerId !== undefined && !(await repo.userMayHold(tx, caseWorkerId, 'case.manage', p.regencyCode))) throw caseError('case.assignee_invalid', { field: 'caseWorkerId' });
    if (supervisorId !== undefined && !(await repo.userMayHold(tx, supervisorId, 'case.supervise', p.regencyCode))) throw caseError('case.assignee_invalid', { field: 'supervisorId' });
    const by = actorUserId(ctx);
    const c = await tx
      .insertInto('rehab_case')
      .values({
        person_id: p.personId,
        programme_id: p.programmeId,
        regency_code: p.regencyCode,
        assigned_user_id: caseWorkerId ?? null,
        supervisor_user_id: supervisorId ?? null,
        created_by: by,
        opened_at: this.clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (caseWorkerId !== undefined) await tx.insertInto('rehab_case_assignment').values({ case_id: c.id, user_id: caseWorkerId, role: 'case_worker', assigned_by: by, assigned_at: this.clock() }).execute();
    if (supervisorId !== undefined) await tx.insertInto('rehab_case_assignment').values({ case_id: c.id, user_id: supervisorId, role: 'supervisor', assigned_by: by, assigned_at: this.clock() }).execute();
    await repo.insertEvent(tx, { case_id: c.id, kind: 'opened', to_status: 'intake', actor_id: by, at: this.clock() });
    if (caseWorkerId !== undefined) await repo.syncPersonAssignment(tx, p.personId);
    await audit(tx, ctx, {
      action: 'case.opened',
      entityType: 'case',
      entityId: c.id,
      regionCode: p.regencyCode,
      summary: { caseCode: p.caseCode, programmeId: p.programmeId, caseWorkerId: caseWorkerId ?? null, supervisorId: supervisorId ?? null },
    });
    return c.id;
  }

  // ---- reading ----

  async list(ctx: Context, query: CaseListQuery) {
    authorize(ctx.actor, 'case.read');
    const reaches = await caseReaches(this.db, ctx);
    const { rows, total } = await repo.listCases(this.db, repo.caseVisible(ctx.actor, reaches.read), query, actorUserId(ctx), repo.todayWib(this.clock()));
    return { items: rows.map((r) => caseSummary(caseRefOf(ctx, reaches, r))), total };
  }

  /** Whom a case may be opened for: decided eligible, no case in that programme yet (case workers: their persons). */
  async candidates(ctx: Context, query: CandidateQuery) {
    authorize(ctx.actor, 'case.manage');
    const reaches = await caseReaches(this.db, ctx);
    const { rows, total } = await repo.eligibleWithoutCase(this.db, repo.caseVisible(ctx.actor, reaches.manage, 'p'), query);
    const items = rows.map((r) => ({ personId: r.person_id, caseCode: r.case_code, alias: r.alias, regencyCode: r.regency_code, programmeId: r.programme_id, programmeName: r.programme_name, decidedAt: isoOrNull(r.decided_at) }));
    return { items, total };
  }

  /** The case with its assignments and history; the read is audited. */
  async get(ctx: Context, id: number): Promise<CaseDetail> {
    authorize(ctx.actor, 'case.read');
    const ref = await this.load(ctx, id);
    const [assignments, events] = await Promise.all([repo.assignmentsOf(this.db, id), repo.eventsOf(this.db, id)]);
    await inTransaction(this.db, (tx) => audit(tx, ctx, { action: 'case.viewed', entityType: 'case', entityId: id, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode } }));
    const r = ref.row;
    return {
      ...caseSummary(ref),
      closureReason: r.closure_reason,
      closureRequestedBy: userRef(r.closure_requested_by, r.requested_by_name),
      closureRequestedAt: isoOrNull(r.closure_requested_at),
      nextStatuses: ref.actions.includes('change_status') ? nextStatuses(r.status) : [],
      version: r.version,
      assignments: assignments.map((a) => ({ role: a.role, user: userRef(a.user_id, a.user_name), reason: a.reason, assignedBy: a.assigned_by, assignedAt: iso(a.assigned_at) })),
      events: events.map((e) => ({ kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, actor: e.actor, at: iso(e.at) })),
    };
  }

  /** Who may be chosen as case worker (case.manage) and supervisor (case.supervise) for the case's regency. */
  async assignees(ctx: Context, id: number) {
    const ref = await this.require(ctx, id, 'assign');
    const [caseWorkers, supervisors] = await Promise.all([repo.usersHolding(this.db, 'case.manage', ref.regencyCode), repo.usersHolding(this.db, 'case.supervise', ref.regencyCode)]);
    return { caseWorkers, supervisors };
  }

  // ---- changes ----

  /** Runs a change on a locked case; `need` is checked again on the locked row. */
  private async change(ctx: Context, id: number, need: CaseNeed, work: (tx: Tx, ref: CaseRef) => Promise<void>): Promise<CaseDetail> {
    await this.require(ctx, id, need);
    await inTransaction(this.db, async (tx) => {
      await repo.lockCase(tx, id);
      const ref = await loadCaseFor(tx, ctx, id, need, this.clock());
      await work(tx, ref);
      await tx.updateTable('rehab_case').set({ version: sql<number>`version + 1`, updated_at: this.clock() }).where('id', '=', id).execute();
    });
    return this.get(ctx, id);
  }

  /** The case with `need` allowed, or the clearest refusal: closed, closure pending, or forbidden. */
  async require(ctx: Context, id: number, need: CaseNeed): Promise<CaseRef> {
    const ref = await this.load(ctx, id);
    if (allows(ctx, ref, need)) return ref;
    const works = allows(ctx, ref, 'manage') || allows(ctx, ref, 'supervise');
    if (works && ref.status === 'closed' && need !== 'reopen') throw caseError('case.closed');
    if (works && ref.closurePending && (need === 'change_status' || need === 'request_closure')) throw caseError('case.closure_pending');
    throw authError('auth.forbidden');
  }

  async assign(ctx: Context, id: number, input: AssignCase): Promise<CaseDetail> {
    return this.change(ctx, id, 'assign', async (tx, ref) => {
      const by = actorUserId(ctx);
      const changes: { role: 'case_worker' | 'supervisor'; from: number | null; to: number | null }[] = [];
      if (input.caseWorkerId !== undefined && input.caseWorkerId !== ref.assignedUserId) changes.push({ role: 'case_worker', from: ref.assignedUserId, to: input.caseWorkerId });
      if (input.supervisorId !== undefined && input.supervisorId !== ref.supervisorUserId) changes.push({ role: 'supervisor', from: ref.supervisorUserId, to: input.supervisorId });
      if (changes.length === 0) return;
      const reassigning = changes.some((c) => c.from !== null);
      const reason = reassigning ? reasonOrThrow(input.reason) : input.reason.trim();
      for (const c of changes) {
        const permission = c.role === 'case_worker' ? 'case.manage' : 'case.supervise';
        if (c.to !== null && !(await repo.userMayHold(tx, c.to, permission, ref.regencyCode)))
          throw caseError('case.assignee_invalid', { field: c.role === 'case_worker' ? 'caseWorkerId' : 'supervisorId' });
        await tx.insertInto('rehab_case_assignment').values({ case_id: id, user_id: c.to, role: c.role, reason, assigned_by: by, assigned_at: this.clock() }).execute();
      }
      await tx
        .updateTable('rehab_case')
        .set({
          ...(input.caseWorkerId !== undefined ? { assigned_user_id: input.caseWorkerId } : {}),
          ...(input.supervisorId !== undefined ? { supervisor_user_id: input.supervisorId } : {}),
        })
        .where('id', '=', id)
        .execute();
      await repo.insertEvent(tx, { case_id: id, kind: reassigning ? 'reassigned' : 'assigned', reason, actor_id: by, at: this.clock() });
      if (changes.some((c) => c.role === 'case_worker')) await repo.syncPersonAssignment(tx, ref.personId);
      await audit(tx, ctx, {
        action: reassigning ? 'case.reassigned' : 'case.assigned',
        entityType: 'case',
        entityId: id,
        regionCode: ref.regencyCode,
        reason: reason || null,
        summary: { caseCode: ref.caseCode, changes: changes.map((c) => ({ role: c.role, fromUserId: c.from, toUserId: c.to })) },
      });
    });
  }

  async changeStatus(ctx: Context, id: number, input: { status: CaseStatusValue; reason: string; version?: number | undefined }): Promise<CaseDetail> {
    return this.change(ctx, id, 'change_status', async (tx, ref) => {
      if (input.version !== undefined && input.version !== ref.version) throw caseError('case.version_conflict');
      if (!nextStatuses(ref.status).includes(input.status)) throw caseError('case.transition_not_allowed', { from: ref.status, to: input.status });
      if (input.status === 'plan' && ref.status === 'assessment') {
        const submitted = await tx.selectFrom('case_assessment').select('id').where('case_id', '=', id).where('status', '=', 'submitted').executeTakeFirst();
        if (!submitted) throw caseError('case.needs_assessment');
      }
      if (input.status === 'services' && ref.status === 'plan') {
        const approved = await tx.selectFrom('case_plan').select('id').where('case_id', '=', id).where('status', '=', 'approved').executeTakeFirst();
        if (!approved) throw caseError('case.needs_approved_plan');
      }
      await tx.updateTable('rehab_case').set({ status: input.status }).where('id', '=', id).execute();
      await repo.insertEvent(tx, { case_id: id, kind: 'status_changed', from_status: ref.status, to_status: input.status, reason: input.reason, actor_id: actorUserId(ctx), at: this.clock() });
      await audit(tx, ctx, {
        action: 'case.status_changed',
        entityType: 'case',
        entityId: id,
        regionCode: ref.regencyCode,
        reason: input.reason || null,
        summary: { caseCode: ref.caseCode, from: ref.status, to: input.status },
      });
    });
  }

  async requestClosure(ctx: Context, id: number, reason: string): Promise<CaseDetail> {
    const r = reasonOrThrow(reason);
    return this.change(ctx, id, 'request_closure', async (tx, ref) => {
      await tx.updateTable('rehab_case').set({ closure_reason: r, closure_requested_by: actorUserId(ctx), closure_requested_at: this.clock() }).where('id', '=', id).execute();
      await repo.insertEvent(tx, { case_id: id, kind: 'closure_requested', from_status: ref.status, reason: r, actor_id: actorUserId(ctx), at: this.clock() });
      await audit(tx, ctx, { action: 'case.closure_requested', entityType: 'case', entityId: id, regionCode: ref.regencyCode, reason: r, summary: { caseCode: ref.caseCode, status: ref.status } });
    });
  }

  async approveClosure(ctx: Context, id: number): Promise<CaseDetail> {
    await this.ownRequestCheck(ctx, id);
    return this.change(ctx, id, 'approve_closure', async (tx, ref) => {
      const at = this.clock();
      await tx.updateTable('rehab_case').set({ status: 'closed', closed_at: at, closure_requested_by: null, closure_requested_at: null }).where('id', '=', id).execute();
      await repo.insertEvent(tx, { case_id: id, kind: 'closed', from_status: ref.status, to_status: 'closed', reason: ref.row.closure_reason ?? '', actor_id: actorUserId(ctx), at: this.clock() });
      await audit(tx, ctx, {
        action: 'case.closed',
        entityType: 'case',
        entityId: id,
        regionCode: ref.regencyCode,
        reason: ref.row.closure_reason,
        summary: { caseCode: ref.caseCode, from: ref.status, requestedBy: ref.closureRequestedBy },
      });
      for (const fn of this.closedListeners) await fn(tx, ctx, { caseId: id, regencyCode: ref.regencyCode, on: repo.todayWib(at) });
    });
  }

  async rejectClosure(ctx: Context, id: number, reason: string): Promise<CaseDetail> {
    const r = reasonOrThrow(reason);
    await this.ownRequestCheck(ctx, id);
    return this.change(ctx, id, 'reject_closure', async (tx, ref) => {
      await tx.updateTable('rehab_case').set({ closure_reason: null, closure_requested_by: null, closure_requested_at: null }).where('id', '=', id).execute();
      await repo.insertEvent(tx, { case_id: id, kind: 'closure_rejected', reason: r, actor_id: actorUserId(ctx), at: this.clock() });
      await audit(tx, ctx, { action: 'case.closure_rejected', entityType: 'case', entityId: id, regionCode: ref.regencyCode, reason: r, summary: { caseCode: ref.caseCode } });
    });
  }

  /** Clear answers instead of a bare 403: no request, or the caller's own request. */
  private async ownRequestCheck(ctx: Context, id: number): Promise<void> {
    const ref = await this.load(ctx, id, 'supervise');
    if (ref.status === 'closed') throw caseError('case.closed');
    if (!ref.closurePending) throw caseError('case.no_closure_request');
    if (ctx.actor.kind === 'user' && ref.closureRequestedBy === ctx.actor.userId) throw caseError('case.own_request');
  }

  async reopen(ctx: Context, id: number, reason: string): Promise<CaseDetail> {
    const r = reasonOrThrow(reason);
    const before = await this.load(ctx, id);
    if (before.status !== 'closed') throw caseError('case.not_closed');
    return this.change(ctx, id, 'reopen', async (tx, ref) => {
      // Back to the status the case had when it was closed.
      const closed = await tx.selectFrom('rehab_case_event').select('from_status').where('case_id', '=', id).where('kind', '=', 'closed').orderBy('id', 'desc').limit(1).executeTakeFirst();
      const to = (closed?.from_status ?? 'follow_up') as CaseStatusValue;
      await tx.updateTable('rehab_case').set({ status: to, closed_at: null, closure_reason: null }).where('id', '=', id).execute();
      await repo.insertEvent(tx, { case_id: id, kind: 'reopened', from_status: 'closed', to_status: to, reason: r, actor_id: actorUserId(ctx), at: this.clock() });
      await repo.syncPersonAssignment(tx, ref.personId);
      await audit(tx, ctx, { action: 'case.reopened', entityType: 'case', entityId: id, regionCode: ref.regencyCode, reason: r, summary: { caseCode: ref.caseCode, to } });
      for (const fn of this.reopenedListeners) await fn(tx, ctx, { caseId: id, regencyCode: ref.regencyCode, on: repo.todayWib(this.clock()) });
    });
  }
}
