// Reconciliation: the bank's result file applied to a sent batch in one transaction
// (all rows or none), matched by payment reference. Rows that do not match (unknown
// reference, amount differs, a second credit) become mismatches for review; the others
// set payment and entitlement statuses. The same file is never applied twice.
import { sql } from 'kysely';
import type { Context } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Clock } from '../../platform/auth/clock.ts';
import { inTransaction, type Db } from '../../platform/db/database.ts';
import type { FieldError } from '../../platform/errors/app-error.ts';
import type { IdempotencyClaim } from '../../platform/idempotency/idempotency.ts';
import { closeFinishedBatches, type BatchService } from './batches.service.ts';
import { paymentError } from './payments.errors.ts';
import { batchQuery, statusCounts } from './payments.repository.ts';
import { toBatch, toMismatch } from './payments.views.ts';
import { readResultFile, rowError, type ResultStatus } from './result-file.ts';

type Kind = 'unknown_reference' | 'amount_differs' | 'duplicate_credit';

export class ReconciliationService {
  constructor(
    private readonly db: Db,
    private readonly batches: BatchService,
    private readonly clock: Clock,
  ) {}

  async import(ctx: Context, batchId: number, input: { sha256: string; bytes: AsyncIterable<Buffer> }, claim?: IdempotencyClaim | null) {
    authorize(ctx.actor, 'payment.prepare');
    await this.batches.visible(this.db, ctx, batchId); // 404 before reading a file for an unseen batch
    const file = await readResultFile(input.bytes);
    if (file.sha256 !== input.sha256) throw paymentError('payment.file_hash');
    if (file.errors.length) throw paymentError('payment.file_invalid', {}, file.errors);
    if (file.rows.length === 0) throw paymentError('payment.file_empty');
    const me = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    if (me === null) throw paymentError('payment.batch_not_found');

    return inTransaction(this.db, async (tx) => {
      const b = await this.batches.visible(tx, ctx, batchId, true);
      if (await tx.selectFrom('payment_reconciliation').select('id').where('batch_id', '=', b.id).where('file_sha256', '=', file.sha256).executeTakeFirst())
        throw paymentError('payment.file_applied');
      if (b.status !== 'sent') throw paymentError('payment.batch_state', { status: b.status, expected: 'sent' });
      const payments = await tx.selectFrom('payment').selectAll().where('batch_id', '=', b.id).forUpdate().execute();
      const byRef = new Map(payments.map((p) => [p.reference, { ...p }]));
      const now = this.clock();
      const mismatches: { row_number: number; kind: Kind; reference: string; payment_id: number | null; expected_amount: number | null; reported_amount: number }[] = [];
      const changes = new Map<number, { status: ResultStatus; paidAt: Date | null; bankReference: string | null; entitlementId: number }>();
      const errors: FieldError[] = [];
      for (const r of file.rows) {
        const p = byRef.get(r.reference);
        const mismatch = (kind: Kind) =>
          mismatches.push({ row_number: r.row, kind, reference: r.reference.slice(0, 100), payment_id: p?.id ?? null, expected_amount: p ? Number(p.amount) : null, reported_amount: r.amount });
        if (!p) mismatch('unknown_reference');
        else if (r.amount !== Number(p.amount)) mismatch('amount_differs');
        else if (r.status === 'paid' && p.status === 'paid') mismatch('duplicate_credit');
        else if (p.status === r.status) continue; // the same outcome again: nothing to do
        else if (p.status !== 'sent')
          errors.push(rowError(r.row, 'status', `pembayaran ${r.reference} berstatus ${p.status} dan tidak dapat menjadi ${r.status}.`, `payment ${r.reference} is ${p.status} and cannot become ${r.status}.`));
        else {
          p.status = r.status;
          changes.set(p.id, { status: r.status, paidAt: r.status === 'paid' ? (r.date ? new Date(`${r.date}T00:00:00+07:00`) : now) : null, bankReference: r.bankReference, entitlementId: p.entitlement_id });
        }
      }
      if (errors.length) throw paymentError('payment.file_invalid', {}, errors.slice(0, 100));
      for (const [id, c] of changes) {
        await tx
          .updateTable('payment')
          .set({ status: c.status, status_changed_at: now, paid_at: c.paidAt, bank_reference: c.bankReference?.slice(0, 100) ?? null, version: sql<number>`version + 1` })
          .where('id', '=', id)
          .where('status', '=', 'sent')
          .execute();
        await tx
          .updateTable('aid_entitlement')
          .set({ status: c.status, paid_at: c.paidAt, status_changed_at: now, updated_at: now, version: sql<number>`version + 1` })
          .where('id', '=', c.entitlementId)
          .execute();
      }
      const count = (s: ResultStatus) => [...changes.values()].filter((c) => c.status === s).length;
      const rec = await tx
        .insertInto('payment_reconciliation')
        .values({
          batch_id: b.id,
          file_sha256: file.sha256,
          row_count: file.rows.length,
          paid_count: count('paid'),
          failed_count: count('failed'),
          returned_count: count('returned'),
          mismatch_count: mismatches.length,
          imported_by: me,
          imported_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const saved = mismatches.length
        ? await tx
            .insertInto('payment_mismatch')
            .values(mismatches.map((m) => ({ ...m, reconciliation_id: rec.id, batch_id: b.id })))
            .returningAll()
            .execute()
        : [];
      await closeFinishedBatches(tx, [b.id], now);
      const after = await batchQuery(tx).where('b.id', '=', b.id).executeTakeFirstOrThrow();
      const result = {
        reconciliationId: rec.id,
        rows: file.rows.length,
        paid: count('paid'),
        failed: count('failed'),
        returned: count('returned'),
        mismatches: saved.map((m) => toMismatch(ctx.actor, m)),
        batch: toBatch(ctx.actor, after, (await statusCounts(tx, [b.id])).get(b.id) ?? {}),
      };
      await claim?.settle(tx, result);
      await audit(tx, ctx, {
        action: 'payment.reconciled',
        entityType: 'payment_batch',
        entityId: b.id,
        regionCode: b.region_code,
        summary: { reference: b.reference, rows: result.rows, paid: result.paid, failed: result.failed, returned: result.returned, mismatches: saved.length },
      });
      return result;
    });
  }

  async resolve(ctx: Context, id: number, resolution: string, claim?: IdempotencyClaim | null) {
    authorize(ctx.actor, 'payment.prepare');
    return inTransaction(this.db, async (tx) => {
      const m = await tx.selectFrom('payment_mismatch').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!m) throw paymentError('payment.mismatch_not_found');
      const b = await this.batches.visible(tx, ctx, m.batch_id).catch(() => {
        throw paymentError('payment.mismatch_not_found');
      });
      if (m.status === 'resolved') throw paymentError('payment.mismatch_resolved');
      const row = await tx
        .updateTable('payment_mismatch')
        .set({ status: 'resolved', resolution, resolved_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, resolved_at: this.clock() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const result = toMismatch(ctx.actor, row);
      await claim?.settle(tx, result);
      await audit(tx, ctx, { action: 'payment.mismatch_resolved', entityType: 'payment_mismatch', entityId: id, regionCode: b.region_code, reason: resolution, summary: { kind: m.kind, batch: b.reference } });
      return result;
    });
  }
}
