// Follow-up visits of a rehabilitation case. One series per case, scheduled when the
// case's closure is approved or its return home is confirmed (whichever comes first;
// the second finds every offset taken and adds nothing), at the programme's offsets
// (default 1, 3, 6, 12 months). Reopening the case cancels the visits due after that
// day that are still unvisited (overdue ones stay, to be recorded or marked missed);
// closing it again schedules the cancelled offsets from the new closure date.
// At each visit the worker records the outcome (and, for "moved", where to, when
// known) with a sealed note, or marks it missed with a reason. Every change and every
// read of a case's visits is audited; summaries carry case codes only.
import { DUE_SOON_DAYS, type FollowUp, type RecordFollowUp } from '../../../common/follow-ups.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import type { RecordSealer } from '../../platform/crypto/envelope.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/database.ts';
import { caseReaches, caseVisible, loadCaseFor, type CaseReaches } from '../cases/case-access.ts';
import type { CaseLifecycleEvent, CaseService } from '../cases/cases.service.ts';
import { actorUserId, wibDate } from '../registry/registry-access.ts';
import type { ArrivalEvent, ReturnHomeService } from '../return-home/return-home.service.ts';
import { addDays, addMonths } from './follow-ups.dates.ts';
import { followUpNoteRef } from './follow-up-sealing.ts';
import { followUpError } from './follow-ups.errors.ts';
import { followUpActions, mayReadNotes } from './follow-ups.policy.ts';
import * as repo from './follow-ups.repository.ts';

const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export class FollowUpService {
  constructor(
    private readonly db: Db,
    private readonly sealer: RecordSealer,
    private readonly clock: Clock,
  ) {}

  /** Schedules on approved closures and confirmed arrivals; cancels future visits on reopening. */
  attach(cases: CaseService, returnHome: ReturnHomeService): void {
    cases.onClosed(async (tx, ctx, e: CaseLifecycleEvent) => void (await this.schedule(tx, ctx, e.caseId, 'closure', e.on)));
    cases.onReopened(async (tx, ctx, e: CaseLifecycleEvent) => void (await this.cancelFuture(tx, ctx, e.caseId, e.on)));
    returnHome.onArrived(async (tx, ctx, e: ArrivalEvent) => void (await this.schedule(tx, ctx, e.caseId, 'return_home', e.arrivedOn)));
  }

  private today(): string {
    return wibDate(this.clock());
  }

  /** Adds the visits of every offset the case has no live visit for (idempotent). */
  async schedule(tx: Tx, ctx: Context, caseId: number, source: 'closure' | 'return_home', anchorDate: string): Promise<number> {
    const c = await tx
      .selectFrom('rehab_case as c')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .select(['c.id', 'c.programme_id', 'c.regency_code', 'p.case_code'])
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const { offsets } = await repo.offsetsOf(tx, c.programme_id);
    const inserted = await tx
      .insertInto('follow_up')
      .values(offsets.map((m) => ({ case_id: caseId, regency_code: c.regency_code, source, anchor_date: anchorDate, offset_months: m, due_date: addMonths(anchorDate, m) })))
      .onConflict((oc) => oc.columns(['case_id', 'offset_months']).where('status', '<>', 'cancelled').doNothing())
      .returning('offset_months')
      .execute();
    if (inserted.length > 0)
      await audit(tx, ctx, {
        action: 'follow_up.scheduled',
        entityType: 'case',
        entityId: caseId,
        regionCode: c.regency_code,
        summary: { caseCode: c.case_code, source, anchorDate, offsetsMonths: inserted.map((r) => r.offset_months) },
      });
    return inserted.length;
  }

  /** Cancels the case's unvisited visits due after `on` (the case was reopened). */
  async cancelFuture(tx: Tx, ctx: Context, caseId: number, on: string): Promise<number> {
    const rows = await tx
      .updateTable('follow_up')
      .set({ status: 'cancelled', status_reason: 'case_reopened', updated_at: this.clock() })
      .where('case_id', '=', caseId)
      .where('status', '=', 'scheduled')
      .where('due_date', '>', on)
      .returning(['id', 'regency_code'])
      .execute();
    if (rows.length > 0)
      await audit(tx, ctx, { action: 'follow_up.cancelled', entityType: 'case', entityId: caseId, regionCode: rows[0]!.regency_code, summary: { reason: 'case_reopened', cancelled: rows.length } });
    return rows.length;
  }

  private view(ctx: Context, reaches: CaseReaches, r: repo.VisitRow): FollowUp {
    const c = { regencyCode: r.regency_code, assignedUserId: r.assigned_user_id };
    const hasNote = r.note_ct !== null;
    const note = hasNote && mayReadNotes(ctx.actor, reaches, c) ? this.sealer.open<{ text: string }>(followUpNoteRef(r.id, r.version), { ciphertext: bytes(r.note_ct!), wrappedKey: bytes(r.note_dek_wrapped!) }).text : null;
    return {
      id: r.id,
      caseId: r.case_id,
      caseCode: r.case_code,
      regencyCode: r.regency_code,
      source: r.source,
      anchorDate: r.anchor_date,
      offsetMonths: r.offset_months,
      dueDate: r.due_date,
      status: r.status,
      overdue: r.status === 'scheduled' && r.due_date < this.today(),
      visitedOn: r.visited_on,
      outcome: r.outcome,
      movedRegionCode: r.moved_region_code,
      note,
      hasNote,
      statusReason: r.status_reason,
      recordedAt: iso(r.recorded_at),
      version: r.version,
      actions: followUpActions(ctx.actor, reaches, c, r.status),
    };
  }

  /** A case's visits (the read is audited) and its programme's offsets. */
  async forCase(ctx: Context, caseId: number) {
    authorize(ctx.actor, 'case.read');
    const ref = await loadCaseFor(this.db, ctx, caseId, 'read', this.clock());
    const rows = await repo.visitsOfCase(this.db, caseId);
    const { offsets } = await repo.offsetsOf(this.db, ref.programmeId);
    await inTransaction(this.db, (tx) =>
      audit(tx, ctx, { action: 'case.follow_ups_viewed', entityType: 'case', entityId: caseId, regionCode: ref.regencyCode, summary: { caseCode: ref.caseCode } }),
    );
    return { items: rows.map((r) => this.view(ctx, ref.reaches, r)), offsetsMonths: offsets };
  }

  async get(ctx: Context, id: number): Promise<FollowUp> {
    authorize(ctx.actor, 'case.read');
    const r = await repo.findVisit(this.db, id);
    if (!r) throw followUpError('follow_up.not_found');
    const reaches = await caseReaches(this.db, ctx);
    try {
      await loadCaseFor(this.db, ctx, r.case_id, 'read', this.clock());
    } catch {
      throw followUpError('follow_up.not_found');
    }
    return this.view(ctx, reaches, r);
  }

  /** Locks a visit the actor may change (case.manage on its case) that is still scheduled. */
  private async lockScheduled(tx: Tx, ctx: Context, id: number, version: number | undefined): Promise<repo.VisitRow> {
    await repo.lockVisit(tx, id);
    const r = await repo.findVisit(tx, id);
    if (!r) throw followUpError('follow_up.not_found');
    try {
      await loadCaseFor(tx, ctx, r.case_id, 'read', this.clock());
    } catch {
      throw followUpError('follow_up.not_found');
    }
    await loadCaseFor(tx, ctx, r.case_id, 'manage', this.clock());
    if (version !== undefined && version !== r.version) throw followUpError('follow_up.version_conflict');
    if (r.status !== 'scheduled') throw followUpError('follow_up.not_scheduled', { status: r.status });
    return r;
  }

  async record(ctx: Context, id: number, input: RecordFollowUp): Promise<FollowUp> {
    authorize(ctx.actor, 'case.manage');
    if (input.visitedOn > this.today()) throw followUpError('follow_up.visit_in_future', {}, [{ field: 'body.visitedOn', message: { id: 'Tanggal di masa depan', en: 'Date in the future' } }]);
    await inTransaction(this.db, async (tx) => {
      const r = await this.lockScheduled(tx, ctx, id, input.version);
      if (input.visitedOn < r.anchor_date)
        throw followUpError('follow_up.visit_before_anchor', { anchor: r.anchor_date }, [{ field: 'body.visitedOn', message: { id: `Paling awal ${r.anchor_date}`, en: `Not before ${r.anchor_date}` } }]);
      if (input.movedRegionCode && !(await tx.selectFrom('region').select('code').where('code', '=', input.movedRegionCode).executeTakeFirst()))
        throw followUpError('follow_up.region_unknown', {}, [{ field: 'body.movedRegionCode', message: { id: 'Kode wilayah tidak dikenal', en: 'Unknown region code' } }]);
      const version = r.version + 1;
      const note = input.note.trim() ? this.sealer.seal(followUpNoteRef(id, version), { text: input.note.trim() }) : null;
      await tx
        .updateTable('follow_up')
        .set({
          status: 'done',
          visited_on: input.visitedOn,
          outcome: input.outcome,
          moved_region_code: input.movedRegionCode ?? null,
          note_ct: note?.ciphertext ?? null,
          note_dek_wrapped: note?.wrappedKey ?? null,
          note_key_id: note?.keyId ?? null,
          recorded_by: actorUserId(ctx),
          recorded_at: this.clock(),
          version,
          updated_at: this.clock(),
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'follow_up.recorded',
        entityType: 'follow_up',
        entityId: id,
        regionCode: r.regency_code,
        summary: { caseCode: r.case_code, offsetMonths: r.offset_months, visitedOn: input.visitedOn, outcome: input.outcome, movedRegionCode: input.movedRegionCode ?? null, note: note ? '[changed]' : false },
      });
    });
    return this.get(ctx, id);
  }

  async miss(ctx: Context, id: number, input: { reason: string; version?: number | undefined }): Promise<FollowUp> {
    authorize(ctx.actor, 'case.manage');
    await inTransaction(this.db, async (tx) => {
      const r = await this.lockScheduled(tx, ctx, id, input.version);
      await tx
        .updateTable('follow_up')
        .set({ status: 'missed', status_reason: input.reason, recorded_by: actorUserId(ctx), recorded_at: this.clock(), version: r.version + 1, updated_at: this.clock() })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, {
        action: 'follow_up.missed',
        entityType: 'follow_up',
        entityId: id,
        regionCode: r.regency_code,
        reason: input.reason,
        summary: { caseCode: r.case_code, offsetMonths: r.offset_months, dueDate: r.due_date },
      });
    });
    return this.get(ctx, id);
  }

  /** "My follow-ups": scheduled visits of my assigned cases that are overdue or due within DUE_SOON_DAYS. */
  async mine(ctx: Context) {
    authorize(ctx.actor, 'case.read');
    const me = actorUserId(ctx);
    if (me === null) return { items: [], overdue: 0, dueSoon: 0 };
    const reaches = await caseReaches(this.db, ctx);
    const rows = await repo.dueVisitsOf(this.db, caseVisible(ctx.actor, reaches.read, 'c'), me, addDays(this.today(), DUE_SOON_DAYS));
    const items = rows.map((r) => this.view(ctx, reaches, r));
    const overdue = items.filter((i) => i.overdue).length;
    return { items, overdue, dueSoon: items.length - overdue };
  }
}
