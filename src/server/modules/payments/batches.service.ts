// Payment batches: candidates, prepare (finance officer), approve or reject (a head of
// office, another person, re-authenticated, within the budget), send, and the year-end
// return of unclaimed money. Each change runs in one transaction with its audit event
// and, when the request carried an Idempotency-Key, the stored answer.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ApproveSchema, Batch, BatchDetail, CandidateQuery, PrepareBatchSchema, RejectSchema, ReturnUnclaimedSchema, SendSchema } from '../../../common/payments.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Context } from '../../platform/auth/actor.ts';
import { authError } from '../../platform/auth/auth.errors.ts';
import { authorize, requireRecentReauth } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inScope, scopeRoot } from '../../platform/auth/scope.ts';
import { inTransaction, type Db, type Executor, type Tx } from '../../platform/db/database.ts';
import type { IdempotencyClaim } from '../../platform/idempotency/idempotency.ts';
import { assertBudgetCovers } from './budget-check.ts';
import { paymentError } from './payments.errors.ts';
import { batchActions, batchInScope } from './payments.policy.ts';
import { batchQuery, batchScope, listBatches, nextBatchReference, payableEntitlements, statusCounts, type BatchRow, type EntitlementFilter } from './payments.repository.ts';
import { batchDetail, toBatch } from './payments.views.ts';

type Claim = IdempotencyClaim | null | undefined;
const actorId = (ctx: Context) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

export class BatchService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly reauthMs: number,
  ) {}

  /** The region the entitlements are taken from: the filter (inside the scope) or the scope itself. */
  private filterOf(ctx: Context, input: z.output<typeof PrepareBatchSchema> | CandidateQuery): EntitlementFilter {
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : null;
    if (input.region && ctx.actor.kind === 'user' && !inScope(scope, input.region)) throw paymentError('payment.region_out_of_scope');
    const region = input.region ?? (ctx.actor.kind === 'user' && scope ? scopeRoot(scope) : null);
    return { programmeId: input.programmeId, schemeId: input.schemeId, componentId: input.componentId, region };
  }

  private async split(db: Executor, f: EntitlementFilter) {
    const rows = await payableEntitlements(db, f).execute();
    const usable = rows.filter((r) => r.account_id !== null && r.review_status !== 'pending' && !r.review_required);
    const withoutAccount = rows.filter((r) => r.account_id === null && !r.review_required);
    const held = rows.length - usable.length - withoutAccount.length;
    return { usable, withoutAccount, held };
  }

  private async programmeExists(db: Executor, id: number) {
    if (!(await db.selectFrom('programme').select('id').where('id', '=', id).executeTakeFirst())) throw paymentError('payment.programme_not_found');
  }

  async candidates(ctx: Context, q: CandidateQuery) {
    authorize(ctx.actor, 'payment.prepare');
    const f = this.filterOf(ctx, q);
    await this.programmeExists(this.db, q.programmeId);
    const { usable, withoutAccount, held } = await this.split(this.db, f);
    return {
      count: usable.length,
      totalAmount: usable.reduce((s, r) => s + Number(r.amount), 0),
      years: [...new Set(usable.map((r) => r.year))].sort(),
      withoutAccount: withoutAccount.map(missing),
      heldForReview: held,
    };
  }

  async prepare(ctx: Context, input: z.output<typeof PrepareBatchSchema>, claim?: Claim) {
    authorize(ctx.actor, 'payment.prepare');
    const f = this.filterOf(ctx, input);
    const me = actorId(ctx);
    if (me === null) throw authError('auth.forbidden');
    return inTransaction(this.db, async (tx) => {
      await this.programmeExists(tx, input.programmeId);
      // Lock the payable entitlements (in id order): a second preparation waits, then finds them taken.
      await payableEntitlements(tx, f).clearOrderBy().orderBy('e.id').forUpdate('e').execute();
      const { usable, withoutAccount } = await this.split(tx, f);
      if (usable.length === 0) throw paymentError('payment.nothing_due');
      const years = [...new Set(usable.map((r) => r.year))];
      if (years.length > 1) throw paymentError('payment.mixed_years', { years: years.sort().join(', ') });
      const year = years[0]!;
      const reference = await nextBatchReference(tx, year);
      const total = usable.reduce((s, r) => s + Number(r.amount), 0);
      const batch = await tx
        .insertInto('payment_batch')
        .values({
          reference,
          programme_id: input.programmeId,
          year,
          region_code: f.region,
          filters: JSON.stringify({ ...(input.schemeId ? { schemeId: input.schemeId } : {}), ...(input.componentId ? { componentId: input.componentId } : {}), ...(input.region ? { region: input.region } : {}) }),
          payment_count: usable.length,
          total_amount: total,
          prepared_by: me,
          prepared_at: this.clock(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('payment')
        .values(
          usable.map((r, i) => ({
            batch_id: batch.id,
            entitlement_id: r.id,
            person_id: r.person_id,
            regency_code: r.regency_code,
            component_id: r.component_id,
            funding_source: r.funding_source,
            amount: Number(r.amount),
            bank_account_id: r.account_id!,
            bank_code: r.bank_code!,
            reference: `${reference}-${String(i + 1).padStart(4, '0')}`,
          })),
        )
        .execute();
      await tx
        .updateTable('aid_entitlement')
        .set({ status: 'in_batch', status_changed_at: this.clock(), updated_at: this.clock(), version: sql<number>`version + 1` })
        .where('id', 'in', usable.map((r) => r.id))
        .execute();
      const result = { batch: await this.detailIn(tx, ctx, batch.id), withoutAccount: withoutAccount.map(missing) };
      await claim?.settle(tx, result);
      await audit(tx, ctx, {
        action: 'payment.batch_prepared',
        entityType: 'payment_batch',
        entityId: batch.id,
        regionCode: f.region,
        summary: { reference, payments: usable.length, totalAmount: total, withoutAccount: withoutAccount.length, ...JSON.parse(JSON.stringify(input)) },
      });
      return result;
    });
  }

  async list(ctx: Context, q: { status?: Batch['status'] | undefined; programmeId?: number | undefined; limit: number; offset: number }) {
    authorize(ctx.actor, 'payment.read');
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : { level: 'national' as const };
    const { rows, total } = await listBatches(this.db, scope, q);
    const counts = await statusCounts(this.db, rows.map((r) => r.id));
    return { items: rows.map((r) => toBatch(ctx.actor, r, counts.get(r.id) ?? {})), total };
  }

  /** One batch as the actor may see it (404 outside the scope); `lock` for a state change. */
  async visible(db: Executor, ctx: Context, id: number, lock = false): Promise<BatchRow> {
    if (lock) await db.selectFrom('payment_batch').select('id').where('id', '=', id).forUpdate().execute();
    const b = await batchQuery(db).where('b.id', '=', id).executeTakeFirst();
    if (!b || !batchInScope(ctx.actor, b.region_code)) throw paymentError('payment.batch_not_found');
    return b;
  }

  private detailIn(db: Executor, ctx: Context, id: number): Promise<BatchDetail> {
    return this.visible(db, ctx, id).then((b) => batchDetail(db, ctx.actor, b));
  }

  async get(ctx: Context, id: number): Promise<BatchDetail> {
    authorize(ctx.actor, 'payment.read');
    return this.detailIn(this.db, ctx, id);
  }

  private expect(b: BatchRow, version: number, status: Batch['status']) {
    if (b.status !== status) throw paymentError('payment.batch_state', { status: b.status, expected: status });
    if (b.version !== version) throw paymentError('payment.stale');
  }

  private async transition(tx: Tx, ctx: Context, b: BatchRow, set: Record<string, unknown>, paymentsTo: 'approved' | 'sent' | 'cancelled', entitlementsTo?: 'due') {
    const now = this.clock();
    await tx
      .updateTable('payment_batch')
      .set({ ...set, version: sql<number>`version + 1`, updated_at: now })
      .where('id', '=', b.id)
      .execute();
    const moved = await tx
      .updateTable('payment')
      .set({ status: paymentsTo, status_changed_at: now, version: sql<number>`version + 1` })
      .where('batch_id', '=', b.id)
      .where('status', 'in', paymentsTo === 'sent' ? ['approved'] : ['prepared'])
      .returning('entitlement_id')
      .execute();
    if (entitlementsTo)
      await tx
        .updateTable('aid_entitlement')
        .set({ status: entitlementsTo, status_changed_at: now, updated_at: now, version: sql<number>`version + 1` })
        .where('id', 'in', moved.length ? moved.map((m) => m.entitlement_id) : [0])
        .execute();
    return this.detailIn(tx, ctx, b.id);
  }

  async approve(ctx: Context, id: number, input: z.output<typeof ApproveSchema>, claim?: Claim): Promise<BatchDetail> {
    authorize(ctx.actor, 'payment.approve');
    requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    return inTransaction(this.db, async (tx) => {
      const b = await this.visible(tx, ctx, id, true);
      this.expect(b, input.version, 'prepared');
      if (actorId(ctx) === b.prepared_by) throw paymentError('payment.same_person');
      await assertBudgetCovers(tx, b.id);
      const detail = await this.transition(tx, ctx, b, { status: 'approved', approved_by: actorId(ctx), approved_at: this.clock() }, 'approved');
      await claim?.settle(tx, detail);
      await audit(tx, ctx, {
        action: 'payment.batch_approved',
        entityType: 'payment_batch',
        entityId: b.id,
        regionCode: b.region_code,
        summary: { reference: b.reference, payments: b.payment_count, totalAmount: Number(b.total_amount), preparedBy: b.prepared_by },
      });
      return detail;
    });
  }

  async reject(ctx: Context, id: number, input: z.output<typeof RejectSchema>, claim?: Claim): Promise<BatchDetail> {
    authorize(ctx.actor, 'payment.approve');
    requireRecentReauth(ctx.actor, this.clock(), this.reauthMs);
    return inTransaction(this.db, async (tx) => {
      const b = await this.visible(tx, ctx, id, true);
      this.expect(b, input.version, 'prepared');
      if (actorId(ctx) === b.prepared_by) throw paymentError('payment.same_person');
      // The entitlements are free again for another batch.
      const detail = await this.transition(tx, ctx, b, { status: 'rejected', rejected_reason: input.reason }, 'cancelled', 'due');
      await claim?.settle(tx, detail);
      await audit(tx, ctx, { action: 'payment.batch_rejected', entityType: 'payment_batch', entityId: b.id, regionCode: b.region_code, reason: input.reason, summary: { reference: b.reference } });
      return detail;
    });
  }

  /** The bank file was handed to the bank: the payments are sent. */
  async send(ctx: Context, id: number, input: z.output<typeof SendSchema>, claim?: Claim): Promise<BatchDetail> {
    authorize(ctx.actor, 'payment.prepare');
    return inTransaction(this.db, async (tx) => {
      const b = await this.visible(tx, ctx, id, true);
      this.expect(b, input.version, 'approved');
      const detail = await this.transition(tx, ctx, b, { status: 'sent', sent_by: actorId(ctx), sent_at: this.clock() }, 'sent');
      await claim?.settle(tx, detail);
      await audit(tx, ctx, { action: 'payment.batch_sent', entityType: 'payment_batch', entityId: b.id, regionCode: b.region_code, summary: { reference: b.reference } });
      return detail;
    });
  }

  /**
   * After 31 December of a budget year (WIB), money sent but not claimed goes back to the
   * treasury: those payments and their entitlements become `returned`; batches with nothing
   * left open close.
   */
  async returnUnclaimed(ctx: Context, input: z.output<typeof ReturnUnclaimedSchema>, claim?: Claim) {
    authorize(ctx.actor, 'payment.prepare');
    const wibYear = new Date(this.clock().getTime() + 7 * 3_600_000).getUTCFullYear();
    if (wibYear <= input.year) throw paymentError('payment.year_not_over', { year: input.year });
    const scope = ctx.actor.kind === 'user' ? ctx.actor.scope : { level: 'national' as const };
    return inTransaction(this.db, async (tx) => {
      const now = this.clock();
      const batches = await tx
        .selectFrom('payment_batch as b')
        .select(['b.id', 'b.region_code'])
        .where('b.year', '<=', input.year)
        .where('b.status', '=', 'sent')
        .where(batchScope(scope))
        .forUpdate()
        .execute();
      const ids = batches.map((b) => b.id);
      const returned = ids.length
        ? await tx
            .updateTable('payment')
            .set({ status: 'returned', status_changed_at: now, failure_note: 'Tidak diambil sampai akhir tahun anggaran', version: sql<number>`version + 1` })
            .where('batch_id', 'in', ids)
            .where('status', '=', 'sent')
            .returning(['entitlement_id', 'amount'])
            .execute()
        : [];
      if (returned.length)
        await tx
          .updateTable('aid_entitlement')
          .set({ status: 'returned', status_changed_at: now, updated_at: now, version: sql<number>`version + 1` })
          .where('id', 'in', returned.map((r) => r.entitlement_id))
          .execute();
      await closeFinishedBatches(tx, ids, now);
      const result = { year: input.year, returned: returned.length, amount: returned.reduce((s, r) => s + Number(r.amount), 0), batches: ids.length };
      await claim?.settle(tx, result);
      await audit(tx, ctx, { action: 'payment.unclaimed_returned', entityType: 'payment_batch', entityId: null, regionCode: scope && scope.level !== 'national' ? scope.code : null, summary: result });
      return result;
    });
  }
}

/** A batch none of whose payments still waits (approved or sent) is closed. */
export async function closeFinishedBatches(tx: Tx, batchIds: number[], now: Date): Promise<void> {
  if (batchIds.length === 0) return;
  await tx
    .updateTable('payment_batch')
    .set({ status: 'closed', closed_at: now, updated_at: now, version: sql<number>`version + 1` })
    .where('id', 'in', batchIds)
    .where('status', '=', 'sent')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('payment').select('id').whereRef('payment.batch_id', '=', 'payment_batch.id').where('payment.status', 'in', ['approved', 'sent']))))
    .execute();
}

function missing(r: { id: number; person_id: number; case_code: string; component_code: string; amount: number; regency_code: string }) {
  return { entitlementId: r.id, personId: r.person_id, caseCode: r.case_code, componentCode: r.component_code, amount: Number(r.amount), regencyCode: r.regency_code };
}

export { batchActions };
