// Rows → the API's shapes, each with the caller's allowed actions.
import type { z } from 'zod';
import type { Batch, BatchDetail, MismatchSchema, PaymentSchema } from '../../../common/payments.ts';
import type { AnyActor } from '../../platform/auth/actor.ts';
import { can } from '../../platform/auth/authorize.ts';
import { inScope } from '../../platform/auth/scope.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { PaymentMismatchTable } from './payments.tables.ts';
import { batchActions } from './payments.policy.ts';
import { paymentQuery, statusCounts, type BatchRow, type PaymentRow } from './payments.repository.ts';
import type { Selectable } from 'kysely';

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function toBatch(actor: AnyActor, b: BatchRow, byStatus: Record<string, number>): Batch {
  return {
    id: b.id,
    reference: b.reference,
    programmeId: b.programme_id,
    year: b.year,
    regionCode: b.region_code,
    filters: b.filters,
    status: b.status,
    paymentCount: b.payment_count,
    totalAmount: Number(b.total_amount),
    preparedBy: { id: b.prepared_by, name: b.prepared_by_name ?? '' },
    preparedAt: iso(b.prepared_at),
    approvedBy: b.approved_by ? { id: b.approved_by, name: b.approved_by_name ?? '' } : null,
    approvedAt: isoOrNull(b.approved_at),
    rejectedReason: b.rejected_reason,
    sentAt: isoOrNull(b.sent_at),
    closedAt: isoOrNull(b.closed_at),
    byStatus,
    openMismatches: Number(b.open_mismatches ?? 0),
    version: b.version,
    actions: batchActions(actor, { status: b.status, regionCode: b.region_code, preparedBy: b.prepared_by }),
  };
}

/** Receipts: any reader of paid payments; with the identity, whoever may reveal it (region-wide reach). */
export function toPayment(actor: AnyActor, p: PaymentRow): z.infer<typeof PaymentSchema> {
  const actions: ('receipt' | 'receipt_with_identity')[] = [];
  if (p.status === 'paid') {
    actions.push('receipt');
    if (can(actor, 'person.reveal_identity') && (actor.kind === 'system' || inScope(actor.scope, p.regency_code))) actions.push('receipt_with_identity');
  }
  return {
    id: p.id,
    reference: p.reference,
    batchId: p.batch_id,
    batchReference: p.batch_reference,
    personId: p.person_id,
    caseCode: p.case_code,
    regencyCode: p.regency_code,
    componentCode: p.component_code,
    amount: Number(p.amount),
    bankCode: p.bank_code,
    status: p.status,
    statusChangedAt: iso(p.status_changed_at),
    paidAt: isoOrNull(p.paid_at),
    failureNote: p.failure_note,
    actions,
  };
}

export function toMismatch(actor: AnyActor, m: Selectable<PaymentMismatchTable>): z.infer<typeof MismatchSchema> {
  return {
    id: m.id,
    batchId: m.batch_id,
    rowNumber: m.row_number,
    kind: m.kind,
    reference: m.reference,
    paymentId: m.payment_id,
    expectedAmount: m.expected_amount === null ? null : Number(m.expected_amount),
    reportedAmount: Number(m.reported_amount),
    status: m.status,
    resolution: m.resolution,
    resolvedAt: isoOrNull(m.resolved_at),
    actions: m.status === 'open' && can(actor, 'payment.prepare') ? ['resolve'] : [],
  };
}

export async function batchDetail(db: Executor, actor: AnyActor, b: BatchRow): Promise<BatchDetail> {
  const [payments, mismatches, reconciliations, counts] = [
    await paymentQuery(db).where('y.batch_id', '=', b.id).orderBy('y.reference').execute(),
    await db.selectFrom('payment_mismatch').selectAll().where('batch_id', '=', b.id).orderBy('id').execute(),
    await db.selectFrom('payment_reconciliation').selectAll().where('batch_id', '=', b.id).orderBy('id').execute(),
    await statusCounts(db, [b.id]),
  ];
  return {
    ...toBatch(actor, b, counts.get(b.id) ?? {}),
    payments: payments.map((p) => toPayment(actor, p)),
    mismatches: mismatches.map((m) => toMismatch(actor, m)),
    reconciliations: reconciliations.map((r) => ({
      id: r.id,
      rowCount: r.row_count,
      paid: r.paid_count,
      failed: r.failed_count,
      returned: r.returned_count,
      mismatches: r.mismatch_count,
      importedAt: iso(r.imported_at),
    })),
  };
}
